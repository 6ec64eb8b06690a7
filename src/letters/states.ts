/**
 * The workflow of a document: draft → consulted (every ministry asked has confirmed) → ready for
 * signature → sent (with the date, and the Kamerstuk number once parliament publishes it). A draft
 * goes directly to ready when no ministry was asked; a consulted or ready document goes back to
 * draft; a sent one stays sent, only its Kamerstuk number may still be set. And the consultations:
 * asking a ministry, its coordinator confirming, withdrawing the request.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { nowIso } from '../core/dates.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, insertRow, updateRow } from '../core/write.ts';
import { assertAssignable } from '../organisations/assignable.ts';
import { workspaceErrors } from './errors.ts';
import { letterPolicy, transitionRefusal } from './policy.ts';
import type { OutgoingConsultationRow, OutgoingState } from './rows.ts';
import { saveVersion } from './versions.ts';
import type {
  ConsultationConfirm,
  ConsultationRequest,
  KamerstukEdit,
  StateChange,
  WorkspaceDocument,
} from './workspace-schema.ts';
import {
  assertContentEditable,
  backToDraft,
  consultationTable,
  documentTable,
  factsOf,
  getDocument,
  lockDocument,
} from './workspace.ts';

const STATE_LABEL: Record<OutgoingState, string> = {
  draft: 'concept',
  consulted: 'afgestemd',
  ready: 'gereed voor ondertekening',
  sent: 'verzonden',
};

type ConsultationJoined = OutgoingConsultationRow & { code: string };

async function consultationsOf(q: Queryable, documentId: string): Promise<ConsultationJoined[]> {
  const r = await q.query<ConsultationJoined>(
    `select c.*, o.code from outgoing_consultations c join organisations o on o.id = c.organisation_id
      where c.document_id = $1 order by o.code`,
    [documentId],
  );
  return r.rows;
}

async function consultationOf(q: Queryable, documentId: string, id: string): Promise<ConsultationJoined> {
  const c = (await consultationsOf(q, documentId)).find((x) => x.id === id);
  if (!c) throw workspaceErrors.consultation_not_found({ id });
  return c;
}

export async function changeState(
  db: Db,
  actor: Actor,
  id: string,
  input: StateChange,
): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    authorize(letterPolicy.transition(actor, factsOf(d)), () => workspaceErrors.transition_forbidden());
    if (d.version !== input.version) throw staleEdit(documentTable.entity, d.version, input.version);
    const consultations = await consultationsOf(tx, id);
    const refusal = transitionRefusal(
      d.state,
      input.to,
      consultations.map((c) => ({ organisationCode: c.code, confirmed: c.confirmed_at !== null })),
    );
    if (refusal) throw refusal;
    const sent = input.to === 'sent';
    if (sent && !input.sentOn) throw workspaceErrors.sent_on_required();
    if (!sent && input.kamerstuk) throw workspaceErrors.kamerstuk_not_sent();
    await updateRow(tx, actor, documentTable, id, {
      state: input.to,
      sentOn: sent ? input.sentOn! : null,
      kamerstuk: sent ? (input.kamerstuk ?? null) : null,
      version: input.version,
    });
    await saveVersion(tx, actor, id, `Status: ${STATE_LABEL[d.state]} → ${STATE_LABEL[input.to]}`);
    return getDocument(tx, actor, id);
  });
}

/** Sets (or clears) the Kamerstuk number of a sent document. */
export async function setKamerstuk(
  db: Db,
  actor: Actor,
  id: string,
  input: KamerstukEdit,
): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    authorize(letterPolicy.transition(actor, factsOf(d)), () => workspaceErrors.transition_forbidden());
    if (d.state !== 'sent') throw workspaceErrors.kamerstuk_not_sent();
    await updateRow(tx, actor, documentTable, id, { kamerstuk: input.kamerstuk, version: input.version });
    return getDocument(tx, actor, id);
  });
}

/** Asks a ministry to confirm the document; a consulted document becomes a draft again. */
export async function requestConsultation(
  db: Db,
  actor: Actor,
  id: string,
  input: ConsultationRequest,
): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    authorize(letterPolicy.edit(actor, factsOf(d)), () => workspaceErrors.edit_forbidden());
    assertContentEditable(d);
    if (input.organisation === d.owner_organisation_id) throw workspaceErrors.consultation_owner();
    const [org] = await assertAssignable(tx, input.organisation);
    if ((await consultationsOf(tx, id)).some((c) => c.organisation_id === input.organisation))
      throw workspaceErrors.consultation_exists({ organisation: org!.code });
    await insertRow(tx, actor, consultationTable, {
      documentId: id,
      organisationId: input.organisation,
      requestedBy: actor.id,
      note: input.note,
    });
    await backToDraft(tx, actor, d);
    return getDocument(tx, actor, id);
  });
}

/** Withdraws the request to a ministry; a consulted document that has no consultation left becomes a draft. */
export async function withdrawConsultation(
  db: Db,
  actor: Actor,
  id: string,
  consultationId: string,
  version: number,
): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    authorize(letterPolicy.edit(actor, factsOf(d)), () => workspaceErrors.edit_forbidden());
    assertContentEditable(d);
    const c = await consultationOf(tx, id, consultationId);
    await deleteRow(tx, actor, consultationTable, c.id, version);
    if ((await consultationsOf(tx, id)).length === 0) await backToDraft(tx, actor, d);
    return getDocument(tx, actor, id);
  });
}

/** A coordinator of the ministry asked confirms the draft on its behalf. */
export async function confirmConsultation(
  db: Db,
  actor: Actor,
  id: string,
  consultationId: string,
  input: ConsultationConfirm,
): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    const c = await consultationOf(tx, id, consultationId);
    authorize(letterPolicy.confirm(actor, c.organisation_id), () =>
      workspaceErrors.confirm_forbidden({ organisation: c.code }),
    );
    if (c.confirmed_at) throw workspaceErrors.already_confirmed({ organisation: c.code });
    if (d.state !== 'draft') throw workspaceErrors.not_editable({ state: d.state });
    await updateRow(tx, actor, consultationTable, c.id, {
      confirmedBy: actor.id,
      confirmedAt: nowIso(),
      ...(input.note === undefined ? {} : { note: input.note }),
      version: input.version,
    });
    return getDocument(tx, actor, id);
  });
}
