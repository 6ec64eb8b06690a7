/**
 * Evaluates the suggestion model's method on data it did not learn from, and prints micro- and
 * macro-F1 per vocabulary with the data each figure uses. Thresholds and settings are chosen inside
 * the training rows only (train.ts: UPR sessions 11-12 of a 1-12 training set), never on the rows
 * reported here.
 *   1. Trained on UPR Info sessions 1-12 and both OHCHR lists; tested on UPR Info sessions 13-16:
 *      UPR Info issues, and the UHRI themes and groups those issues stand for (only those labels).
 *   2. Trained on UPR Info sessions 1-12 and the OHCHR cycle-2 list; tested on the cycle-3 list:
 *      every UHRI theme and group OHCHR gives.
 *   3. SDGs: only the cycle-3 list names them, and only at goal level: 5-fold cross-validation on
 *      its rows (each fold trained on the other four, with UPR Info 1-12 for the features).
 * Usage: node scripts/evaluate.ts
 */
import { readThematicLists, readUprInfo, type LabelledText } from '../src/suggestions/model/data.ts';
import type { ModelFile, VocabularyName } from '../src/suggestions/model/format.ts';
import { f1Scores, type F1 } from '../src/suggestions/model/metrics.ts';
import { predictor } from '../src/suggestions/model/predict.ts';
import { DEFAULT_SETTINGS, trainModel } from '../src/suggestions/model/train.ts';

const upr = readUprInfo();
const lists = readThematicLists();
const cycle2 = lists.filter((r) => r.cycle === 2);
const cycle3 = lists.filter((r) => r.cycle === 3);
const train12 = upr.filter((r) => r.session! <= 12);
const test1316 = upr.filter((r) => r.session! >= 13);

function fit(rows: LabelledText[], only?: VocabularyName[]) {
  const t = performance.now();
  const m = trainModel(rows, DEFAULT_SETTINGS, undefined, only);
  const file: ModelFile = { ...m, version: 'evaluation', trainingDataSha256: '', trainedOn: '' };
  return { file, p: predictor(file), seconds: (performance.now() - t) / 1000 };
}

/** The proposals of one vocabulary, restricted to `labels` when given. */
function proposals(
  p: ReturnType<typeof predictor>,
  rows: LabelledText[],
  v: VocabularyName,
  labels?: Set<string>,
) {
  return rows.map((r) =>
    p
      .suggest(r.text)
      .filter((s) => s.vocabulary === v && (!labels || labels.has(s.label)))
      .map((s) => s.label),
  );
}

const fmt = (f: F1) =>
  `micro-F1 ${f.micro.toFixed(3)}  macro-F1 ${f.macro.toFixed(3)}  (${f.rows} rows, ${f.labels} labels)`;
const lines: string[] = [];
const report = (vocabulary: string, f: F1, data: string) => {
  const line = `${vocabulary.padEnd(15)} ${fmt(f)}\n${' '.repeat(16)}${data}`;
  lines.push(line);
  console.log(line);
};

console.log('1. Training on UPR Info sessions 1-12 and the OHCHR lists (cycles 2 and 3) ...');
const a = fit([...train12, ...lists], ['upr-info-issue', 'uhri-theme', 'uhri-group']);
console.log(
  `   trained in ${a.seconds.toFixed(1)} s; testing on UPR Info sessions 13-16 (${test1316.length} rows)`,
);
for (const v of ['upr-info-issue', 'uhri-theme', 'uhri-group'] as const) {
  // The UHRI labels that UPR Info's issues stand for: the only ones these rows can confirm or deny.
  const derived = new Set(upr.flatMap((r) => r.labels[v]));
  report(
    v,
    f1Scores(
      test1316.map((r) => r.labels[v]),
      proposals(a.p, test1316, v, v === 'upr-info-issue' ? undefined : derived),
    ),
    v === 'upr-info-issue'
      ? 'UPR Info sessions 13-16, UPR Info issue labels (baselines: BERT 0.778, SetFit 0.749-0.784 micro-F1)'
      : `UPR Info sessions 13-16, labels derived from the issues through the taxonomy's aliases (${derived.size} ${v === 'uhri-theme' ? 'themes' : 'groups'})`,
  );
}

console.log('2. Training on UPR Info sessions 1-12 and the OHCHR cycle-2 list ...');
const b = fit([...train12, ...cycle2], ['uhri-theme', 'uhri-group']);
console.log(
  `   trained in ${b.seconds.toFixed(1)} s; testing on the OHCHR cycle-3 list (${cycle3.length} rows)`,
);
for (const v of ['uhri-theme', 'uhri-group'] as const) {
  report(
    v,
    f1Scores(
      cycle3.map((r) => r.labels[v]),
      proposals(b.p, cycle3, v),
    ),
    'OHCHR cycle-3 list (Slovenia, UPR34), every label OHCHR gives; labels new in cycle 3 count as misses',
  );
}

console.log('3. SDGs (goal level), 5-fold cross-validation on the OHCHR cycle-3 list ...');
const truth: string[][] = [];
const got: string[][] = [];
for (let fold = 0; fold < 5; fold++) {
  const test = cycle3.filter((_, i) => i % 5 === fold);
  const trainRows = cycle3.filter((_, i) => i % 5 !== fold);
  const m = fit([...train12, ...trainRows], ['sdg-target']);
  truth.push(...test.map((r) => r.labels['sdg-target']));
  got.push(...proposals(m.p, test, 'sdg-target'));
}
report(
  'sdg-target',
  f1Scores(truth, got),
  'OHCHR cycle-3 list, 5-fold cross-validation; SDG goals only (the data names no targets): labels are goal codes',
);

console.log('\nSummary');
for (const l of lines) console.log(l);
