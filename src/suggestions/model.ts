/**
 * Suggested tags for a recommendation's text: UPR Info's issue labels, UHRI themes and groups of
 * affected persons (codes of the taxonomy), and SDGs, from a model trained in this project
 * (`npm run train-suggestions`, see src/suggestions/model/train.ts) and stored beside this file.
 *
 * The sdg-target vocabulary is at goal level: the labelled data (OHCHR's cycle-3 thematic list) names
 * SDG goals, never targets, so its labels are goal codes of the taxonomy's sdg_goals ("16"), not
 * target codes such as "16.3". A Dutch text is read with the English words of its Dutch terms (dutch.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { VOCABULARY_NAMES, type ModelFile } from './model/format.ts';
import { predictor } from './model/predict.ts';
import { textForModel } from './dutch.ts';

export const VOCABULARIES = VOCABULARY_NAMES;
export type Vocabulary = (typeof VOCABULARIES)[number];
export interface Suggestion {
  vocabulary: Vocabulary;
  label: string;
  /** The model's probability, 0..1. */
  score: number;
}
export interface SuggestionModel {
  /** "1.<first 12 hex digits of the training data's sha256>" */
  version: string;
  trainingDataSha256: string;
  /** Only the labels the model proposes, best first. */
  suggest(text: string): Suggestion[];
  suggestMany(texts: string[]): Suggestion[][];
  /** Each label's threshold, by "vocabulary|label": a score that reaches it is proposed. */
  thresholds: ReadonlyMap<string, number>;
}

export const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'model', 'model.json.gz');

export function readModelFile(file = MODEL_FILE): ModelFile {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as ModelFile;
}

export function modelFromFile(file: ModelFile): SuggestionModel {
  const p = predictor(file);
  return {
    version: file.version,
    trainingDataSha256: file.trainingDataSha256,
    suggest: (text) => p.suggest(textForModel(text)),
    suggestMany: (texts) => texts.map((t) => p.suggest(textForModel(t))),
    thresholds: new Map(
      file.vocabularies.flatMap((v) =>
        v.labels.map((label, i) => [`${v.vocabulary}|${label}`, v.thresholds[i] ?? 1]),
      ),
    ),
  };
}

let cached: SuggestionModel | undefined;

/** The stored model, read once; never the network. */
export function loadModel(): SuggestionModel {
  cached ??= modelFromFile(readModelFile());
  return cached;
}
