/**
 * The words of a recommendation as the search knows them (the lexemes of weight B in its search
 * vector: the English text and the Dutch translation, stemmed), weighed by TF-IDF: a word few
 * recommendations use says more about a concern than one most of them use. How many recommendations
 * use each word is counted once (ts_stat over recommendation_search) and kept per database; it is
 * counted again when the recommendations changed and the last count is older than STATS_TTL_MS.
 */
import type { Db, Queryable } from '../core/db.ts';
import { SearchCache } from '../recommendations/search-cache.ts';

/** A word's weight in one recommendation, the vector of unit length. */
export type Vector = Map<string, number>;

/** How often the counts of the words are renewed at most while recommendations change. */
const STATS_TTL_MS = 5 * 60_000;

export interface LexemeStats {
  /** The number of recommendations. */
  total: number;
  /** How many recommendations use each word. */
  df: Map<string, number>;
  /** The inverse document frequency of each word: ln((total + 1) / df). */
  idf: Map<string, number>;
  /** That of a word no recommendation used when they were counted. */
  maxIdf: number;
  generation: number;
  countedAt: number;
}

const TSVECTOR_WORD = /'((?:[^'\\]|''|\\.)*)'(?::([0-9A-D,]+))?/g;

/**
 * Calls `each` with every word of weight B of a search vector's text form (`'word':1B,4B 'crc':2A`:
 * the text, not the symbol and paragraph of weight A) and how often it occurs; a word comes once.
 */
function eachWord(text: string, each: (word: string, tf: number) => void): void {
  TSVECTOR_WORD.lastIndex = 0;
  for (let m = TSVECTOR_WORD.exec(text); m; m = TSVECTOR_WORD.exec(text)) {
    const positions = m[2];
    if (!positions) continue;
    let tf = 0;
    for (let i = positions.indexOf('B'); i >= 0; i = positions.indexOf('B', i + 1)) tf++;
    if (!tf) continue;
    const raw = m[1]!;
    each(/['\\]/.test(raw) ? raw.replace(/''/g, "'").replace(/\\(.)/g, '$1') : raw, tf);
  }
}

/** The words of weight B of a search vector's text form with how often each occurs. */
export function parseTsvector(text: string): Map<string, number> {
  const out = new Map<string, number>();
  eachWord(text, (word, tf) => out.set(word, tf));
  return out;
}

/**
 * The cosine of a unit vector and the TF-IDF vector of a search vector's text form, without making
 * the second (the candidates of a look-up are many).
 */
export function cosineWith(stats: LexemeStats, v: Vector, text: string): number {
  let dot = 0;
  let sum = 0;
  eachWord(text, (word, tf) => {
    const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * idf(stats, word);
    sum += w * w;
    const x = v.get(word);
    if (x !== undefined) dot += w * x;
  });
  return sum ? Math.min(1, Math.max(0, dot / Math.sqrt(sum))) : 0;
}

/** The SQL text of a search vector, for `select ${WORDS} from recommendation_search s` (parseTsvector reads it). */
export const WORDS = 's.search::text';

/** A word as a tsquery operand. */
export const tsqueryWord = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The inverse document frequency of a word: a word of one recommendation counts most. */
export const idf = (stats: LexemeStats, word: string) => stats.idf.get(word) ?? stats.maxIdf;

/** TF-IDF weights of a recommendation's words (dampened term frequency), scaled to unit length. */
export function vectorOf(stats: LexemeStats, words: Map<string, number>): Vector {
  const v: Vector = new Map();
  let sum = 0;
  for (const [word, tf] of words) {
    const w = (1 + Math.log(tf)) * idf(stats, word);
    v.set(word, w);
    sum += w * w;
  }
  const norm = Math.sqrt(sum) || 1;
  for (const [word, w] of v) v.set(word, w / norm);
  return v;
}

/** The cosine of two unit vectors, 0..1. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, w] of small) {
    const x = large.get(word);
    if (x !== undefined) dot += w * x;
  }
  return Math.min(1, Math.max(0, dot));
}

async function count(q: Queryable, generation: number): Promise<LexemeStats> {
  const [words, total] = await Promise.all([
    q.query<{ word: string; ndoc: number }>(
      "select word, ndoc from ts_stat('select search from recommendation_search', 'b')",
    ),
    q.query<{ n: number }>('select count(*)::int as n from recommendation_search'),
  ]);
  const n = total.rows[0]!.n;
  const idfOf = (df: number) => Math.log((n + 1) / Math.max(1, Math.min(n, df)));
  return {
    total: n,
    df: new Map(words.rows.map((r) => [r.word, r.ndoc])),
    idf: new Map(words.rows.map((r) => [r.word, idfOf(r.ndoc)])),
    maxIdf: idfOf(1),
    generation,
    countedAt: Date.now(),
  };
}

interface Kept {
  stats: LexemeStats | null;
  pending: Promise<LexemeStats> | null;
}
const kept = new WeakMap<Queryable, Kept>();

/**
 * The word counts of the database: the first call counts them; a later one answers with the counts
 * kept and counts again in the background when they are stale.
 */
export async function lexemeStats(q: Queryable): Promise<LexemeStats> {
  const db = q as Db;
  let k = kept.get(db);
  if (!k) kept.set(db, (k = { stats: null, pending: null }));
  const entry = k;
  const recount = (generation: number) =>
    (entry.pending ??= count(q, generation)
      .then((s) => (entry.stats = s))
      .finally(() => (entry.pending = null)));
  if (!entry.stats) return entry.pending ?? recount(await SearchCache.generation(q));
  if (Date.now() - entry.stats.countedAt > STATS_TTL_MS) {
    const generation = await SearchCache.generation(q);
    if (generation !== entry.stats.generation) void recount(generation).catch(() => undefined);
    else entry.stats.countedAt = Date.now();
  }
  return entry.stats;
}
