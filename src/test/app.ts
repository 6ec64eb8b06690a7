import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../core/config.ts';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { buildApp } from '../server/app.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { createUser } from '../users/service.ts';
import type { Role } from '../shared/schema.ts';
import { testDb } from './db.ts';

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** Signs in as a user of the role (created on first use); coordinators belong to BZK unless said otherwise. */
  as(role: Role, orgCode?: string): Promise<Session>;
  call(
    session: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function testApp(opts: { seed?: boolean } = {}): Promise<TestApp> {
  const db = await testDb();
  if (opts.seed !== false) await seedReferenceData(db);
  const app = await buildApp({ db, config: loadConfig({ PORT: '0' }) });
  const sessions = new Map<string, Session>();

  const login = async (email: string, password = PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'rd_session')!;
    const me = res.json() as { csrfToken: string; id: string };
    return { cookie: `rd_session=${cookie.value}`, csrf: me.csrfToken, userId: me.id };
  };

  return {
    app,
    db,
    async as(role, orgCode = 'BZK') {
      const key = `${role}:${orgCode}`;
      const known = sessions.get(key);
      if (known) return known;
      const email = `${role}.${orgCode.toLowerCase()}@example.org`;
      const org = await db.query<{ id: string }>('select id from organisations where code = $1', [orgCode]);
      await createUser(db, systemActor('test'), {
        email,
        name: `${role} ${orgCode}`,
        role,
        organisationId: role === 'coordinator' || role === 'contributor' ? (org.rows[0]?.id ?? null) : null,
        password: PASSWORD,
      });
      const s = await login(email);
      sessions.set(key, s);
      return s;
    },
    call(session, method, url, body) {
      return app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
      });
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
