import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../test/db.ts';
import {
  engine,
  envFor,
  freePort,
  health,
  PASSWORD,
  pgUrl,
  removeTmpDirs,
  run,
  Server,
  show,
  tmpDir,
} from './test-helpers.ts';

/**
 * The real command line, started as a separate Node 24 process (the one running vitest) on a
 * fresh data directory, or on a fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
afterAll(removeTmpDirs);

it('runs the CLI under Node 24 or newer', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
});

describe(`the rightsdesk command on ${engine}`, () => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let dropDb: (() => Promise<void>) | undefined;
  const backupFile = () => path.join(dataDir, '..', 'cli.rdbackup.gz');
  const users = async () => {
    const r = await run(['user', 'list'], env);
    expect(r.code, show(r)).toBe(0);
    return r.stdout;
  };

  beforeAll(async () => {
    dataDir = path.join(tmpDir(), 'data');
    let url: string | undefined;
    if (pgUrl) {
      const t = await createTempDatabase(pgUrl, 'rd_cli');
      url = t.url;
      dropDb = t.drop;
    }
    env = envFor(dataDir, url);
  });
  afterAll(async () => {
    await dropDb?.();
  });

  it('migrate', async () => {
    const r = await run(['migrate'], env);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('Database schema is up to date.');
    // PGlite keeps its files in the data directory and released the lock on exit.
    if (!pgUrl) expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'rightsdesk.lock'))).toBe(false);
  });

  it('seed prints what it loaded, and a second seed adds nothing', async () => {
    const r = await run(['seed'], env);
    expect(r.code, show(r)).toBe(0);
    const m = /Reference data: (\{.*\})/.exec(r.stdout);
    expect(m, show(r)).not.toBeNull();
    const report = JSON.parse(m![1]!) as Record<string, number>;
    expect(report.organisations).toBeGreaterThan(20);
    expect(report.instruments).toBeGreaterThan(10);
    expect(report.taxonomy_terms).toBeGreaterThan(100);

    const again = await run(['seed'], env);
    expect(again.code, show(again)).toBe(0);
    const report2 = JSON.parse(/Reference data: (\{.*\})/.exec(again.stdout)![1]!) as Record<string, number>;
    expect(
      Object.values(report2).every((n) => n === 0),
      again.stdout,
    ).toBe(true);
  });

  it('user add creates an administrator', async () => {
    const r = await run(
      ['user', 'add', 'a@example.org', '--name', 'A', '--role', 'admin', '--password', PASSWORD],
      env,
    );
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('User a@example.org created with role admin.');
    expect(r.stdout).not.toContain(PASSWORD);
    expect(r.stdout).not.toContain('One-time password');
  });

  it('user add refuses a coordinator without --organisation, and one with an unknown organisation', async () => {
    const r = await run(
      ['user', 'add', 'c@example.org', '--name', 'C', '--role', 'coordinator', '--password', PASSWORD],
      env,
    );
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toContain('Error: A coordinator belongs to one organisation: choose the organisation.');
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace

    const r2 = await run(
      [
        'user',
        'add',
        'c@example.org',
        '--name',
        'C',
        '--role',
        'coordinator',
        '--organisation',
        'NOPE',
        '--password',
        PASSWORD,
      ],
      env,
    );
    expect(r2.code, show(r2)).toBe(1);
    expect(r2.stderr).toContain('No organisation with code "NOPE"');
  });

  it('user add with --organisation creates a coordinator; without --password it prints a one-time password', async () => {
    const r = await run(
      ['user', 'add', 'c@example.org', '--name', 'C', '--role', 'coordinator', '--organisation', 'bzk'],
      env,
    );
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('User c@example.org created with role coordinator.');
    expect(r.stdout).toMatch(/One-time password \(shown once, to be changed at first login\): \S{12,}/);
  });

  it('user list shows the users', async () => {
    const out = await users();
    expect(out).toMatch(/^a@example\.org\tadmin\tactive\tA$/m);
    expect(out).toMatch(/^c@example\.org\tcoordinator\tactive\tC$/m);
    expect(out).toContain('2 user(s)');
  });

  it('user set-role changes the role; an unknown role or user is a clear error', async () => {
    const r = await run(['user', 'set-role', 'a@example.org', 'observer'], env);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('a@example.org now has role observer.');

    const bad = await run(['user', 'set-role', 'a@example.org', 'emperor'], env);
    expect(bad.code, show(bad)).toBe(1);
    expect(bad.stderr).toContain(
      'Error: Unknown role "emperor": use one of admin, coordinator, contributor, observer.',
    );

    const nobody = await run(['user', 'set-role', 'nobody@example.org', 'admin'], env);
    expect(nobody.code, show(nobody)).toBe(1);
    expect(nobody.stderr).toContain('No user with e-mail address nobody@example.org');

    const out = await users();
    expect(out).toMatch(/^a@example\.org\tobserver\tactive\tA$/m);
  });

  it('backup FILE, then restore FILE brings back the data as it was', async () => {
    const b = await run(['backup', backupFile()], env);
    expect(b.code, show(b)).toBe(0);
    expect(b.stdout).toMatch(/Backup written to .*cli\.rdbackup\.gz: \d+ rows from \d+ tables\./);
    expect(fs.readFileSync(backupFile()).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    // A change after the backup, which the restore undoes.
    const add = await run(
      ['user', 'add', 'later@example.org', '--name', 'Later', '--role', 'observer', '--password', PASSWORD],
      env,
    );
    expect(add.code, show(add)).toBe(0);
    expect(await users()).toContain('later@example.org');

    const r = await run(['restore', backupFile()], env);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/Restored \d+ rows into \d+ tables from .*cli\.rdbackup\.gz\./);
    const out = await users();
    expect(out).not.toContain('later@example.org');
    expect(out).toMatch(/^a@example\.org\tobserver\tactive\tA$/m);
    expect(out).toContain('2 user(s)');
  });

  it('restore of a corrupt file exits 1 with the message and changes nothing', async () => {
    const before = await users();
    const corrupt = path.join(dataDir, '..', 'corrupt.gz');
    const good = fs.readFileSync(backupFile());
    fs.writeFileSync(corrupt, good.subarray(0, Math.floor(good.length / 2)));
    const r = await run(['restore', corrupt], env);
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toContain(`Error: ${corrupt} is not a Rightsdesk backup or it is damaged`);
    expect(r.stdout).not.toContain('Restored');

    const missing = await run(['restore', path.join(dataDir, '..', 'missing.gz')], env);
    expect(missing.code, show(missing)).toBe(1);
    expect(missing.stderr).toMatch(/Error: The backup file .*missing\.gz does not exist\./);

    expect(await users()).toBe(before);
  });

  it(`serve answers /api/health on ${engine}, does not print a password when users exist, and stops on SIGTERM`, async () => {
    const server = new Server(await freePort(), env);
    try {
      const url = await server.ready();
      const h = await health(url);
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: 'ok', engine });
      expect(h.body.version).toMatch(/^\d+(\.\d+)?/);
      expect(server.stdout).not.toContain('password:');
      expect(server.stdout).toContain(`(database: ${engine}`);
      const stopped = await server.stop();
      expect(stopped, server.stderr).toMatchObject({ code: 0 });
      expect(stopped.ms).toBeLessThan(10_000);
    } finally {
      server.kill();
    }
  });
});

describe('rightsdesk --help', () => {
  it('lists the commands without loading their code', async () => {
    // A module hook that reports every file the process loads.
    const hook = path.join(tmpDir(), 'report-loads.mjs');
    fs.writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';
registerHooks({ load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('loaded ' + url + '\\n'); return next(url, context); } });`,
    );
    const r = await run(['--help'], envFor(tmpDir()), 30_000, ['--import', hook]);
    expect(r.code, show(r)).toBe(0);
    for (const command of [
      'serve',
      'migrate',
      'seed',
      'user',
      'reminders',
      'backup',
      'restore',
      'import',
      'parse',
    ])
      expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('loaded ') && l.includes('/src/'));
    expect(loaded.some((l) => l.endsWith('/src/cli/main.ts'))).toBe(true);
    const heavy = /\/src\/(cli\/commands\/|server\/|core\/db\.ts|users\/|recommendations\/|notifications\/)/;
    expect(loaded.filter((l) => heavy.test(l))).toEqual([]);
  });
});
