import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineName } from '../test/db.ts';

/**
 * The real command line, started as a separate Node 24 process (the one running vitest) on a
 * fresh data directory, or on a fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const pgUrl = process.env.TEST_DATABASE_URL;
export const engine = engineName();
export const PASSWORD = 'a long enough password';

const tmpDirs: string[] = [];
/** A fresh temporary directory, removed again by removeTmpDirs(). */
export function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-cli-test-'));
  tmpDirs.push(d);
  return d;
}
export function removeTmpDirs(): void {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** The environment of a command on its own data directory (or PostgreSQL database). */
export function envFor(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, RIGHTSDESK_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.RIGHTSDESK_ADMIN_EMAIL;
  delete env.PORT;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `rightsdesk ARGS` (nodeArgs go to Node itself, before the script). */
export function start(
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...nodeArgs, 'src/cli/main.ts', ...args], { cwd: root, env });
}

export function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = start(args, env, nodeArgs);
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

export const show = (r: Result) => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** A running `rightsdesk serve`. */
export class Server {
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

export async function health(url: string) {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
