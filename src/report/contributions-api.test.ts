import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type {
  ContributionRequestDetail,
  ContributionRequestList,
  ContributionRequestWithLink,
  PublicContributionForm,
} from './contributions-schema.ts';

let t: TestApp;
let bz: Session;
let vws: Session;
let contributor: Session;
let observer: Session;
beforeAll(async () => {
  t = await testApp();
  bz = await t.as('coordinator', 'BZ');
  vws = await t.as('coordinator', 'VWS');
  contributor = await t.as('contributor', 'VWS');
  observer = await t.as('observer');
});
afterAll(() => t?.close());

const count = async (sql: string) => (await t.db.query<{ n: number }>(sql)).rows[0]!.n;
const snapshot = async () => ({
  requests: await count('select count(*)::int as n from report_contribution_requests'),
  contributions: await count('select count(*)::int as n from report_contributions'),
  audit: await count('select count(*)::int as n from audit_events'),
});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const secretOf = (r: ContributionRequestWithLink) => r.link.replace('/bijdrage/', '');

const CONTRIBUTION = {
  organisation: 'Ambassade Nairobi',
  contactName: 'Jan Jansen',
  contactEmail: 'jan.jansen@example.org',
  title: 'Steun aan journalisten',
  body: 'De post steunde een programma voor de veiligheid van journalisten.',
  areas: [1, 2],
  priorities: ['expression'],
};

async function createRequest(title: string, deadline = inDays(14)) {
  const res = await t.call(bz, 'POST', '/api/report/contributions', {
    year: 2025,
    title,
    instructions: 'Stuur per resultaatgebied een voorbeeld.',
    addressees: ['Posten in Afrika', 'DMM'],
    deadline,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ContributionRequestWithLink;
}

describe('requests for contributions', () => {
  it('BZ makes a request; the answer carries the link once and only its SHA-256 is stored', async () => {
    const before = await snapshot();
    const r = await createRequest('Bijdragen 2025');
    expect(r.link).toMatch(/^\/bijdrage\/[A-Za-z0-9_-]{43}$/);
    expect(r).toMatchObject({ year: 2025, open: true, closed: false, contributionCount: 0 });
    const stored = await t.db.query<{ link_hash: string }>(
      'select link_hash from report_contribution_requests where id = $1',
      [r.id],
    );
    expect(stored.rows[0]!.link_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows[0])).not.toContain(secretOf(r));
    const after = await snapshot();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.audit).toBeGreaterThan(before.audit);
    // Read back: no link in the list or the detail.
    const list = (
      await t.call(observer, 'GET', '/api/report/contributions?year=2025')
    ).json() as ContributionRequestList;
    const item = list.items.find((i) => i.id === r.id)!;
    expect(item).toBeDefined();
    expect(JSON.stringify(list)).not.toContain(secretOf(r));
    expect(list.abilities.manage).toBe(false);
  });

  it('a coordinator of another ministry, a contributor and an observer may not make one; nothing saved', async () => {
    const before = await snapshot();
    const body = { year: 2025, title: 'Niet toegestaan', deadline: inDays(3) };
    expect((await t.call(vws, 'POST', '/api/report/contributions', body)).statusCode).toBe(403);
    expect((await t.call(contributor, 'POST', '/api/report/contributions', body)).statusCode).toBe(403);
    expect((await t.call(observer, 'POST', '/api/report/contributions', body)).statusCode).toBe(403);
    const res = await t.call(vws, 'POST', '/api/report/contributions', body);
    expect(res.json()).toMatchObject({ code: 'report.contribution_manage_forbidden' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a request without a title or with a wrong deadline, naming the field', async () => {
    const res = await t.call(bz, 'POST', '/api/report/contributions', {
      year: 2025,
      title: ' ',
      deadline: 'morgen',
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.deadline']));
  });

  it('a new link replaces the old one, which then gives 404', async () => {
    const r = await createRequest('Bijdragen met nieuwe link');
    const old = secretOf(r);
    expect((await t.call(null, 'GET', `/api/contribution-forms/${old}`)).statusCode).toBe(200);
    const res = await t.call(bz, 'POST', `/api/report/contributions/${r.id}/link`, { version: r.version });
    expect(res.statusCode, res.body).toBe(200);
    const renewed = res.json() as ContributionRequestWithLink;
    expect(renewed.link).not.toBe(r.link);
    expect((await t.call(null, 'GET', `/api/contribution-forms/${old}`)).statusCode).toBe(404);
    expect((await t.call(null, 'GET', `/api/contribution-forms/${secretOf(renewed)}`)).statusCode).toBe(200);
    // A stale version is refused.
    const stale = await t.call(bz, 'POST', `/api/report/contributions/${r.id}/link`, { version: r.version });
    expect(stale.statusCode).toBe(409);
  });
});

describe('the public form', () => {
  let request: ContributionRequestWithLink;
  beforeAll(async () => {
    request = await createRequest('Bijdragen via de link');
  });

  it('shows the request with the areas and priorities in Dutch and English, without signing in', async () => {
    const res = await t.call(null, 'GET', `/api/contribution-forms/${secretOf(request)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const form = res.json() as PublicContributionForm;
    expect(form).toMatchObject({ title: 'Bijdragen via de link', year: 2025, open: true });
    expect(form.areas.map((a) => [a.code, a.labelNl])).toEqual([
      [1, 'Mensenrechtenprioriteiten'],
      [2, 'Democratie'],
      [3, 'Multilaterale inzet'],
      [4, 'Accountability'],
    ]);
    expect(form.priorities.find((p) => p.code === 'lgbtiq')).toMatchObject({
      labelNl: 'Gelijke rechten voor lhbtqi+ personen',
      labelEn: 'Equal rights for LGBTIQ+ persons',
    });
  });

  it('an unknown link gives 404', async () => {
    const res = await t.call(null, 'GET', '/api/contribution-forms/onbekend-geheim');
    expect(res.statusCode).toBe(404);
    const post = await t.call(null, 'POST', '/api/contribution-forms/onbekend-geheim', CONTRIBUTION);
    expect(post.statusCode).toBe(404);
  });

  it('takes a contribution without an account; contact details only for those who manage', async () => {
    const before = await snapshot();
    const res = await t.call(null, 'POST', `/api/contribution-forms/${secretOf(request)}`, CONTRIBUTION);
    expect(res.statusCode, res.body).toBe(201);
    const after = await snapshot();
    expect(after.contributions).toBe(before.contributions + 1);
    const audit = await t.db.query<{ actor_label: string; after: { contactEmail: string } }>(
      "select actor_label, after from audit_events where entity_type = 'report_contribution' and entity_id = $1",
      [(res.json() as { id: string }).id],
    );
    expect(audit.rows[0]!.actor_label).toMatch(/^public:/);
    expect(audit.rows[0]!.after.contactEmail).toMatch(/^sha256:/);

    const managed = (
      await t.call(bz, 'GET', `/api/report/contributions/${request.id}`)
    ).json() as ContributionRequestDetail;
    expect(managed.contributionCount).toBe(1);
    expect(managed.contributions[0]).toMatchObject({
      organisation: 'Ambassade Nairobi',
      contactName: 'Jan Jansen',
      contactEmail: 'jan.jansen@example.org',
      areas: [1, 2],
      priorities: ['expression'],
      signedIn: false,
    });
    const read = (
      await t.call(observer, 'GET', `/api/report/contributions/${request.id}`)
    ).json() as ContributionRequestDetail;
    expect(read.contributions[0]).toMatchObject({ contactName: null, contactEmail: null });
  });

  it('refuses a contribution without an area, or with a priority without area 1, at its field; nothing saved', async () => {
    const before = await snapshot();
    const url = `/api/contribution-forms/${secretOf(request)}`;
    const none = await t.call(null, 'POST', url, { ...CONTRIBUTION, areas: [] });
    expect(none.statusCode).toBe(400);
    expect((none.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('body.areas');
    const wrongPriority = await t.call(null, 'POST', url, { ...CONTRIBUTION, areas: [2, 3] });
    expect(wrongPriority.statusCode).toBe(400);
    expect((wrongPriority.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'body.priorities',
    ]);
    const wrongArea = await t.call(null, 'POST', url, { ...CONTRIBUTION, areas: [5] });
    expect((wrongArea.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('body.areas');
    const unknownPriority = await t.call(null, 'POST', url, { ...CONTRIBUTION, priorities: ['tax'] });
    expect((unknownPriority.json() as { errors: { path: string }[] }).errors[0]!.path).toBe(
      'body.priorities',
    );
    const tooLong = await t.call(null, 'POST', url, { ...CONTRIBUTION, title: 'x'.repeat(301) });
    expect((tooLong.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('body.title');
    const honeypot = await t.call(null, 'POST', url, { ...CONTRIBUTION, website: 'spam' });
    expect(honeypot.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body beyond the route limit (413) and a post from another site', async () => {
    const url = `/api/contribution-forms/${secretOf(request)}`;
    const big = await t.call(null, 'POST', url, { ...CONTRIBUTION, body: 'x'.repeat(200_000) });
    expect(big.statusCode).toBe(413);
    const foreign = await t.app.inject({
      method: 'POST',
      url,
      payload: CONTRIBUTION,
      headers: { origin: 'https://elders.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('report.contribution_cross_site');
  });

  it('after the deadline: a clear refusal with the deadline, nothing saved', async () => {
    const late = await createRequest('Te late uitvraag');
    // The editor moved the deadline into the past.
    const edit = await t.call(bz, 'PATCH', `/api/report/contributions/${late.id}`, {
      deadline: new Date(Date.now() - 3600_000).toISOString(),
      version: late.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ open: false, closed: false });
    const form = (
      await t.call(null, 'GET', `/api/contribution-forms/${secretOf(late)}`)
    ).json() as PublicContributionForm;
    expect(form.open).toBe(false);
    const before = await snapshot();
    const res = await t.call(null, 'POST', `/api/contribution-forms/${secretOf(late)}`, CONTRIBUTION);
    expect(res.statusCode).toBe(409);
    const problem = res.json() as { code: string; detail: string; params: { deadline: string } };
    expect(problem.code).toBe('report.contribution_deadline_passed');
    expect(problem.detail).toContain('Te late uitvraag');
    expect(problem.detail).toMatch(/passed on \d{1,2} \w+ \d{4}/);
    expect(await snapshot()).toEqual(before);
    // Signed in too.
    const signed = await t.call(
      contributor,
      'POST',
      `/api/report/contributions/${late.id}/contributions`,
      CONTRIBUTION,
    );
    expect(signed.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('a closed request refuses too, nothing saved', async () => {
    const r = await createRequest('Gesloten uitvraag');
    const closed = await t.call(bz, 'POST', `/api/report/contributions/${r.id}/close`, {
      version: r.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const before = await snapshot();
    const res = await t.call(null, 'POST', `/api/contribution-forms/${secretOf(r)}`, CONTRIBUTION);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'report.contribution_request_closed' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('signed-in contributions', () => {
  it('a contributor sends one to a request by its id (submitted_by set); an observer may not', async () => {
    const r = await createRequest('Bijdragen van directies');
    const res = await t.call(contributor, 'POST', `/api/report/contributions/${r.id}/contributions`, {
      ...CONTRIBUTION,
      organisation: 'VWS',
      areas: [3],
      priorities: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db.query<{ submitted_by: string | null }>(
      'select submitted_by from report_contributions where id = $1',
      [(res.json() as { id: string }).id],
    );
    expect(row.rows[0]!.submitted_by).toBe(contributor.userId);
    const refused = await t.call(
      observer,
      'POST',
      `/api/report/contributions/${r.id}/contributions`,
      CONTRIBUTION,
    );
    expect(refused.statusCode).toBe(403);
    const list = (
      await t.call(contributor, 'GET', `/api/report/contributions/${r.id}`)
    ).json() as ContributionRequestDetail;
    expect(list.abilities).toEqual({ manage: false, submit: true });
    expect(list.contributions[0]).toMatchObject({ signedIn: true, contactName: null });
  });
});
