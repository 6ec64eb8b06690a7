/**
 * TF-IDF vectors: each feature's count dampened (1 + log count), weighted by its inverse document
 * frequency, the vector scaled to length 1. Only features seen in at least `minDf` training texts.
 */
import { features } from './tokenize.ts';

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface Vocabulary {
  index: Map<string, number>;
  idf: Float32Array;
}

export function buildVocabulary(texts: readonly string[], minDf = 2): { terms: string[]; idf: number[] } {
  const df = new Map<string, number>();
  for (const t of texts) for (const f of new Set(features(t))) df.set(f, (df.get(f) ?? 0) + 1);
  const terms = [...df].filter(([, n]) => n >= minDf).map(([f]) => f);
  terms.sort();
  const n = texts.length;
  return { terms, idf: terms.map((f) => Math.log((n + 1) / (df.get(f)! + 1)) + 1) };
}

export function vocabularyOf(terms: readonly string[], idf: ArrayLike<number>): Vocabulary {
  return { index: new Map(terms.map((t, i) => [t, i])), idf: Float32Array.from(idf) };
}

export function vectorize(text: string, vocab: Vocabulary): SparseVector {
  const counts = new Map<number, number>();
  for (const f of features(text)) {
    const i = vocab.index.get(f);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const val = new Float32Array(idx.length);
  let norm = 0;
  for (let k = 0; k < idx.length; k++) {
    const v = (1 + Math.log(counts.get(idx[k]!)!)) * vocab.idf[idx[k]!]!;
    val[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < val.length; k++) val[k]! /= norm;
  return { idx, val };
}
