/**
 * Seeds the Netherlands reference data (organisations, monitoring bodies, instruments, reporting
 * cycles and their phases, taxonomies) from the JSON in ./data.
 *
 * Idempotent and non-destructive: a record is inserted only when its unique key does not exist yet
 * (code; instrument + sequence for cycles; cycle + kind for phases; scheme + code for taxonomy
 * terms; scheme + normalized spelling for aliases). What a user has changed is never overwritten.
 * Everything runs in one transaction, and every inserted record gets an audit event.
 */
import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, systemActor } from '../core/audit.ts';
import type { Actor } from '../core/audit.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import { PHASE_KINDS, type PhaseKind } from '../cycles/schema.ts';
import { seedProcessTemplates, type ProcessSeedReport } from '../process/seed.ts';
import organisationsJson from './data/organisations.json' with { type: 'json' };
import monitoringBodiesJson from './data/monitoring_bodies.json' with { type: 'json' };
import instrumentsJson from './data/instruments.json' with { type: 'json' };
import cyclesJson from './data/cycles.json' with { type: 'json' };
import taxonomyJson from './data/taxonomy.json' with { type: 'json' };

interface Sourced {
  source: string;
  verified: boolean;
}

export interface OrganisationRecord extends Sourced {
  code: string;
  name_nl: string;
  name_en: string;
  kind: string;
  parent_code?: string;
  valid_from?: string;
  valid_to?: string;
}

export interface MonitoringBodyRecord extends Sourced {
  code: string;
  name_en: string;
  name_nl: string;
  system: 'UN' | 'CoE' | 'national';
  kind: string;
}

export interface InstrumentRecord extends Sourced {
  code: string;
  short_name: string;
  name_en: string;
  name_nl: string;
  system: 'UN' | 'CoE';
  kind: 'treaty' | 'optional_protocol' | 'mechanism';
  parent_code?: string;
  body_code?: string;
  ratification_status: 'party' | 'signatory' | 'not_party' | 'not_applicable';
  ratification_year?: number;
  periodicity_years?: number;
  procedure?: 'standard' | 'simplified';
  lead_code?: string;
  coordinating_code?: string;
  lead_source: string;
  lead_verified: boolean;
  applies_to: string[];
  /** Fields of this record whose value is not verified (the record's other facts are). */
  unverified_fields?: string[];
  sort_order: number;
}

export { PHASE_KINDS, type PhaseKind };

export interface PhaseRecord extends Sourced {
  kind: PhaseKind;
  /** 'YYYY-MM-DD'; null when the reference facts name the document but not its date. */
  date: string | null;
  date_precision: 'day' | 'month' | 'year';
  symbol?: string;
  session?: string;
  note?: string;
}

export interface CycleRecord extends Sourced {
  instrument_code: string;
  sequence: number;
  label: string;
  procedure?: 'standard' | 'simplified';
  phases: PhaseRecord[];
}

export interface TermRecord {
  code: string;
  label_en: string;
  label_nl?: string;
  aliases?: string[];
  source: string;
  verified: boolean;
}

export interface SdgTargetRecord extends TermRecord {
  goal: string;
}

export interface TaxonomyData {
  sdg_goals: TermRecord[];
  sdg_targets: SdgTargetRecord[];
  uhri_themes: TermRecord[];
  uhri_groups: TermRecord[];
  nl_priorities: TermRecord[];
}

export type TaxonomyScheme = 'sdg_goal' | 'sdg_target' | 'uhri_theme' | 'uhri_group' | 'nl_priority';

export const referenceData = {
  organisations: organisationsJson as OrganisationRecord[],
  monitoringBodies: monitoringBodiesJson as MonitoringBodyRecord[],
  instruments: instrumentsJson as InstrumentRecord[],
  cycles: cyclesJson as CycleRecord[],
  taxonomy: taxonomyJson as TaxonomyData,
};

export interface SeedReport extends ProcessSeedReport {
  organisations: number;
  monitoring_bodies: number;
  instruments: number;
  cycles: number;
  cycle_phases: number;
  taxonomy_terms: number;
  taxonomy_aliases: number;
}

export const SEED_SETTING_KEY = 'reference_seed';

type Row = Record<string, unknown> & { id: string };

/** Inserts one row unless its unique key exists; audits the insert. Returns the new row or null. */
async function insertIfAbsent(
  tx: Queryable,
  actor: Actor,
  entityType: string,
  table: string,
  values: Record<string, unknown>,
  conflictTarget: string,
): Promise<Row | null> {
  const cols = Object.keys(values);
  const params = cols.map((c) => values[c]);
  const placeholders = cols.map((_, i) => `$${i + 1}`).join(', ');
  const r = await tx.query<Row>(
    `insert into ${table} (${cols.join(', ')}) values (${placeholders})
     on conflict ${conflictTarget} do nothing returning *`,
    params,
  );
  const row = r.rows[0];
  if (!row) return null;
  await recordAudit(tx, actor, { action: 'create', entityType, entityId: row.id, after: row });
  return row;
}

async function idsByCode(tx: Queryable, table: string): Promise<Map<string, string>> {
  const r = await tx.query<{ id: string; code: string }>(`select id, code from ${table}`);
  return new Map(r.rows.map((row) => [row.code, row.id]));
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** Parents before children, so that parent codes resolve within one run. */
function parentsFirst<T extends { code: string; parent_code?: string }>(list: T[]): T[] {
  const byCode = new Map(list.map((x) => [x.code, x]));
  const out: T[] = [];
  const done = new Set<string>();
  const visit = (x: T, depth: number) => {
    if (done.has(x.code) || depth > list.length) return;
    const parent = x.parent_code ? byCode.get(x.parent_code) : undefined;
    if (parent) visit(parent, depth + 1);
    done.add(x.code);
    out.push(x);
  };
  for (const x of list) visit(x, 0);
  return out;
}

function resolve(map: Map<string, string>, code: string | undefined, what: string): string | null {
  if (!code) return null;
  const id = map.get(code);
  if (!id) throw new Error(`Reference data: unknown ${what} code "${code}"`);
  return id;
}

export async function seedReferenceData(db: Db, actor: Actor = systemActor('seed')): Promise<SeedReport> {
  const data = referenceData;
  return db.transaction(async (tx) => {
    const report: SeedReport = {
      organisations: 0,
      monitoring_bodies: 0,
      instruments: 0,
      cycles: 0,
      cycle_phases: 0,
      taxonomy_terms: 0,
      taxonomy_aliases: 0,
      process_templates: 0,
      process_template_steps: 0,
    };

    // Organisations
    let orgIds = await idsByCode(tx, 'organisations');
    for (const o of parentsFirst(data.organisations)) {
      if (orgIds.has(o.code)) continue;
      const row = await insertIfAbsent(
        tx,
        actor,
        'organisation',
        'organisations',
        {
          code: o.code,
          name_nl: o.name_nl,
          name_en: o.name_en,
          kind: o.kind,
          parent_id: o.parent_code ? (orgIds.get(o.parent_code) ?? null) : null,
          valid_from: orNull(o.valid_from),
          valid_to: orNull(o.valid_to),
          source: o.source,
          verified: o.verified,
        },
        '(code)',
      );
      if (row) {
        report.organisations++;
        orgIds.set(o.code, row.id);
      }
    }
    orgIds = await idsByCode(tx, 'organisations');

    // Monitoring bodies
    for (const b of data.monitoringBodies) {
      const row = await insertIfAbsent(
        tx,
        actor,
        'monitoring_body',
        'monitoring_bodies',
        {
          code: b.code,
          name_en: b.name_en,
          name_nl: b.name_nl,
          system: b.system,
          kind: b.kind,
          source: b.source,
          verified: b.verified,
        },
        '(code)',
      );
      if (row) report.monitoring_bodies++;
    }
    const bodyIds = await idsByCode(tx, 'monitoring_bodies');

    // Instruments
    const instrumentIds = await idsByCode(tx, 'instruments');
    for (const i of parentsFirst(data.instruments)) {
      if (instrumentIds.has(i.code)) continue;
      const row = await insertIfAbsent(
        tx,
        actor,
        'instrument',
        'instruments',
        {
          code: i.code,
          short_name: i.short_name,
          name_en: i.name_en,
          name_nl: i.name_nl,
          system: i.system,
          kind: i.kind,
          parent_id: i.parent_code ? (instrumentIds.get(i.parent_code) ?? null) : null,
          monitoring_body_id: resolve(bodyIds, i.body_code, 'monitoring body'),
          ratification_status: i.ratification_status,
          ratification_year: orNull(i.ratification_year),
          periodicity_years: orNull(i.periodicity_years),
          procedure: orNull(i.procedure),
          lead_organisation_id: resolve(orgIds, i.lead_code, 'organisation'),
          coordinating_organisation_id: resolve(orgIds, i.coordinating_code, 'organisation'),
          lead_source: i.lead_source,
          lead_verified: i.lead_verified,
          applies_to: i.applies_to,
          unverified_fields: i.unverified_fields ?? [],
          sort_order: i.sort_order,
          source: i.source,
          verified: i.verified,
        },
        '(code)',
      );
      if (row) {
        report.instruments++;
        instrumentIds.set(i.code, row.id);
      }
    }

    // Cycles and phases
    for (const c of data.cycles) {
      const instrumentId = instrumentIds.get(c.instrument_code);
      if (!instrumentId) throw new Error(`Reference data: unknown instrument code "${c.instrument_code}"`);
      let cycleId: string;
      const created = await insertIfAbsent(
        tx,
        actor,
        'cycle',
        'cycles',
        {
          instrument_id: instrumentId,
          label: c.label,
          sequence: c.sequence,
          procedure: orNull(c.procedure),
          source: c.source,
          verified: c.verified,
        },
        '(instrument_id, sequence)',
      );
      if (created) {
        report.cycles++;
        cycleId = created.id;
      } else {
        const r = await tx.query<{ id: string }>(
          'select id from cycles where instrument_id = $1 and sequence = $2',
          [instrumentId, c.sequence],
        );
        cycleId = r.rows[0]!.id;
      }
      for (const p of c.phases) {
        const row = await insertIfAbsent(
          tx,
          actor,
          'cycle_phase',
          'cycle_phases',
          {
            cycle_id: cycleId,
            kind: p.kind,
            date: p.date,
            date_precision: p.date_precision,
            symbol: orNull(p.symbol),
            session: orNull(p.session),
            note: orNull(p.note),
            source: p.source,
            verified: p.verified,
          },
          '(cycle_id, kind)',
        );
        if (row) report.cycle_phases++;
      }
    }

    // Taxonomies
    const tax = data.taxonomy;
    const lists: [TaxonomyScheme, TermRecord[]][] = [
      ['sdg_goal', tax.sdg_goals],
      ['sdg_target', tax.sdg_targets],
      ['uhri_theme', tax.uhri_themes],
      ['uhri_group', tax.uhri_groups],
      ['nl_priority', tax.nl_priorities],
    ];
    for (const [scheme, terms] of lists) {
      const existing = await tx.query<{ id: string; code: string }>(
        'select id, code from taxonomy_terms where scheme = $1',
        [scheme],
      );
      const termIds = new Map(existing.rows.map((r) => [r.code, r.id]));
      const goalIds =
        scheme === 'sdg_target'
          ? new Map(
              (
                await tx.query<{ id: string; code: string }>(
                  `select id, code from taxonomy_terms where scheme = 'sdg_goal'`,
                )
              ).rows.map((r) => [r.code, r.id]),
            )
          : null;
      const aliasesTaken = new Set(
        (
          await tx.query<{ normalized: string }>(
            'select normalized from taxonomy_aliases where scheme = $1',
            [scheme],
          )
        ).rows.map((r) => r.normalized),
      );
      let sort = 0;
      for (const t of terms) {
        sort += 10;
        let termId = termIds.get(t.code);
        if (!termId) {
          const goal = (t as Partial<SdgTargetRecord>).goal;
          const row = await insertIfAbsent(
            tx,
            actor,
            'taxonomy_term',
            'taxonomy_terms',
            {
              scheme,
              code: t.code,
              label_en: t.label_en,
              label_nl: orNull(t.label_nl),
              parent_id: goalIds && goal ? (goalIds.get(goal) ?? null) : null,
              sort_order: sort,
              source: t.source,
              verified: t.verified,
            },
            '(scheme, code)',
          );
          if (!row) continue;
          report.taxonomy_terms++;
          termId = row.id;
          termIds.set(t.code, termId);
        }
        const spellings = [t.label_en, ...(t.label_nl ? [t.label_nl] : []), ...(t.aliases ?? [])];
        for (const alias of spellings) {
          const normalized = normalizeTerm(alias);
          if (!normalized || aliasesTaken.has(normalized)) continue;
          const row = await insertIfAbsent(
            tx,
            actor,
            'taxonomy_alias',
            'taxonomy_aliases',
            { term_id: termId, scheme, alias, normalized },
            '(scheme, normalized)',
          );
          aliasesTaken.add(normalized);
          if (row) report.taxonomy_aliases++;
        }
      }
    }

    // The default reporting process (src/process/seed.ts).
    Object.assign(report, await seedProcessTemplates(tx, actor));

    await tx.query(
      `insert into app_settings (key, value, updated_at) values ($1, $2, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [SEED_SETTING_KEY, JSON.stringify({ at: new Date().toISOString(), counts: report })],
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
