import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { backup, BackupError, readBackup, restore } from './backup.ts';
import { testDb } from '../test/db.ts';
import { findUserByEmail } from '../users/service.ts';
import {
  actor,
  auditTrail,
  dump,
  engine,
  gunzipText,
  otherKey,
  populate,
  rechecksum,
  testKey,
  tmpFiles,
  unsign,
  writeGzip,
} from './backup-test-helpers.ts';

const files = tmpFiles();
afterAll(files.remove);
const tmpFile = files.file;

describe(`signed backups (${engine})`, () => {
  let db: Db;
  let good: string;
  let goodText: string;
  let foreign: string;
  let before: Awaited<ReturnType<typeof dump>>;

  beforeAll(async () => {
    const src = await testDb();
    await populate(src, 'bak');
    good = tmpFile('good.gz');
    await backup(src, good, testKey);
    // The same data, backed up by another installation (another key).
    foreign = tmpFile('foreign.gz');
    await backup(src, foreign, otherKey);
    await src.close();
    goodText = gunzipText(good);

    db = await testDb();
    await populate(db, 'live');
    before = await dump(db);
  });
  afterAll(() => db?.close());

  async function expectRefused(file: string, message: RegExp, key = testKey) {
    const err = await restore(db, file, actor, { key }).then(
      () => {
        throw new Error(`restore of ${file} succeeded`);
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(message);
    expect(await dump(db)).toEqual(before);
  }

  let forgedRows = 0;
  /** The backup with audit rows rewritten, and its plain checksum computed again. */
  function forged(): string {
    const f = tmpFile('forged.gz');
    const lines = goodText.split('\n');
    const start = lines.findIndex((l) => l.startsWith('{"table":"audit_events"'));
    expect(start).toBeGreaterThan(0);
    let changed = 0;
    for (let i = start + 1; lines[i]?.startsWith('['); i++) {
      const edited = lines[i]!.replace('"backup-test"', '"somebody-else"');
      if (edited !== lines[i]) changed++;
      lines[i] = edited;
    }
    expect(changed).toBeGreaterThan(20);
    forgedRows = changed;
    writeGzip(f, rechecksum(lines.join('\n')));
    return f;
  }

  it('a backup carries the signature of the installation key', () => {
    const end = JSON.parse(goodText.trimEnd().split('\n').pop()!) as { signature: unknown };
    expect(end.signature).toMatchObject({ alg: 'HMAC-SHA256', key: testKey.id });
    expect(readBackup(good, testKey).signature).toEqual({ status: 'valid', key: testKey.id });
    expect(readBackup(foreign, testKey).signature).toEqual({ status: 'other-key', key: otherKey.id });
    expect(testKey.id).not.toBe(otherKey.id);
  });

  it('refuses an edited backup whose plain checksum was computed again', async () => {
    const f = forged();
    expect(readBackup(f, testKey).signature.status).toBe('mismatch');
    await expectRefused(f, /forged\.gz was changed after it was signed: its signature does not match/);
  });

  it('refuses a backup of another installation (another key), naming both keys', async () => {
    await expectRefused(
      foreign,
      new RegExp(
        `foreign\\.gz was signed by another installation \\(key ${otherKey.id}\\); this installation's key is ${testKey.id}.*--allow-unsigned`,
      ),
    );
  });

  it('refuses an unsigned backup', async () => {
    const f = tmpFile('unsigned.gz');
    writeGzip(f, unsign(goodText));
    await expectRefused(f, /unsigned\.gz is not signed.*--allow-unsigned/);
  });

  it('refuses every signed backup when this installation has no key', async () => {
    const err = (await restore(db, good, actor, { key: null }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(BackupError);
    expect(err.message).toMatch(/signed by another installation .*this installation has no backup key/);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a signature taken from another backup', async () => {
    const f = tmpFile('swapped.gz');
    const foreignEnd = gunzipText(foreign).trimEnd().split('\n').pop()!;
    const goodLines = gunzipText(good).trimEnd().split('\n');
    const end = JSON.parse(goodLines.pop()!) as Record<string, unknown>;
    const otherSig = (JSON.parse(foreignEnd) as Record<string, unknown>).signature;
    // The key id of this installation, with a value that belongs to other contents.
    end.signature = { ...(otherSig as object), key: testKey.id };
    writeGzip(f, [...goodLines, JSON.stringify(end)].join('\n') + '\n');
    await expectRefused(f, /swapped\.gz was changed after it was signed/);
  });

  it('restores a backup of another installation with --allow-unsigned, and the audit says so', async () => {
    const r = await restore(db, foreign, actor, { key: testKey, allowUnsigned: true });
    expect(r.signature).toEqual({ status: 'other-key', key: otherKey.id });
    expect(await findUserByEmail(db, 'coordinator.bak@example.org')).not.toBeNull();
    const last = (await auditTrail(db)).pop()!;
    expect(last).toMatchObject({ action: 'restore', entity_type: 'database' });
    expect(last.after).toMatchObject({
      file: foreign,
      signature: 'other-key',
      signedWith: otherKey.id,
      allowUnsigned: true,
    });
  });

  it('restores an edited backup with --allow-unsigned, and the audit says so', async () => {
    const f = forged();
    await restore(db, f, actor, { key: testKey, allowUnsigned: true });
    const trail = await auditTrail(db);
    expect(trail.filter((r) => r.actor_label === 'somebody-else').length).toBe(forgedRows);
    expect(trail.pop()!.after).toMatchObject({ signature: 'mismatch', allowUnsigned: true });
  });

  it('a signed restore records a valid signature without the flag', async () => {
    await restore(db, good, actor, { key: testKey });
    const last = (await auditTrail(db)).pop()!;
    expect(last.after).toMatchObject({ signature: 'valid', signedWith: testKey.id, allowUnsigned: false });
  });

  it('the flag does not let a damaged file through', async () => {
    const f = tmpFile('damaged.gz');
    const i = goodText.indexOf('Testdienst bak');
    writeGzip(f, goodText.slice(0, i) + 'X' + goodText.slice(i + 1));
    await expect(restore(db, f, actor, { key: testKey, allowUnsigned: true })).rejects.toThrow(
      /damaged\.gz is damaged: its checksum does not match/,
    );
  });

  it('restores a backup of format 1 (generated columns included, unsigned) with the flag', async () => {
    // Format 1 wrote every column, the generated search vector too; a restore computes it again.
    const lines = unsign(goodText).trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    lines[0] = JSON.stringify({ ...header, formatVersion: 1 });
    const start = lines.findIndex((l) => l.startsWith('{"table":"recommendations"'));
    const t = JSON.parse(lines[start]!) as { table: string; columns: string[] };
    lines[start] = JSON.stringify({ ...t, columns: [...t.columns, 'search'] });
    let n = 0;
    for (let i = start + 1; lines[i]?.startsWith('['); i++, n++) {
      const row = JSON.parse(lines[i]!) as unknown[];
      lines[i] = JSON.stringify([...row, "'stale':1"]);
    }
    expect(n).toBe(25);
    const f = tmpFile('format1.gz');
    writeGzip(f, rechecksum(lines.join('\n')));
    await expect(restore(db, f, actor, { key: testKey })).rejects.toThrow(/format1\.gz is not signed/);
    const r = await restore(db, f, actor, { key: testKey, allowUnsigned: true });
    expect(r.signature.status).toBe('unsigned');
    const s = await db.query<{ n: number }>(
      `select count(*)::int as n from recommendations where search @@ plainto_tsquery('english', 'children violence')`,
    );
    expect(s.rows[0]!.n).toBe(25);
    expect(
      (await db.query("select 1 from recommendations where search @@ to_tsquery('simple', 'stale')"))
        .rowCount,
    ).toBe(0);
  });

  it('a good backup still restores without the flag', async () => {
    expect(fs.existsSync(good)).toBe(true);
    const r = await restore(db, good, actor, { key: testKey });
    expect(r.signature.status).toBe('valid');
  });
});
