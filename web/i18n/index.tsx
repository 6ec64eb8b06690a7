import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { cycleLabelIn } from '../../src/cycles/labels.ts';
import type { MessageCatalogue } from '../../src/core/errors.ts';
import type { ProblemParams } from '../lib/api.ts';
import { nl, type BaseDictionary, type Dictionary } from './nl.ts';
import type { FollowUpTexts } from './followup-nl.ts';
import type { LettersTexts } from './letters-nl.ts';
import type { CommitmentsTexts } from './commitments-nl.ts';
import type { ReportTexts } from './report-nl.ts';
import type { HrcTexts } from './hrc-nl.ts';
import type { AnnexTexts } from './report-annex-nl.ts';
import type { ReportContributionsTexts } from './report-contributions-nl.ts';
import type { StateReportTexts } from './state-report-nl.ts';

export type Lang = 'nl' | 'en';
/** The English texts load only when English is chosen: the first page carries Dutch alone. */
const loadEnglish = () => import('./en.ts').then((m) => m.en);
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
  /** The name of a reporting cycle in the UI language (the API names it in English). */
  cycle(label: string | null | undefined): string;
  /** "N results" (one result in the singular). */
  results(total: number): string;
  /** The description of a deadline rule in the UI language. */
  rule(o: { rule: string | null; ruleNl?: string | null | undefined } | null | undefined): string;
  /**
   * The message for a failed request in the UI language: the catalogue's text for its code and
   * parameters (src/shared/messages.ts), else the Dutch text kept here for the code, else the API's
   * detail (English).
   */
  problem(p: ProblemText): string;
}

/** What a problem answer says: its code, parameters and English detail (and Retry-After). */
export interface ProblemText {
  code: string;
  detail: string;
  params?: ProblemParams | undefined;
  retryAfter?: number | null | undefined;
}

/**
 * The catalogue of every feature's error texts (src/shared/messages.ts), loaded right after the first
 * page rather than with it: an error is shown only after a request, by which time it has arrived.
 */
let messages: MessageCatalogue = {};
void import('../../src/shared/messages.ts').then((m) => {
  messages = m.messages;
});

/** The catalogue's text of a code; undefined when the code is not (yet) in it. */
function catalogueText(lang: Lang, p: ProblemText): string | undefined {
  const entry = messages[p.code];
  if (!entry) return undefined;
  try {
    return entry[lang](p.params ?? {}) || undefined;
  } catch {
    return undefined;
  }
}

/** The texts that load with the pages that use them (the follow-up pages, the letters pages). */
type FeatureTexts = FollowUpTexts &
  LettersTexts &
  CommitmentsTexts &
  ReportTexts &
  HrcTexts &
  AnnexTexts &
  ReportContributionsTexts &
  StateReportTexts;

/**
 * The texts of the follow-up and letters pages, registered by followup-texts.ts and letters-texts.ts
 * when one of those pages loads: they stay out of the first page's JavaScript.
 */
const featureTexts: Record<Lang, Partial<FeatureTexts>> = { nl: {}, en: {} };
export function registerFeatureTexts(
  texts: Record<
    Lang,
    | FollowUpTexts
    | LettersTexts
    | CommitmentsTexts
    | ReportTexts
    | HrcTexts
    | AnnexTexts
    | ReportContributionsTexts
    | StateReportTexts
  >,
): void {
  Object.assign(featureTexts.nl, texts.nl);
  Object.assign(featureTexts.en, texts.en);
}

/** The dictionary with the feature texts looked up when read (they may register after it was made). */
function withFeatureTexts(base: BaseDictionary, lang: Lang): Dictionary {
  return new Proxy(base, {
    get(target, key, receiver) {
      if (key in target) return Reflect.get(target, key, receiver) as unknown;
      return featureTexts[lang][key as keyof FeatureTexts];
    },
  }) as Dictionary;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setLangState] = useState<Lang>(initialLang);
  const [en, setEn] = useState<BaseDictionary | null>(null);
  useEffect(() => {
    if (chosen === 'en' && !en) void loadEnglish().then(setEn);
  }, [chosen, en]);
  // Until the English texts have arrived, the page stays Dutch.
  const lang: Lang = chosen === 'en' && en ? 'en' : 'nl';

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
    const t = withFeatureTexts(lang === 'en' && en ? en : nl, lang);
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
      problem(p) {
        const text = catalogueText(lang, p);
        if (text) return text;
        if (lang === 'en') return p.detail;
        // Codes may be scoped by a feature ("consultation.form_token"); the texts here name the last part.
        const template = t.problems[p.code] ?? t.problems[p.code.slice(p.code.lastIndexOf('.') + 1)];
        if (!template) return p.detail;
        const minutes = p.retryAfter ? Math.max(1, Math.ceil(p.retryAfter / 60)) : 15;
        const values: Record<string, string | number> = { minutes };
        for (const [k, v] of Object.entries(p.params ?? {})) if (v !== null) values[k] = v;
        return fmt(template, values);
      },
      phase(kind) {
        if (!kind) return t.common.none;
        return t.phases[kind] ?? kind.replace(/_/g, ' ');
      },
      results(total) {
        return total === 1 ? t.common.result : fmt(t.common.results, { total });
      },
      cycle(label) {
        return label ? cycleLabelIn(lang, label) : '';
      },
      rule(o) {
        if (!o?.rule) return '';
        return lang === 'nl' ? (o.ruleNl ?? o.rule) : o.rule;
      },
    };
  }, [lang, en, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
