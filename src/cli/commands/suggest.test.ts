import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envFor, removeTmpDirs, run, show, tmpDir } from '../test-helpers.ts';

/** `rightsdesk suggest`, run as the real command line on a small CSV and on real `parse` output. */
const REPORT = path.resolve('../shared/data/un-documents/A-HRC-8-31-netherlands-upr-2008.txt');
const skipReal = !fs.existsSync(REPORT) && process.env.CI !== 'true';
if (skipReal) console.warn(`Skipping suggest on parse output: ${REPORT} is absent.`);

interface Out {
  id: string;
  suggestions: { vocabulary: string; label: string; score: number }[];
}

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  dir = tmpDir();
  env = envFor(dir);
});
afterAll(removeTmpDirs);

describe('rightsdesk suggest', () => {
  it('suggests tags for each record of a CSV in the UPR Info layout', async () => {
    const csv = path.join(dir, 'recs.csv');
    fs.writeFileSync(
      csv,
      'id,state_under_review,text,issues\n' +
        'r1,Netherlands,"Ratify the Optional Protocol to the Convention against Torture",\n' +
        'r2,Netherlands,"Abolish the death penalty",\n',
    );
    const r = await run(['suggest', csv, '--format', 'json'], env);
    expect(r.code, show(r)).toBe(0);
    const out = JSON.parse(r.stdout) as Out[];
    expect(out.map((o) => o.id)).toEqual(['r1', 'r2']);
    expect(out[0]!.suggestions).toContainEqual(
      expect.objectContaining({ vocabulary: 'uhri-theme', label: 'A12' }),
    );
    expect(out[1]!.suggestions).toContainEqual(
      expect.objectContaining({ vocabulary: 'upr-info-issue', label: 'Death penalty' }),
    );
  });

  it.skipIf(skipReal)('suggests tags for the recommendations of real parse output', async () => {
    const parsed = await run(['parse', REPORT, '--format', 'json'], env);
    expect(parsed.code, show(parsed)).toBe(0);
    const json = path.join(dir, 'parsed.json');
    fs.writeFileSync(json, parsed.stdout);
    const count = (JSON.parse(parsed.stdout) as { recommendations: unknown[] }).recommendations.length;
    expect(count).toBeGreaterThan(20);
    const r = await run(['suggest', json, '--format', 'json'], env);
    expect(r.code, show(r)).toBe(0);
    const out = JSON.parse(r.stdout) as Out[];
    expect(out).toHaveLength(count);
    expect(out.filter((o) => o.suggestions.length).length).toBe(count);
    expect(out.flatMap((o) => o.suggestions.map((s) => s.vocabulary))).toContain('upr-info-issue');
  });

  it('says what to fix for a missing file, a CSV without id or text, and malformed JSON', async () => {
    const missing = await run(['suggest', path.join(dir, 'nothing.csv')], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Cannot read');
    const csv = path.join(dir, 'bad.csv');
    fs.writeFileSync(csv, 'id,recommendation\n1,Ratify\n');
    const noText = await run(['suggest', csv], env);
    expect(noText.code).not.toBe(0);
    expect(noText.stderr).toContain('has no column text');
    const json = path.join(dir, 'bad.json');
    fs.writeFileSync(json, '{"recommendations": [');
    const bad = await run(['suggest', json], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('is not valid JSON');
    fs.writeFileSync(json, '{"items": []}');
    const shape = await run(['suggest', json], env);
    expect(shape.code).not.toBe(0);
    expect(shape.stderr).toContain('needs a list "recommendations"');
  });
});
