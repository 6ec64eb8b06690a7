import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { ContributionRequestDetail, ContributionRequestWithLink } from './contributions-schema.ts';
import type { Example, ExampleList } from './examples-schema.ts';

let t: TestApp;
let bzk: Session;
let vws: Session;
let observer: Session;
let request: ContributionRequestWithLink;
let contributionId: string;
beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
  vws = await t.as('coordinator', 'VWS');
  observer = await t.as('observer');
  const res = await t.call(bzk, 'POST', '/api/report/contributions', {
    year: 2024,
    title: 'Voorbeelden 2024',
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  request = res.json() as ContributionRequestWithLink;
  const sent = await t.call(null, 'POST', `/api/contribution-forms/${request.link.split('/').pop()}`, {
    organisation: 'Ambassade Bogotá',
    contactName: 'Maria',
    contactEmail: 'maria@example.org',
    title: 'Bescherming van sociale leiders',
    body: 'De ambassade steunde een beschermingsprogramma voor sociale leiders.',
    areas: [1, 4],
    priorities: ['defenders_civic_space'],
  });
  expect(sent.statusCode, sent.body).toBe(201);
  contributionId = (sent.json() as { id: string }).id;
});
afterAll(() => t?.close());

const count = async (sql: string) => (await t.db.query<{ n: number }>(sql)).rows[0]!.n;
const snapshot = async () => ({
  examples: await count('select count(*)::int as n from report_examples'),
  audit: await count('select count(*)::int as n from audit_events'),
});
const list = async (s: Session) => {
  const res = await t.call(s, 'GET', '/api/report/contributions/examples?year=2024');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ExampleList;
};
const BASE = '/api/report/contributions/examples';

describe('examples per result area', () => {
  let example: Example;

  it('selecting a contribution for area 1 copies its title and text with its first priority', async () => {
    const before = await snapshot();
    const res = await t.call(bzk, 'POST', `${BASE}/selected`, { contributionId, areaCode: 1 });
    expect(res.statusCode, res.body).toBe(201);
    example = res.json() as Example;
    expect(example).toMatchObject({
      year: 2024,
      areaCode: 1,
      priority: 'defenders_civic_space',
      contributionId,
      organisation: 'Ambassade Bogotá',
      title: 'Bescherming van sociale leiders',
      position: 1,
    });
    const after = await snapshot();
    expect(after.examples).toBe(before.examples + 1);
    expect(after.audit).toBe(before.audit + 1);
    const detail = (
      await t.call(bzk, 'GET', `/api/report/contributions/${request.id}`)
    ).json() as ContributionRequestDetail;
    expect(detail.contributions[0]!.exampleAreas).toEqual([1]);
  });

  it('a contribution is an example of an area once (409), and only of its own areas (400 at areaCode)', async () => {
    const before = await snapshot();
    const again = await t.call(bzk, 'POST', `${BASE}/selected`, { contributionId, areaCode: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'report.example_exists', params: { area: 1 } });
    const other = await t.call(bzk, 'POST', `${BASE}/selected`, { contributionId, areaCode: 2 });
    expect(other.statusCode).toBe(400);
    expect((other.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('body.areaCode');
    const priorityOutside = await t.call(bzk, 'POST', `${BASE}/selected`, {
      contributionId,
      areaCode: 4,
      priority: 'expression',
    });
    expect((priorityOutside.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('body.priority');
    expect(await snapshot()).toEqual(before);
    // Area 4 works, without a priority.
    const four = await t.call(bzk, 'POST', `${BASE}/selected`, { contributionId, areaCode: 4 });
    expect(four.statusCode, four.body).toBe(201);
    expect(four.json()).toMatchObject({ areaCode: 4, priority: null });
  });

  it('the editor edits the text; a stale edit is 409 and changes nothing', async () => {
    const res = await t.call(bzk, 'PATCH', `${BASE}/${example.id}`, {
      body: 'Ingekorte tekst voor de rapportage.',
      version: example.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json() as Example;
    expect(edited).toMatchObject({
      body: 'Ingekorte tekst voor de rapportage.',
      version: example.version + 1,
    });
    const before = await snapshot();
    const stale = await t.call(bzk, 'PATCH', `${BASE}/${example.id}`, {
      body: 'Een oudere versie',
      version: example.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_edit' });
    expect(await snapshot()).toEqual(before);
    example = edited;
  });

  it('examples written by hand are listed per area and priority, and move within their group', async () => {
    const add = async (title: string) => {
      const res = await t.call(bzk, 'POST', BASE, {
        year: 2024,
        areaCode: 1,
        priority: 'defenders_civic_space',
        title,
        body: `Tekst van ${title}.`,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Example;
    };
    await add('Tweede voorbeeld');
    const third = await add('Derde voorbeeld');
    expect(third.position).toBe(3);
    const moved = await t.call(bzk, 'POST', `${BASE}/${third.id}/move`, {
      direction: 'up',
      version: third.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const fw = await list(observer);
    expect(fw.abilities.manage).toBe(false);
    const area1 = fw.areas.find((a) => a.code === 1)!;
    expect(area1.titleNl).toBe('Mensenrechtenprioriteiten');
    const group = area1.groups.find((g) => g.priority === 'defenders_civic_space')!;
    expect(group.labelNl).toBe('Beschermen van mensenrechtenverdedigers en maatschappelijke ruimte');
    expect(group.examples.map((e) => e.title)).toEqual([
      'Bescherming van sociale leiders',
      'Derde voorbeeld',
      'Tweede voorbeeld',
    ]);
    expect(fw.areas.find((a) => a.code === 4)!.groups[0]!.examples).toHaveLength(1);
    expect(fw.areas.find((a) => a.code === 2)!.groups).toHaveLength(1);
  });

  it('a priority outside area 1 is refused at its field when written by hand', async () => {
    const res = await t.call(bzk, 'POST', BASE, {
      year: 2024,
      areaCode: 3,
      priority: 'lgbtiq',
      title: 'Fout',
      body: 'Fout',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('body.priority');
  });

  it('only those who manage edit examples: 403 for another ministry and an observer, nothing changed', async () => {
    const before = await snapshot();
    const patch = await t.call(vws, 'PATCH', `${BASE}/${example.id}`, {
      title: 'Niet',
      version: example.version,
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json()).toMatchObject({ code: 'report.contribution_manage_forbidden' });
    expect((await t.call(vws, 'POST', `${BASE}/selected`, { contributionId, areaCode: 4 })).statusCode).toBe(
      403,
    );
    expect(
      (await t.call(observer, 'DELETE', `${BASE}/${example.id}?version=${example.version}`)).statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('an example is removed with the version seen; the contribution can then be selected again', async () => {
    const stale = await t.call(bzk, 'DELETE', `${BASE}/${example.id}?version=${example.version - 1}`);
    expect(stale.statusCode).toBe(409);
    const res = await t.call(bzk, 'DELETE', `${BASE}/${example.id}?version=${example.version}`);
    expect(res.statusCode).toBe(204);
    const again = await t.call(bzk, 'POST', `${BASE}/selected`, {
      contributionId,
      areaCode: 1,
      priority: 'expression',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ priority: 'expression' });
  });
});
