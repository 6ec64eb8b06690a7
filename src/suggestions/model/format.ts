/** The stored model: what train.ts writes and predict.ts reads (JSON, gzipped). */

export const VOCABULARY_NAMES = ['upr-info-issue', 'uhri-theme', 'uhri-group', 'sdg-target'] as const;
export type VocabularyName = (typeof VOCABULARY_NAMES)[number];

export interface StoredVocabulary {
  vocabulary: VocabularyName;
  labels: string[];
  bias: number[];
  /** A label is proposed when its probability reaches its threshold. */
  thresholds: number[];
  /** When no label reaches its threshold, the best one is proposed all the same. */
  atLeastOne: boolean;
  /** Weights are stored as integers: weight = q * scale. */
  scale: number;
  /** Per label: the feature indices (each the difference from the previous one) and the integer weights. */
  weights: { f: number[]; q: number[] }[];
}

export interface ModelFile {
  format: 1;
  version: string;
  trainingDataSha256: string;
  /** Which files and rows the model learnt from, in words. */
  trainedOn: string;
  features: string[];
  /** Inverse document frequency per feature, rounded to 4 decimals. */
  idf: number[];
  vocabularies: StoredVocabulary[];
}
