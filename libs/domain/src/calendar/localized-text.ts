/** Text shown to people: Vietnamese first (the language of the law), English alongside. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

export type Language = keyof LocalizedText;
