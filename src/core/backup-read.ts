import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { BackupError, signatureMatches, type BackupKey } from './backup-key.ts';

/**
 * The backup file format, and reading it back with every check before anything is restored.
 *
 * Layout (one JSON value per line, gzipped):
 *   {"format":"rightsdesk-backup","formatVersion":2,"schema":"0001_...","engine":"pglite","createdAt":...}
 *   {"table":"organisations","columns":["id",...]}   (generated columns are left out)
 *   [row values...]            (one line per row)
 *   {"end":true,"rows":123,"sha256":"...","signature":{"alg":"HMAC-SHA256","key":"<key id>","value":"..."}}
 * The checksum and the signature are over all lines before the end line. Format 1 had no signature.
 */
export const FORMAT = 'rightsdesk-backup';
export const FORMAT_VERSION = 2;
const READABLE_VERSIONS = [1, 2];
export const SIGNATURE_ALG = 'HMAC-SHA256';

/** The first line of a backup. */
export interface BackupHeader {
  format: typeof FORMAT;
  formatVersion: number;
  /** The newest migration of the database it was taken from. */
  schema: string;
  engine: string;
  createdAt: string;
}

/** The line that starts a table's rows. */
export interface TableStart {
  table: string;
  columns: string[];
}

/** The last line: the number of rows, the checksum and the signature of all lines before it. */
export interface BackupEnd {
  end: true;
  rows: number;
  sha256: string;
  signature?: { alg: typeof SIGNATURE_ALG; key: string; value: string };
}

/**
 * What the signature says: made with this installation's key ("valid"), not signed ("unsigned"),
 * signed with another key ("other-key"; also when this installation has no key), or signed with this
 * installation's key but changed since ("mismatch").
 */
export type SignatureStatus = 'valid' | 'unsigned' | 'other-key' | 'mismatch';

export interface ParsedBackup {
  header: Pick<BackupHeader, 'schema' | 'engine' | 'createdAt'>;
  tables: { table: string; columns: string[]; rows: unknown[][] }[];
  rows: number;
  signature: { status: SignatureStatus; key: string | null };
}

const isObject = (v: unknown): v is { [key: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isTableStart = (v: unknown): v is TableStart =>
  isObject(v) &&
  typeof v.table === 'string' &&
  v.table !== '' &&
  Array.isArray(v.columns) &&
  v.columns.every((c) => typeof c === 'string');

function readText(file: string): string {
  try {
    return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupError(`The backup file ${file} does not exist.`);
    throw new BackupError(
      `${file} is not a Rightsdesk backup or it is damaged (it cannot be unpacked: ${e.message}).`,
    );
  }
}

/** The header line: a Rightsdesk backup of a format this version reads. */
function checkHeader(file: string, header: unknown): BackupHeader {
  if (!isObject(header) || header.format !== FORMAT)
    throw new BackupError(`${file} is not a Rightsdesk backup (no Rightsdesk header).`);
  if (typeof header.formatVersion !== 'number' || !READABLE_VERSIONS.includes(header.formatVersion)) {
    throw new BackupError(
      `${file} has backup format ${String(header.formatVersion)}; this version reads format ${READABLE_VERSIONS.join(' and ')}.`,
    );
  }
  return {
    format: FORMAT,
    formatVersion: header.formatVersion,
    schema: String(header.schema),
    engine: String(header.engine),
    createdAt: String(header.createdAt),
  };
}

function parseSignature(v: unknown): BackupEnd['signature'] {
  if (v === undefined) return undefined;
  if (
    isObject(v) &&
    v.alg === SIGNATURE_ALG &&
    typeof v.key === 'string' &&
    typeof v.value === 'string' &&
    /^[0-9a-f]{64}$/.test(v.value)
  )
    return { alg: SIGNATURE_ALG, key: v.key, value: v.value };
  return { alg: SIGNATURE_ALG, key: isObject(v) ? String(v.key) : '?', value: '' };
}

/** The end line is there, and the checksum over all lines before it matches. */
function checkEnd(file: string, lines: readonly string[]): BackupEnd {
  let end: unknown;
  try {
    end = JSON.parse(lines[lines.length - 1] ?? '');
  } catch {
    end = undefined;
  }
  if (!isObject(end) || !end.end)
    throw new BackupError(
      `The backup file ${file} is incomplete: its end marker is missing (was it cut off?).`,
    );
  const hash = crypto.createHash('sha256');
  for (const line of lines.slice(0, -1)) hash.update(line + '\n');
  if (hash.digest('hex') !== end.sha256) {
    throw new BackupError(`The backup file ${file} is damaged: its checksum does not match its contents.`);
  }
  return {
    end: true,
    rows: Number(end.rows),
    sha256: String(end.sha256),
    signature: parseSignature(end.signature),
  };
}

function signatureOf(
  end: BackupEnd,
  body: readonly string[],
  key: BackupKey | null,
): ParsedBackup['signature'] {
  const s = end.signature;
  if (!s) return { status: 'unsigned', key: null };
  if (!key || s.key !== key.id) return { status: 'other-key', key: s.key };
  return { status: signatureMatches(key, body, s.value) ? 'valid' : 'mismatch', key: s.key };
}

/**
 * Reads and checks a backup file completely before anything is restored: its format, its checksum,
 * its structure, and its signature with this installation's key (null: this installation has none).
 * A signature that is not valid is reported, not refused: restore() decides.
 */
export function readBackup(file: string, key: BackupKey | null): ParsedBackup {
  const lines = readText(file).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new BackupError(`The backup file ${file} is damaged: line ${n + 1} is not valid JSON.`);
    }
  };
  const header = checkHeader(file, parse(lines[0] ?? '', 0));
  const end = checkEnd(file, lines);
  const out: ParsedBackup['tables'] = [];
  let rows = 0;
  for (let i = 1; i < lines.length - 1; i++) {
    const v = parse(lines[i]!, i);
    if (Array.isArray(v)) {
      const cur = out[out.length - 1];
      if (!cur)
        throw new BackupError(`The backup file ${file} is damaged: a row before any table (line ${i + 1}).`);
      if (v.length !== cur.columns.length)
        throw new BackupError(
          `The backup file ${file} is damaged: line ${i + 1} has the wrong number of values.`,
        );
      cur.rows.push(v);
      rows++;
    } else {
      if (!isTableStart(v)) throw new BackupError(`The backup file ${file} is damaged at line ${i + 1}.`);
      out.push({ table: v.table, columns: v.columns, rows: [] });
    }
  }
  if (rows !== end.rows)
    throw new BackupError(
      `The backup file ${file} is damaged: it holds ${rows} rows, its end marker says ${end.rows}.`,
    );
  return {
    header: { schema: header.schema, engine: header.engine, createdAt: header.createdAt },
    tables: out,
    rows,
    signature: signatureOf(end, lines.slice(0, -1), key),
  };
}

/** Refuses a backup whose signature is not this installation's, unless the admin allows it. */
export function checkSignature(
  file: string,
  parsed: ParsedBackup,
  key: BackupKey | null,
  allowUnsigned: boolean,
): void {
  const { status, key: signedWith } = parsed.signature;
  if (status === 'valid' || allowUnsigned) return;
  const anyway =
    'Restore it only when you know where it comes from, with --allow-unsigned (the audit trail records that).';
  const ours = key
    ? `this installation's key is ${key.id} (from ${key.source})`
    : `this installation has no backup key (neither RIGHTSDESK_BACKUP_KEY nor a backup.key in the data directory)`;
  if (status === 'unsigned')
    throw new BackupError(
      `The backup file ${file} is not signed, so it cannot be shown to come from this installation unchanged. ${anyway}`,
    );
  if (status === 'mismatch')
    throw new BackupError(
      `The backup file ${file} was changed after it was signed: its signature does not match its contents. ${anyway}`,
    );
  throw new BackupError(
    `The backup file ${file} was signed by another installation (key ${signedWith}); ${ours}. ` +
      `To restore a backup of another installation, set RIGHTSDESK_BACKUP_KEY to that installation's key or copy its backup.key into the data directory. ${anyway}`,
  );
}
