import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParseSummary } from './format.ts';
import { makeThematicListDocx } from './ohchr-list-docx.ts';
import { projectRoot, reportAbsent, sharedFile } from './shared-data.ts';
import type { ParsedDocument } from './types.ts';

/** `rightsdesk parse`, started as a separate process like a user would. */

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, RIGHTSDESK_DATA_DIR: tmp };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['src/cli/main.ts', 'parse', ...args], { cwd: projectRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
const show = (r: Result) => `exit ${r.code}\nstdout:\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr}`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-parse-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const REAL = 'data/un-documents/A-HRC-8-31-netherlands-upr-2008.txt';

describe('rightsdesk parse on the real A/HRC/8/31', () => {
  const file = sharedFile(REAL);
  if (!file) return reportAbsent(REAL);

  it('--format json prints what an import would store, and stores nothing', async () => {
    const r = await run([file, '--format', 'json']);
    expect(r.code, show(r)).toBe(0);
    const doc = JSON.parse(r.stdout) as ParsedDocument;
    expect(doc).toMatchObject({ kind: 'upr', symbol: 'A/HRC/8/31', date: '2008-05-13' });
    expect(doc.recommendations).toHaveLength(31);
    expect(doc.recommendations[6]).toMatchObject({
      paragraph: '78.7',
      recommendingStates: ['Egypt', 'Peru', 'Algeria'],
      position: 'pending',
      followUp: false,
    });
    expect(fs.readdirSync(tmp)).toEqual([]); // no database was created
  });

  it('--format text prints a readable list; --kind is honoured', async () => {
    const r = await run([file, '--format', 'text', '--kind', 'upr']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('A-HRC-8-31-netherlands-upr-2008.txt: upr | A/HRC/8/31 | 2008-05-13');
    expect(r.stdout).toContain('31 recommendation(s)');
    expect(r.stdout).toContain(
      '78.11 [pending] (line 330) — Iran (Islamic Republic of); Saudi Arabia\n  Strengthen rules and regulations',
    );
  });
});

/** The recommendations of each real UPR report, counted by hand. */
const COUNTED: Record<string, number> = { 'A-HRC-8-31-netherlands-upr-2008.txt': 31 };

describe('rightsdesk parse on every real UN document in ../shared/data/un-documents', () => {
  const dir = sharedFile('data/un-documents');
  if (!dir) return reportAbsent('data/un-documents');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));

  it('gives every recommendation with its states, and says so in its summary', async () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const r = await run([path.join(dir, f), '--format', 'json']);
      expect(r.code, show(r)).toBe(0);
      const doc = JSON.parse(r.stdout) as ParsedDocument & { summary: ParseSummary };
      if (COUNTED[f] !== undefined) expect(doc.recommendations, f).toHaveLength(COUNTED[f]);
      expect(doc.recommendations.length, f).toBeGreaterThan(0);
      for (const rec of doc.recommendations)
        expect(rec.recommendingStates.length, `${f} ${rec.paragraph}`).toBeGreaterThan(0);
      expect(doc.summary, f).toEqual({
        found: doc.recommendations.length,
        withStates: doc.recommendations.length,
        withPosition: doc.recommendations.length,
        warnings: 0,
        withoutStates: [],
      });
    }
  });

  it('--format text starts with the summary', async () => {
    const r = await run([path.join(dir, files[0]!), '--format', 'text']);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout.split('\n')[2]).toMatch(
      /^Summary: (\d+) found, \1 with states, \1 with a position, 0 warning\(s\)$/,
    );
  });
});

describe('rightsdesk parse on a constructed cycle 1 report: the summary names what is missing', () => {
  it('counts the recommendations, with states and with a position, and the warnings', async () => {
    const r = await run([
      path.join(projectRoot, 'src/recommendations/parse/fixtures/upr-a-hrc-14-15-cycle1-layout.txt'),
      '--format',
      'text',
    ]);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('Summary: 7 found, 7 with states, 7 with a position, 2 warning(s)');
    expect(r.stdout).toContain(
      '  - 111.3 (line 47): "Atlantis" is not a state; left out of the recommending states.',
    );
  });
});

describe('rightsdesk parse --kind auto on an OHCHR thematic list (.docx)', () => {
  it('recognises it and reads the position of each row', async () => {
    const file = path.join(tmp, '..', `rd-thematic-${process.pid}.docx`);
    fs.writeFileSync(
      file,
      await makeThematicListDocx(
        ['UPR of Slovenia (2nd Cycle – 20th session)', 'Thematic list of recommendations'],
        [
          { theme: 'A12 Acceptance of international norms' },
          {
            text: '115.3 Ratify the Optional Protocol to the Convention on the Rights of the Child on a communications procedure (Portugal, Slovakia);',
            source: 'A/HRC/28/15/Add.1 - Para. 3',
            position: 'Supported',
            themes: ['A12 Acceptance of international norms'],
            affected: ['children'],
          },
          {
            text: '116.1 Ratify the International Convention on the Protection of the Rights of All Migrant Workers (Egypt);',
            source: 'A/HRC/28/15/Add.1 - Para. 5',
            position: 'Noted',
            themes: ['A12 Acceptance of international norms'],
          },
        ],
      ),
    );
    try {
      const r = await run([file, '--format', 'json', '--kind', 'auto']);
      expect(r.code, show(r)).toBe(0);
      const doc = JSON.parse(r.stdout) as ParsedDocument & { summary: ParseSummary };
      expect(doc.recommendations.map((x) => [x.paragraph, x.position, x.recommendingStates])).toEqual([
        ['115.3', 'supported', ['Portugal', 'Slovakia']],
        ['116.1', 'noted', ['Egypt']],
      ]);
      expect(doc.summary).toMatchObject({ found: 2, withStates: 2, withPosition: 2, warnings: 0 });
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe('rightsdesk parse errors', () => {
  it('exits 1 with a clear message for a missing or damaged file, and for an unknown kind', async () => {
    const missing = await run([path.join(tmp, 'missing.pdf')]);
    expect(missing.code, show(missing)).toBe(1);
    expect(missing.stderr).toContain(
      `Error: Cannot read ${path.join(tmp, 'missing.pdf')}: the file does not exist.`,
    );

    const bad = path.join(os.tmpdir(), `rd-parse-bad-${process.pid}.docx`);
    fs.writeFileSync(bad, 'PK\x03\x04 this is not a zip');
    try {
      const r = await run([bad]);
      expect(r.code, show(r)).toBe(1);
      expect(r.stderr).toContain(`Error: ${bad}: this .docx is damaged:`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(bad, { force: true });
    }

    const plain = path.join(os.tmpdir(), `rd-parse-plain-${process.pid}.txt`);
    fs.writeFileSync(plain, 'A shopping list: bread, milk.');
    try {
      const r = await run([plain]);
      expect(r.code, show(r)).toBe(1);
      expect(r.stderr).toContain('Cannot tell what kind of document this is');
      const k = await run([plain, '--kind', 'nonsense']);
      expect(k.code, show(k)).toBe(1);
      expect(k.stderr).toContain("argument 'nonsense' is invalid");
    } finally {
      fs.rmSync(plain, { force: true });
    }
  });
});
