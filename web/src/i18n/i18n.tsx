import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type Lang, type MessageKey } from './messages';

export const LANG_KEY = 'tw.lang';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A text kept for later (a notice, an announcement): its key and parameters, translated when it is shown, so that it
 * follows the language toggle instead of staying in the language it was made in.
 */
export interface Message {
  key: MessageKey;
  params?: Params;
}

/** Fills `{name}` placeholders; unknown placeholders stay as they are. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) => format(dictionary[key] ?? dictionaries.ko[key] ?? key, params);
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
  toggle(): void;
}

const I18nContext = createContext<I18n>({
  lang: 'ko',
  t: translator('ko'),
  setLang: () => undefined,
  toggle: () => undefined,
});

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({ lang, t: translator(lang), setLang, toggle: () => setLang(lang === 'ko' ? 'en' : 'ko') }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
