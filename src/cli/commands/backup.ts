import { backup, restore } from '../../core/backup.ts';
import { installationKey } from '../../core/backup-key.ts';
import { cliActor, config, withDb } from '../context.ts';

/** `rightsdesk backup FILE`: all data, restorable on either database engine, signed with the installation's key. */
export const backupCommand = (file: string) =>
  withDb(async (db) => {
    const key = installationKey(config, { create: true })!;
    const r = await backup(db, file, key);
    console.log(`Backup written to ${file}: ${r.rows} rows from ${r.tables} tables.`);
    console.log(`Signed with the backup key ${key.id} (from ${key.source}).`);
  });

const UNCHECKED = {
  unsigned: 'it is not signed',
  'other-key': 'it was signed by another installation',
  mismatch: 'it was changed after it was signed',
} as const;

/** `rightsdesk restore FILE [--allow-unsigned]`: replaces all data with the backup's, all or nothing. */
export const restoreCommand = (file: string, opts: { allowUnsigned?: boolean } = {}) =>
  withDb(async (db) => {
    const key = installationKey(config, { create: false });
    const r = await restore(db, file, cliActor(), { key, allowUnsigned: opts.allowUnsigned === true });
    console.log(`Restored ${r.rows} rows into ${r.tables} tables from ${file}.`);
    if (r.signature.status !== 'valid') {
      console.log(
        `Warning: ${UNCHECKED[r.signature.status]}; restored because of --allow-unsigned, which the audit trail records.`,
      );
    }
  });
