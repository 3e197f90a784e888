/**
 * English and 简体中文. Messages are plain objects, one file per area of the page in `en/` and
 * `zh-CN/`; a message with a value in it is a function (`divergedAt(312)`). The Chinese files are
 * typed by the English ones, so a missing or extra key is a compile error — no mixed screens.
 *
 *   const m = useMessages();  <button>{m.common.play}</button>
 */
import { createContext, useContext, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { zhCN } from './zh-CN';

export type { Messages } from './en';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

const catalog: Record<Language, Messages> = { en, 'zh-CN': zhCN };

export function messagesFor(language: Language): Messages {
  return catalog[language];
}

/** The browser's preferred language if we have it, else English. */
export function detectLanguage(preferred: readonly string[] = globalThis.navigator?.languages ?? []): Language {
  for (const tag of preferred) {
    if (/^zh\b/i.test(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}

const LanguageContext = createContext<Language>('en');

export function LanguageProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export function useMessages(): Messages {
  return catalog[useContext(LanguageContext)];
}

/** A number the way the language writes it (grouping, decimal sign): see numbers.ts. */
export { formatNumber, type NumberOptions } from './numbers';
