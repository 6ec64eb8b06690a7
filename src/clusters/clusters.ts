/**
 * Creating and changing clusters and their members. Members come as ids or as every hit of a search
 * (the same filters as the recommendation list); adding and removing members is one audited change
 * of the cluster, naming the recommendations added and removed, and moves its version on.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, getRow, insertRow, recordChanges, updateRow } from '../core/write.ts';
import { assertOwnerExists } from '../organisations/assignable.ts';
import { where } from '../recommendations/service.ts';
import { clusterErrors } from './errors.ts';
import { getCluster } from './load.ts';
import { clusterPolicy } from './policy.ts';
import { clusterTable } from './rows.ts';
import {
  CLUSTER_LIMIT,
  type Cluster,
  type ClusterCreate,
  type ClusterMembersChange,
  type ClusterUpdate,
} from './schema.ts';

type Selection = Pick<ClusterCreate, 'recommendationIds' | 'search'>;

/** The recommendations a selection names: ids that must exist, or the hits of a search. */
async function selected(tx: Queryable, s: Selection): Promise<string[]> {
  if (s.recommendationIds) {
    const ids = [...new Set(s.recommendationIds)];
    const known = await tx.query<{ id: string }>(
      'select id from recommendations where id = any($1::uuid[])',
      [ids],
    );
    const found = new Set(known.rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw clusterErrors.recommendations_unknown({ ids: missing.slice(0, 5).join(', ') });
    return ids;
  }
  if (!s.search) return [];
  const { w } = where(s.search);
  const hits = await tx.query<{ id: string }>(
    `select r.id from recommendations r ${w.sql()} limit ${CLUSTER_LIMIT + 1}`,
    w.params,
  );
  if (hits.rows.length > CLUSTER_LIMIT) {
    const n = await tx.query<{ n: number }>(
      `select count(*)::int as n from recommendations r ${w.sql()}`,
      w.params,
    );
    throw clusterErrors.too_many({ count: n.rows[0]!.n, limit: CLUSTER_LIMIT });
  }
  return hits.rows.map((h) => h.id);
}

/** Adds and removes members in two statements and records them as one change of the cluster. */
async function changeMembers(
  tx: Queryable,
  actor: Actor,
  id: string,
  add: string[],
  remove: readonly string[],
) {
  const removed = remove.length
    ? (
        await tx.query<{ recommendation_id: string }>(
          `delete from cluster_members where cluster_id = $1 and recommendation_id = any($2::uuid[])
           returning recommendation_id`,
          [id, [...new Set(remove)]],
        )
      ).rows.map((r) => r.recommendation_id)
    : [];
  const added = add.length
    ? (
        await tx.query<{ recommendation_id: string }>(
          `insert into cluster_members (cluster_id, recommendation_id)
           select $1, x from unnest($2::uuid[]) x on conflict do nothing returning recommendation_id`,
          [id, add],
        )
      ).rows.map((r) => r.recommendation_id)
    : [];
  const total = (
    await tx.query<{ n: number }>('select count(*)::int as n from cluster_members where cluster_id = $1', [
      id,
    ])
  ).rows[0]!.n;
  if (total > CLUSTER_LIMIT) throw clusterErrors.too_many({ count: total, limit: CLUSTER_LIMIT });
  if (!added.length && !removed.length) return;
  await recordChanges(tx, actor, [
    {
      action: 'update',
      entityType: 'cluster',
      entityId: id,
      before: { membersRemoved: removed.sort() },
      after: { membersAdded: added.sort(), memberCount: total },
    },
  ]);
}

async function ownerCode(q: Queryable, id: string) {
  return (
    (await q.query<{ code: string }>('select code from organisations where id = $1', [id])).rows[0]?.code ??
    id
  );
}

export async function createCluster(db: Db, actor: Actor, input: ClusterCreate): Promise<Cluster> {
  const id = await db.transaction(async (tx) => {
    const code = await assertOwnerExists(tx, input.ownerOrganisationId);
    authorize(clusterPolicy.edit(actor, input), () => clusterErrors.edit_forbidden({ code }));
    const members = await selected(tx, input);
    const row = await insertRow(tx, actor, clusterTable, {
      title: input.title,
      description: input.description,
      ownerOrganisationId: input.ownerOrganisationId,
      createdBy: actor.id,
    });
    await changeMembers(tx, actor, row.id, members, []);
    return row.id;
  });
  return getCluster(db, actor, id);
}

export async function updateCluster(
  db: Db,
  actor: Actor,
  id: string,
  input: ClusterUpdate,
): Promise<Cluster> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, clusterTable, id, true);
    const code = await ownerCode(tx, before.owner_organisation_id);
    authorize(clusterPolicy.edit(actor, { ownerOrganisationId: before.owner_organisation_id }), () =>
      clusterErrors.edit_forbidden({ code }),
    );
    if (input.ownerOrganisationId && input.ownerOrganisationId !== before.owner_organisation_id) {
      const next = await assertOwnerExists(tx, input.ownerOrganisationId);
      authorize(clusterPolicy.edit(actor, { ownerOrganisationId: input.ownerOrganisationId }), () =>
        clusterErrors.edit_forbidden({ code: next }),
      );
    }
    await updateRow(tx, actor, clusterTable, id, input);
  });
  return getCluster(db, actor, id);
}

export async function changeClusterMembers(
  db: Db,
  actor: Actor,
  id: string,
  input: ClusterMembersChange,
): Promise<Cluster> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, clusterTable, id, true);
    const code = await ownerCode(tx, before.owner_organisation_id);
    authorize(clusterPolicy.edit(actor, { ownerOrganisationId: before.owner_organisation_id }), () =>
      clusterErrors.edit_forbidden({ code }),
    );
    if (before.version !== input.version) throw staleEdit('cluster', before.version, input.version);
    await changeMembers(tx, actor, id, await selected(tx, input), input.removeIds);
    await tx.query('update clusters set version = version + 1, updated_at = now() where id = $1', [id]);
  });
  return getCluster(db, actor, id);
}

export async function deleteCluster(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, clusterTable, id, true);
    const code = await ownerCode(tx, before.owner_organisation_id);
    authorize(clusterPolicy.edit(actor, { ownerOrganisationId: before.owner_organisation_id }), () =>
      clusterErrors.edit_forbidden({ code }),
    );
    await deleteRow(tx, actor, clusterTable, id, version);
  });
}
