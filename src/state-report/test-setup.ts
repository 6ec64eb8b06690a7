/** What the state report's tests share: an app with the Dutch reference data, actors, cycles and fixtures. */
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../core/actor.ts';
import { addMonths, today } from '../core/dates.ts';
import type { TestApp, Session } from '../test/app.ts';

const here = import.meta.dirname;
export const loiFixture = (name: string) => fs.readFileSync(path.join(here, 'parse', 'fixtures', name));
export const coFixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(here, '..', 'recommendations', 'parse', 'fixtures', name)));

/** The actor of a signed-in test user (for calling other features' services directly). */
export async function actorOf(t: TestApp, s: Session): Promise<Actor> {
  const r = await t.db.query<{
    name: string;
    role: Actor['role'];
    organisation_id: string | null;
    code: string | null;
  }>(
    `select u.name, u.role, u.organisation_id, o.code
       from users u left join organisations o on o.id = u.organisation_id where u.id = $1`,
    [s.userId],
  );
  const u = r.rows[0]!;
  return {
    id: s.userId,
    label: u.name,
    role: u.role,
    organisationId: u.organisation_id,
    organisationCode: u.code,
  };
}

export async function orgId(t: TestApp, code: string): Promise<string> {
  return (await t.db.query<{ id: string }>('select id from organisations where code = $1', [code])).rows[0]!
    .id;
}

export async function instrumentId(t: TestApp, code: string): Promise<string> {
  return (await t.db.query<{ id: string }>('select id from instruments where code = $1', [code])).rows[0]!.id;
}

/** A new cycle of the instrument through the API (as BZK's coordinator). */
export async function newCycle(
  t: TestApp,
  instrument: string,
  sequence: number,
  procedure: 'standard' | 'simplified',
): Promise<string> {
  const bzk = await t.as('coordinator');
  const res = await t.call(bzk, 'POST', '/api/cycles', {
    instrumentId: await instrumentId(t, instrument),
    label: `${sequence}th periodic report`,
    sequence,
    procedure,
  });
  if (res.statusCode !== 201) throw new Error(`cycle: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Records the list of issues prior to reporting on a cycle, `monthsAgo` months before today. */
export async function addLoiPhase(
  t: TestApp,
  cycleId: string,
  symbol: string,
  monthsAgo = 2,
): Promise<string> {
  const bzk = await t.as('coordinator');
  const date = addMonths(today(), -monthsAgo);
  const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/phases`, {
    kind: 'list_of_issues',
    date,
    datePrecision: 'day',
    symbol,
  });
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`phase: ${res.statusCode} ${res.body}`);
  return date;
}

/** Sends a file as the raw body, as the browser app does. */
export function upload(t: TestApp, s: Session, url: string, body: Buffer, type = 'text/plain') {
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type },
  });
}

export const counts = async (t: TestApp) =>
  (
    await t.db.query<{ reports: number; sections: number; documents: number; audit: number }>(
      `select (select count(*)::int from state_reports) as reports,
              (select count(*)::int from state_report_sections) as sections,
              (select count(*)::int from documents) as documents,
              (select count(*)::int from audit_events) as audit`,
    )
  ).rows[0]!;
