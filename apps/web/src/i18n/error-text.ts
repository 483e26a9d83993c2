import { useTranslation } from 'react-i18next';

/** Error keys the schema uses → translated words; anything else (the domain's Vietnamese reason) as it is. */
export function useErrorText() {
  const { t } = useTranslation();
  return (message: string | undefined): string | undefined => {
    if (message === undefined) return undefined;
    const key = `errors.${message}`;
    const known = t(key, { defaultValue: '' });
    if (known) return known;
    return /^(Invalid|Too|Expected|String)/.test(message) ? t('errors.required') : message;
  };
}
