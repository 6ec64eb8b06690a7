import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

/**
 * The key that signs this installation's backups (HMAC-SHA256). It comes from the environment
 * variable RIGHTSDESK_BACKUP_KEY, or else from the file `backup.key` in the data directory, which the
 * first backup creates (readable by its owner only). A PostgreSQL installation uses the same two
 * places: the variable, or `backup.key` in RIGHTSDESK_DATA_DIR (./data unless set).
 */
export interface BackupKey {
  /** The secret itself. */
  secret: Buffer;
  /** A short fingerprint that names the key in messages and in backups, without revealing it. */
  id: string;
  /** Where it came from: "RIGHTSDESK_BACKUP_KEY" or the path of the key file. */
  source: string;
}

export const KEY_FILE = 'backup.key';
export const KEY_ENV = 'RIGHTSDESK_BACKUP_KEY';
const MIN_LENGTH = 32;

/** A backup file that cannot be read or restored, or a key that cannot be used; the message says why. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** A key from its text (a variable's value or a key file's contents). */
export function backupKeyFrom(text: string, source: string): BackupKey {
  const secret = text.trim();
  if (secret.length < MIN_LENGTH) {
    throw new BackupError(
      `The backup key from ${source} is too short (${secret.length} characters; at least ${MIN_LENGTH}, for example the output of "openssl rand -hex 32").`,
    );
  }
  const id = crypto
    .createHash('sha256')
    .update(`rightsdesk backup key\n${secret}`)
    .digest('hex')
    .slice(0, 16);
  return { secret: Buffer.from(secret, 'utf8'), id, source };
}

/** A new random key, as written to a key file. */
export const newKeyText = () => crypto.randomBytes(32).toString('hex');

function readKeyFile(file: string): BackupKey | null {
  try {
    return backupKeyFrom(fs.readFileSync(file, 'utf8'), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Creates the key file (mode 0600); when another process created it first, that one is used. */
function createKeyFile(file: string): BackupKey {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, newKeyText() + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readKeyFile(file)!;
}

/**
 * The installation's backup key: the environment variable, else the key file in the data directory.
 * With `create` (a backup), a missing key file is created; without it (a restore), null means that
 * this installation has no key yet.
 */
export function installationKey(
  config: Pick<Config, 'backupKey' | 'dataDir'>,
  opts: { create: boolean },
): BackupKey | null {
  if (config.backupKey !== undefined) return backupKeyFrom(config.backupKey, KEY_ENV);
  const file = path.join(config.dataDir, KEY_FILE);
  return opts.create ? createKeyFile(file) : readKeyFile(file);
}

/** The signature of a backup's text (every line before its end line) with a key. */
export function sign(key: BackupKey, lines: readonly string[]): string {
  const mac = crypto.createHmac('sha256', key.secret);
  for (const line of lines) mac.update(line + '\n');
  return mac.digest('hex');
}

/** Whether the signature is the one the key gives, compared in constant time. */
export function signatureMatches(key: BackupKey, lines: readonly string[], signature: string): boolean {
  const expected = Buffer.from(sign(key, lines), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
