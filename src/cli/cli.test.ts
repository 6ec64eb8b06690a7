import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, engineName } from '../test/db.ts';

/**
 * The real command line, started as a separate Node 24 process (the one running vitest) on a
 * fresh data directory, or on a fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pgUrl = process.env.TEST_DATABASE_URL;
const engine = engineName();
const PASSWORD = 'a long enough password';

const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-cli-test-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function envFor(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, RIGHTSDESK_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.RIGHTSDESK_ADMIN_EMAIL;
  delete env.PORT;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['src/cli/main.ts', ...args], { cwd: root, env });
}

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = start(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`rightsdesk ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`),
      );
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const show = (r: Result) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** A running `rightsdesk serve`. */
class Server {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  constructor(port: number, env: NodeJS.ProcessEnv) {
    this.child = start(['serve', '--port', String(port)], env);
    this.child.stdout.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => resolve({ code, signal })),
    );
  }
  /** Waits for the "running at" line; returns the URL. */
  async ready(timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let done = false;
    void this.exited.then(() => (done = true));
    while (Date.now() < deadline) {
      const m = /Rightsdesk is running at (\S+)/.exec(this.stdout);
      if (m) return m[1]!;
      if (done) throw new Error(`serve exited before it was ready\n${this.stdout}\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`serve was not ready within ${timeoutMs} ms\n${this.stdout}\n${this.stderr}`);
  }
  /** Sends SIGTERM; returns the exit code and how long the exit took. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const t0 = Date.now();
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    const r = await this.exited;
    clearTimeout(killer);
    return { ...r, ms: Date.now() - t0 };
  }
  kill() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

async function health(url: string) {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

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

describe('serve on a fresh embedded data directory (PGlite)', () => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let lockFile: string;
  beforeAll(() => {
    dataDir = path.join(tmpDir(), 'data');
    lockFile = path.join(dataDir, 'rightsdesk.lock');
    env = envFor(dataDir);
  });

  it('first start: creates the database, prints the one-time admin password once, answers /api/health', async () => {
    const server = new Server(await freePort(), env);
    try {
      const url = await server.ready();
      expect(server.stdout).toContain('Loading the reference data');
      expect(server.stdout.match(/password:/g)).toHaveLength(1);
      expect(server.stdout).toMatch(/e-mail:\s+admin@rightsdesk\.local/);
      const pw = /password:\s+(\S+)/.exec(server.stdout)![1]!;
      expect(pw.length).toBeGreaterThanOrEqual(12);
      expect(server.stderr).not.toContain(pw);

      const h = await health(url);
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: 'ok', engine: 'pglite' });
      expect(h.body.version).toMatch(/^\d+(\.\d+)?/);
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));

      // The one-time password works.
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@rightsdesk.local', password: pw }),
      });
      expect(login.status).toBe(200);

      // A second serve on the same data directory is refused while the first runs.
      const second = await run(['serve', '--port', String(await freePort())], env);
      expect(second.code, show(second)).toBe(1);
      expect(second.stderr).toContain(
        `The data directory ${dataDir} is in use by another Rightsdesk process (pid ${server.child.pid})`,
      );
      expect(second.stdout).not.toContain('password:');
      // ...and the first one still answers and still holds the lock.
      expect((await health(url)).status).toBe(200);
      expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));

      const stopped = await server.stop();
      expect(stopped, server.stdout + server.stderr).toMatchObject({ code: 0, signal: null });
      expect(stopped.ms).toBeLessThan(10_000);
      expect(server.stdout).toContain('SIGTERM received');
      expect(fs.existsSync(lockFile)).toBe(false);
    } finally {
      server.kill();
    }
  });

  it('second start on the same data directory: no new password, data kept', async () => {
    const server = new Server(await freePort(), env);
    try {
      const url = await server.ready();
      expect(server.stdout).not.toContain('password:');
      expect(server.stdout).not.toContain('Loading the reference data');
      expect((await health(url)).body).toMatchObject({ status: 'ok', engine: 'pglite' });
      const stopped = await server.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.ms).toBeLessThan(10_000);
      expect(fs.existsSync(lockFile)).toBe(false);
    } finally {
      server.kill();
    }
    const r = await run(['user', 'list'], env);
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/^admin@rightsdesk\.local\tadmin\tactive\tAdministrator$/m);
    expect(r.stdout).toContain('1 user(s)');
  });
});
