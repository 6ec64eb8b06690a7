import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { addMonths, today } from '../core/dates.ts';
import { createAction } from '../actions/actions.ts';
import { approveProgress } from '../followup/approve.ts';
import { recordPosition } from '../followup/position.ts';
import { createProgress } from '../followup/progress.ts';
import { changeResponsibility } from '../followup/responsibility.ts';
import { importFile } from '../recommendations/importers.ts';
import { multipart } from '../test/multipart.ts';
import { testApp, type TestApp } from '../test/app.ts';
import type { StateReport, StateReportSection } from './schema.ts';
import {
  actorOf,
  addLoiPhase,
  coFixture,
  counts,
  loiFixture,
  newCycle,
  orgId,
  upload,
} from './test-setup.ts';

let t: TestApp;
let cycleId: string;
let report: StateReport;
const recId = async (paragraph: string) =>
  (
    await t.db.query<{ id: string; version: number }>(
      "select id, version from recommendations where symbol = 'CCPR/C/NLD/CO/5' and paragraph = $1",
      [paragraph],
    )
  ).rows[0]!;

beforeAll(async () => {
  t = await testApp();
  // The previous cycle's concluding observations (CCPR/C/NLD/CO/5: follow-up paragraphs 6, 10 and 12).
  await importFile(
    t.db,
    systemActor('test'),
    'document',
    'CCPR_C_NLD_CO_5.txt',
    coFixture('tb-ccpr-c-nld-co-5.txt'),
  );
  const bzk = await t.as('coordinator');
  const coordinator = await actorOf(t, bzk);
  const contributor = await actorOf(t, await t.as('contributor', 'BZK'));
  const bzkId = await orgId(t, 'BZK');

  const p6 = await recId('para 6');
  await changeResponsibility(t.db, coordinator, p6.id, { leadOrganisationId: bzkId, version: p6.version });
  await recordPosition(t.db, coordinator, p6.id, {
    position: null,
    appreciation: 'Accepted: the Kingdom works on institutions in Aruba and Sint Maarten',
    explanation: null,
    version: null,
  });
  const base = { periodStart: null, periodEnd: null, evidenceLinks: [] };
  const approved = await createProgress(
    t.db,
    contributor,
    { kind: 'recommendation', id: p6.id },
    {
      ...base,
      status: 'in_progress',
      text: 'A bill on an institute in Sint Maarten is before parliament.',
    },
  );
  await approveProgress(t.db, coordinator, approved.id, approved.version);
  await createProgress(
    t.db,
    contributor,
    { kind: 'recommendation', id: p6.id },
    {
      ...base,
      status: 'implemented',
      text: 'A draft not yet approved.',
    },
  );
  await createAction(t.db, coordinator, {
    title: 'Kingdom-wide human rights institutes',
    description: null,
    ownerOrganisationId: bzkId,
    startDate: null,
    endDate: '2027-12-31',
    budget: null,
    outcome: null,
    recommendationIds: [p6.id],
    clusterIds: [],
  });

  cycleId = await newCycle(t, 'ICCPR', 6, 'simplified');
  report = (await t.call(bzk, 'POST', '/api/state-reports', { cycleId, kind: 'simplified' })).json();
  const imported = await upload(
    t,
    bzk,
    `/api/state-reports/${report.id}/list-of-issues?fileName=CCPR_C_NLD_QPR_6.txt`,
    loiFixture('loipr-ccpr-c-nld-qpr-6.txt'),
  );
  if (imported.statusCode !== 200) throw new Error(imported.body);
  report = imported.json().report;
});
afterAll(() => t?.close());

const section = async (key: string): Promise<StateReportSection> => {
  const s = report.sections.find((x) => x.key === key)!;
  const res = await t.call(await t.as('observer'), 'GET', `/api/state-reports/${report.id}/sections/${s.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('what a section must answer', () => {
  it("lists the previous observations' recommendations it refers to, with position, lead, actions and approved progress", async () => {
    const q3 = await section('question-3');
    // Question 3 refers to paragraphs 4 and 6 of CCPR/C/NLD/CO/5; paragraph 6 is a follow-up priority.
    expect(q3.recommendations.map((r) => r.paragraph)).toEqual([
      'para 4',
      'para 4 (a)',
      'para 4 (b)',
      'para 6',
    ]);
    const p6 = q3.recommendations.find((r) => r.paragraph === 'para 6')!;
    expect(p6).toMatchObject({
      symbol: 'CCPR/C/NLD/CO/5',
      matchedBy: 'paragraph',
      priority: true,
      position: 'Accepted: the Kingdom works on institutions in Aruba and Sint Maarten',
      lead: { code: 'BZK' },
      actions: [{ title: 'Kingdom-wide human rights institutes', ownerCode: 'BZK', endDate: '2027-12-31' }],
      // the approved update, not the later draft
      progress: {
        status: 'in_progress',
        text: 'A bill on an institute in Sint Maarten is before parliament.',
      },
    });
    expect(q3.recommendations.find((r) => r.paragraph === 'para 4 (a)')).toMatchObject({
      priority: false,
      position: null,
      progress: null,
      actions: [],
    });
    expect(q3.priority).toBe(true);
    expect(report.sections.find((s) => s.key === 'question-3')!.priority).toBe(true);
  });

  it('marks a section without priority paragraphs as not a priority, and lists the rest in the introduction', async () => {
    const q1 = report.sections.find((s) => s.key === 'question-1')!;
    expect(q1.priority).toBe(false);
    const intro = await section('intro');
    const listed = new Set(intro.recommendations.map((r) => r.paragraph));
    expect(intro.recommendations.every((r) => r.matchedBy === 'unassigned')).toBe(true);
    expect(listed.has('para 6')).toBe(false);
    expect(listed.has('para 10 (a)')).toBe(true);
  });

  it("shows the cycle's accepted consultation input, not what is received or rejected", async () => {
    const bzk = await t.as('coordinator');
    const now = Date.now();
    const round = await t.call(bzk, 'POST', '/api/consultations', {
      cycleId,
      titleNl: 'Consultatie zesde rapportage BUPO',
      titleEn: 'Consultation on the sixth ICCPR report',
      descriptionNl: '',
      descriptionEn: '',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    });
    expect(round.statusCode, round.body).toBe(201);
    const id = round.json().id;
    const send = async (body: string) => {
      const token = (await t.app.inject({ method: 'GET', url: `/api/consultations/${id}/form-token` })).json()
        .token;
      const mp = multipart({
        formToken: token,
        organisationName: 'Stichting Rechten Nu',
        contactName: 'Jan Jansen',
        contactEmail: 'jan@example.org',
        body,
        consentToPublish: 'yes',
        website: '',
      });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/consultations/${id}/submissions`,
        payload: mp.payload,
        headers: { 'content-type': mp.contentType },
        remoteAddress: '192.0.2.10',
      });
      expect(res.statusCode, res.body).toBe(201);
      return (
        await t.db.query<{ id: string; version: number }>(
          'select id, version from consultation_submissions where body = $1',
          [body],
        )
      ).rows[0]!;
    };
    const accepted = await send('Aandacht voor de detentie van kinderen in Curaçao.');
    await send('Nog niet beoordeeld.');
    const res = await t.call(bzk, 'PATCH', `/api/consultation-submissions/${accepted.id}`, {
      status: 'accepted',
      version: accepted.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const q6 = await section('question-6');
    expect(q6.consultationInput).toEqual([
      expect.objectContaining({
        organisationName: 'Stichting Rechten Nu',
        body: 'Aandacht voor de detentie van kinderen in Curaçao.',
        published: false,
      }),
    ]);
  });
});

describe('recording the submission', () => {
  it("writes the cycle's phase, after which the report's due date is met and the next due date moves", async () => {
    const bzk = await t.as('coordinator');
    await addLoiPhase(t, cycleId, 'CCPR/C/NLD/QPR/6', 2);
    const sent = addMonths(today(), -1);
    const cycleBefore = (await t.call(bzk, 'GET', `/api/cycles/${cycleId}`)).json();
    // Simplified procedure: the report is due 12 months after the list of issues prior to reporting.
    expect(cycleBefore.status).toMatchObject({ nextStep: 'report_due', nextDueDerived: true });
    const ocw = await t.as('coordinator', 'OCW');
    const before = await counts(t);
    const refused = await t.call(ocw, 'POST', `/api/state-reports/${report.id}/submission`, {
      submittedOn: sent,
      symbol: 'CCPR/C/NLD/6',
    });
    expect(refused.statusCode).toBe(403);
    expect(await counts(t)).toEqual(before);

    const res = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/submission`, {
      submittedOn: sent,
      symbol: 'CCPR/C/NLD/6',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      submittedOn: sent,
      symbol: 'CCPR/C/NLD/6',
      abilities: { manage: false },
    });
    const cycle = (await t.call(bzk, 'GET', `/api/cycles/${cycleId}`)).json();
    expect(cycle.phases).toContainEqual(
      expect.objectContaining({ kind: 'report_submitted', date: sent, symbol: 'CCPR/C/NLD/6' }),
    );
    expect(cycle.status.nextStep).not.toBe('report_due');
    expect(cycle.status.nextDueDate).not.toBe(cycleBefore.status.nextDueDate);
    const audit = await t.db.query(
      "select 1 from audit_events where entity_type = 'cycle_phase' and action = 'create' and after::text like $1",
      ['%CCPR/C/NLD/6%'],
    );
    expect(audit.rowCount).toBe(1);

    // A submitted report is no longer edited, and the submission is not recorded twice.
    const s = report.sections[0]!;
    const edit = await t.call(bzk, 'PATCH', `/api/state-reports/${report.id}/sections/${s.id}`, {
      text: 'Late addition.',
      version: s.version,
    });
    expect(edit.json()).toMatchObject({ status: 409, code: 'state_report.submitted' });
    const twice = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/submission`, {
      submittedOn: sent,
      symbol: 'CCPR/C/NLD/6',
    });
    expect(twice.statusCode).toBe(409);
  });
});
