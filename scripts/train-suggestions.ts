/**
 * Trains the suggestion model from the labelled data in ../shared/data (UPR Info sessions 1-16 and
 * OHCHR's two thematic lists) and writes src/suggestions/model/model.json.gz. The same data gives
 * the same file, byte for byte.
 * Usage: node scripts/train-suggestions.ts [--out FILE]   (FILE instead of the stored model)
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { MODEL_FILE } from '../src/suggestions/model.ts';
import { readThematicLists, readUprInfo, trainingDataSha256 } from '../src/suggestions/model/data.ts';
import type { ModelFile } from '../src/suggestions/model/format.ts';
import { trainModel } from '../src/suggestions/model/train.ts';

const outAt = process.argv.indexOf('--out');
const out = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1]! : MODEL_FILE;
const started = performance.now();
const sha256 = trainingDataSha256();
const rows = [...readUprInfo(), ...readThematicLists()];
const trained = trainModel(rows, undefined, (l) => console.log(l));
const file: ModelFile = {
  ...trained,
  version: `1.${sha256.slice(0, 12)}`,
  trainingDataSha256: sha256,
  trainedOn:
    'UPR Info recommendations, sessions 1-16 (upr-info/upr-recommendations-sessions-01-16.csv), and the OHCHR ' +
    'thematic lists of UPR recommendations of Slovenia, cycles 2 and 3 (ohchr-thematic-lists/*.txt)',
};
const json = JSON.stringify(file);
fs.writeFileSync(out, zlib.gzipSync(json, { level: 9 }));
console.log(
  `${out}: ${(fs.statSync(out).size / 1e6).toFixed(2)} MB (${(json.length / 1e6).toFixed(1)} MB unpacked), ` +
    `version ${file.version}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
