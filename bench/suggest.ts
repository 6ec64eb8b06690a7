/**
 * The suggestion model's figures, each beside its goal: the training time of the full model (one run
 * of `node scripts/train-suggestions.ts`, written to a temporary file), the stored file's size, and
 * the time to suggest tags for 10,000 real recommendations of UPR Info's extract (5 runs: min and
 * median). Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadModel, MODEL_FILE } from '../src/suggestions/model.ts';
import { DATA_DIR, readUprInfo, UPR_INFO_FILE } from '../src/suggestions/model/data.ts';

const line = (what: string, value: string, goal: string) =>
  console.log(`${what.padEnd(48)} ${value.padStart(10)}   goal: ${goal}`);

export async function suggestionFigures(): Promise<void> {
  console.log('\nSuggestion model');
  line('model file size', `${(fs.statSync(MODEL_FILE).size / 1e6).toFixed(2)} MB`, 'a few MB at most');
  if (!fs.existsSync(path.join(DATA_DIR, UPR_INFO_FILE))) {
    console.log(`  (${DATA_DIR} is absent: no training or suggestion figures)`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-suggest-'));
  try {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      ['scripts/train-suggestions.ts', '--out', path.join(tmp, 'model.json.gz')],
      { encoding: 'utf8' },
    );
    const seconds = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`training failed:\n${r.stdout}\n${r.stderr}`);
    line('training, node scripts/train-suggestions.ts', `${seconds.toFixed(1)} s`, 'one command, minutes');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const texts = readUprInfo()
    .slice(0, 10_000)
    .map((r) => r.text);
  const t0 = performance.now();
  const model = loadModel();
  line('loading the model', `${(performance.now() - t0).toFixed(0)} ms`, 'once per process');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    model.suggestMany(texts);
    runs.push((performance.now() - t) / 1000);
  }
  runs.sort((a, b) => a - b);
  line('suggestions for 10,000 recommendations, min', `${runs[0]!.toFixed(2)} s`, 'under 10 s');
  line('suggestions for 10,000 recommendations, median', `${runs[2]!.toFixed(2)} s`, 'under 10 s');
}

if (import.meta.url === `file://${process.argv[1]}`) await suggestionFigures();
