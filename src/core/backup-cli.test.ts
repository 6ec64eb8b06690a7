import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from './db.ts';
import { createTempDatabase } from '../test/db.ts';
import { engine, envFor, pgUrl, removeTmpDirs, run as runCli, show, tmpDir } from '../cli/test-helpers.ts';

/** `rightsdesk backup` and `rightsdesk restore [--allow-unsigned]` as an administrator runs them. */
afterAll(removeTmpDirs);
/** Each command starts Node and opens the database: allow for a busy machine. */
const run = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, env, 170_000);
const SLOW = 600_000;

describe(`signed backups on the command line (${engine})`, () => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  const file = (name: string) => path.join(dataDir, '..', name);

  beforeAll(async () => {
    dataDir = path.join(tmpDir(), 'data');
    if (pgUrl) {
      const t = await createTempDatabase(pgUrl, 'rd_backup_cli');
      databaseUrl = t.url;
      dropDb = t.drop;
    }
    env = envFor(dataDir, databaseUrl);
    delete env.RIGHTSDESK_BACKUP_KEY;
  });
  afterAll(async () => {
    await dropDb?.();
  });

  /** The restore events of the audit trail, read after the command has ended. */
  async function restores() {
    const db = await openDb({ databaseUrl, dataDir });
    try {
      const r = await db.query<{ after: { signature: string; allowUnsigned: boolean } }>(
        "select after from audit_events where action = 'restore' order by id",
      );
      return r.rows.map((x) => x.after);
    } finally {
      await db.close();
    }
  }

  it(
    'the first backup creates the key file (mode 0600) and signs with it',
    async () => {
      const b = await run(['backup', file('own.gz')], env);
      expect(b.code, show(b)).toBe(0);
      const keyFile = path.join(dataDir, 'backup.key');
      expect(b.stdout).toMatch(/Backup written to .*own\.gz: \d+ rows from \d+ tables\./);
      expect(b.stdout).toContain(`(from ${keyFile})`);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    },
    SLOW,
  );

  it(
    'refuses a backup of another installation, and restores it with --allow-unsigned (audited)',
    async () => {
      const other = { ...env, RIGHTSDESK_BACKUP_KEY: 'the key of another installation of rightsdesk' };
      const b = await run(['backup', file('foreign.gz')], other);
      expect(b.code, show(b)).toBe(0);
      expect(b.stdout).toContain('(from RIGHTSDESK_BACKUP_KEY)');

      const refused = await run(['restore', file('foreign.gz')], env);
      expect(refused.code, show(refused)).toBe(1);
      expect(refused.stderr).toMatch(
        /Error: The backup file .*foreign\.gz was signed by another installation/,
      );
      expect(refused.stderr).toContain('--allow-unsigned');
      expect(await restores()).toEqual([]);

      const allowed = await run(['restore', file('foreign.gz'), '--allow-unsigned'], env);
      expect(allowed.code, show(allowed)).toBe(0);
      expect(allowed.stdout).toMatch(/Restored \d+ rows/);
      expect(allowed.stdout).toContain(
        'Warning: it was signed by another installation; restored because of --allow-unsigned',
      );
      expect(await restores()).toMatchObject([{ signature: 'other-key', allowUnsigned: true }]);
    },
    SLOW,
  );

  it(
    "restores this installation's own backup without the flag",
    async () => {
      const r = await run(['restore', file('own.gz')], env);
      expect(r.code, show(r)).toBe(0);
      expect(r.stdout).not.toContain('Warning');
      expect(await restores()).toMatchObject([{ signature: 'valid', allowUnsigned: false }]);
    },
    SLOW,
  );
});
