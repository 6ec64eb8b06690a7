import { backup, restore } from '../../core/backup.ts';
import { cliActor, withDb } from '../context.ts';

/** `rightsdesk backup FILE`: all data, restorable on either database engine. */
export const backupCommand = (file: string) =>
  withDb(async (db) => {
    const r = await backup(db, file);
    console.log(`Backup written to ${file}: ${r.rows} rows from ${r.tables} tables.`);
  });

/** `rightsdesk restore FILE`: replaces all data with the backup's, all or nothing. */
export const restoreCommand = (file: string) =>
  withDb(async (db) => {
    const r = await restore(db, file, cliActor());
    console.log(`Restored ${r.rows} rows into ${r.tables} tables from ${file}.`);
  });
