/**
 * Training: TF-IDF vectors of the texts, per vocabulary a one-vs-rest logistic regression, thresholds
 * per label chosen on a validation part of the training rows (never on the rows a figure is reported
 * on), then the weights learnt again from all training rows, pruned and stored as integers.
 */
import type { LabelledText } from './data.ts';
import { VOCABULARY_NAMES, type ModelFile, type StoredVocabulary, type VocabularyName } from './format.ts';
import { DEFAULT_TRAIN, scoreLinear, trainLinear, type TrainingRow, type TrainOptions } from './linear.ts';
import { buildVocabulary, vectorize, vocabularyOf, type SparseVector } from './vectorize.ts';

export interface TrainSettings {
  train: TrainOptions;
  minDf: number;
  /** Weights kept per label: those of at least minWeight, but no fewer than the largest keepPerLabel. */
  minWeight: number;
  keepPerLabel: number;
  /** Validation rows needed before a label gets a threshold of its own. */
  minValidationPositives: number;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  train: DEFAULT_TRAIN,
  minDf: 3,
  minWeight: 0.5,
  keepPerLabel: 300,
  minValidationPositives: 15,
};

/** Which rows teach a vocabulary, and which labels a row speaks for. */
function rowsFor(vocabulary: VocabularyName, rows: readonly LabelledText[]): LabelledText[] {
  switch (vocabulary) {
    case 'upr-info-issue':
      return rows.filter((r) => r.session !== null);
    case 'sdg-target':
      return rows.filter((r) => r.cycle === 3);
    default:
      return rows.slice();
  }
}

/**
 * The rows kept apart to choose thresholds: UPR Info's two latest sessions among the training rows,
 * and every fifth row of a thematic list.
 */
export function isValidationRow(row: LabelledText, index: number, latestSessions: Set<number>): boolean {
  return row.session !== null ? latestSessions.has(row.session) : index % 5 === 2;
}

interface Prepared {
  labels: string[];
  /** Labels 0..derived-1 are given by UPR Info rows too; the rest by the thematic lists only. */
  derived: number;
  rows: TrainingRow[];
  valid: boolean[];
}

function prepare(
  vocabulary: VocabularyName,
  rows: readonly LabelledText[],
  vectors: Map<LabelledText, SparseVector>,
): Prepared {
  const count = (rs: readonly LabelledText[]) => {
    const m = new Map<string, number>();
    for (const r of rs) for (const l of r.labels[vocabulary]) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const upr = count(rows.filter((r) => r.session !== null));
  const all = count(rows);
  const derivedLabels = [...upr.keys()].filter((l) => all.get(l)! >= 2).sort();
  const other = [...all.keys()].filter((l) => !upr.has(l) && all.get(l)! >= 2).sort();
  const labels = [...derivedLabels, ...other];
  const index = new Map(labels.map((l, i) => [l, i]));
  const sessions = [...new Set(rows.map((r) => r.session).filter((s): s is number => s !== null))].sort(
    (a, b) => a - b,
  );
  const latest = new Set(sessions.slice(-2));
  return {
    labels,
    derived: derivedLabels.length,
    rows: rows.map((r) => ({
      x: vectors.get(r)!,
      y: r.labels[vocabulary].map((l) => index.get(l)).filter((i): i is number => i !== undefined),
      covered: r.session !== null ? derivedLabels.length : labels.length,
    })),
    valid: rows.map((r, i) => isValidationRow(r, i, latest)),
  };
}

const f1 = (tp: number, fp: number, fn: number) => (tp ? (2 * tp) / (2 * tp + fp + fn) : 0);
const GRID = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);

/** Thresholds chosen on the validation rows: one for all, and one per label with enough positives. */
function chooseThresholds(
  p: Prepared,
  scores: Float64Array[],
  rows: TrainingRow[],
  minPositives: number,
): { thresholds: number[]; atLeastOne: boolean } {
  const L = p.labels.length;
  const micro = (t: (l: number) => number, atLeastOne: boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    rows.forEach((r, i) => {
      const s = scores[i]!;
      const chosen = new Set<number>();
      let best = -1;
      for (let l = 0; l < r.covered; l++) {
        if (s[l]! >= t(l)) chosen.add(l);
        if (best < 0 || s[l]! > s[best]!) best = l;
      }
      if (atLeastOne && !chosen.size && best >= 0) chosen.add(best);
      const truth = new Set(r.y);
      for (const l of chosen)
        if (truth.has(l)) tp++;
        else fp++;
      for (const l of truth) if (!chosen.has(l)) fn++;
    });
    return f1(tp, fp, fn);
  };
  // One threshold for the labels UPR Info's rows give, chosen on all validation rows; another for
  // the labels only the thematic lists give, chosen on the validation rows of the lists.
  const bestGlobal = (from: number, to: number, rs: number[]) => {
    let best = 0.5;
    let bestF = -1;
    for (const t of GRID) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const i of rs) {
        const r = rows[i]!;
        for (let l = from; l < Math.min(to, r.covered); l++) {
          const pos = r.y.includes(l);
          if (scores[i]![l]! < t) fn += pos ? 1 : 0;
          else if (pos) tp++;
          else fp++;
        }
      }
      const f = f1(tp, fp, fn);
      if (f > bestF) [bestF, best] = [f, t];
    }
    return best;
  };
  const everyRow = rows.map((_, i) => i);
  const listRows = everyRow.filter((i) => rows[i]!.covered === L);
  const global = bestGlobal(0, p.derived, everyRow);
  const listGlobal = bestGlobal(p.derived, L, listRows);
  const thresholds = Array.from({ length: L }, (_, l) => (l < p.derived ? global : listGlobal));
  for (let l = 0; l < L; l++) {
    const on = rows.map((r, i) => ({ s: scores[i]![l]!, pos: r.y.includes(l), covered: l < r.covered }));
    const covered = on.filter((o) => o.covered);
    const positives = covered.filter((o) => o.pos).length;
    if (positives < minPositives) continue;
    let bestT = thresholds[l]!;
    let bestL = -1;
    for (const t of GRID) {
      let tp = 0;
      let fp = 0;
      for (const o of covered) {
        if (o.s < t) continue;
        if (o.pos) tp++;
        else fp++;
      }
      const f = f1(tp, fp, positives - tp);
      if (f > bestL + 1e-9) [bestL, bestT] = [f, t];
    }
    thresholds[l] = bestT;
  }
  const atLeastOne = micro((l) => thresholds[l]!, true) > micro((l) => thresholds[l]!, false);
  return { thresholds: thresholds.map((t) => Math.round(t * 1000) / 1000), atLeastOne };
}

/** Trains every vocabulary on the rows and returns the model file (without version and hash). */
export function trainModel(
  allRows: readonly LabelledText[],
  settings: TrainSettings = DEFAULT_SETTINGS,
  log: (line: string) => void = () => {},
  only: readonly VocabularyName[] = VOCABULARY_NAMES,
): Omit<ModelFile, 'version' | 'trainingDataSha256' | 'trainedOn'> {
  const built = buildVocabulary(
    allRows.map((r) => r.text),
    settings.minDf,
  );
  const vocab = vocabularyOf(built.terms, built.idf);
  const vectors = new Map(allRows.map((r) => [r, vectorize(r.text, vocab)]));
  log(`${built.terms.length} features from ${allRows.length} texts`);
  const trained: {
    name: VocabularyName;
    labels: string[];
    w: Float32Array;
    bias: Float32Array;
    t: ReturnType<typeof chooseThresholds>;
  }[] = [];
  for (const name of only) {
    const rows = rowsFor(name, allRows);
    const p = prepare(name, rows, vectors);
    if (!p.labels.length) continue;
    const fit = p.rows.filter((_, i) => !p.valid[i]);
    const val = p.rows.filter((_, i) => p.valid[i]);
    const first = trainLinear(fit, built.terms.length, p.labels.length, settings.train);
    const t = chooseThresholds(
      p,
      val.map((r) => scoreLinear(first, r.x)),
      val,
      settings.minValidationPositives,
    );
    const final = trainLinear(p.rows, built.terms.length, p.labels.length, settings.train);
    trained.push({ name, labels: p.labels, w: final.w, bias: final.bias, t });
    log(`${name}: ${p.labels.length} labels, ${p.rows.length} rows (${val.length} for thresholds)`);
  }
  return store(built.terms, built.idf, trained, settings);
}

/** Prunes the weights, drops the features no label uses any more and stores the rest as integers. */
function store(
  terms: string[],
  idf: number[],
  trained: {
    name: VocabularyName;
    labels: string[];
    w: Float32Array;
    bias: Float32Array;
    t: { thresholds: number[]; atLeastOne: boolean };
  }[],
  settings: TrainSettings,
): Omit<ModelFile, 'version' | 'trainingDataSha256' | 'trainedOn'> {
  const kept = trained.map(({ labels, w }) =>
    labels.map((_, l) => {
      const L = labels.length;
      const list: { f: number; w: number }[] = [];
      for (let f = 0; f < terms.length; f++) {
        const v = w[f * L + l]!;
        if (v !== 0) list.push({ f, w: v });
      }
      list.sort((a, b) => Math.abs(b.w) - Math.abs(a.w) || a.f - b.f);
      return list
        .filter((e, i) => i < settings.keepPerLabel || Math.abs(e.w) >= settings.minWeight)
        .sort((a, b) => a.f - b.f);
    }),
  );
  const used = new Set<number>();
  for (const v of kept) for (const l of v) for (const e of l) used.add(e.f);
  const old = [...used].sort((a, b) => a - b);
  const renumber = new Map(old.map((f, i) => [f, i]));
  const vocabularies: StoredVocabulary[] = trained.map((t, vi) => {
    let max = 0;
    for (const l of kept[vi]!) for (const e of l) max = Math.max(max, Math.abs(e.w));
    const scale = Number((max / 500 || 1).toPrecision(6));
    return {
      vocabulary: t.name,
      labels: t.labels,
      bias: [...t.bias].map((b) => Math.round(b * 10000) / 10000),
      thresholds: t.t.thresholds,
      atLeastOne: t.t.atLeastOne,
      scale,
      weights: kept[vi]!.map((l) => {
        let prev = 0;
        return {
          f: l.map((e) => {
            const n = renumber.get(e.f)!;
            const d = n - prev;
            prev = n;
            return d;
          }),
          q: l.map((e) => Math.round(e.w / scale)),
        };
      }),
    };
  });
  return {
    format: 1,
    features: old.map((f) => terms[f]!),
    idf: old.map((f) => Math.round(idf[f]! * 10000) / 10000),
    vocabularies,
  };
}
