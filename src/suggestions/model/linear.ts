/**
 * One-vs-rest logistic regression over sparse vectors, trained with seeded, shuffled Adagrad: the
 * same rows give the same weights. A row may cover only some labels (UPR Info's rows say nothing about
 * the UHRI themes that no issue label stands for): it trains the first `covered` labels only.
 */
import type { SparseVector } from './vectorize.ts';

export interface TrainingRow {
  x: SparseVector;
  /** Indices of the labels the row has. */
  y: number[];
  /** The row trains labels 0 .. covered-1. */
  covered: number;
}

export interface LinearModel {
  nFeatures: number;
  nLabels: number;
  /** Feature-major: w[f * nLabels + l]. */
  w: Float32Array;
  bias: Float32Array;
}

/** A small seeded random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  /** L2 shrinkage per update of a weight. */
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 10, rate: 0.4, l2: 0.003, seed: 14 };

export function trainLinear(
  rows: readonly TrainingRow[],
  nFeatures: number,
  nLabels: number,
  opts: TrainOptions = DEFAULT_TRAIN,
): LinearModel {
  const L = nLabels;
  const w = new Float32Array(nFeatures * L);
  const g = new Float32Array(nFeatures * L);
  const bias = new Float32Array(L);
  const gb = new Float32Array(L);
  const order = rows.map((_, i) => i);
  const rnd = random(opts.seed);
  const z = new Float64Array(L);
  const target = new Uint8Array(L);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const { x, y, covered } = rows[r]!;
      for (let l = 0; l < covered; l++) z[l] = bias[l]!;
      for (let k = 0; k < x.idx.length; k++) {
        const base = x.idx[k]! * L;
        const v = x.val[k]!;
        for (let l = 0; l < covered; l++) z[l]! += v * w[base + l]!;
      }
      target.fill(0);
      for (const l of y) target[l] = 1;
      for (let l = 0; l < covered; l++) {
        const p = 1 / (1 + Math.exp(-z[l]!));
        z[l] = p - target[l]!; // the gradient of the log loss with respect to z
        const d = z[l]!;
        gb[l]! += d * d;
        bias[l]! -= (opts.rate * d) / Math.sqrt(gb[l]! + 1e-8);
      }
      for (let k = 0; k < x.idx.length; k++) {
        const base = x.idx[k]! * L;
        const v = x.val[k]!;
        for (let l = 0; l < covered; l++) {
          const d = z[l]! * v + opts.l2 * w[base + l]!;
          if (d === 0) continue;
          const gi = (g[base + l]! += d * d);
          w[base + l]! -= (opts.rate * d) / Math.sqrt(gi + 1e-8);
        }
      }
    }
  }
  return { nFeatures, nLabels, w, bias };
}

/** The probabilities of each label for a vector. */
export function scoreLinear(
  m: LinearModel,
  x: SparseVector,
  out = new Float64Array(m.nLabels),
): Float64Array {
  const L = m.nLabels;
  for (let l = 0; l < L; l++) out[l] = m.bias[l]!;
  for (let k = 0; k < x.idx.length; k++) {
    const base = x.idx[k]! * L;
    const v = x.val[k]!;
    for (let l = 0; l < L; l++) out[l]! += v * m.w[base + l]!;
  }
  for (let l = 0; l < L; l++) out[l] = 1 / (1 + Math.exp(-out[l]!));
  return out;
}
