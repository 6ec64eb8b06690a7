import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { PASSWORD, testApp, type Session, type TestApp } from '../test/app.ts';

/**
 * Personal access tokens against the running app: a token acts as its user and nothing more, a read
 * token only reads, an expired or revoked token is refused, a token never manages tokens or passwords,
 * the audit names the token, and only the hash is stored.
 */
let t: TestApp;
let contributor: Session;
let admin: Session;
const inAMonth = () => addDays(today(), 30);

interface Created {
  id: string;
  token: string;
  version: number;
  prefix: string;
  scope: string;
  status: string;
}

async function makeToken(session: Session, scope: 'read' | 'write', name = `Script ${scope}`) {
  const res = await t.call(session, 'POST', '/api/tokens', { name, expiresOn: inAMonth(), scope });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Created;
}

/** A request as a script makes it: the bearer token, no cookie, no CSRF header. */
function bearer(token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

beforeAll(async () => {
  t = await testApp();
  contributor = await t.as('contributor');
  admin = await t.as('admin');
});
afterAll(() => t?.close());

describe('a write token', () => {
  let token: Created;
  beforeAll(async () => {
    token = await makeToken(contributor, 'write');
  });

  it('is shown once, starts with rd_ and is stored only as its SHA-256', async () => {
    expect(token.token).toMatch(/^rd_[A-Za-z0-9_-]{43}$/);
    expect(token.prefix).toBe(token.token.slice(0, 7));
    const list = await t.call(contributor, 'GET', '/api/tokens');
    expect(list.body).not.toContain(token.token);
    const row = await t.db.query<{ token_hash: string }>(
      'select token_hash from access_tokens where id = $1',
      [token.id],
    );
    expect(row.rows[0]!.token_hash).toBe(crypto.createHash('sha256').update(token.token).digest('hex'));
    const anywhere = await t.db.query<{ n: number }>(
      `select (select count(*) from access_tokens t where t::text like '%' || $1 || '%')::int
            + (select count(*) from audit_events a where a::text like '%' || $1 || '%')::int as n`,
      [token.token.slice(3)],
    );
    expect(anywhere.rows[0]!.n).toBe(0);
  });

  it('reads and writes within its user’s rights, and the audit names user and token', async () => {
    const read = await bearer(token.token, 'GET', '/api/tasks');
    expect(read.statusCode, read.body).toBe(200);
    const write = await bearer(token.token, 'POST', '/api/documents', {
      title: 'Written by a script',
      kind: 'state_report',
      public: false,
    });
    expect(write.statusCode, write.body).toBe(201);
    const id = (write.json() as { id: string }).id;
    const audit = await t.db.query<{ actor_id: string; actor_label: string }>(
      "select actor_id, actor_label from audit_events where entity_type = 'document' and entity_id = $1",
      [id],
    );
    expect(audit.rows).toEqual([
      { actor_id: contributor.userId, actor_label: 'contributor.bzk@example.org (token: Script write)' },
    ]);
    const used = await t.db.query<{ last_used_at: string | null }>(
      'select last_used_at from access_tokens where id = $1',
      [token.id],
    );
    expect(used.rows[0]!.last_used_at).not.toBeNull();
  });

  it('cannot do what its user cannot', async () => {
    // An object rule: a contributor adds documents only as internal drafts.
    const published = await bearer(token.token, 'POST', '/api/documents', {
      title: 'Published by a script',
      kind: 'state_report',
      public: true,
    });
    expect(published.statusCode).toBe(403);
    expect(published.json()).toMatchObject({ code: 'document.contributor_public' });
    const res = await bearer(token.token, 'POST', '/api/organisations', {
      code: 'NOPE',
      nameNl: 'Nee',
      nameEn: 'No',
      kind: 'other',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'role_forbidden' });
    const users = await bearer(token.token, 'GET', '/api/users');
    expect(users.statusCode).toBe(403);
    const n = await t.db.query("select 1 from organisations where code = 'NOPE'");
    expect(n.rowCount).toBe(0);
  });

  it('never manages tokens, passwords or accounts', async () => {
    const cases = [
      bearer(token.token, 'POST', '/api/tokens', { name: 'x', expiresOn: inAMonth(), scope: 'write' }),
      bearer(token.token, 'GET', '/api/tokens'),
      bearer(token.token, 'DELETE', `/api/tokens/${token.id}?version=1`),
      bearer(token.token, 'POST', '/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'x'.repeat(20),
      }),
      bearer(token.token, 'GET', '/api/auth/me'),
      bearer(token.token, 'POST', '/api/auth/logout'),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'token.session_only' });
    }
    const tokens = await t.db.query('select 1 from access_tokens where user_id = $1 and revoked_at is null', [
      contributor.userId,
    ]);
    expect(tokens.rowCount).toBe(1);
  });
});

describe('a read token', () => {
  it('reads, and is refused every write', async () => {
    const token = await makeToken(contributor, 'read');
    expect((await bearer(token.token, 'GET', '/api/documents')).statusCode).toBe(200);
    const res = await bearer(token.token, 'POST', '/api/documents', { title: 'Nope', kind: 'state_report' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'token.read_only' });
    const docs = await t.db.query("select 1 from documents where title = 'Nope'");
    expect(docs.rowCount).toBe(0);
  });

  it('leaves every call on record, the refused one too, naming user and token', async () => {
    const token = await makeToken(contributor, 'read', 'Nightly reader');
    await bearer(token.token, 'GET', '/api/documents?page=1');
    await bearer(token.token, 'POST', '/api/documents', { title: 'Nope', kind: 'state_report' });
    const calls = () =>
      t.db
        .query<{
          actor_label: string;
          actor_id: string;
          after: { method: string; route: string; status: number };
        }>(
          `select actor_label, actor_id, after from audit_events
            where action = 'token_call' and entity_id = $1 order by id`,
          [token.id],
        )
        .then((r) => r.rows);
    // The record is written once the answer is sent, so the two may be written in either order.
    await expect.poll(async () => (await calls()).length, { timeout: 15_000 }).toBe(2);
    const rows = await calls();
    const read = rows.find((r) => r.after.method === 'GET');
    const refused = rows.find((r) => r.after.method === 'POST');
    expect(read).toMatchObject({
      actor_id: contributor.userId,
      after: { method: 'GET', route: '/api/documents', status: 200 },
    });
    expect(read!.actor_label).toMatch(/\(token: Nightly reader\)$/);
    expect(refused!.after).toEqual({ method: 'POST', route: '/api/documents', status: 403 });
  });
});

describe('a token that does not hold', () => {
  const refused = async (token: string) => {
    const res = await bearer(token, 'GET', '/api/tasks');
    expect(res.statusCode, res.body).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'token.invalid' });
  };

  it('is refused when unknown or malformed', async () => {
    await refused(`rd_${crypto.randomBytes(32).toString('base64url')}`);
    await refused('not-a-token');
  });

  it('is refused once expired', async () => {
    const token = await makeToken(contributor, 'read', 'Soon expired');
    expect((await bearer(token.token, 'GET', '/api/tasks')).statusCode).toBe(200);
    await t.db.query("update access_tokens set expires_at = now() - interval '1 second' where id = $1", [
      token.id,
    ]);
    await refused(token.token);
    const list = (await t.call(contributor, 'GET', '/api/tokens')).json() as { items: Created[] };
    expect(list.items.find((x) => x.id === token.id)?.status).toBe('expired');
  });

  it('is refused once revoked, by its owner only', async () => {
    const token = await makeToken(contributor, 'write', 'To revoke');
    const other = await t.call(await t.as('coordinator'), 'DELETE', `/api/tokens/${token.id}?version=1`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'token.revoke_forbidden' });
    expect((await bearer(token.token, 'GET', '/api/tasks')).statusCode).toBe(200);
    const res = await t.call(contributor, 'DELETE', `/api/tokens/${token.id}?version=${token.version}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', abilities: { revoke: false } });
    await refused(token.token);
    const again = await t.call(contributor, 'DELETE', `/api/tokens/${token.id}?version=2`);
    expect(again.statusCode).toBe(409);
  });

  it('is refused when its user is disabled', async () => {
    const observer = await t.as('observer');
    const token = await makeToken(observer, 'read', 'Observer script');
    expect((await bearer(token.token, 'GET', '/api/tasks')).statusCode).toBe(200);
    await t.db.query('update users set active = false where id = $1', [observer.userId]);
    await refused(token.token);
  });
});

describe('making a token', () => {
  it('needs an expiry date within a year', async () => {
    for (const expiresOn of [addDays(today(), -1), addDays(today(), 400)]) {
      const res = await t.call(contributor, 'POST', '/api/tokens', { name: 'x', expiresOn, scope: 'read' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'token.expiry_out_of_range' });
    }
    const missing = await t.call(contributor, 'POST', '/api/tokens', { name: 'x', scope: 'read' });
    expect(missing.statusCode).toBe(400);
  });

  it('lists only the user’s own tokens, with what they may do', async () => {
    const mine = (await t.call(contributor, 'GET', '/api/tokens')).json() as {
      items: { userId: string }[];
      abilities: { create: boolean; manageServiceAccounts: boolean };
    };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((x) => x.userId === contributor.userId)).toBe(true);
    expect(mine.abilities).toEqual({ create: true, manageServiceAccounts: false });
    const admins = (await t.call(admin, 'GET', '/api/tokens')).json() as { abilities: object };
    expect(admins.abilities).toEqual({ create: true, manageServiceAccounts: true });
  });
});

describe('service accounts', () => {
  it('are made by an administrator, act through tokens and never sign in with a password', async () => {
    const org = await t.db.query<{ id: string }>("select id from organisations where code = 'BZK'");
    const created = await t.call(admin, 'POST', '/api/service-accounts', {
      name: 'Sync script',
      role: 'contributor',
      organisationId: org.rows[0]!.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const account = created.json() as { id: string };
    const denied = await t.call(contributor, 'POST', `/api/service-accounts/${account.id}/tokens`, {
      name: 'x',
      expiresOn: inAMonth(),
      scope: 'write',
    });
    expect(denied.statusCode).toBe(403);
    const made = await t.call(admin, 'POST', `/api/service-accounts/${account.id}/tokens`, {
      name: 'Nightly',
      expiresOn: inAMonth(),
      scope: 'write',
    });
    expect(made.statusCode, made.body).toBe(201);
    const token = made.json() as Created;
    const write = await bearer(token.token, 'POST', '/api/documents', {
      title: 'Synced',
      kind: 'state_report',
      public: false,
    });
    expect(write.statusCode, write.body).toBe(201);
    const audit = await t.db.query<{ actor_id: string; actor_label: string }>(
      "select actor_id, actor_label from audit_events where entity_type = 'document' and entity_id = $1",
      [(write.json() as { id: string }).id],
    );
    expect(audit.rows[0]).toMatchObject({ actor_id: account.id });
    expect(audit.rows[0]!.actor_label).toMatch(/\(token: Nightly\)$/);

    const email = await t.db.query<{ email: string }>('select email from users where id = $1', [account.id]);
    await t.db.query(
      "update users set password_hash = (select password_hash from users where email = 'contributor.bzk@example.org') where id = $1",
      [account.id],
    );
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: email.rows[0]!.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    const list = (await t.call(admin, 'GET', '/api/service-accounts')).json() as {
      items: { id: string; tokens: { id: string; abilities: { revoke: boolean } }[] }[];
    };
    const listed = list.items.find((a) => a.id === account.id)!;
    expect(listed.tokens.map((x) => x.id)).toEqual([token.id]);
    expect(listed.tokens[0]!.abilities.revoke).toBe(true);
    const revoked = await t.call(admin, 'DELETE', `/api/tokens/${token.id}?version=${token.version}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await bearer(token.token, 'GET', '/api/tasks')).statusCode).toBe(401);
  });
});
