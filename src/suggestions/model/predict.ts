/** Suggestions from a stored model: the vector of a text, each label's probability, its threshold. */
import type { ModelFile, VocabularyName } from './format.ts';
import { vectorize, vocabularyOf, type Vocabulary } from './vectorize.ts';

export interface Scored {
  vocabulary: VocabularyName;
  label: string;
  score: number;
}

interface Head {
  vocabulary: VocabularyName;
  labels: string[];
  bias: Float64Array;
  thresholds: number[];
  atLeastOne: boolean;
  /** Feature-major weights: w[f * labels + l]. */
  w: Float32Array;
}

export interface Predictor {
  /** Every label's probability, per vocabulary. */
  scores(text: string): { vocabulary: VocabularyName; labels: string[]; p: Float64Array }[];
  /** The labels the model proposes, best first; none for a text without a word the model knows. */
  suggest(text: string): Scored[];
}

export function predictor(file: ModelFile): Predictor {
  const vocab: Vocabulary = vocabularyOf(file.features, file.idf);
  const heads: Head[] = file.vocabularies.map((v) => {
    const L = v.labels.length;
    const w = new Float32Array(file.features.length * L);
    v.weights.forEach((wl, l) => {
      let f = 0;
      for (let k = 0; k < wl.f.length; k++) {
        f += wl.f[k]!;
        w[f * L + l] = wl.q[k]! * v.scale;
      }
    });
    return {
      vocabulary: v.vocabulary,
      labels: v.labels,
      bias: Float64Array.from(v.bias),
      thresholds: v.thresholds,
      atLeastOne: v.atLeastOne,
      w,
    };
  });
  const scores = (text: string) => {
    const x = vectorize(text, vocab);
    return heads.map((h) => {
      const z = Float64Array.from(h.bias);
      const L = z.length;
      for (let k = 0; k < x.idx.length; k++) {
        const base = x.idx[k]! * L;
        const v = x.val[k]!;
        for (let l = 0; l < L; l++) z[l]! += v * h.w[base + l]!;
      }
      for (let j = 0; j < z.length; j++) z[j] = 1 / (1 + Math.exp(-z[j]!));
      return { vocabulary: h.vocabulary, labels: h.labels, p: z };
    });
  };
  return {
    scores,
    suggest(text) {
      const out: Scored[] = [];
      if (!vectorize(text, vocab).idx.length) return out;
      scores(text).forEach(({ vocabulary, labels, p }, hi) => {
        const h = heads[hi]!;
        const mine: Scored[] = [];
        let best = -1;
        for (let l = 0; l < labels.length; l++) {
          if (p[l]! >= h.thresholds[l]!) mine.push({ vocabulary, label: labels[l]!, score: p[l]! });
          if (best < 0 || p[l]! > p[best]!) best = l;
        }
        if (!mine.length && h.atLeastOne && best >= 0)
          mine.push({ vocabulary, label: labels[best]!, score: p[best]! });
        out.push(...mine);
      });
      return out
        .map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }))
        .sort(
          (a, b) =>
            b.score - a.score || a.vocabulary.localeCompare(b.vocabulary) || a.label.localeCompare(b.label),
        );
    },
  };
}
