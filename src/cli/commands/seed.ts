import { systemActor } from '../../core/actor.ts';
import { seedReferenceData } from '../../reference/seed.ts';
import { withDb } from '../context.ts';

/** `rightsdesk seed`: adds the reference data that is missing, changes nothing that exists. */
export const seed = () =>
  withDb(async (db) => {
    const report = await seedReferenceData(db, systemActor('cli:seed'));
    console.log(`Reference data: ${JSON.stringify(report)}`);
  });
