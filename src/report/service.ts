/**
 * The financial annex read and curated: the expenditures with filters, the per-priority totals per
 * year with their explanatory notes, which priority an IATI activity counts for, and the sectors an
 * IATI import takes.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors, staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { camelize, pageOf, Where } from '../core/sql.ts';
import { insertRow, recordChanges, updateRow, type TableSpec } from '../core/write.ts';
import type { Page } from '../shared/schema.ts';
import type { z } from 'zod';
import { noteForAdvanceYear, noteForPaidYear } from './cash-basis.ts';
import { reportErrors } from './errors.ts';
import { reportAbilities, reportPolicy } from './policy.ts';
import { PRIORITY_CODES, PRIORITY_LABELS, type PriorityCode } from './priorities.ts';
import type { ActivityPriorityRow, ExpenditureRow, SectorRow } from './rows.ts';
import type {
  ActivityPriority,
  Expenditure,
  ExpenditureQuery,
  Sector,
  SectorCreate,
  YearTotals,
} from './schema.ts';

const presentExpenditure = (r: ExpenditureRow): Expenditure => {
  const { externalKey: _k, ...rest } = camelize<Expenditure & { externalKey: string }>(
    r as unknown as Record<string, unknown>,
  );
  return rest;
};

export async function listExpenditures(
  db: Db,
  actor: Actor,
  q: ExpenditureQuery,
): Promise<Page<Expenditure>> {
  authorize(reportPolicy.read(actor), () => errors.role_forbidden({ role: actor.role }));
  const where = new Where()
    .addIf(q.year, 'year = ?', q.year)
    .addIf(q.priority, 'priority = ?', q.priority)
    .addIf(q.source, 'source = ?', q.source)
    .addIf(q.activity, 'activity_identifier = ?', q.activity);
  return pageOf<Expenditure, ExpenditureRow>(db, {
    select: '*',
    from: 'expenditures',
    where,
    orderBy: 'paid_on desc, activity_identifier, id',
    page: q.page,
    pageSize: q.pageSize,
    map: presentExpenditure,
  });
}

/** A year with nothing spent: every priority listed at 0, no notes. */
export const emptyYearTotals = (year: number): YearTotals => ({
  year,
  totalEur: 0,
  priorities: PRIORITY_CODES.map((priority) => ({
    year,
    priority,
    labelNl: PRIORITY_LABELS[priority].nl,
    labelEn: PRIORITY_LABELS[priority].en,
    amountEur: 0,
    payments: 0,
    withoutEur: 0,
  })),
  notes: [],
});

/**
 * The totals per year and priority on a cash basis (every priority listed, also with nothing spent,
 * so a table shows them all), with the notes of that year's annex: advances paid in it for the next
 * year, advances for it paid the year before, and payments left out for want of an amount in euros.
 */
export async function expenditureTotals(
  db: Queryable,
  actor: Actor,
  range: { from?: number; to?: number },
): Promise<{ years: YearTotals[]; abilities: { manage: boolean } }> {
  authorize(reportPolicy.read(actor), () => errors.role_forbidden({ role: actor.role }));
  const where = new Where().addIf(range.from, 'year >= ?', range.from).addIf(range.to, 'year <= ?', range.to);
  const sums = await db.query<{
    year: number;
    priority: PriorityCode;
    amount: number;
    n: number;
    without: number;
  }>(
    `select year, priority, coalesce(sum(amount_eur), 0) as amount, count(*)::int as n,
            (count(*) filter (where amount_eur is null))::int as without
       from expenditures ${where.sql()} group by year, priority order by year, priority`,
    where.params,
  );
  const advances = await db.query<
    Pick<ExpenditureRow, 'year' | 'advance_for' | 'amount_eur' | 'activity_identifier'>
  >(
    `select year, advance_for, amount_eur, activity_identifier from expenditures
      where advance_for is not null order by paid_on, activity_identifier`,
  );
  const years = new Map<number, YearTotals>();
  const yearOf = (year: number): YearTotals => {
    let y = years.get(year);
    if (!y) {
      y = emptyYearTotals(year);
      years.set(year, y);
    }
    return y;
  };
  for (const s of sums.rows) {
    const y = yearOf(s.year);
    const p = y.priorities.find((x) => x.priority === s.priority)!;
    p.amountEur = Number(s.amount);
    p.payments = s.n;
    p.withoutEur = s.without;
    y.totalEur = Math.round((y.totalEur + p.amountEur) * 100) / 100;
  }
  const inRange = (year: number) => years.has(year);
  for (const a of advances.rows) {
    const amount = a.amount_eur === null ? null : Number(a.amount_eur);
    if (inRange(a.year))
      yearOf(a.year).notes.push(noteForPaidYear(a.advance_for!, amount, a.activity_identifier));
    const forYear = a.advance_for!;
    if (
      (range.from === undefined || forYear >= range.from) &&
      (range.to === undefined || forYear <= range.to)
    )
      yearOf(forYear).notes.push(noteForAdvanceYear(forYear, amount, a.activity_identifier));
  }
  for (const y of years.values()) {
    const without = y.priorities.reduce((n, p) => n + p.withoutEur, 0);
    if (without > 0)
      y.notes.push(
        `${without} ${without === 1 ? 'betaling' : 'betalingen'} in een andere valuta zonder bedrag in euro ${
          without === 1 ? 'is' : 'zijn'
        } niet meegeteld.`,
      );
  }
  return { years: [...years.values()].sort((a, b) => a.year - b.year), abilities: reportAbilities(actor) };
}

type MappingInput = { activityIdentifier: string; priority: PriorityCode };
const mappingSpec: TableSpec<ActivityPriorityRow, MappingInput> = {
  table: 'report_activity_priorities',
  entity: 'report_activity_priority',
  writable: ['activityIdentifier', 'priority'],
};

/** Sets the priority an IATI activity counts for; its expenditures move with it. */
export async function setActivityPriority(
  db: Db,
  actor: Actor,
  identifier: string,
  input: { priority: PriorityCode; version?: number },
): Promise<z.infer<typeof ActivityPriority>> {
  authorize(reportPolicy.manage(actor), () => reportErrors.import_forbidden());
  return db.transaction(async (tx) => {
    const found = await tx.query<ActivityPriorityRow>(
      'select * from report_activity_priorities where activity_identifier = $1 for update',
      [identifier],
    );
    const current = found.rows[0];
    let row: ActivityPriorityRow;
    if (!current)
      row = await insertRow(tx, actor, mappingSpec, {
        activityIdentifier: identifier,
        priority: input.priority,
      });
    else if (input.version === undefined) throw staleEdit(mappingSpec.entity, current.version, 0);
    else if (current.priority === input.priority && current.version === input.version) row = current;
    else
      row = await updateRow(tx, actor, mappingSpec, current.id, {
        priority: input.priority,
        version: input.version,
      });
    const moved = await tx.query<{ id: string; priority: PriorityCode }>(
      `update expenditures e set priority = $2, version = e.version + 1, updated_at = now()
         from expenditures old
        where e.id = old.id and e.activity_identifier = $1 and e.source = 'iati' and e.priority <> $2
        returning e.id, old.priority`,
      [identifier, input.priority],
    );
    await recordChanges(
      tx,
      actor,
      moved.rows.map((m) => ({
        action: 'update',
        entityType: 'expenditure',
        entityId: m.id,
        before: { priority: m.priority },
        after: { priority: input.priority },
      })),
    );
    return {
      id: row.id,
      activityIdentifier: row.activity_identifier,
      priority: row.priority,
      version: row.version,
      expendituresMoved: moved.rows.length,
    };
  });
}

const sectorSpec: TableSpec<SectorRow, SectorCreate> = {
  table: 'report_sectors',
  entity: 'report_sector',
  writable: ['code', 'label'],
};
const presentSector = (r: SectorRow): z.infer<typeof Sector> => ({
  id: r.id,
  code: r.code,
  label: r.label,
  version: r.version,
});

export async function listSectors(db: Db, actor: Actor) {
  authorize(reportPolicy.read(actor), () => errors.role_forbidden({ role: actor.role }));
  const r = await db.query<SectorRow>('select * from report_sectors order by code');
  return r.rows.map(presentSector);
}

/** Adds a sector whose activities the next IATI import takes. */
export async function addSector(db: Db, actor: Actor, input: SectorCreate) {
  authorize(reportPolicy.manage(actor), () => reportErrors.import_forbidden());
  return db.transaction(async (tx) => presentSector(await insertRow(tx, actor, sectorSpec, input)));
}
