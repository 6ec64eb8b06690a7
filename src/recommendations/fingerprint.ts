import crypto from 'node:crypto';
import { statesInParenthesis } from './parse/states.ts';
import { uprCycle, uprCycleOfSymbol } from './upr-sessions.ts';

/**
 * The text of a recommendation reduced to what identifies it: without a leading paragraph number
 * ("118.4", "12."), without the recommending states in closing parentheses, lower case, single
 * spaces, plain quotes and dashes.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/^\s*\d{1,4}(\.\d{1,4})*\.?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]+$/, '')
    .toLowerCase();
}

/** A closing group in parentheses, which may hold one more: "(Iran (Islamic Republic of))". */
const CLOSING_GROUP = /\s*\((?:[^()]|\([^()]*\))*\)\s*[.;,]?\s*$/;

/**
 * The text without its state attributions: the groups in parentheses that close it, "... (Argentina)
 * (Côte d'Ivoire)." → "...". Only closing groups are taken off; a group within the text ("the
 * Convention (ICRMW) and ...") stays. The text as the source words it is kept beside it.
 */
export function bareText(text: string, recommendingStates: readonly string[] = []): string {
  let t = text.trim().replace(/[.;,]+$/, '');
  // A closing group is a state attribution when the source names recommending states (UPR) and the
  // group is a list of states: "(Argentina) (Côte d'Ivoire)" goes, "(ICRMW)" or "(2)" stays.
  if (recommendingStates.length) {
    for (let i = 0; i < 5; i++) {
      const m = CLOSING_GROUP.exec(t);
      const content = m?.[0]
        .trim()
        .replace(/[.;,]$/, '')
        .trim()
        .slice(1, -1);
      if (!m || content === undefined || !statesInParenthesis(content)) break;
      t = t.slice(0, m.index).trim();
    }
  }
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * The words of a bare text as sources compare it: lower case, letters and digits only (quotes,
 * dashes and punctuation become spaces), without the openings one source adds and another leaves
 * out ("Recommended that", "That", "To", "And").
 */
export function matchText(bare: string): string {
  return normalizeText(bare)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:(?:recommended|recommends|recommend|and|also|further|that|to|it|the government)\s+)+/, '')
    .trim();
}

/**
 * The review a recommendation was made in: a UPR recommendation by its cycle (from the session, or
 * from the report's symbol), others by the symbol of the document.
 */
export function reviewOf(r: {
  mechanism?: string;
  symbol?: string | null | undefined;
  uprSession?: number | null | undefined;
}): string {
  if (r.uprSession) return `upr-cycle-${uprCycle(r.uprSession)}`;
  const cycle = uprCycleOfSymbol(r.symbol);
  if (cycle && (r.mechanism ?? 'upr') === 'upr') return `upr-cycle-${cycle}`;
  return (r.symbol ?? '').trim().toUpperCase();
}

/** The group within which sources are matched: the state under review and the review. */
export const identityGroup = (r: Parameters<typeof reviewOf>[0] & { stateUnderReview: string }): string =>
  `${r.stateUnderReview.trim().toLowerCase()}|${reviewOf(r)}`;

/**
 * The same recommendation arriving from two sources (UHRI and UPR Info, a document and a
 * spreadsheet) gets the same fingerprint: the state under review, the review it was made in (UPR
 * cycle, else the document's symbol) and its bare text as sources compare it.
 */
export function fingerprint(r: {
  mechanism?: string;
  stateUnderReview: string;
  symbol?: string | null | undefined;
  uprSession?: number | null | undefined;
  text: string;
  recommendingStates?: readonly string[];
}): string {
  const key = `${identityGroup(r)}|${matchText(bareText(r.text, r.recommendingStates ?? []))}`;
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 40);
}

/** The words of a text as a multiset: word → count. */
function words(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.split(' ')) if (w) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Words shared by two multisets, counted as often as both have them. */
function shared(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [w, c] of a) n += Math.min(c, b.get(w) ?? 0);
  return n;
}

const size = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s + c, 0);

/** A text prepared for comparison: its words, and its character trigrams. */
export interface Comparable {
  words: Map<string, number>;
  trigrams: Set<string>;
}

export function comparable(match: string): Comparable {
  const padded = `  ${match} `;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  return { words: words(match), trigrams };
}

/**
 * How alike two texts are, 0 to 1: the larger of the character-trigram similarity (as pg_trgm
 * computes it: robust to typos and small spelling differences) and the share of words both have
 * (Dice), so that one source's rewording of a few words ("Recommended that lawmakers discharge
 * ..." against "Lawmakers discharge ...") still counts as the same recommendation.
 */
export function similarity(a: Comparable, b: Comparable): number {
  let common = 0;
  for (const t of a.trigrams) if (b.trigrams.has(t)) common++;
  const trigram = common / (a.trigrams.size + b.trigrams.size - common || 1);
  const dice = (2 * shared(a.words, b.words)) / (size(a.words) + size(b.words) || 1);
  return Math.max(trigram, dice);
}
