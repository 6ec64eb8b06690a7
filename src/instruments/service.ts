import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { Where, camelize, pageOf, snake } from '../core/sql.ts';
import { assertMayEditInstrument, ownersOfRow } from './policy.ts';
import { effectivePhases, laterCycleStarted, loadCycles } from '../cycles/service.ts';
import { deadlineStates, today } from '../cycles/status.ts';
import type { Instrument, MonitoringBody, OverviewRow } from './schema.ts';

export const instrumentTable: TableSpec = {
  table: 'instruments',
  entity: 'instrument',
  writable: [
    'code',
    'shortName',
    'nameEn',
    'nameNl',
    'system',
    'kind',
    'parentId',
    'monitoringBodyId',
    'ratificationStatus',
    'ratificationYear',
    'periodicityYears',
    'procedure',
    'leadOrganisationId',
    'coordinatingOrganisationId',
    'leadSource',
    'leadVerified',
    'appliesTo',
    'unverifiedFields',
    'sortOrder',
    'source',
    'verified',
  ],
};
export const bodyTable: TableSpec = {
  table: 'monitoring_bodies',
  entity: 'monitoring_body',
  writable: ['code', 'nameEn', 'nameNl', 'system', 'kind', 'source', 'verified'],
};

const FROM = `instruments i
  left join monitoring_bodies b on b.id = i.monitoring_body_id
  left join organisations lo on lo.id = i.lead_organisation_id
  left join organisations co on co.id = i.coordinating_organisation_id`;
const SELECT = `i.*,
  b.code as b_code, b.name_en as b_name_en, b.name_nl as b_name_nl,
  lo.code as lo_code, lo.name_nl as lo_name_nl, lo.name_en as lo_name_en,
  co.code as co_code, co.name_nl as co_name_nl, co.name_en as co_name_en`;

const ref = (id: unknown, code: unknown, nl: unknown, en: unknown) =>
  id ? { id: String(id), code: String(code), nameNl: String(nl), nameEn: String(en) } : null;

export function toInstrument(r: Record<string, unknown>): Instrument {
  return {
    id: String(r.id),
    code: String(r.code),
    shortName: String(r.short_name),
    nameEn: String(r.name_en),
    nameNl: String(r.name_nl),
    system: r.system as Instrument['system'],
    kind: r.kind as Instrument['kind'],
    parentId: (r.parent_id as string | null) ?? null,
    monitoringBody: r.monitoring_body_id
      ? {
          id: String(r.monitoring_body_id),
          code: String(r.b_code),
          nameEn: String(r.b_name_en),
          nameNl: String(r.b_name_nl),
        }
      : null,
    ratificationStatus: r.ratification_status as Instrument['ratificationStatus'],
    ratificationYear: (r.ratification_year as number | null) ?? null,
    periodicityYears: r.periodicity_years === null ? null : Number(r.periodicity_years),
    procedure: (r.procedure as Instrument['procedure']) ?? null,
    lead: ref(r.lead_organisation_id, r.lo_code, r.lo_name_nl, r.lo_name_en),
    coordinating: ref(r.coordinating_organisation_id, r.co_code, r.co_name_nl, r.co_name_en),
    leadSource: (r.lead_source as string | null) ?? null,
    leadVerified: Boolean(r.lead_verified),
    appliesTo: (r.applies_to as string[]) ?? [],
    unverifiedFields: ((r.unverified_fields as string[]) ?? []).map((f) =>
      f.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
    ),
    sortOrder: Number(r.sort_order),
    source: (r.source as string | null) ?? null,
    verified: Boolean(r.verified),
    version: Number(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export async function listInstruments(
  q: Queryable,
  f: {
    page: number;
    pageSize: number;
    system?: string | undefined;
    kind?: string | undefined;
    q?: string | undefined;
  },
) {
  const where = new Where()
    .addIf(f.system, 'i.system = ?', f.system)
    .addIf(f.kind, 'i.kind = ?', f.kind)
    .addIf(
      f.q,
      '(i.code ilike ? or i.short_name ilike ? or i.name_en ilike ? or i.name_nl ilike ?)',
      ...Array(4).fill(`%${f.q}%`),
    );
  return pageOf(q, {
    select: SELECT,
    from: FROM,
    where,
    orderBy: 'i.sort_order, i.code',
    page: f.page,
    pageSize: f.pageSize,
    map: toInstrument,
  });
}

export async function getInstrument(q: Queryable, id: string): Promise<Instrument> {
  await getRow(q, instrumentTable, id);
  const r = await q.query<Record<string, unknown>>(`select ${SELECT} from ${FROM} where i.id = $1`, [id]);
  return toInstrument(r.rows[0]!);
}

/** unverifiedFields name API fields (camelCase); the database keeps column names. */
function columnNames<T extends Record<string, unknown>>(input: T): T {
  const fields = input.unverifiedFields;
  return Array.isArray(fields) ? { ...input, unverifiedFields: fields.map((f) => snake(String(f))) } : input;
}

export async function createInstrument(db: Db, actor: Actor, input: Record<string, unknown>) {
  const row = await db.transaction((tx) => insertRow(tx, actor, instrumentTable, columnNames(input)));
  return getInstrument(db, String(row.id));
}

export async function updateInstrument(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, instrumentTable, id, true);
    assertMayEditInstrument(actor, ownersOfRow(before));
    // Only an administrator may hand an instrument to another organisation.
    if (actor.role !== 'admin' && actor.role !== 'system') {
      delete input.leadOrganisationId;
      delete input.coordinatingOrganisationId;
    }
    await updateRow(tx, actor, instrumentTable, id, columnNames(input));
  });
  return getInstrument(db, id);
}

/**
 * The treaty overview of the annual letter to parliament: per instrument the last state report,
 * the lead ministry, the current phase and the next due date. Instruments the state is party to
 * (and the UPR) only; optional protocols report under their parent treaty.
 */
export async function treatyOverview(q: Queryable): Promise<OverviewRow[]> {
  const rows = await q.query<Record<string, unknown>>(
    `select ${SELECT} from ${FROM}
      where i.kind <> 'optional_protocol' and i.ratification_status in ('party', 'not_applicable')
      order by i.sort_order, i.code`,
  );
  const cycles = await loadCycles(q);
  return rows.rows.map((r) => {
    const inst = toInstrument(r);
    const own = cycles.filter((c) => c.instrumentId === inst.id);
    // The last state report: the submitted report of the latest cycle that has one, dated or not.
    const reportCycle = [...own].reverse().find((c) => c.phases.some((p) => p.kind === 'report_submitted'));
    const report = reportCycle?.phases.find((p) => p.kind === 'report_submitted');
    const latest = [...own].reverse().find((c) => c.status.currentPhase);
    // The next due date for the letter to parliament: a recorded deadline that has passed comes
    // first; then the next deadline ahead; a derived deadline that passed without a recorded
    // submission (often just unrecorded) only when nothing lies ahead. Derived ones stay marked.
    const now = today();
    const deadlines = own.flatMap((c) =>
      deadlineStates(effectivePhases(c), now, laterCycleStarted(cycles, c, now))
        .filter((d) => !d.met && (d.overdue || d.date >= now))
        .map((d) => ({ ...d, cycleLabel: c.label })),
    );
    const rank = (d: (typeof deadlines)[number]) => (d.overdue ? (d.derived ? 2 : 0) : 1);
    const due = deadlines.sort((a, b) => rank(a) - rank(b) || a.date.localeCompare(b.date))[0];
    return {
      instrumentId: inst.id,
      code: inst.code,
      shortName: inst.shortName,
      nameEn: inst.nameEn,
      nameNl: inst.nameNl,
      system: inst.system,
      kind: inst.kind,
      ratificationStatus: inst.ratificationStatus,
      monitoringBody: inst.monitoringBody
        ? {
            code: inst.monitoringBody.code,
            nameEn: inst.monitoringBody.nameEn,
            nameNl: inst.monitoringBody.nameNl,
          }
        : null,
      lead: inst.lead,
      leadVerified: inst.leadVerified,
      lastReport:
        report && reportCycle
          ? {
              date: report.date,
              datePrecision: report.datePrecision,
              symbol: report.symbol,
              cycleLabel: reportCycle.label,
              verified: report.verified,
            }
          : null,
      currentPhase: latest
        ? {
            kind: latest.status.currentPhase!,
            date: latest.status.currentPhaseDate,
            datePrecision: latest.status.currentPhasePrecision,
            cycleLabel: latest.label,
          }
        : null,
      nextDue: due
        ? {
            kind: due.kind,
            date: due.date,
            datePrecision: due.datePrecision ?? 'day',
            overdue: due.overdue,
            derived: Boolean(due.derived),
            cycleLabel: due.cycleLabel,
          }
        : null,
    };
  });
}

export const toBody = (r: Record<string, unknown>) => camelize<MonitoringBody>(r);

export async function listBodies(q: Queryable, f: { page: number; pageSize: number }) {
  return pageOf(q, {
    select: '*',
    from: 'monitoring_bodies',
    where: new Where(),
    orderBy: 'system desc, code',
    page: f.page,
    pageSize: f.pageSize,
    map: toBody,
  });
}

export async function createBody(db: Db, actor: Actor, input: Record<string, unknown>) {
  return toBody(await db.transaction((tx) => insertRow(tx, actor, bodyTable, input)));
}

export async function updateBody(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  return toBody(await db.transaction((tx) => updateRow(tx, actor, bodyTable, id, input)));
}
