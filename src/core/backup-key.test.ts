import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, backupKeyFrom, installationKey, KEY_FILE } from './backup-key.ts';
import { loadConfig } from './config.ts';
import { tmpFiles } from './backup-test-helpers.ts';

const files = tmpFiles();
afterAll(files.remove);

describe('the backup key of an installation', () => {
  it('is created in the data directory on the first backup, readable by its owner only', () => {
    const dataDir = files.file('fresh/data');
    const config = loadConfig({ RIGHTSDESK_DATA_DIR: dataDir });
    expect(installationKey(config, { create: false })).toBeNull();
    const key = installationKey(config, { create: true })!;
    const file = path.join(dataDir, KEY_FILE);
    expect(key.source).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    // Later backups and restores use the same key.
    expect(installationKey(config, { create: true })).toEqual(key);
    expect(installationKey(config, { create: false })).toEqual(key);
  });

  it('comes from RIGHTSDESK_BACKUP_KEY when it is set (also for PostgreSQL without a data directory)', () => {
    const dataDir = files.file('env/data');
    const secret = 'a key shared by the servers of this installation';
    const config = loadConfig({
      RIGHTSDESK_DATA_DIR: dataDir,
      RIGHTSDESK_BACKUP_KEY: secret,
      DATABASE_URL: 'postgres://db/rightsdesk',
    });
    const key = installationKey(config, { create: true })!;
    expect(key).toEqual(backupKeyFrom(secret, 'RIGHTSDESK_BACKUP_KEY'));
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('refuses a key that is too short', () => {
    const config = loadConfig({ RIGHTSDESK_DATA_DIR: files.file('short'), RIGHTSDESK_BACKUP_KEY: 'secret' });
    expect(() => installationKey(config, { create: true })).toThrow(BackupError);
    expect(() => installationKey(config, { create: true })).toThrow(
      /backup key from RIGHTSDESK_BACKUP_KEY is too short \(6 characters; at least 32/,
    );
  });

  it('names a key by a fingerprint that differs per key and does not show the key', () => {
    const a = backupKeyFrom('x'.repeat(40), 'a');
    const b = backupKeyFrom('y'.repeat(40), 'b');
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.id).not.toBe(b.id);
    expect(backupKeyFrom(`  ${'x'.repeat(40)}\n`, 'c').id).toBe(a.id);
  });
});
