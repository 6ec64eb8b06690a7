/**
 * The reference facts of the state report, read from src/reference/data (not seeded: they are read
 * as they are): the substantive articles of each treaty a periodic report covers, and the UN's word
 * limits (General Assembly resolution 68/268, para. 16). Both are unverified until confirmed.
 */
import articlesJson from '../reference/data/treaty-articles.json' with { type: 'json' };
import limitsJson from '../reference/data/un-word-limits.json' with { type: 'json' };
import type { StateReportKind, WordLimit, WordLimitKind } from './schema.ts';

export interface TreatyArticle {
  number: string;
  subjectEn: string;
  subjectNl: string;
}

interface ArticlesFile {
  instruments: Record<
    string,
    {
      body_code: string;
      source: string;
      verified: boolean;
      articles: { number: string; subject_en: string; subject_nl: string }[];
    }
  >;
}

/** The substantive articles of an instrument (its code as in instruments.json), or null when none are known. */
export function treatyArticles(instrumentCode: string): { source: string; articles: TreatyArticle[] } | null {
  const entry = (articlesJson as ArticlesFile).instruments[instrumentCode];
  if (!entry) return null;
  return {
    source: entry.source,
    articles: entry.articles.map((a) => ({
      number: a.number,
      subjectEn: a.subject_en,
      subjectNl: a.subject_nl,
    })),
  };
}

interface LimitsFile {
  limits: {
    kind: WordLimitKind;
    words: number;
    label_en: string;
    label_nl: string;
    source: string;
    verified: boolean;
  }[];
}

/** Every word limit, as the API shows it. */
export function wordLimits(): WordLimit[] {
  return (limitsJson as LimitsFile).limits.map((l) => ({
    kind: l.kind,
    words: l.words,
    labelNl: l.label_nl,
    labelEn: l.label_en,
    source: l.source,
    verified: l.verified,
  }));
}

/**
 * The limit that applies to a report: a periodic report 21,200 words, the initial report (the first
 * cycle) 31,800. Under the simplified procedure the replies to the list of issues prior to reporting
 * ARE the periodic report, so the periodic report's limit applies, not the 10,700 words of replies to a
 * list of issues on a report already submitted.
 */
export function limitFor(kind: StateReportKind, cycleSequence: number): WordLimit {
  const wanted: WordLimitKind =
    kind === 'periodic' && cycleSequence <= 1 ? 'initial_report' : 'periodic_report';
  return wordLimits().find((l) => l.kind === wanted)!;
}
