import { withDb } from '../context.ts';

/** `rightsdesk migrate`: brings the database schema up to date. */
export const migrateCommand = () =>
  withDb(async () => {
    console.log('Database schema is up to date.');
  });
