import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { backup, BackupError, readBackup, restore } from './backup.ts';
import { testDb } from '../test/db.ts';
import { findUserByEmail } from '../users/service.ts';
import {
  actor,
  dump,
  engine,
  gunzipText,
  populate,
  resign,
  testKey,
  tmpFiles,
  writeGzip,
} from './backup-test-helpers.ts';

const files = tmpFiles();
afterAll(files.remove);
const tmpFile = files.file;

describe(`restore refuses bad input and changes nothing (${engine})`, () => {
  let db: Db;
  let good: string;
  let goodText: string;
  let before: Awaited<ReturnType<typeof dump>>;

  beforeAll(async () => {
    // The backup comes from one database, the restore target is another with different data.
    const src = await testDb();
    await populate(src, 'bak');
    good = tmpFile('source.rdbackup.gz');
    await backup(src, good, testKey);
    await src.close();
    goodText = gunzipText(good);

    db = await testDb();
    await populate(db, 'live');
    before = await dump(db);
  });
  afterAll(() => db?.close());

  async function expectRefused(file: string, message: RegExp, errorClass: unknown = BackupError) {
    const err = await restore(db, file, actor, { key: testKey }).then(
      () => {
        throw new Error(`restore of ${file} succeeded`);
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(errorClass);
    expect((err as Error).message).toMatch(message);
    expect(await dump(db)).toEqual(before);
  }

  it('the good backup is accepted by readBackup (control)', () => {
    expect(readBackup(good, testKey).rows).toBeGreaterThan(0);
  });

  it('a file that is not gzip', async () => {
    const f = tmpFile('plain.txt');
    fs.writeFileSync(f, 'This is a plain text file, not a backup.\n');
    await expectRefused(f, /plain\.txt is not a Rightsdesk backup or it is damaged \(it cannot be unpacked/);
  });

  it('a gzip of random text', async () => {
    const f = tmpFile('random.gz');
    writeGzip(
      f,
      crypto
        .randomBytes(3000)
        .toString('base64')
        .replace(/(.{76})/g, '$1\n'),
    );
    await expectRefused(
      f,
      /random\.gz is damaged: line 1 is not valid JSON|random\.gz is not a Rightsdesk backup/,
    );
  });

  it('a gzip of JSON that is not a Rightsdesk backup', async () => {
    const f = tmpFile('other.json.gz');
    writeGzip(f, '{"format":"something-else"}\n{"end":true}\n');
    await expectRefused(f, /other\.json\.gz is not a Rightsdesk backup \(no Rightsdesk header\)/);
  });

  it('a truncated backup (cut in the middle of a line)', async () => {
    const f = tmpFile('half.gz');
    const half = goodText.slice(0, Math.floor(goodText.length / 2));
    expect(half.endsWith('\n')).toBe(false);
    writeGzip(f, half);
    await expectRefused(f, /half\.gz is (damaged|incomplete)/);
  });

  it('a truncated backup (cut at a line end, the end marker missing)', async () => {
    const f = tmpFile('cut.gz');
    const lines = goodText.split('\n');
    writeGzip(f, lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n');
    await expectRefused(f, /cut\.gz is incomplete: its end marker is missing/);
  });

  it('a truncated gzip stream', async () => {
    const f = tmpFile('short.gz');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(f, /short\.gz is not a Rightsdesk backup or it is damaged/);
  });

  it('one byte changed in a row (checksum mismatch)', async () => {
    const f = tmpFile('tampered.gz');
    const i = goodText.indexOf('Testdienst bak');
    expect(i).toBeGreaterThan(0);
    const tampered = goodText.slice(0, i) + 'X' + goodText.slice(i + 1);
    expect(tampered.length).toBe(goodText.length);
    writeGzip(f, tampered);
    await expectRefused(f, /tampered\.gz is damaged: its checksum does not match its contents/);
  });

  it('a non-existent file', async () => {
    await expectRefused(tmpFile('no-such-file.gz'), /The backup file .*no-such-file\.gz does not exist/);
  });

  it('a backup from a newer schema', async () => {
    const f = tmpFile('future.gz');
    const lines = goodText.split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    header.schema = '9999_future';
    writeGzip(f, resign([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expectRefused(f, /newer database schema \(9999_future\)/);
  });

  it('a backup with a table this database does not have', async () => {
    const f = tmpFile('extra-table.gz');
    const lines = goodText.split('\n');
    const body = [lines[0]!, '{"table":"no_such_table","columns":["id"]}', '[1]', ...lines.slice(1)];
    writeGzip(f, resign(body.join('\n')));
    await expectRefused(f, /a table "no_such_table" that this database does not have/);
  });

  it('a row the database refuses halfway through: the whole restore is rolled back', async () => {
    // Valid checksum, but a users row with an unknown role: the truncate and earlier inserts must be undone.
    const f = tmpFile('bad-row.gz');
    const tampered = goodText.replace(
      /"coordinator\.bak@example\.org","Coördinator bak","([^"]*)","coordinator"/,
      '"coordinator.bak@example.org","Coördinator bak","$1","emperor"',
    );
    expect(tampered).not.toBe(goodText);
    writeGzip(f, resign(tampered));
    await expectRefused(f, /users_role_check|violates check constraint/, Error);
    // The guard of the audit trail is back on.
    await expect(db.query("update audit_events set action = 'x'")).rejects.toThrow(/append-only/);
  });

  it('a good backup restores into the same database afterwards', async () => {
    const r = await restore(db, good, actor, { key: testKey });
    expect(r.rows).toBe(readBackup(good, testKey).rows);
    expect(await findUserByEmail(db, 'coordinator.bak@example.org')).not.toBeNull();
    expect(await findUserByEmail(db, 'coordinator.live@example.org')).toBeNull();
  });
});
