/** Creating, changing and deleting actions, and linking them to recommendations. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { errors, notFound, staleEdit } from '../core/errors.ts';
import { deleteRow, getRow, insertRow, replaceChildren, updateRow, type ChildSpec } from '../core/write.ts';
import { actionErrors } from './errors.ts';
import { assertOwnerExists } from '../organisations/assignable.ts';
import { getAction } from './load.ts';
import { actionPolicy } from './policy.ts';
import { actionTable, type ActionWrite } from './rows.ts';
import type { Action, ActionCreate, ActionUpdate } from './schema.ts';

const recommendationLinks: ChildSpec<{ recommendationId: string }> = {
  table: 'action_recommendations',
  parentColumn: 'action_id',
  parentEntity: 'action',
  field: 'recommendations',
  columns: ['recommendationId'],
  orderBy: 'recommendation_id',
};

const codeOf = async (q: Queryable, id: string) =>
  (await q.query<{ code: string }>('select code from organisations where id = $1', [id])).rows[0]?.code ?? id;

const clusterLinks: ChildSpec<{ clusterId: string }> = {
  table: 'action_clusters',
  parentColumn: 'action_id',
  parentEntity: 'action',
  field: 'clusters',
  columns: ['clusterId'],
  orderBy: 'cluster_id',
};

async function linkClusters(tx: Queryable, actor: Actor, actionId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)].sort();
  const known = await tx.query<{ id: string }>('select id from clusters where id = any($1::uuid[])', [
    unique,
  ]);
  const missing = unique.filter((id) => !known.rows.some((r) => r.id === id));
  if (missing.length) throw notFound('cluster', missing[0]!);
  await replaceChildren(
    tx,
    actor,
    clusterLinks,
    actionId,
    unique.map((clusterId) => ({ clusterId })),
  );
}

async function linkRecommendations(tx: Queryable, actor: Actor, actionId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const known = await tx.query<{ id: string }>('select id from recommendations where id = any($1::uuid[])', [
    unique,
  ]);
  const found = new Set(known.rows.map((r) => r.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw actionErrors.recommendations_unknown({ ids: missing.slice(0, 5).join(', ') });
  await replaceChildren(
    tx,
    actor,
    recommendationLinks,
    actionId,
    unique.sort().map((recommendationId) => ({ recommendationId })),
  );
}

export async function createAction(db: Db, actor: Actor, input: ActionCreate): Promise<Action> {
  const id = await db.transaction(async (tx) => {
    const code = await assertOwnerExists(tx, input.ownerOrganisationId);
    authorize(actionPolicy.edit(actor, input), () => actionErrors.edit_forbidden({ code }));
    const { recommendationIds, clusterIds, ...fields } = input;
    const row = await insertRow(tx, actor, actionTable, {
      ...fields,
      createdBy: actor.id ?? null,
    } as ActionWrite);
    if (recommendationIds.length) await linkRecommendations(tx, actor, row.id, recommendationIds);
    if (clusterIds.length) await linkClusters(tx, actor, row.id, clusterIds);
    return row.id;
  });
  return getAction(db, actor, id);
}

export async function updateAction(db: Db, actor: Actor, id: string, input: ActionUpdate): Promise<Action> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, actionTable, id, true);
    const owner = await codeOf(tx, before.owner_organisation_id);
    authorize(actionPolicy.edit(actor, { ownerOrganisationId: before.owner_organisation_id }), () =>
      actionErrors.edit_forbidden({ code: owner }),
    );
    const { recommendationIds, clusterIds, ...fields } = input;
    if (fields.ownerOrganisationId && fields.ownerOrganisationId !== before.owner_organisation_id) {
      const code = await assertOwnerExists(tx, fields.ownerOrganisationId);
      authorize(actionPolicy.edit(actor, { ownerOrganisationId: fields.ownerOrganisationId }), () =>
        actionErrors.edit_forbidden({ code }),
      );
    }
    const start = fields.startDate !== undefined ? fields.startDate : before.start_date;
    const end = fields.endDate !== undefined ? fields.endDate : before.end_date;
    if (start && end && end < start) throw actionErrors.period_order();
    if (Object.keys(fields).some((k) => k !== 'version')) await updateRow(tx, actor, actionTable, id, fields);
    else if (!recommendationIds && !clusterIds) throw errors.nothing_to_change({ entity: 'action' });
    else {
      // Only the links change: the version the user saw still counts, and moves on (the links are
      // audited as a change of the action by replaceChildren).
      if (before.version !== input.version) throw staleEdit('action', before.version, input.version);
      await tx.query('update actions set version = version + 1, updated_at = now() where id = $1', [id]);
    }
    if (recommendationIds) await linkRecommendations(tx, actor, id, recommendationIds);
    if (clusterIds) await linkClusters(tx, actor, id, clusterIds);
  });
  return getAction(db, actor, id);
}

export async function deleteAction(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, actionTable, id, true);
    const code = await codeOf(tx, before.owner_organisation_id);
    authorize(actionPolicy.edit(actor, { ownerOrganisationId: before.owner_organisation_id }), () =>
      actionErrors.edit_forbidden({ code }),
    );
    await deleteRow(tx, actor, actionTable, id, version);
  });
}
