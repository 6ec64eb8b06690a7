import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminderScan } from '../notifications/service.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { addDays, amsterdamToday } from '../core/dates.ts';
import type {
  ContributionMerged,
  ContributionRequestsCreated,
  StateReportContribution,
  StateReportProgress,
  StateReportRequest,
  StateReportRequestList,
} from './contributions-schema.ts';
import type { StateReport } from './schema.ts';
import { newCycle, orgId } from './test-setup.ts';

let t: TestApp;
let bzk: Session;
let jenv: Session;
let vws: Session;
let ocw: Session;
let report: StateReport;
const section = (key: string) => report.sections.find((s) => s.key === key)!;
const soon = addDays(amsterdamToday(), 3);

const tally = async () =>
  (
    await t.db.query<{ requests: number; contributions: number; notifications: number }>(
      `select (select count(*)::int from state_report_requests) as requests,
              (select count(*)::int from state_report_contributions) as contributions,
              (select count(*)::int from notifications where subject_type = 'state_report_request') as notifications`,
    )
  ).rows[0]!;

const put = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });

const uploadDocx = (s: Session, url: string, body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  });

/** The requests of a section, by the organisation's code. */
async function requestOf(sectionKey: string, code: string): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `select rq.id from state_report_requests rq join organisations o on o.id = rq.organisation_id
      where rq.section_id = $1 and o.code = $2`,
    [section(sectionKey).id, code],
  );
  return r.rows[0]!.id;
}

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator');
  jenv = await t.as('contributor', 'JenV');
  vws = await t.as('contributor', 'VWS');
  ocw = await t.as('contributor', 'OCW');
  const cycle = await newCycle(t, 'CAT', 8, 'standard');
  const res = await t.call(bzk, 'POST', '/api/state-reports', { cycleId: cycle, kind: 'periodic' });
  expect(res.statusCode, res.body).toBe(201);
  report = res.json();
});
afterAll(() => t?.close());

describe('requests for contributions', () => {
  it('refuses an organisation that has ended with 422 naming it, and writes nothing', async () => {
    const admin = await t.as('admin');
    const ended = await t.call(admin, 'POST', '/api/organisations', {
      code: 'OUDMIN',
      nameNl: 'Ministerie van Vroeger',
      nameEn: 'Former Ministry',
      kind: 'ministry',
      validFrom: '2000-01-01',
      validTo: '2010-01-01',
    });
    expect(ended.statusCode, ended.body).toBe(201);
    const before = await tally();
    const res = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/requests`, {
      sectionIds: [section('article-2').id],
      organisationIds: [await orgId(t, 'JenV'), ended.json<{ id: string }>().id],
      deadline: soon,
      message: 'Graag uw bijdrage.',
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'state_report.request_organisation_ended',
      params: { code: 'OUDMIN', validTo: '2010-01-01' },
    });
    expect(res.json<{ detail: string }>().detail).toContain('Ministerie van Vroeger (OUDMIN)');
    expect(await tally()).toEqual(before);
  });

  it('refuses a coordinator of a ministry that does not manage the report (403), and writes nothing', async () => {
    const before = await tally();
    const szw = await t.as('coordinator', 'SZW');
    const res = await t.call(szw, 'POST', `/api/state-reports/${report.id}/requests`, {
      sectionIds: [section('article-2').id],
      organisationIds: [await orgId(t, 'SZW')],
      deadline: soon,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'state_report.manage_forbidden' });
    expect(await tally()).toEqual(before);
  });

  it('asks two ministries for two sections at once and tells their users in the inbox', async () => {
    const res = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/requests`, {
      sectionIds: [section('article-2').id, section('article-3').id],
      organisationIds: [await orgId(t, 'JenV'), await orgId(t, 'VWS')],
      deadline: soon,
      message: 'Graag per artikel de stand van zaken.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<ContributionRequestsCreated>();
    expect(body.created).toHaveLength(4);
    expect(body.existing).toEqual([]);
    expect(body.notified).toBeGreaterThanOrEqual(4);
    const inbox = await t.call(jenv, 'GET', '/api/notifications');
    const items = inbox.json<{ items: { subjectType: string; title: string; link: string }[] }>().items;
    expect(items.filter((n) => n.subjectType === 'state_report_request')).toHaveLength(2);
    expect(items.find((n) => n.subjectType === 'state_report_request')!.link).toMatch(
      /^\/bijdrageverzoeken\//,
    );
    // Asking again for a pair already asked leaves it as it was.
    const again = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/requests`, {
      sectionIds: [section('article-2').id],
      organisationIds: [await orgId(t, 'JenV')],
      deadline: addDays(soon, 30),
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ created: [], notified: 0 });
    expect(again.json<ContributionRequestsCreated>().existing).toHaveLength(1);
  });

  it("lists the requests to the user's own organisation", async () => {
    const list = (await t.call(vws, 'GET', '/api/state-report-requests')).json<StateReportRequestList>();
    expect(list.items.map((i) => i.organisation.code)).toEqual(['VWS', 'VWS']);
    expect(list.items[0]).toMatchObject({ deadline: soon, contribution: null, abilities: { write: true } });
  });
});

describe('contributions', () => {
  it('refuses a contributor of another organisation (403) and writes nothing', async () => {
    const before = await tally();
    const id = await requestOf('article-2', 'JenV');
    const res = await put(ocw, `/api/state-report-requests/${id}/contribution`, { text: 'Niet van ons.' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'state_report.contribution_write_forbidden' });
    expect(await tally()).toEqual(before);
  });

  it('JenV writes its contribution in the app and submits it on time', async () => {
    const id = await requestOf('article-2', 'JenV');
    const first = await put(jenv, `/api/state-report-requests/${id}/contribution`, {
      text: 'Het verbod op foltering is verankerd in de Wet internationale misdrijven.',
    });
    expect(first.statusCode, first.body).toBe(200);
    const draft = first.json<StateReportRequest>().contribution!;
    expect(draft).toMatchObject({ state: 'draft', source: 'app', words: 11, late: false });
    // A second first save (without the version) is stale.
    const stale = await put(jenv, `/api/state-report-requests/${id}/contribution`, { text: 'Anders.' });
    expect(stale.statusCode).toBe(409);
    const second = await put(jenv, `/api/state-report-requests/${id}/contribution`, {
      text: `${draft.text}\n\nDe rechter toetst dit ambtshalve.`,
      version: draft.version,
    });
    expect(second.statusCode, second.body).toBe(200);
    const saved = second.json<StateReportRequest>().contribution!;
    const submit = await t.call(jenv, 'POST', `/api/state-report-requests/${id}/contribution/submit`, {
      version: saved.version,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json<StateReportRequest>().contribution).toMatchObject({ state: 'submitted', late: false });
    // Submitted: no longer edited.
    const after = await put(jenv, `/api/state-report-requests/${id}/contribution`, {
      text: 'Te laat bedacht.',
      version: saved.version + 1,
    });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'state_report.contribution_not_editable' });
  });

  it('VWS uploads a .docx after the deadline: read in, accepted, and marked late', async () => {
    const id = await requestOf('article-3', 'VWS');
    // The deadline passed yesterday.
    await t.db.query('update state_report_requests set deadline = $2 where id = $1', [
      id,
      addDays(amsterdamToday(), -1),
    ]);
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Uitzetting naar een land met een reëel risico op foltering is uitgesloten.'),
            new Paragraph('De IND toetst elk verzoek aan artikel 3 van het Verdrag.'),
          ],
        },
      ],
    });
    const res = await uploadDocx(
      vws,
      `/api/state-report-requests/${id}/contribution.docx?fileName=bijdrage-vws.docx`,
      await Packer.toBuffer(doc),
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<StateReportRequest>().contribution!;
    expect(c).toMatchObject({ source: 'docx', fileName: 'bijdrage-vws.docx', state: 'draft' });
    expect(c.text).toContain('reëel risico op foltering');
    expect(c.text).toContain('artikel 3 van het Verdrag');
    // Something that is not a .docx is a clear 400, not a 500.
    const junk = await uploadDocx(
      vws,
      `/api/state-report-requests/${id}/contribution.docx`,
      Buffer.from('nee'),
    );
    expect(junk.statusCode).toBe(400);
    const submit = await t.call(vws, 'POST', `/api/state-report-requests/${id}/contribution/submit`, {
      version: c.version,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json<StateReportRequest>()).toMatchObject({
      overdue: false,
      contribution: { state: 'submitted', late: true },
    });
  });

  it('shows the progress per section and organisation', async () => {
    const res = await t.call(await t.as('observer'), 'GET', `/api/state-reports/${report.id}/progress`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<StateReportProgress>();
    expect(p.totals).toMatchObject({
      requested: 2,
      draft: 0,
      submitted: 2,
      accepted: 0,
      late: 1,
      overdue: 0,
    });
    const art3 = p.sections.find((s) => s.key === 'article-3')!;
    expect(art3.requests.map((r) => [r.organisation.code, r.state, r.late])).toEqual([
      ['JenV', 'requested', false],
      ['VWS', 'submitted', true],
    ]);
    expect(p.organisations.find((o) => o.code === 'VWS')!.counts).toMatchObject({ submitted: 1, late: 1 });
    expect(p.sections.find((s) => s.key === 'article-4')!.requests).toEqual([]);
  });

  it('the coordinator accepts and merges both; the sections hold their texts', async () => {
    const jenvReq = await requestOf('article-2', 'JenV');
    const vwsReq = await requestOf('article-3', 'VWS');
    const contributionOf = async (id: string) =>
      (await t.call(bzk, 'GET', `/api/state-report-requests/${id}`)).json<StateReportRequest>().contribution!;
    const a = await contributionOf(jenvReq);
    const b = await contributionOf(vwsReq);
    // A contributor may not decide.
    expect(
      (
        await t.call(jenv, 'POST', `/api/state-report-contributions/${a.id}/decision`, {
          decision: 'accepted',
          version: a.version,
        })
      ).statusCode,
    ).toBe(403);
    const decided = await t.call(bzk, 'POST', `/api/state-report-contributions/${a.id}/decision`, {
      decision: 'accepted',
      version: a.version,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<StateReportContribution>().state).toBe('accepted');

    const art2 = section('article-2');
    const wrong = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/sections/${art2.id}/merge`, {
      contributionIds: [b.id],
      sectionVersion: art2.version,
    });
    expect(wrong.statusCode).toBe(422);
    const merged = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/sections/${art2.id}/merge`, {
      contributionIds: [a.id],
      sectionVersion: art2.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<ContributionMerged>().text).toBe(a.text);
    const stale = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/sections/${art2.id}/merge`, {
      contributionIds: [a.id],
      sectionVersion: art2.version,
    });
    expect(stale.statusCode).toBe(409);

    // The submitted one of VWS is accepted by the merge, appended after the text already there.
    const art3 = section('article-3');
    const edit = await t.call(bzk, 'PATCH', `/api/state-reports/${report.id}/sections/${art3.id}`, {
      text: 'Inleiding op artikel 3.',
      version: art3.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const m3 = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/sections/${art3.id}/merge`, {
      contributionIds: [b.id],
      sectionVersion: edit.json<{ version: number }>().version,
    });
    expect(m3.statusCode, m3.body).toBe(200);
    expect(m3.json<ContributionMerged>().text).toBe(`Inleiding op artikel 3.\n\n${b.text}`);
    const stored = await t.db.query<{ key: string; text: string }>(
      "select key, text from state_report_sections where report_id = $1 and key in ('article-2', 'article-3') order by key",
      [report.id],
    );
    expect(stored.rows[0]!.text).toContain('Wet internationale misdrijven');
    expect(stored.rows[1]!.text).toContain('reëel risico op foltering');
    const p = (
      await t.call(bzk, 'GET', `/api/state-reports/${report.id}/progress`)
    ).json<StateReportProgress>();
    expect(p.totals).toMatchObject({ accepted: 2, submitted: 0, late: 1 });
    const audit = await t.db.query<{ n: number }>(
      "select count(*)::int as n from audit_events where entity_type = 'state_report_contribution' and entity_id = $1",
      [b.id],
    );
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });
});

describe('reminders', () => {
  it("reminds the organisation's users of a request due soon, once; not of one due later", async () => {
    const later = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/requests`, {
      sectionIds: [section('article-4').id],
      organisationIds: [await orgId(t, 'JenV')],
      deadline: addDays(amsterdamToday(), 30),
    });
    expect(later.statusCode).toBe(201);
    const due = await requestOf('article-3', 'JenV');
    const far = later.json<ContributionRequestsCreated>().created[0]!.id;
    await runReminderScan(t.db, { mailer: null });
    const mine = async () =>
      (
        await t.db.query<{ subject_key: string; kind: string; body: string }>(
          `select subject_key, kind, body from notifications
            where user_id = $1 and subject_type = 'state_report_request' and subject_key not like '%:requested'`,
          [jenv.userId],
        )
      ).rows;
    const reminders = await mine();
    expect(reminders).toContainEqual(
      expect.objectContaining({ subject_key: `${due}:${soon}`, kind: 'near' }),
    );
    expect(reminders.find((r) => r.subject_key.startsWith(far))).toBeUndefined();
    // The submitted (and accepted) request of article 2 is not reminded of.
    const done = await requestOf('article-2', 'JenV');
    expect(reminders.find((r) => r.subject_key.startsWith(done))).toBeUndefined();
    await runReminderScan(t.db, { mailer: null });
    expect(await mine()).toHaveLength(reminders.length);
  });
});
