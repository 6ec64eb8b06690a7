import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../test/app.ts';
import { paragraph, workspaceApp } from './test-generator.ts';
import type { RegenerateResult, WorkspaceDocument } from './workspace-schema.ts';

/**
 * The workflow of a document: draft → consulted (every ministry asked confirmed) → ready → sent,
 * the refusals on the way, the consultations confirmed by the right coordinator only, and a sent
 * document that only takes its Kamerstuk number.
 */
let t: TestApp;
let close: () => Promise<void>;
let s: Record<string, Session> = {};
let orgs: Record<string, string> = {};

beforeAll(async () => {
  ({ t, s, orgs, close } = await workspaceApp({
    coordinator: ['coordinator'],
    coordinatorVws: ['coordinator', 'VWS'],
    coordinatorSzw: ['coordinator', 'SZW'],
    contributor: ['contributor'],
    contributorVws: ['contributor', 'VWS'],
    admin: ['admin'],
  }));
});
afterAll(() => close?.());

type Answer = WorkspaceDocument & { code?: string; detail?: string; params?: Record<string, string> };
async function call(who: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  const res = await t.call(who, method, url, body);
  return { status: res.statusCode, body: res.json() as Answer };
}
const load = async (id: string) => (await call(s.admin!, 'GET', `/api/letters/${id}`)).body;
const create = async () =>
  (await call(s.coordinator!, 'POST', '/api/letters', { params: { kind: 'annual_letter', year: 2025 } }))
    .body;
const move = (who: Session, d: WorkspaceDocument, to: string, extra: object = {}) =>
  call(who, 'POST', `/api/letters/${d.id}/state`, { to, version: d.version, ...extra });
const versionCount = async (id: string) =>
  (
    await t.db.query<{ n: number }>(
      'select count(*)::int as n from outgoing_versions where document_id = $1',
      [id],
    )
  ).rows[0]!.n;

describe('the state of a document', () => {
  it('refuses consulted without a consultation, and goes directly to ready when none was asked', async () => {
    const d = await create();
    const refused = await move(s.coordinator!, d, 'consulted');
    expect([refused.status, refused.body.code]).toEqual([409, 'letter.no_consultation']);
    expect(refused.body.detail).toContain('request a consultation');
    const ready = await move(s.coordinator!, d, 'ready');
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    expect(ready.body).toMatchObject({
      state: 'ready',
      abilities: { edit: false, moveTo: ['sent', 'draft'] },
    });
    const edit = await call(s.coordinator!, 'PATCH', `/api/letters/${d.id}/sections/network`, {
      heading: 'Nee',
      version: ready.body.sections[0]!.version,
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'letter.not_editable']);
  });

  it('moves through consultation: every ministry asked confirms, by its own coordinator only', async () => {
    let d = await create();
    const asked = await call(s.coordinator!, 'POST', `/api/letters/${d.id}/consultations`, {
      organisation: orgs.VWS,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    d = (await call(s.coordinator!, 'POST', `/api/letters/${d.id}/consultations`, { organisation: orgs.SZW }))
      .body;
    const twice = await call(s.coordinator!, 'POST', `/api/letters/${d.id}/consultations`, {
      organisation: orgs.VWS,
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'letter.consultation_exists']);
    const self = await call(s.coordinator!, 'POST', `/api/letters/${d.id}/consultations`, {
      organisation: orgs.BZK,
    });
    expect([self.status, self.body.code]).toEqual([400, 'letter.consultation_owner']);
    expect(d.consultations.map((c) => [c.organisation.code, c.confirmedAt])).toEqual([
      ['SZW', null],
      ['VWS', null],
    ]);
    const vws = d.consultations.find((c) => c.organisation.code === 'VWS')!;
    const szw = d.consultations.find((c) => c.organisation.code === 'SZW')!;

    const direct = await move(s.coordinator!, d, 'ready');
    expect([direct.status, direct.body.code]).toEqual([409, 'letter.consultation_unconfirmed']);
    const early = await move(s.coordinator!, d, 'consulted');
    expect([early.status, early.body.code, early.body.params?.organisations]).toEqual([
      409,
      'letter.consultation_unconfirmed',
      'SZW, VWS',
    ]);

    // Others may not confirm for VWS: the owner's coordinator, SZW's, VWS's contributor; nothing changes.
    const confirmUrl = `/api/letters/${d.id}/consultations/${vws.id}/confirm`;
    for (const who of [s.coordinator!, s.coordinatorSzw!, s.admin!]) {
      const res = await call(who, 'POST', confirmUrl, { version: vws.version });
      expect([res.status, res.body.code]).toEqual([403, 'letter.confirm_forbidden']);
    }
    expect((await call(s.contributorVws!, 'POST', confirmUrl, { version: vws.version })).status).toBe(403);
    expect((await load(d.id)).consultations.every((c) => c.confirmedAt === null)).toBe(true);
    const asVws = (await call(s.coordinatorVws!, 'GET', `/api/letters/${d.id}`)).body;
    expect(asVws.consultations.map((c) => [c.organisation.code, c.abilities.confirm])).toEqual([
      ['SZW', false],
      ['VWS', true],
    ]);

    const confirmed = await call(s.coordinatorVws!, 'POST', confirmUrl, {
      version: vws.version,
      note: 'Akkoord',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const c = confirmed.body.consultations.find((x) => x.id === vws.id)!;
    expect(c).toMatchObject({ confirmedBy: { name: 'coordinator VWS' }, note: 'Akkoord' });
    const again = await call(s.coordinatorVws!, 'POST', confirmUrl, { version: c.version });
    expect([again.status, again.body.code]).toEqual([409, 'letter.already_confirmed']);
    const stillOpen = await move(s.coordinator!, d, 'consulted');
    expect(stillOpen.body.params?.organisations).toBe('SZW');

    d = (
      await call(s.coordinatorSzw!, 'POST', `/api/letters/${d.id}/consultations/${szw.id}/confirm`, {
        version: szw.version,
      })
    ).body;
    expect(d.abilities.moveTo).toEqual([]);
    d = (await call(s.coordinator!, 'GET', `/api/letters/${d.id}`)).body;
    expect(d.abilities.moveTo).toEqual(['consulted']);
    const skip = await move(s.coordinator!, d, 'ready');
    expect([skip.status, skip.body.code]).toEqual([409, 'letter.consult_first']);
    const consulted = await move(s.coordinator!, d, 'consulted');
    expect(consulted.body.state).toBe('consulted');
    d = consulted.body;

    // A regeneration (or an edit) of a consulted document makes it a draft again; the confirmations stay.
    const regen = await call(s.coordinator!, 'POST', `/api/letters/${d.id}/regenerate`, {
      version: d.version,
    });
    const r = regen.body as unknown as RegenerateResult;
    expect([r.backToDraft, r.document.state]).toEqual([true, 'draft']);
    expect(r.document.consultations.every((x) => x.confirmedAt !== null)).toBe(true);
    d = (await move(s.coordinator!, r.document, 'consulted')).body;
    const wrong = await move(s.coordinator!, d, 'sent', { sentOn: '2026-02-13' });
    expect([wrong.status, wrong.body.code]).toEqual([409, 'letter.wrong_state_transition']);
    const contributorMove = await move(s.contributor!, d, 'ready');
    expect(contributorMove.status).toBe(403);
    const foreign = await move(s.coordinatorVws!, d, 'ready');
    expect([foreign.status, foreign.body.code]).toEqual([403, 'letter.transition_forbidden']);
    expect((await load(d.id)).state).toBe('consulted');
    d = (await move(s.coordinator!, d, 'ready')).body;
    expect(d.state).toBe('ready');

    const noDate = await move(s.coordinator!, d, 'sent');
    expect(noDate.status).toBe(400);
    const stale = await move(s.coordinator!, { ...d, version: d.version - 1 }, 'sent', {
      sentOn: '2026-02-13',
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_edit']);
    const versionsBefore = await versionCount(d.id);
    const sent = await move(s.coordinator!, d, 'sent', { sentOn: '2026-02-13' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ state: 'sent', sentOn: '2026-02-13', kamerstuk: null });
    expect(sent.body.abilities).toMatchObject({
      edit: false,
      editSections: false,
      moveTo: [],
      setKamerstuk: true,
    });
    expect(await versionCount(d.id)).toBe(versionsBefore + 1);
    d = sent.body;
  });

  it('keeps a sent document as sent: only its Kamerstuk number may still be set', async () => {
    let d = await create();
    d = (await move(s.coordinator!, d, 'ready')).body;
    const early = await call(s.coordinator!, 'PATCH', `/api/letters/${d.id}/kamerstuk`, {
      kamerstuk: '26150, nr. 214',
      version: d.version,
    });
    expect([early.status, early.body.code]).toEqual([409, 'letter.kamerstuk_not_sent']);
    d = (await move(s.coordinator!, d, 'sent', { sentOn: '2026-02-13' })).body;
    const bad = await call(s.coordinator!, 'PATCH', `/api/letters/${d.id}/kamerstuk`, {
      kamerstuk: 'nummer volgt',
      version: d.version,
    });
    expect(bad.status).toBe(400);
    const set = await call(s.coordinator!, 'PATCH', `/api/letters/${d.id}/kamerstuk`, {
      kamerstuk: '26150, nr. 214',
      version: d.version,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.kamerstuk).toBe('26150, nr. 214');
    d = set.body;
    const back = await move(s.coordinator!, d, 'draft');
    expect([back.status, back.body.code]).toEqual([409, 'letter.wrong_state_transition']);
    const section = d.sections[0]!;
    const edit = await call(s.coordinator!, 'PATCH', `/api/letters/${d.id}/sections/${section.key}`, {
      blocks: [paragraph('Toch nog iets')],
      version: section.version,
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'letter.not_editable']);
    const regen = await call(s.coordinator!, 'POST', `/api/letters/${d.id}/regenerate`, {
      version: d.version,
    });
    expect([regen.status, regen.body.code]).toEqual([409, 'letter.not_editable']);
    const frame = await call(s.coordinator!, 'PATCH', `/api/letters/${d.id}/frame`, {
      frame: d.frame,
      version: d.version,
    });
    expect([frame.status, frame.body.code]).toEqual([409, 'letter.not_editable']);
    const ask = await call(s.coordinator!, 'POST', `/api/letters/${d.id}/consultations`, {
      organisation: orgs.VWS,
    });
    expect([ask.status, ask.body.code]).toEqual([409, 'letter.not_editable']);
    expect(await load(d.id)).toMatchObject({
      state: 'sent',
      kamerstuk: '26150, nr. 214',
      sections: d.sections,
    });
  });

  it('takes a ready document back to draft for its owner, and withdraws a consultation', async () => {
    let d = await create();
    d = (await call(s.coordinator!, 'POST', `/api/letters/${d.id}/consultations`, { organisation: orgs.VWS }))
      .body;
    const c = d.consultations[0]!;
    const withdrawn = await call(
      s.coordinator!,
      'DELETE',
      `/api/letters/${d.id}/consultations/${c.id}?version=${c.version}`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.consultations).toEqual([]);
    d = (await move(s.coordinator!, withdrawn.body, 'ready')).body;
    const back = await move(s.coordinator!, d, 'draft');
    expect(back.body).toMatchObject({ state: 'draft', sentOn: null });
  });
});
