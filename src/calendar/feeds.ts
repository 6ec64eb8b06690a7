/** Calendar feeds: the token is the secret in the URL; only its sha256 is stored. */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { recordChanges } from '../core/write.ts';
import { assertMayManageOrganisationFeed, calendarPolicy, ownFeedUser } from './policy.ts';
import type { CalendarFeedRecord } from './rows.ts';
import type { FeedCreated, FeedStatus } from './schema.ts';

const ENTITY = 'calendar_feed';
const RECORD_COLUMNS = 'id, user_id, organisation_id, created_by, created_at';

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

type FeedOwner = { userId: string } | { organisationId: string };
const ownerColumn = (owner: FeedOwner): [string, string] =>
  'userId' in owner ? ['user_id', owner.userId] : ['organisation_id', owner.organisationId];

export async function feedStatus(q: Queryable, actor: Actor): Promise<FeedStatus> {
  const mine = await q.query<{ created_at: string }>(
    'select created_at from calendar_feeds where user_id = $1',
    [actor.id],
  );
  let organisation: FeedStatus['organisation'] = null;
  if (actor.organisationId) {
    const org = await q.query<{ id: string; code: string; created_at: string | null }>(
      `select o.id, o.code, f.created_at from organisations o
         left join calendar_feeds f on f.organisation_id = o.id where o.id = $1`,
      [actor.organisationId],
    );
    const o = org.rows[0];
    if (o)
      organisation = {
        organisationId: o.id,
        code: o.code,
        exists: o.created_at !== null,
        createdAt: o.created_at === null ? null : String(o.created_at),
        abilities: { manage: calendarPolicy.manageOrganisationFeed(actor, o.id) },
      };
  }
  const m = mine.rows[0];
  return { user: { exists: Boolean(m), createdAt: m ? String(m.created_at) : null }, organisation };
}

/** Creates the owner's feed, or rotates it (the old link stops working); audited either way. */
async function issueFeed(db: Db, actor: Actor, owner: FeedOwner, origin: string): Promise<FeedCreated> {
  const token = crypto.randomBytes(32).toString('base64url');
  const [col, id] = ownerColumn(owner);
  const row = await db.transaction(async (tx) => {
    const old = await tx.query<CalendarFeedRecord>(
      `delete from calendar_feeds where ${col} = $1 returning ${RECORD_COLUMNS}`,
      [id],
    );
    const r = await tx.query<CalendarFeedRecord>(
      `insert into calendar_feeds (token_hash, ${col}, created_by) values ($1, $2, $3)
       returning ${RECORD_COLUMNS}`,
      [hashToken(token), id, actor.id],
    );
    const created = r.rows[0]!;
    const before = old.rows[0];
    await recordChanges(tx, actor, [
      {
        action: before ? 'rotate' : 'create',
        entityType: ENTITY,
        entityId: created.id,
        ...(before ? { before } : {}),
        after: created,
      },
    ]);
    return created;
  });
  const path = feedPath(token);
  return { url: `${origin}${path}`, path, createdAt: String(row.created_at) };
}

/** Revokes the owner's feed: its link stops working. Audited. */
async function revokeFeed(db: Db, actor: Actor, owner: FeedOwner): Promise<void> {
  const [col, id] = ownerColumn(owner);
  await db.transaction(async (tx) => {
    const old = await tx.query<CalendarFeedRecord>(
      `delete from calendar_feeds where ${col} = $1 returning ${RECORD_COLUMNS}`,
      [id],
    );
    const before = old.rows[0];
    if (!before) throw notFound('calendar feed', id);
    await recordChanges(tx, actor, [{ action: 'revoke', entityType: ENTITY, entityId: before.id, before }]);
  });
}

export const createUserFeed = (db: Db, actor: Actor, origin: string) =>
  issueFeed(db, actor, { userId: ownFeedUser(actor) }, origin);
export const revokeUserFeed = (db: Db, actor: Actor) => revokeFeed(db, actor, { userId: ownFeedUser(actor) });

async function assertOrganisationExists(q: Queryable, organisationId: string): Promise<void> {
  const org = await q.query('select 1 from organisations where id = $1', [organisationId]);
  if (!org.rowCount) throw notFound('organisation', organisationId);
}

export async function createOrgFeed(db: Db, actor: Actor, organisationId: string, origin: string) {
  await assertOrganisationExists(db, organisationId);
  assertMayManageOrganisationFeed(actor, organisationId);
  return issueFeed(db, actor, { organisationId }, origin);
}

export async function revokeOrgFeed(db: Db, actor: Actor, organisationId: string) {
  await assertOrganisationExists(db, organisationId);
  assertMayManageOrganisationFeed(actor, organisationId);
  await revokeFeed(db, actor, { organisationId });
}
