/**
 * The steps of a process guide: added, changed and deleted one by one (tasks refer to their ids),
 * each audited as a change of the step. A change of a step also moves the guide's version on, so
 * that a reorder based on an older view of the guide is refused (step-order.ts).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { deleteRow, getRow, insertRow, updateRow } from '../core/write.ts';
import { processErrors } from './errors.ts';
import { assertOrganisationExists } from './owners.ts';
import { assertMayEditTemplate } from './policy.ts';
import { stepTable, templateTable } from './rows.ts';
import type { OwnerKind, StepCreate, StepUpdate, Template } from './schema.ts';
import { getTemplate } from './templates.ts';

/** A step done by a named organisation names it; a step done by a role (lead ministry) names none. */
function checkOwner(kind: OwnerKind, organisationId: string | null | undefined): void {
  if (kind === 'organisation' && !organisationId) throw processErrors.step_owner_required();
}

/** Marks the template as changed (its steps are part of it), so a stale reorder is refused. */
export async function touchTemplate(tx: Queryable, id: string): Promise<void> {
  await tx.query('update process_templates set version = version + 1, updated_at = now() where id = $1', [
    id,
  ]);
}

/** Numbers the steps 1, 2, 3, ... again, keeping their order. */
async function renumber(tx: Queryable, templateId: string): Promise<void> {
  await tx.query(
    `update process_template_steps s set position = n.rn
       from (select id, row_number() over (order by position, created_at) as rn
               from process_template_steps where template_id = $1) n
      where s.id = n.id and s.position <> n.rn`,
    [templateId],
  );
}

/** Adds a step at the end of the guide. */
export async function addStep(
  db: Db,
  actor: Actor,
  templateId: string,
  input: StepCreate,
): Promise<Template> {
  await db.transaction(async (tx) => {
    await getRow(tx, templateTable, templateId, true);
    assertMayEditTemplate(actor);
    checkOwner(input.ownerKind, input.ownerOrganisationId);
    const values = { ...input };
    if (values.ownerKind !== 'organisation') values.ownerOrganisationId = null;
    else await assertOrganisationExists(tx, values.ownerOrganisationId!);
    const max = await tx.query<{ n: number }>(
      'select coalesce(max(position), 0)::int as n from process_template_steps where template_id = $1',
      [templateId],
    );
    await insertRow(tx, actor, stepTable, { ...values, templateId, position: (max.rows[0]?.n ?? 0) + 1 });
    await touchTemplate(tx, templateId);
  });
  return getTemplate(db, actor, templateId);
}

export async function updateStep(db: Db, actor: Actor, id: string, input: StepUpdate): Promise<Template> {
  const templateId = await db.transaction(async (tx) => {
    const before = await getRow(tx, stepTable, id);
    assertMayEditTemplate(actor);
    const values = { ...input };
    const kind = values.ownerKind ?? before.owner_kind;
    if (kind !== 'organisation') values.ownerOrganisationId = null;
    else {
      const org =
        values.ownerOrganisationId === undefined ? before.owner_organisation_id : values.ownerOrganisationId;
      checkOwner(kind, org);
      if (values.ownerOrganisationId !== undefined) await assertOrganisationExists(tx, org!);
    }
    await updateRow(tx, actor, stepTable, id, values);
    await touchTemplate(tx, before.template_id);
    return before.template_id;
  });
  return getTemplate(db, actor, templateId);
}

/** Deletes a step the user saw at `version`; the steps after it move up. */
export async function deleteStep(db: Db, actor: Actor, id: string, version: number): Promise<Template> {
  const templateId = await db.transaction(async (tx) => {
    const step = await getRow(tx, stepTable, id);
    assertMayEditTemplate(actor);
    await deleteRow(tx, actor, stepTable, id, version);
    await renumber(tx, step.template_id);
    await touchTemplate(tx, step.template_id);
    return step.template_id;
  });
  return getTemplate(db, actor, templateId);
}
