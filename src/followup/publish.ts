/**
 * Publishing the follow-up of recommendations: the government's recorded position and its approved
 * progress become public (src/followup/public-followup.ts reads them) once a coordinator publishes
 * them, and stop being public when the publication is withdrawn. One recommendation, the ids given
 * (up to BULK_LIMIT) or every hit of a search; all or nothing: if the actor may not publish even one
 * of them, nothing changes. Set-based (one statement per table, one audit statement with a row per
 * recommendation published or withdrawn), as bulk-assign.ts.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { recordChanges, type Change } from '../core/write.ts';
import { recommendationErrors } from '../recommendations/errors.ts';
import { selection } from './bulk-assign.ts';
import { followUpErrors } from './errors.ts';
import { followUpPolicy } from './policy.ts';
import type { FollowUpPublication, PublishResult, PublishSelection } from './publish-schema.ts';

/** How many unknown ids an error lists. */
const LISTED = 10;
const ENTITY = 'recommendation_publication';

interface PublicationRow {
  id: string;
  recommendation_id: string;
  published_by: string | null;
  published_at: string;
}

const audited = (r: PublicationRow) => ({
  recommendationId: r.recommendation_id,
  publishedBy: r.published_by,
  publishedAt: r.published_at,
});

/**
 * The lead of each selected recommendation, the rows locked (for share) until the commit, so that
 * the lead the rule was asked of cannot change before the publication is written.
 */
async function lockLeads(tx: Queryable, ids: readonly string[]): Promise<Map<string, string | null>> {
  const r = await tx.query<{ id: string; lead: string | null }>(
    `select r.id::text as id, r.lead_organisation_id as lead
       from recommendations r where r.id = any($1::uuid[]) for share of r`,
    [ids],
  );
  return new Map(r.rows.map((row) => [row.id, row.lead]));
}

/** Refuses the whole selection when it holds unknown recommendations or some the actor may not publish. */
function assertMayPublish(actor: Actor, ids: readonly string[], leads: Map<string, string | null>): void {
  const unknown = ids.filter((id) => !leads.has(id));
  if (unknown.length > 0)
    throw followUpErrors.unknown_recommendations({
      count: unknown.length,
      ids: unknown.slice(0, LISTED).join(', ') + (unknown.length > LISTED ? ', …' : ''),
    });
  // The rule depends on the lead only: asked once per lead, however many recommendations.
  const perLead = new Map<string | null, number>();
  for (const lead of leads.values()) perLead.set(lead, (perLead.get(lead) ?? 0) + 1);
  let count = 0;
  for (const [lead, n] of perLead)
    if (!followUpPolicy.publish(actor, { leadOrganisationId: lead })) count += n;
  authorize(count === 0, () => followUpErrors.publish_many_forbidden({ count }));
}

/** One audit row per publication made or withdrawn, in one statement; answers how many. */
async function record(
  tx: Queryable,
  actor: Actor,
  action: 'create' | 'delete',
  rows: readonly PublicationRow[],
): Promise<number> {
  const changes = rows.map((row): Change => ({
    action,
    entityType: ENTITY,
    entityId: row.id,
    [action === 'create' ? 'after' : 'before']: audited(row),
  }));
  if (changes.length > 0) await recordChanges(tx, actor, changes);
  return changes.length;
}

/** Makes the follow-up of the recommendations public; answers how many became public. */
async function insertPublications(tx: Queryable, actor: Actor, ids: readonly string[]): Promise<number> {
  const r = await tx.query<PublicationRow>(
    `insert into recommendation_publications (recommendation_id, published_by)
     select x.id, $2::uuid from unnest($1::uuid[]) as x(id)
     on conflict (recommendation_id) do nothing
     returning id, recommendation_id, published_by, published_at`,
    [ids, actor.id],
  );
  return record(tx, actor, 'create', r.rows);
}

/** Withdraws the publication of the recommendations' follow-up; answers how many were public. */
async function deletePublications(tx: Queryable, actor: Actor, ids: readonly string[]): Promise<number> {
  const r = await tx.query<PublicationRow>(
    `delete from recommendation_publications where recommendation_id = any($1::uuid[])
     returning id, recommendation_id, published_by, published_at`,
    [ids],
  );
  return record(tx, actor, 'delete', r.rows);
}

async function changeMany(
  db: Db,
  actor: Actor,
  input: PublishSelection,
  write: typeof insertPublications,
): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const ids = await selection(tx, input, followUpErrors.publish_too_many);
    if (ids.length === 0) throw followUpErrors.nothing_selected();
    assertMayPublish(actor, ids, await lockLeads(tx, ids));
    const changed = await write(tx, actor, ids);
    return { changed, unchanged: ids.length - changed };
  });
}

/** Publishes the follow-up of the selected recommendations (those already public stay as they are). */
export const publishMany = (db: Db, actor: Actor, input: PublishSelection) =>
  changeMany(db, actor, input, insertPublications);

/** Withdraws the publication of the selected recommendations' follow-up (those not public stay so). */
export const withdrawMany = (db: Db, actor: Actor, input: PublishSelection) =>
  changeMany(db, actor, input, deletePublications);

/** Whether a recommendation's follow-up is public, and since when. */
export async function getPublication(q: Queryable, id: string): Promise<FollowUpPublication> {
  const r = await q.query<{ published_at: string }>(
    'select published_at from recommendation_publications where recommendation_id = $1',
    [id],
  );
  const at = r.rows[0]?.published_at ?? null;
  return { recommendationId: id, published: at !== null, publishedAt: at };
}

async function changeOne(
  db: Db,
  actor: Actor,
  id: string,
  write: typeof insertPublications,
): Promise<FollowUpPublication> {
  return db.transaction(async (tx) => {
    const leads = await lockLeads(tx, [id]);
    if (!leads.has(id)) throw recommendationErrors.not_found({ id });
    authorize(followUpPolicy.publish(actor, { leadOrganisationId: leads.get(id)! }), () =>
      followUpErrors.publish_forbidden(),
    );
    await write(tx, actor, [id]);
    return getPublication(tx, id);
  });
}

/** Publishes one recommendation's follow-up (404 when it does not exist; already public: unchanged). */
export const publishOne = (db: Db, actor: Actor, id: string) => changeOne(db, actor, id, insertPublications);

/** Withdraws the publication of one recommendation's follow-up (not public: unchanged). */
export const withdrawOne = (db: Db, actor: Actor, id: string) => changeOne(db, actor, id, deletePublications);
