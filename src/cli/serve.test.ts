import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findImage } from '../core/db-image.ts';
import { openDb } from '../core/db.ts';
import { envFor, freePort, health, removeTmpDirs, run, Server, show, tmpDir } from './test-helpers.ts';

/** `rightsdesk serve` on the embedded database: the first start and the ones after it. */
afterAll(removeTmpDirs);

describe('serve on a fresh embedded data directory (PGlite)', () => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let lockFile: string;
  let imageDir: string;
  let firstPassword: string;
  beforeAll(() => {
    dataDir = path.join(tmpDir(), 'data');
    lockFile = path.join(dataDir, 'rightsdesk.lock');
    // Its own image cache: the first start below is the first on this machine.
    imageDir = path.join(tmpDir(), 'image');
    env = { ...envFor(dataDir), RIGHTSDESK_DB_IMAGE_DIR: imageDir };
  });

  it('first start: creates the database, prints the one-time admin password once, answers /api/health', async () => {
    const server = new Server(await freePort(), env);
    try {
      const url = await server.ready();
      expect(server.stdout).toContain('Loading the reference data');
      expect(server.stdout.match(/password:/g)).toHaveLength(1);
      expect(server.stdout).toMatch(/e-mail:\s+admin@rightsdesk\.local/);
      expect(server.stdout).not.toContain('from the image');
      const pw = /password:\s+(\S+)/.exec(server.stdout)![1]!;
      firstPassword = pw;
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

  it('a new data directory on the same machine starts from the image the first start kept', async () => {
    expect(findImage({ cacheDir: imageDir })).not.toBeNull();
    const other = path.join(tmpDir(), 'data');
    const server = new Server(await freePort(), { ...env, RIGHTSDESK_DATA_DIR: other });
    try {
      const url = await server.ready();
      expect(server.stdout).toContain('Database created from the image');
      expect(server.stdout).not.toContain('Loading the reference data');
      expect(server.stdout).not.toContain('Database migrated');
      // Its own first administrator, with its own one-time password.
      const pw = /password:\s+(\S+)/.exec(server.stdout)?.[1];
      expect(pw).toBeDefined();
      expect(pw).not.toBe(firstPassword);
      expect((await health(url)).status).toBe(200);
      expect((await server.stop()).code).toBe(0);
    } finally {
      server.kill();
    }
    const db = await openDb({ dataDir: other });
    try {
      const n = await db.query<{ organisations: number; users: number }>(
        'select (select count(*) from organisations)::int as organisations, (select count(*) from users)::int as users',
      );
      expect(n.rows[0]!.organisations).toBeGreaterThan(0);
      expect(n.rows[0]!.users).toBe(1);
    } finally {
      await db.close();
    }
  });
});
