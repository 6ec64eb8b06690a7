import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../reference/seed.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { HRC_SOURCE } from './seed-data.ts';
import type { Term, TermList } from './schema.ts';

/**
 * The Human Rights Council term 2020–2022 of the reference data, from the letter of 14 February 2020:
 * loaded with the Dutch reference data, with the facts the letter states and its source, the status
 * (which the letter does not state) unverified until someone saves it; seeding again changes nothing
 * and never brings back what a user removed.
 */
let t: TestApp;
let bz: Session;
let term: Term;

beforeAll(async () => {
  t = await testApp();
  bz = await t.as('coordinator', 'BZ');
});
afterAll(() => t?.close());

describe('the seeded Human Rights Council term', () => {
  it('is loaded with the reference data: the election, the priorities and the motions it answers', async () => {
    const list = (await t.call(bz, 'GET', '/api/hrc/terms')).json() as TermList;
    const summary = list.items.find((x) => x.startYear === 2020 && x.endYear === 2022)!;
    expect(summary).toMatchObject({
      electionDate: '2019-10-17',
      votesReceived: 172,
      seats: null,
      regionGroup: null,
      source: HRC_SOURCE,
      unverifiedFields: ['status'],
    });
    term = (await t.call(bz, 'GET', `/api/hrc/terms/${summary.id}`)).json() as Term;
    expect(term.priorities.slice(0, 3).map((p) => p.title)).toEqual(['Respect', 'Reach out', 'Respond']);
    expect(term.priorities.every((p) => p.source === HRC_SOURCE)).toBe(true);
    expect(term.notes).toContain('Kamerstuk 35 300 V, nr. 33');
    expect(term.notes).toContain('Kamerstuk 35 300 V, nr. 35');
    expect(term.notes).toContain('Kamerstuk 34 775, nr. 44');
    const audit = await t.db.query(
      `select 1 from audit_events where entity_type = 'hrc_term' and entity_id = $1 and action = 'create'`,
      [term.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('saving the status confirms it; a priority removed stays removed when the seed runs again', async () => {
    const res = await t.call(bz, 'PATCH', `/api/hrc/terms/${term.id}`, {
      status: 'past',
      version: term.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Term).unverifiedFields).toEqual([]);
    const p = term.priorities[0]!;
    const del = await t.call(bz, 'DELETE', `/api/hrc/priorities/${p.id}?version=${p.version}`);
    expect(del.statusCode, del.body).toBe(200);
    const again = await seedReferenceData(t.db);
    expect(again.hrc_terms).toBe(0);
    expect(again.hrc_priorities).toBe(0);
    const after = (await t.call(bz, 'GET', `/api/hrc/terms/${term.id}`)).json() as Term;
    expect(after.priorities).toHaveLength(term.priorities.length - 1);
    expect(after.unverifiedFields).toEqual([]);
  });
});
