import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language, LocalizedText } from '@donthu/domain';
import { en, vi } from './messages';

const STORAGE_KEY = 'donthu.lang';

export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes
});

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

/** The console's language, and a picker for the domain's bilingual labels. */
export function useLanguage(): { lang: Language; label: (text: LocalizedText) => string } {
  const { i18n: instance } = useTranslation();
  const lang: Language = instance.language === 'en' ? 'en' : 'vi';
  return { lang, label: (text) => text[lang] };
}

export default i18n;
