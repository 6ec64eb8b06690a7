import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { readUprInfo } from '../recommendations/import-upr-info.ts';
import { storeRecords } from '../recommendations/store.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Comment, CommentThread, Mentionable } from './schema.ts';

/**
 * Comments on a recommendation, cluster or action, with @mentions (by e-mail address) that notify
 * the user mentioned in the app and by e-mail: who may write, edit and delete, stale edits, and
 * that a mention notifies once, never the author, and never for an unknown address.
 */
const UPR_INFO = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const present = fs.existsSync(UPR_INFO);
if (!present && process.env.CI !== 'true')
  console.warn(`Skipping the comment tests: ${UPR_INFO} is absent (a clone without ../shared).`);

let t: TestApp;
let author: Session; // contributor VWS
let vws: Session; // coordinator VWS
let bzk: Session; // coordinator BZK
let observer: Session;
let admin: Session;
let rec: string;
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  if (!present && process.env.CI !== 'true') return;
  t = await testApp();
  // The header and the first 20 whole lines on the Netherlands: fast to read, real recommendations.
  const lines = fs.readFileSync(UPR_INFO, 'utf8').split('\n');
  const dutch = lines
    .filter((l) => /^\d+,Netherlands,/.test(l) && (l.split('"').length - 1) % 2 === 0)
    .slice(0, 20);
  const { records } = readUprInfo(Buffer.from([lines[0], ...dutch].join('\n')));
  expect(records.length).toBe(20);
  await storeRecords(t.db, systemActor('test'), {
    kind: 'upr-info',
    fileName: 'upr.csv',
    sha256: 'x',
    records,
    rowErrors: [],
    totalRows: records.length,
  });
  rec = (await t.db.query<{ id: string }>('select id from recommendations order by id limit 1')).rows[0]!.id;
  [author, vws, bzk, observer, admin] = [
    await t.as('contributor', 'VWS'),
    await t.as('coordinator', 'VWS'),
    await t.as('coordinator', 'BZK'),
    await t.as('observer'),
    await t.as('admin'),
  ];
});
afterAll(() => t?.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params)).rows[0]!.n;
const notificationsOf = (s: Session) =>
  count(`notifications where user_id = $1 and kind = 'mention'`, [s.userId]);
const mailsTo = (email: string) => count(`mail_outbox where to_address = $1`, [email]);
const thread = async (s: Session, kind: string, id: string) => {
  const res = await t.call(s, 'GET', `/api/comments?kind=${kind}&id=${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CommentThread;
};

describe.runIf(present || process.env.CI === 'true')('comments', () => {
  let first: Comment;

  it('a mention notifies the user mentioned once, in the app and by e-mail, and never the author', async () => {
    const res = await t.call(author, 'POST', '/api/comments', {
      kind: 'recommendation',
      id: rec,
      body: 'Can @coordinator.vws@example.org confirm? (cc me: @contributor.vws@example.org)',
    });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json() as Comment;
    expect(first.mentions.map((m) => m.email).sort()).toEqual([
      'contributor.vws@example.org',
      'coordinator.vws@example.org',
    ]);
    expect(await notificationsOf(vws)).toBe(1);
    expect(await mailsTo('coordinator.vws@example.org')).toBe(1);
    expect(await notificationsOf(author)).toBe(0);
    expect(await mailsTo('contributor.vws@example.org')).toBe(0);
    const n = await t.db.query<{ link: string; subject_type: string }>(
      `select link, subject_type from notifications where user_id = $1`,
      [vws.userId],
    );
    expect(n.rows[0]).toEqual({ link: `/recommendations/${rec}`, subject_type: 'mention' });
    // The mentioned user sees it in their inbox.
    const inbox = await t.call(vws, 'GET', '/api/notifications');
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect((inbox.json() as { items: { kind: string; link: string }[] }).items[0]).toMatchObject({
      kind: 'mention',
      link: `/recommendations/${rec}`,
    });
  });

  it('shows the thread to every signed-in user, with author, organisation and abilities', async () => {
    const own = await thread(author, 'recommendation', rec);
    expect(own.canComment).toBe(true);
    expect(own.items[0]).toMatchObject({
      author: { name: 'contributor VWS', organisationCode: 'VWS' },
      abilities: { edit: true, delete: true },
    });
    const seen = await thread(observer, 'recommendation', rec);
    expect(seen.canComment).toBe(false);
    expect(seen.items[0]!.abilities).toEqual({ edit: false, delete: false });
  });

  it('refuses observers, other users and stale versions, changing nothing', async () => {
    const body = { kind: 'recommendation', id: rec, body: 'An observer may not write' };
    expect((await t.call(observer, 'POST', '/api/comments', body)).statusCode).toBe(403);
    const other = await t.call(bzk, 'PATCH', `/api/comments/${first.id}`, { body: 'hijack', version: 1 });
    expect(other.statusCode).toBe(403);
    const otherDelete = await t.call(vws, 'DELETE', `/api/comments/${first.id}?version=1`);
    expect(otherDelete.statusCode).toBe(403);
    const stale = await t.call(author, 'PATCH', `/api/comments/${first.id}`, { body: 'late', version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(await count('comments')).toBe(1);
    expect((await thread(author, 'recommendation', rec)).items[0]!.body).toContain('confirm');
  });

  it('refuses a mention of an unknown user, naming it, and saves nothing', async () => {
    const before = await count('notifications');
    const res = await t.call(author, 'POST', '/api/comments', {
      kind: 'recommendation',
      id: rec,
      body: 'Ask @nobody@example.org and @coordinator.vws@example.org',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'comment.mention_unknown' });
    expect(res.body).toContain('@nobody@example.org');
    expect(await count('comments')).toBe(1);
    expect(await count('notifications')).toBe(before);
  });

  it('notifies on an edit only those mentioned for the first time', async () => {
    const res = await t.call(author, 'PATCH', `/api/comments/${first.id}`, {
      body: 'Can @coordinator.vws@example.org and @coordinator.bzk@example.org confirm?',
      version: first.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as Comment;
    expect(edited.editedAt).not.toBeNull();
    expect(edited.version).toBe(first.version + 1);
    expect(await notificationsOf(vws)).toBe(1);
    expect(await notificationsOf(bzk)).toBe(1);
    expect(await mailsTo('coordinator.vws@example.org')).toBe(1);
    expect(await mailsTo('coordinator.bzk@example.org')).toBe(1);
    first = edited;
  });

  it('deletes a comment (author or admin) and keeps its place in the thread', async () => {
    const stale = await t.call(author, 'DELETE', `/api/comments/${first.id}?version=1`);
    expect(stale.statusCode).toBe(409);
    const res = await t.call(author, 'DELETE', `/api/comments/${first.id}?version=${first.version}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (await thread(observer, 'recommendation', rec)).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ body: '', mentions: [] });
    expect(items[0]!.deletedAt).not.toBeNull();
    const again = await t.call(author, 'PATCH', `/api/comments/${first.id}`, { body: 'back', version: 3 });
    expect(again.statusCode).toBe(403);

    const other = await t.call(vws, 'POST', '/api/comments', {
      kind: 'recommendation',
      id: rec,
      body: 'Mine',
    });
    const mine = other.json() as Comment;
    const byAdmin = await t.call(admin, 'DELETE', `/api/comments/${mine.id}?version=${mine.version}`);
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
  });

  it('takes clusters and actions, and refuses a subject that does not exist with 404', async () => {
    const org = (await t.db.query<{ id: string }>(`select id from organisations where code = 'VWS'`)).rows[0]!
      .id;
    const cluster = await t.db.query<{ id: string }>(
      `insert into clusters (title, owner_organisation_id) values ('Care', $1) returning id`,
      [org],
    );
    const action = await t.db.query<{ id: string }>(
      `insert into actions (title, owner_organisation_id) values ('Plan', $1) returning id`,
      [org],
    );
    for (const [kind, id] of [
      ['cluster', cluster.rows[0]!.id],
      ['action', action.rows[0]!.id],
    ] as const) {
      const res = await t.call(author, 'POST', '/api/comments', {
        kind,
        id,
        body: `On this ${kind}, @coordinator.bzk@example.org`,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((await thread(observer, kind, id)).items).toHaveLength(1);
      const link = await t.db.query<{ link: string }>(
        `select n.link from notifications n where n.subject_key = $1`,
        [(res.json() as Comment).id],
      );
      expect(link.rows[0]!.link).toBe(`/${kind}s/${id}`);
    }
    const before = await count('comments');
    const missing = await t.call(author, 'POST', '/api/comments', { kind: 'action', id: MISSING, body: 'x' });
    expect(missing.statusCode).toBe(404);
    expect((await t.call(author, 'GET', `/api/comments?kind=cluster&id=${MISSING}`)).statusCode).toBe(404);
    expect(await count('comments')).toBe(before);
  });

  it('offers active users matching name or address for a mention, at most 10', async () => {
    await t.db.query(`update users set active = false where email = 'coordinator.bzk@example.org'`);
    const res = await t.call(observer, 'GET', '/api/comments/mentionable?q=coordinator');
    expect(res.statusCode, res.body).toBe(200);
    const users = res.json() as Mentionable[];
    expect(users.map((u) => u.email)).toEqual(['coordinator.vws@example.org']);
    expect(users[0]!.organisationCode).toBe('VWS');
    const all = (await t.call(observer, 'GET', '/api/comments/mentionable?q=')).json() as Mentionable[];
    expect(all.length).toBeGreaterThan(2);
    expect(all.length).toBeLessThanOrEqual(10);
    const refused = await t.call(author, 'POST', '/api/comments', {
      kind: 'recommendation',
      id: rec,
      body: '@coordinator.bzk@example.org has left',
    });
    expect(refused.statusCode).toBe(400);
  });
});
