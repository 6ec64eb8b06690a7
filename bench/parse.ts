/**
 * `npx node bench/parse.ts`: how long the document parsers take on large and on pathological
 * input, to show they stay linear (figures are printed, never asserted). Uses the real UPR report
 * from ../shared/data when it is there, and the fixtures of src/recommendations/parse/fixtures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanBlocks } from '../src/recommendations/parse/clean.ts';
import { parseDocument } from '../src/recommendations/parse/index.ts';

const fixtures = path.resolve('src/recommendations/parse/fixtures');
const real = path.resolve('../shared/data/un-documents/A-HRC-8-31-netherlands-upr-2008.txt');
const upr = fs.existsSync(real)
  ? fs.readFileSync(real, 'utf8')
  : fs.readFileSync(path.join(fixtures, 'a-hrc-36-15-layout.txt'), 'utf8');
const tb = fs.readFileSync(path.join(fixtures, 'e-c12-nld-co-7-layout.txt'), 'utf8');
const adv = fs.readFileSync(path.join(fixtures, 'kabinetsreactie-advies-layout.txt'), 'utf8');

function time(label: string, size: number, f: () => unknown) {
  const t = performance.now();
  f();
  const ms = performance.now() - t;
  console.log(
    `${label.padEnd(44)} ${(size / 1e6).toFixed(1).padStart(5)} MB ${ms.toFixed(0).padStart(7)} ms`,
  );
}

for (const n of [10, 20, 40]) {
  const text = upr.repeat(n);
  time(`UPR report x${n}`, text.length, () => parseDocument(text, 'upr'));
}
for (const n of [250, 500, 1000]) {
  const text = tb.repeat(n);
  time(`concluding observations x${n}`, text.length, () => parseDocument(text, 'treaty-body'));
}
const advBig = adv.repeat(1000);
time('advisory x1000', advBig.length, () => parseDocument(advBig, 'advisory'));
for (const n of [100_000, 200_000]) {
  const text = 'abcdefgh-\n'.repeat(n);
  time(`hyphen at every line end, ${n} lines`, text.length, () => cleanBlocks(text));
}
const longLine = `1. ${'Ratify (France) ; ; '.repeat(100_000)}`;
time('one long line of recommendations', longLine.length, () => parseDocument(longLine, 'upr'));
const parens = `78. recommendations:\n1. ${'('.repeat(500_000)}${')'.repeat(500_000)}`;
time('deeply nested parentheses', parens.length, () => parseDocument(parens, 'upr'));
const subs = `1. The Committee recommends: ${'(a) x; '.repeat(200_000)}`;
time('many sub-paragraph markers', subs.length, () => parseDocument(subs, 'treaty-body'));
