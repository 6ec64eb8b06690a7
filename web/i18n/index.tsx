import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nl, type Dictionary } from './nl.ts';
import { en } from './en.ts';

export type Lang = 'nl' | 'en';
const dictionaries: Record<Lang, Dictionary> = { nl, en };
const STORAGE_KEY = 'rightsdesk.lang';

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    /* storage unavailable: fall back to Dutch */
  }
  return 'nl';
}

/** Replaces {name} placeholders. */
export function fmt(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

export interface I18n {
  lang: Lang;
  t: Dictionary;
  setLang(lang: Lang): void;
  /** A calendar date 'YYYY-MM-DD' (or an ISO timestamp), in the UI language. */
  date(value: string | null | undefined, precision?: 'day' | 'month' | 'year'): string;
  /** A timestamp with time of day. */
  dateTime(value: string | null | undefined): string;
  /** Picks nameNl or nameEn of an object. */
  name(o: { nameNl: string; nameEn: string } | null | undefined): string;
  /** Human label of a phase kind. */
  phase(kind: string | null | undefined): string;
  /**
   * The message for a failed request: the API's detail (English), or in Dutch the translation of a
   * known problem code. Unknown codes keep the API's detail.
   */
  problem(code: string, detail: string, retryAfter?: number | null): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* not remembered, still switched */
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const t = dictionaries[lang];
    const locale = t.meta.locale;
    const dayFmt = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const monthFmt = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const timeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return {
      lang,
      t,
      setLang,
      date(value, precision = 'day') {
        if (!value) return t.common.none;
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
        if (!m) return value;
        if (precision === 'year') return m[1]!;
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        if (Number.isNaN(d.getTime())) return value;
        return (precision === 'month' ? monthFmt : dayFmt).format(d);
      },
      dateTime(value) {
        if (!value) return t.common.none;
        const d = new Date(value);
        return Number.isNaN(d.getTime()) ? value : timeFmt.format(d);
      },
      name(o) {
        if (!o) return t.common.none;
        return lang === 'nl' ? o.nameNl || o.nameEn : o.nameEn || o.nameNl;
      },
      problem(code, detail, retryAfter) {
        const template = lang === 'en' ? undefined : t.problems[code];
        if (!template) return detail;
        return fmt(template, { minutes: retryAfter ? Math.max(1, Math.ceil(retryAfter / 60)) : 15 });
      },
      phase(kind) {
        if (!kind) return t.common.none;
        return t.phases[kind] ?? kind.replace(/_/g, ' ');
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
