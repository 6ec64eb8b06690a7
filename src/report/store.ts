/**
 * Stores the expenditures an import read, in the caller's transaction: each payment identified by
 * its external key (its source and its place there), so that a re-import updates what changed,
 * leaves the rest untouched and adds nothing twice. The writes are set-based; the audit trail gets
 * one row per expenditure created, changed (the changed fields before and after) or deleted.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { changedFields, recordChanges, type Change } from '../core/write.ts';
import type { PriorityCode } from './priorities.ts';
import type { ExpenditureRow } from './rows.ts';

/** An expenditure as an import read it. */
export interface Candidate {
  externalKey: string;
  year: number;
  priority: PriorityCode;
  amount: number;
  currency: string;
  amountEur: number | null;
  activityIdentifier: string | null;
  description: string | null;
  source: 'iati' | 'spreadsheet';
  paidOn: string;
  advanceFor: number | null;
  note: string | null;
}

export interface Plan {
  creates: Candidate[];
  updates: { row: ExpenditureRow; next: Candidate }[];
  deletes: ExpenditureRow[];
  unchanged: number;
}

const COMPARED = [
  'year',
  'priority',
  'amount',
  'currency',
  'amountEur',
  'activityIdentifier',
  'description',
  'paidOn',
  'advanceFor',
  'note',
] as const;
type Compared = Pick<Candidate, (typeof COMPARED)[number]>;

const fromRow = (r: ExpenditureRow): Compared => ({
  year: r.year,
  priority: r.priority,
  amount: Number(r.amount),
  currency: r.currency,
  amountEur: r.amount_eur === null ? null : Number(r.amount_eur),
  activityIdentifier: r.activity_identifier,
  description: r.description,
  paidOn: r.paid_on,
  advanceFor: r.advance_for,
  note: r.note,
});
const compared = (c: Candidate): Compared =>
  Object.fromEntries(COMPARED.map((k) => [k, c[k]])) as unknown as Compared;

/**
 * What an import will do: the candidates against the stored rows. `replacedActivities` are the IATI
 * activities the file holds in full: their stored payments that the file no longer has are deleted.
 */
export async function planExpenditures(
  tx: Queryable,
  candidates: Candidate[],
  replacedActivities: string[] = [],
): Promise<Plan> {
  const existing = await tx.query<ExpenditureRow>(
    `select * from expenditures
      where external_key = any($1::text[])
         or (source = 'iati' and activity_identifier = any($2::text[]))
      for update`,
    [candidates.map((c) => c.externalKey), replacedActivities],
  );
  const byKey = new Map(existing.rows.map((r) => [r.external_key, r]));
  const plan: Plan = { creates: [], updates: [], deletes: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const c of candidates) {
    seen.add(c.externalKey);
    const row = byKey.get(c.externalKey);
    if (!row) plan.creates.push(c);
    else if (JSON.stringify(fromRow(row)) !== JSON.stringify(compared(c)))
      plan.updates.push({ row, next: c });
    else plan.unchanged++;
  }
  plan.deletes = existing.rows.filter((r) => !seen.has(r.external_key));
  return plan;
}

const RECORD = `x(year integer, priority text, amount numeric, currency text, amount_eur numeric,
  activity_identifier text, description text, source text, paid_on date, advance_for integer, note text,
  external_key text, import_id uuid)`;

const toRecord = (c: Candidate, importId: string) => ({
  year: c.year,
  priority: c.priority,
  amount: c.amount,
  currency: c.currency,
  amount_eur: c.amountEur,
  activity_identifier: c.activityIdentifier,
  description: c.description,
  source: c.source,
  paid_on: c.paidOn,
  advance_for: c.advanceFor,
  note: c.note,
  external_key: c.externalKey,
  import_id: importId,
});

/** Carries out a plan for the import given; returns the audit rows it recorded. */
export async function applyPlan(tx: Queryable, actor: Actor, plan: Plan, importId: string): Promise<void> {
  const changes: Change[] = [];
  if (plan.creates.length) {
    const r = await tx.query<ExpenditureRow>(
      `insert into expenditures (year, priority, amount, currency, amount_eur, activity_identifier, description,
                                 source, paid_on, advance_for, note, external_key, import_id)
       select x.year, x.priority, x.amount, x.currency, x.amount_eur, x.activity_identifier, x.description,
              x.source, x.paid_on, x.advance_for, x.note, x.external_key, x.import_id
         from jsonb_to_recordset($1::jsonb) as ${RECORD}
       returning *`,
      [JSON.stringify(plan.creates.map((c) => toRecord(c, importId)))],
    );
    for (const row of r.rows)
      changes.push({ action: 'create', entityType: 'expenditure', entityId: row.id, after: row });
  }
  if (plan.updates.length) {
    await tx.query(
      `update expenditures e
          set year = x.year, priority = x.priority, amount = x.amount, currency = x.currency,
              amount_eur = x.amount_eur, activity_identifier = x.activity_identifier,
              description = x.description, paid_on = x.paid_on, advance_for = x.advance_for, note = x.note,
              import_id = x.import_id, version = e.version + 1, updated_at = now()
         from jsonb_to_recordset($1::jsonb) as ${RECORD}
        where e.external_key = x.external_key`,
      [JSON.stringify(plan.updates.map((u) => toRecord(u.next, importId)))],
    );
    for (const u of plan.updates) {
      const { before, after } = changedFields(fromRow(u.row), compared(u.next));
      changes.push({ action: 'update', entityType: 'expenditure', entityId: u.row.id, before, after });
    }
  }
  if (plan.deletes.length) {
    await tx.query('delete from expenditures where id = any($1::uuid[])', [plan.deletes.map((r) => r.id)]);
    for (const row of plan.deletes)
      changes.push({ action: 'delete', entityType: 'expenditure', entityId: row.id, before: row });
  }
  await recordChanges(tx, actor, changes);
}
