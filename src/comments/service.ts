/**
 * Comments on a recommendation, cluster or action: reading a thread, writing, editing and deleting
 * a comment, and the users the autocomplete offers. Each write is one transaction through the
 * audited write path; its mentions are saved and notified in the same transaction
 * (mentions.ts). Deleting keeps the row, emptied and marked deleted, so the thread stays readable.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { getRow, insertRow, updateRow } from '../core/write.ts';
import { commentErrors } from './errors.ts';
import { mailStatusNow, resolveMentions, saveMentions } from './mentions.ts';
import { commentAbilities, commentPolicy } from './policy.ts';
import { commentTable, type CommentRow } from './rows.ts';
import {
  MENTIONABLE_LIMIT,
  type Comment,
  type CommentCreate,
  type CommentEdit,
  type CommentKind,
  type CommentThread,
  type Mentionable,
} from './schema.ts';

/** The table of each kind of subject (a fixed list: never built from input). */
const SUBJECT_TABLE: Record<CommentKind, string> = {
  recommendation: 'recommendations',
  cluster: 'clusters',
  action: 'actions',
};

/** Refuses (404) a subject that does not exist. */
async function assertSubject(q: Queryable, kind: CommentKind, id: string): Promise<void> {
  const r = await q.query(`select 1 from ${SUBJECT_TABLE[kind]} where id = $1`, [id]);
  if (!r.rows.length) throw notFound(kind, id);
}

interface ThreadRow extends CommentRow {
  author_name: string | null;
  author_org: string | null;
  mentions: { id: string; name: string; email: string; organisationCode: string | null }[];
}

const THREAD_SELECT = `
  select c.*, u.name as author_name, o.code as author_org,
         coalesce((select json_agg(json_build_object('id', mu.id, 'name', mu.name, 'email', mu.email,
                                                     'organisationCode', mo.code) order by mu.name)
                     from comment_mentions m join users mu on mu.id = m.user_id
                     left join organisations mo on mo.id = mu.organisation_id
                    where m.comment_id = c.id), '[]'::json) as mentions
    from comments c
    left join users u on u.id = c.author_id
    left join organisations o on o.id = u.organisation_id`;

function present(actor: Actor, r: ThreadRow): Comment {
  const facts = { authorId: r.author_id, deletedAt: r.deleted_at };
  return {
    id: r.id,
    kind: r.subject_kind,
    subjectId: r.subject_id,
    body: r.deleted_at ? '' : r.body,
    author: r.author_id
      ? { id: r.author_id, name: r.author_name ?? '', organisationCode: r.author_org }
      : null,
    mentions: r.deleted_at ? [] : r.mentions,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
    version: r.version,
    abilities: commentAbilities(actor, facts),
  };
}

async function loadComment(q: Queryable, actor: Actor, id: string): Promise<Comment> {
  const r = await q.query<ThreadRow>(`${THREAD_SELECT} where c.id = $1`, [id]);
  if (!r.rows[0]) throw notFound('comment', id);
  return present(actor, r.rows[0]);
}

/** The thread of a subject, oldest first; a subject that does not exist is 404. */
export async function getThread(db: Db, actor: Actor, kind: CommentKind, id: string): Promise<CommentThread> {
  await assertSubject(db, kind, id);
  const r = await db.query<ThreadRow>(
    `${THREAD_SELECT} where c.subject_kind = $1 and c.subject_id = $2 order by c.created_at, c.id`,
    [kind, id],
  );
  return {
    kind,
    subjectId: id,
    items: r.rows.map((row) => present(actor, row)),
    canComment: commentPolicy.create(actor),
  };
}

/** Writes a comment and notifies the users it mentions. */
export async function createComment(db: Db, actor: Actor, input: CommentCreate): Promise<Comment> {
  authorize(commentPolicy.create(actor), () => commentErrors.create_forbidden());
  return db.transaction(async (tx) => {
    await assertSubject(tx, input.kind, input.id);
    const users = await resolveMentions(tx, input.body);
    const row = await insertRow(tx, actor, commentTable, {
      subjectKind: input.kind,
      subjectId: input.id,
      body: input.body,
      authorId: actor.id,
    });
    await saveMentions(tx, actor, row, users, mailStatusNow());
    return loadComment(tx, actor, row.id);
  });
}

/** Changes the text of one's own comment; only users mentioned for the first time are notified. */
export async function editComment(db: Db, actor: Actor, id: string, input: CommentEdit): Promise<Comment> {
  return db.transaction(async (tx) => {
    const before = await getRow(tx, commentTable, id, true);
    authorize(commentPolicy.edit(actor, { authorId: before.author_id, deletedAt: before.deleted_at }), () =>
      commentErrors.edit_forbidden(),
    );
    const users = await resolveMentions(tx, input.body);
    const row = await updateRow(tx, actor, commentTable, id, {
      body: input.body,
      editedAt: new Date().toISOString(),
      version: input.version,
    });
    await saveMentions(tx, actor, row, users, mailStatusNow());
    return loadComment(tx, actor, id);
  });
}

/** Deletes a comment (author or admin): its text and mentions go, its place in the thread stays. */
export async function deleteComment(db: Db, actor: Actor, id: string, version: number): Promise<Comment> {
  return db.transaction(async (tx) => {
    const before = await getRow(tx, commentTable, id, true);
    authorize(commentPolicy.delete(actor, { authorId: before.author_id, deletedAt: before.deleted_at }), () =>
      commentErrors.delete_forbidden(),
    );
    const row = await updateRow(tx, actor, commentTable, id, {
      body: '',
      deletedAt: new Date().toISOString(),
      version,
    });
    await saveMentions(tx, actor, row, [], 'outbox');
    return loadComment(tx, actor, id);
  });
}

/** Active users whose name or e-mail address holds the text, by name; at most MENTIONABLE_LIMIT. */
export async function mentionable(db: Db, q: string): Promise<Mentionable[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await db.query<Mentionable>(
    `select u.id, u.name, u.email, o.code as "organisationCode"
       from users u left join organisations o on o.id = u.organisation_id
      where u.active and (u.name ilike $1 or u.email ilike $1)
      order by u.name, u.email
      limit ${MENTIONABLE_LIMIT}`,
    [like],
  );
  return r.rows;
}
