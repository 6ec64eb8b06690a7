/** Consultation rounds: listed and read by anyone, created and edited by the instrument's coordinators. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { Where, pageOf } from '../core/sql.ts';
import { insertRow, updateRow } from '../core/write.ts';
import { ownersOfRow } from '../instruments/policy.ts';
import type { Page } from '../shared/schema.ts';
import { attachmentsOf } from './attachments.ts';
import { consultationErrors } from './errors.ts';
import { assertMayEditConsultation } from './policy.ts';
import { ownersOf, presentConsultation, presentPublicSubmission } from './presenters.ts';
import {
  CONSULTATION_FROM,
  CONSULTATION_SELECT,
  consultationRow,
  consultationTable,
  type ConsultationCreateInput,
  type ConsultationFilter,
  type ConsultationListRow,
  type ConsultationUpdateInput,
  type SubmissionRow,
} from './rows.ts';
import type { Consultation, PublicConsultation } from './schema.ts';

export async function getConsultation(q: Queryable, actor: Actor | null, id: string): Promise<Consultation> {
  return presentConsultation(await consultationRow(q, id), actor);
}

/** The public page: the consultation with the accepted submissions whose authors agreed to publication. */
export async function getPublicConsultation(
  q: Queryable,
  actor: Actor | null,
  id: string,
): Promise<PublicConsultation> {
  const c = await getConsultation(q, actor, id);
  const subs = await q.query<
    Pick<SubmissionRow, 'id' | 'organisation_name' | 'body' | 'usage_note' | 'submitted_at'>
  >(
    `select id, organisation_name, body, usage_note, submitted_at from consultation_submissions
      where consultation_id = $1 and published order by submitted_at`,
    [id],
  );
  const files = await attachmentsOf(
    q,
    subs.rows.map((s) => s.id),
  );
  return { ...c, published: subs.rows.map((s) => presentPublicSubmission(s, files.get(s.id) ?? [])) };
}

export async function listConsultations(
  q: Queryable,
  actor: Actor | null,
  f: ConsultationFilter,
): Promise<Page<Consultation>> {
  const where = new Where()
    .addIf(f.cycleId, 'c.cycle_id = ?', f.cycleId)
    .addIf(f.instrumentId, 'cy.instrument_id = ?', f.instrumentId);
  if (f.status === 'planned') where.add('c.opens_at > now()');
  if (f.status === 'open') where.add('c.opens_at <= now() and c.closes_at > now()');
  if (f.status === 'closed') where.add('c.closes_at <= now()');
  return pageOf(q, {
    select: CONSULTATION_SELECT,
    from: CONSULTATION_FROM,
    where,
    orderBy: 'c.opens_at desc, c.id',
    page: f.page,
    pageSize: f.pageSize,
    map: (row: ConsultationListRow) => presentConsultation(row, actor),
  });
}

async function instrumentOfCycle(q: Queryable, cycleId: string) {
  const r = await q.query<{
    code: string;
    lead_organisation_id: string | null;
    coordinating_organisation_id: string | null;
  }>(
    `select i.code, i.lead_organisation_id, i.coordinating_organisation_id
       from cycles cy join instruments i on i.id = cy.instrument_id where cy.id = $1`,
    [cycleId],
  );
  if (!r.rows[0]) throw consultationErrors.cycle_missing({ cycleId });
  return ownersOfRow(r.rows[0]);
}

function checkDates(opensAt: string, closesAt: string) {
  if (Date.parse(closesAt) <= Date.parse(opensAt))
    throw consultationErrors.closes_before_opens({ opensAt, closesAt });
}

export async function createConsultation(
  db: Db,
  actor: Actor,
  input: ConsultationCreateInput,
): Promise<Consultation> {
  checkDates(input.opensAt, input.closesAt);
  const id = await db.transaction(async (tx) => {
    assertMayEditConsultation(actor, await instrumentOfCycle(tx, input.cycleId));
    return (await insertRow(tx, actor, consultationTable, input)).id;
  });
  return getConsultation(db, actor, id);
}

export async function updateConsultation(
  db: Db,
  actor: Actor,
  id: string,
  input: ConsultationUpdateInput,
): Promise<Consultation> {
  await db.transaction(async (tx) => {
    const row = await consultationRow(tx, id);
    assertMayEditConsultation(actor, ownersOf(row));
    checkDates(input.opensAt ?? row.opens_at, input.closesAt ?? row.closes_at);
    await updateRow(tx, actor, consultationTable, id, input);
  });
  return getConsultation(db, actor, id);
}
