/**
 * From the model's labels to taxonomy terms. The model speaks four vocabularies: UHRI themes, UHRI
 * groups and SDG targets by their code, and UPR Info's issue labels, which the taxonomy knows as
 * aliases of UHRI themes and groups (one issue label may stand for a theme and for a group, as
 * "Women's rights" does). The app shows and tags terms only: the suggestions of one text that lead
 * to the same term are one suggestion with the highest of their scores.
 */
import type { Queryable } from '../core/db.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import type { Suggestion, SuggestionModel } from './model.ts';
import type { SuggestedTerm, Vocabulary } from './schema.ts';

/**
 * The schemes of the terms the model's vocabularies stand for. A UPR Info issue label stands for a
 * term of each scheme it names; an SDG label for the first that knows it: a target ("16.3"), else a
 * goal ("16": the labelled data names goals).
 */
const SCHEMES: Record<Vocabulary, { schemes: readonly string[]; each: boolean }> = {
  'uhri-theme': { schemes: ['uhri_theme'], each: false },
  'uhri-group': { schemes: ['uhri_group'], each: false },
  'sdg-target': { schemes: ['sdg_target', 'sdg_goal'], each: false },
  'upr-info-issue': { schemes: ['uhri_theme', 'uhri_group'], each: true },
};
const INDEXED = "('uhri_theme', 'uhri_group', 'sdg_target', 'sdg_goal')";

/** The suggestions of one text shown at most. */
export const MAX_SUGGESTIONS = 12;

/** Texts given to the model at once. */
const MODEL_CHUNK = 500;

export interface TermInfo {
  id: string;
  scheme: string;
  code: string;
  label_en: string;
  label_nl: string | null;
}

/** The terms of the schemes the model suggests, and how a label of each vocabulary finds them. */
export interface TermIndex {
  /** "scheme|lower-case code" and "scheme|normalised alias" → term. */
  byKey: Map<string, TermInfo>;
}

/** Reads the terms and aliases of the UHRI and SDG-target schemes (a few hundred rows). */
export async function loadTermIndex(q: Queryable): Promise<TermIndex> {
  // One after the other: the caller may be inside a transaction (one connection).
  const terms = await q.query<TermInfo>(
    `select id, scheme, code, label_en, label_nl from taxonomy_terms where scheme in ${INDEXED}`,
  );
  const aliases = await q.query<{ scheme: string; normalized: string; term_id: string }>(
    `select scheme, normalized, term_id from taxonomy_aliases where scheme in ${INDEXED}`,
  );
  const byId = new Map(terms.rows.map((t) => [t.id, t]));
  const byKey = new Map<string, TermInfo>();
  for (const a of aliases.rows) {
    const term = byId.get(a.term_id);
    if (term) byKey.set(`${a.scheme}|${a.normalized}`, term);
  }
  // Codes win over aliases that happen to read the same.
  for (const t of terms.rows) byKey.set(`${t.scheme}|${t.code.toLowerCase()}`, t);
  return { byKey };
}

/** The terms a label of a vocabulary stands for: by code first, then through the aliases. */
function termsOf(index: TermIndex, s: Suggestion): TermInfo[] {
  const found: TermInfo[] = [];
  const vocabulary = SCHEMES[s.vocabulary];
  if (!vocabulary) return found;
  for (const scheme of vocabulary.schemes) {
    const t =
      index.byKey.get(`${scheme}|${s.label.trim().toLowerCase()}`) ??
      index.byKey.get(`${scheme}|${normalizeTerm(s.label)}`);
    if (!t) continue;
    found.push(t);
    if (!vocabulary.each) break;
  }
  return found;
}

/**
 * The model's suggestions of one text as terms, the highest score kept per term, best first. A term
 * is above the threshold when one of the labels that lead to it is (`likely`).
 */
export function toTerms(
  index: TermIndex,
  suggestions: readonly Suggestion[],
  likely: (s: Suggestion) => boolean,
): SuggestedTerm[] {
  const byTerm = new Map<string, SuggestedTerm>();
  for (const s of suggestions) {
    const score = Math.min(1, Math.max(0, s.score));
    const above = likely(s);
    for (const t of termsOf(index, s)) {
      const known = byTerm.get(t.id);
      if (known) {
        if (!known.vocabularies.includes(s.vocabulary)) known.vocabularies.push(s.vocabulary);
        known.score = Math.max(known.score, score);
        known.aboveThreshold ||= above;
        continue;
      }
      byTerm.set(t.id, {
        termId: t.id,
        scheme: t.scheme,
        code: t.code,
        labelEn: t.label_en,
        labelNl: t.label_nl,
        score,
        aboveThreshold: above,
        vocabularies: [s.vocabulary],
      });
    }
  }
  return [...byTerm.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

/** The model's suggestions of many texts, given to it in chunks. */
export function suggestTexts(model: SuggestionModel, texts: readonly string[]): Suggestion[][] {
  const out: Suggestion[][] = [];
  for (let i = 0; i < texts.length; i += MODEL_CHUNK)
    out.push(...model.suggestMany(texts.slice(i, i + MODEL_CHUNK)));
  return out;
}

/**
 * The pending suggestions of a recommendation: the terms it is not tagged with and that nobody
 * decided on before, the best `limit` of them.
 */
export function pending(
  terms: readonly SuggestedTerm[],
  tagged: ReadonlySet<string>,
  decided: ReadonlySet<string>,
  limit = MAX_SUGGESTIONS,
): SuggestedTerm[] {
  return terms.filter((t) => !tagged.has(t.termId) && !decided.has(t.termId)).slice(0, limit);
}
