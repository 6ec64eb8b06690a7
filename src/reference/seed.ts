/**
 * Seeds the Netherlands reference data (organisations, monitoring bodies, instruments, reporting
 * cycles and their phases, taxonomies) from the JSON in ./data, and the default reporting process.
 *
 * Idempotent and non-destructive: a record is inserted only when its unique key does not exist yet
 * (code; instrument + sequence for cycles; cycle + kind for phases; scheme + code for taxonomy
 * terms; scheme + normalized spelling for aliases). What a user has changed is never overwritten.
 * Everything runs in one transaction, and every inserted record gets an audit event.
 */
import type { Db, Queryable } from '../core/db.ts';
import { systemActor, type Actor } from '../core/actor.ts';
import { nowIso } from '../core/dates.ts';
import { recordChanges } from '../core/write.ts';
import { seedProcessTemplates, type ProcessSeedReport } from '../process/seed.ts';
import { seedHrc } from '../hrc/seed.ts';
import { referenceData } from './records.ts';
import { seedCycles } from './seed-cycles.ts';
import { seedInstruments, seedMonitoringBodies } from './seed-instruments.ts';
import { seedOrganisations } from './seed-organisations.ts';
import { seedTaxonomy } from './seed-taxonomy.ts';

export { PHASE_KINDS, type PhaseKind } from '../cycles/schema.ts';
export * from './records.ts';

export interface SeedReport extends ProcessSeedReport {
  organisations: number;
  monitoring_bodies: number;
  instruments: number;
  cycles: number;
  cycle_phases: number;
  taxonomy_terms: number;
  taxonomy_aliases: number;
  hrc_terms: number;
  hrc_priorities: number;
}

export const SEED_SETTING_KEY = 'reference_seed';

export async function seedReferenceData(db: Db, actor: Actor = systemActor('seed')): Promise<SeedReport> {
  const data = referenceData;
  return db.transaction(async (tx) => {
    const organisations = await seedOrganisations(tx, data.organisations);
    const bodies = await seedMonitoringBodies(tx, data.monitoringBodies);
    const instruments = await seedInstruments(tx, data.instruments);
    const cycles = await seedCycles(tx, data.cycles);
    const taxonomy = await seedTaxonomy(tx, data.taxonomy);
    const hrc = await seedHrc(tx);
    await recordChanges(tx, actor, [
      ...organisations.changes,
      ...bodies.changes,
      ...instruments.changes,
      ...cycles.changes,
      ...taxonomy.changes,
      ...hrc.changes,
    ]);
    const report: SeedReport = {
      organisations: organisations.count,
      monitoring_bodies: bodies.count,
      instruments: instruments.count,
      cycles: cycles.cycles,
      cycle_phases: cycles.phases,
      taxonomy_terms: taxonomy.terms,
      taxonomy_aliases: taxonomy.aliases,
      hrc_terms: hrc.terms,
      hrc_priorities: hrc.priorities,
      // The default reporting process (src/process/seed.ts).
      ...(await seedProcessTemplates(tx, actor)),
    };
    await tx.query(
      `insert into app_settings (key, value, updated_at) values ($1, $2, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [SEED_SETTING_KEY, JSON.stringify({ at: nowIso(), counts: report })],
    );
    return report;
  });
}

/** Whether the reference data has been seeded into this database at least once. */
export async function isSeeded(db: Queryable): Promise<boolean> {
  const r = await db.query<{ n: number }>('select count(*)::int as n from app_settings where key = $1', [
    SEED_SETTING_KEY,
  ]);
  return (r.rows[0]?.n ?? 0) > 0;
}
