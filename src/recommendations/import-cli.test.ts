import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../test/db.ts';
import { UPR_INFO_COLUMNS } from './import-upr-info.ts';

/** `rightsdesk import KIND FILE` as a separate process, on a fresh database. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-import-cli-'));
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await drop?.();
});

async function env(): Promise<NodeJS.ProcessEnv> {
  const e: NodeJS.ProcessEnv = { ...process.env, RIGHTSDESK_DATA_DIR: path.join(dir, 'data') };
  delete e.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL && !drop) {
    const tmp = await createTempDatabase(process.env.TEST_DATABASE_URL, 'rd_import_cli');
    drop = tmp.drop;
    process.env.RD_IMPORT_CLI_DB = tmp.url;
  }
  if (process.env.RD_IMPORT_CLI_DB) e.DATABASE_URL = process.env.RD_IMPORT_CLI_DB;
  return e;
}

const cli = async (...args: string[]) => {
  const r = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    env: await env(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('rightsdesk import', () => {
  it('previews, imports, and refuses a bad file with the row that is wrong', async () => {
    const file = path.join(dir, 'upr.csv');
    fs.writeFileSync(
      file,
      [
        UPR_INFO_COLUMNS.join(','),
        '1,Netherlands,WEOG,EU,"Adopt a national action plan on human rights.",Norway,WEOG,,Accepted,5,"National Human Rights Action Plans",1',
        '2,Netherlands,WEOG,EU,"Ratify the ICMW.",Mexico,GRULAC,,Noted,5,"Migrants",1',
      ].join('\n'),
    );
    const preview = await cli('import', 'upr-info', file, '--preview');
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toMatch(/Preview \(nothing stored\) upr\.csv: 2 rows, 2 new/);
    const done = await cli('import', 'upr-info', file);
    expect(done.out).toMatch(/Imported upr\.csv: 2 rows, 2 new, 0 updated, 0 unchanged, 0 skipped/);
    const again = await cli('import', 'upr-info', file);
    expect(again.out).toMatch(/2 rows, 0 new, 0 updated, 2 unchanged/);
    fs.writeFileSync(
      file,
      `${UPR_INFO_COLUMNS.join(',')}\n3,Netherlands,WEOG,EU,,Peru,GRULAC,,Accepted,5,,1\n`,
    );
    const bad = await cli('import', 'upr-info', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/row 2: the recommendation text is empty.*Nothing was stored/);
    const unknown = await cli('import', 'nonsense', file);
    expect(unknown.err).toMatch(/Unknown import kind "nonsense"/);
  });
});
