/** Putting the steps of a guide in another order: one change of the guide, audited with the order before and after. */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { getRow, recordChanges } from '../core/write.ts';
import { processErrors } from './errors.ts';
import { assertMayEditTemplate } from './policy.ts';
import { templateTable } from './rows.ts';
import type { StepOrder, Template } from './schema.ts';
import { touchTemplate } from './steps.ts';
import { getTemplate } from './templates.ts';

/** Puts the steps in the order given; the list must name every step of the template once. */
export async function reorderSteps(
  db: Db,
  actor: Actor,
  templateId: string,
  input: StepOrder,
): Promise<Template> {
  await db.transaction(async (tx) => {
    const tpl = await getRow(tx, templateTable, templateId, true);
    assertMayEditTemplate(actor);
    if (tpl.version !== input.version) throw staleEdit('process template', tpl.version, input.version);
    const current = await tx.query<{ id: string; position: number }>(
      'select id, position from process_template_steps where template_id = $1 order by position',
      [templateId],
    );
    const ids = current.rows.map((r) => r.id);
    const given = new Set(input.stepIds);
    if (given.size !== input.stepIds.length || given.size !== ids.length || ids.some((i) => !given.has(i)))
      throw processErrors.order_incomplete({ steps: ids.length });
    await tx.query(
      `update process_template_steps s set position = n.position
         from unnest($2::uuid[]) with ordinality as n(id, position)
        where s.id = n.id and s.template_id = $1`,
      [templateId, input.stepIds],
    );
    await touchTemplate(tx, templateId);
    await recordChanges(tx, actor, [
      {
        action: 'update',
        entityType: templateTable.entity,
        entityId: templateId,
        before: { steps: current.rows.map((r) => ({ id: r.id, position: r.position })) },
        after: { steps: input.stepIds.map((id, i) => ({ id, position: i + 1 })) },
      },
    ]);
  });
  return getTemplate(db, actor, templateId);
}
