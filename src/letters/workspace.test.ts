import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../test/app.ts';
import { generatedSection, paragraph, testData, workspaceApp } from './test-generator.ts';
import type {
  Comparison,
  RegenerateResult,
  VersionDetail,
  VersionSummary,
  WorkspaceDocument,
} from './workspace-schema.ts';

/**
 * The document workspace: creating a document from a generator, editing its sections (stale edits
 * refused), regenerating without losing an edit and saying what changed in the data, adding and
 * removing sections, and the versions, listed and compared.
 */
let t: TestApp;
let close: () => Promise<void>;
let s: Record<string, Session> = {};
let orgs: Record<string, string> = {};
const initial = structuredClone(testData.current);

beforeAll(async () => {
  ({ t, s, orgs, close } = await workspaceApp({
    coordinator: ['coordinator'],
    coordinatorVws: ['coordinator', 'VWS'],
    contributor: ['contributor'],
    contributorVws: ['contributor', 'VWS'],
    observer: ['observer'],
    admin: ['admin'],
  }));
});
afterAll(() => close?.());

async function call<T>(
  who: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) {
  const res = await t.call(who, method, url, body);
  return {
    status: res.statusCode,
    body: (res.body ? res.json() : null) as T & { code?: string; params?: Record<string, unknown> },
  };
}
const load = async (id: string) =>
  (await call<WorkspaceDocument>(s.admin!, 'GET', `/api/letters/${id}`)).body;
const sectionOf = (d: WorkspaceDocument, key: string) => d.sections.find((x) => x.key === key)!;
const versions = async (id: string) =>
  (await call<VersionSummary[]>(s.admin!, 'GET', `/api/letters/${id}/versions`)).body;
const sectionUrl = (id: string, key: string) => `/api/letters/${id}/sections/${encodeURIComponent(key)}`;
const create = async (who: Session, body: unknown = { params: { kind: 'annual_letter', year: 2025 } }) =>
  call<WorkspaceDocument>(who, 'POST', '/api/letters', body);

describe('creating a document', () => {
  it('runs the generator and stores the frame, the sections as generated and version 1', async () => {
    testData.current = structuredClone(initial);
    const res = await create(s.coordinator!);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const d = res.body;
    expect(d).toMatchObject({
      kind: 'annual_letter',
      state: 'draft',
      title: 'Jaarbrief verdragsrapportages 2025',
    });
    expect(d.ownerOrganisation.code).toBe('BZK');
    expect(d.frame).toMatchObject({
      kind: 'letter',
      subject: initial.frame.kind === 'letter' ? initial.frame.subject : '',
    });
    expect(d.sections.map((x) => [x.key, x.origin, x.level])).toEqual([
      ['network', 'generated', 1],
      ['system', 'generated', 1],
      ['treaties', 'generated', 1],
      ['treaty:CRC', 'generated', 2],
      ['followup', 'generated', 1],
    ]);
    expect(d.abilities).toMatchObject({ edit: true, editSections: true, moveTo: ['ready'] });
    expect((await versions(d.id)).map((v) => [v.number, v.note, v.savedBy?.name])).toEqual([
      [1, 'Aangemaakt', 'coordinator BZK'],
    ]);
  });

  it('lets a coordinator create only for their own organisation; the coordinating ministry for any', async () => {
    const other = await create(s.coordinatorVws!, {
      params: { kind: 'annual_letter', year: 2025 },
      ownerOrganisation: orgs.SZW,
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('letter.create_forbidden');
    const own = await create(s.coordinatorVws!);
    expect(own.status).toBe(201);
    expect(own.body.ownerOrganisation.code).toBe('VWS');
    const bzk = await create(s.coordinator!, {
      params: { kind: 'annual_letter', year: 2025 },
      ownerOrganisation: orgs.SZW,
    });
    expect(bzk.body.ownerOrganisation.code).toBe('SZW');
    expect((await create(s.observer!)).status).toBe(403);
    expect((await create(s.contributor!)).status).toBe(403);
    const admin = await create(s.admin!);
    expect([admin.status, admin.body.code]).toEqual([400, 'letter.owner_required']);
  });

  it('says clearly when a kind has no generator', async () => {
    const restoreNone = (await import('./generators/index.ts')).registerGenerator(
      'cover_letter',
      undefined as never,
    );
    const res = await create(s.coordinator!, { params: { kind: 'cover_letter', document: orgs.BZK } });
    restoreNone();
    expect([res.status, res.body.code]).toEqual([501, 'letter.no_generator']);
  });
});

describe('editing sections', () => {
  let id: string;
  beforeAll(async () => {
    testData.current = structuredClone(initial);
    id = (await create(s.coordinator!)).body.id;
  });

  it('marks an edited section as edited, and as generated again when edited back', async () => {
    const before = sectionOf(await load(id), 'network');
    const edited = await call<WorkspaceDocument>(s.contributor!, 'PATCH', sectionUrl(id, 'network'), {
      blocks: [paragraph('Het netwerk kwam in 2025 vijf keer bijeen.')],
      version: before.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const after = sectionOf(edited.body, 'network');
    expect(after).toMatchObject({ origin: 'edited', editedBy: { name: 'contributor BZK' } });
    expect(after.generated?.blocks).toEqual(before.blocks);
    const back = await call<WorkspaceDocument>(s.contributor!, 'PATCH', sectionUrl(id, 'network'), {
      blocks: before.blocks,
      version: after.version,
    });
    expect(sectionOf(back.body, 'network').origin).toBe('generated');
  });

  it('refuses a stale edit with 409 and changes nothing', async () => {
    const current = sectionOf(await load(id), 'system');
    const first = await call<WorkspaceDocument>(s.coordinator!, 'PATCH', sectionUrl(id, 'system'), {
      heading: 'Het systeem',
      version: current.version,
    });
    expect(first.status).toBe(200);
    const count = (await versions(id)).length;
    const stale = await call<WorkspaceDocument>(s.coordinator!, 'PATCH', sectionUrl(id, 'system'), {
      blocks: [paragraph('Overschreven')],
      version: current.version,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_edit']);
    const now = sectionOf(await load(id), 'system');
    expect(now).toMatchObject({
      heading: 'Het systeem',
      blocks: current.blocks,
      version: current.version + 1,
    });
    expect((await versions(id)).length).toBe(count);
  });

  it('lets contributors of the owner edit sections, and refuses others (nothing changed)', async () => {
    const current = sectionOf(await load(id), 'followup');
    for (const who of [s.contributorVws!, s.coordinatorVws!]) {
      const res = await call(who, 'PATCH', sectionUrl(id, 'followup'), {
        heading: 'Nee',
        version: current.version,
      });
      expect([res.status, res.body.code]).toEqual([403, 'letter.section_edit_forbidden']);
    }
    expect(
      (await call(s.observer!, 'PATCH', sectionUrl(id, 'followup'), { heading: 'Nee', version: 1 })).status,
    ).toBe(403);
    expect(sectionOf(await load(id), 'followup')).toEqual(current);
    const observerView = (await call<WorkspaceDocument>(s.observer!, 'GET', `/api/letters/${id}`)).body;
    expect(observerView.abilities).toEqual({
      edit: false,
      editSections: false,
      moveTo: [],
      setKamerstuk: false,
    });
  });

  it('reverts an edited section to the generated text', async () => {
    const current = sectionOf(await load(id), 'system');
    expect(current.origin).toBe('edited');
    const res = await call<WorkspaceDocument>(s.coordinator!, 'POST', `${sectionUrl(id, 'system')}/revert`, {
      version: current.version,
    });
    expect(sectionOf(res.body, 'system')).toMatchObject({
      origin: 'generated',
      heading: 'Het systeem van rapporteren',
    });
  });

  it('adds a section at a position and removes it again; a generated one cannot be removed', async () => {
    const res = await call<WorkspaceDocument>(s.contributor!, 'POST', `/api/letters/${id}/sections`, {
      heading: 'Een eigen sectie',
      blocks: [paragraph('Met de hand geschreven.')],
      position: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.sections.map((x) => x.heading).slice(0, 3)).toEqual([
      'Het netwerk van verdragscoördinatoren',
      'Een eigen sectie',
      'Het systeem van rapporteren',
    ]);
    const added = res.body.sections[1]!;
    expect(added).toMatchObject({ origin: 'added', generated: null });
    const generated = await call(
      s.coordinator!,
      'DELETE',
      `${sectionUrl(id, 'network')}?version=${sectionOf(res.body, 'network').version}`,
    );
    expect([generated.status, generated.body.code]).toEqual([409, 'letter.section_not_removable']);
    const removed = await call<WorkspaceDocument>(
      s.contributor!,
      'DELETE',
      `${sectionUrl(id, added.key)}?version=${added.version}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.sections.some((x) => x.key === added.key)).toBe(false);
  });
});

describe('regenerating', () => {
  it('keeps an edited section, replaces generated ones and reports changed, unchanged, new and gone', async () => {
    testData.current = structuredClone(initial);
    let d = (await create(s.coordinator!)).body;
    const edit = (key: string, text: string) =>
      call<WorkspaceDocument>(s.coordinator!, 'PATCH', sectionUrl(d.id, key), {
        blocks: [paragraph(text)],
        version: sectionOf(d, key).version,
      }).then((r) => (d = r.body));
    await edit('network', 'Eigen tekst over het netwerk.');
    await edit('treaty:CRC', 'Eigen tekst over het kinderrechtenverdrag.');
    d = (
      await call<WorkspaceDocument>(s.coordinator!, 'POST', `/api/letters/${d.id}/sections`, {
        heading: 'Vooruitblik',
        blocks: [paragraph('Wat er in 2026 komt.')],
        position: 3,
      })
    ).body;
    // The data changes: the network and follow-up say something else, the system is the same, the CRC
    // and the treaties section are gone, a new treaty comes in.
    testData.current.sections = [
      generatedSection(
        'network',
        'Het netwerk van verdragscoördinatoren',
        'Het netwerk kwam zes keer bijeen.',
      ),
      generatedSection('system', 'Het systeem van rapporteren', 'Er zijn negen verdragen.'),
      generatedSection('treaty:CEDAW', 'Het Vrouwenverdrag', 'De rapportage is ingediend.', 2),
      generatedSection('followup', 'Opvolging van aanbevelingen', 'Er zijn 15 aanbevelingen opgevolgd.'),
    ];
    const res = await call<RegenerateResult>(s.coordinator!, 'POST', `/api/letters/${d.id}/regenerate`, {
      version: d.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byKey = Object.fromEntries(res.body.changes.map((c) => [c.key, [c.status, c.outcome]]));
    expect(byKey).toEqual({
      network: ['changed', 'kept'],
      system: ['unchanged', 'replaced'],
      'treaty:CEDAW': ['new', 'added'],
      followup: ['changed', 'replaced'],
      'treaty:CRC': ['gone', 'kept'],
      treaties: ['gone', 'removed'],
    });
    const after = res.body.document;
    expect(after.sections.map((x) => (x.key.startsWith('added:') ? 'added' : x.key))).toEqual([
      'network',
      'system',
      'added',
      'treaty:CRC',
      'treaty:CEDAW',
      'followup',
    ]);
    const network = sectionOf(after, 'network');
    expect(network).toMatchObject({ origin: 'edited', blocks: [paragraph('Eigen tekst over het netwerk.')] });
    expect(network.generated?.blocks).toEqual([paragraph('Het netwerk kwam zes keer bijeen.')]);
    expect(sectionOf(after, 'treaty:CRC')).toMatchObject({ origin: 'edited', gone: true });
    expect(sectionOf(after, 'followup').blocks).toEqual([paragraph('Er zijn 15 aanbevelingen opgevolgd.')]);
    expect(res.body).toMatchObject({ frame: 'unchanged', backToDraft: false });
    // A second regeneration of the same data changes nothing, and the gone section can be removed.
    const again = await call<RegenerateResult>(s.coordinator!, 'POST', `/api/letters/${d.id}/regenerate`, {
      version: after.version,
    });
    expect(again.body.changes.filter((c) => c.status !== 'unchanged').map((c) => c.key)).toEqual([
      'treaty:CRC',
    ]);
    const crc = sectionOf(again.body.document, 'treaty:CRC');
    const removed = await call<WorkspaceDocument>(
      s.coordinator!,
      'DELETE',
      `${sectionUrl(d.id, 'treaty:CRC')}?version=${crc.version}`,
    );
    expect(removed.status).toBe(200);
    const stale = await call(s.coordinator!, 'POST', `/api/letters/${d.id}/regenerate`, {
      version: after.version,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_edit']);
    expect(
      (await call(s.contributor!, 'POST', `/api/letters/${d.id}/regenerate`, { version: 1 })).status,
    ).toBe(403);
  });

  it('makes an edited section generated again once the data says the same', async () => {
    testData.current = structuredClone(initial);
    let d = (await create(s.coordinator!)).body;
    d = (
      await call<WorkspaceDocument>(s.coordinator!, 'PATCH', sectionUrl(d.id, 'system'), {
        blocks: [paragraph('Er zijn tien verdragen.')],
        version: sectionOf(d, 'system').version,
      })
    ).body;
    expect(sectionOf(d, 'system').origin).toBe('edited');
    testData.current.sections[1] = generatedSection(
      'system',
      'Het systeem van rapporteren',
      'Er zijn tien verdragen.',
    );
    const res = await call<RegenerateResult>(s.coordinator!, 'POST', `/api/letters/${d.id}/regenerate`, {
      version: d.version,
    });
    expect(res.body.changes.find((c) => c.key === 'system')).toMatchObject({
      status: 'changed',
      outcome: 'replaced',
    });
    expect(sectionOf(res.body.document, 'system')).toMatchObject({ origin: 'generated' });
  });

  it('keeps an edited frame', async () => {
    testData.current = structuredClone(initial);
    const d = (await create(s.coordinator!)).body;
    const frame = { ...d.frame, subject: 'Een eigen onderwerp' };
    const edited = await call<WorkspaceDocument>(s.coordinator!, 'PATCH', `/api/letters/${d.id}/frame`, {
      frame,
      version: d.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ frameEdited: true, frame: { subject: 'Een eigen onderwerp' } });
    const wrong = await call(s.coordinator!, 'PATCH', `/api/letters/${d.id}/frame`, {
      frame: {
        kind: 'memo',
        fields: { to: ['A'], from: ['B'], date: '2026-01-01' },
        purpose: 'decision',
        title: 'T',
      },
      version: edited.body.version,
    });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'letter.frame_kind']);
    const res = await call<RegenerateResult>(s.coordinator!, 'POST', `/api/letters/${d.id}/regenerate`, {
      version: edited.body.version,
    });
    expect(res.body.frame).toBe('kept');
    expect(res.body.document.frame).toMatchObject({ subject: 'Een eigen onderwerp' });
  });
});

describe('versions', () => {
  it('lists every saved version with who and when, and compares two side by side', async () => {
    testData.current = structuredClone(initial);
    const d = (await create(s.coordinator!)).body;
    const edited = await call<WorkspaceDocument>(s.contributor!, 'PATCH', sectionUrl(d.id, 'system'), {
      heading: 'Het systeem van rapporteren in 2025',
      blocks: [
        paragraph('Er zijn tien verdragen.'),
        { type: 'numbered', items: ['Eerste punt', 'Tweede punt'] },
      ],
      version: sectionOf(d, 'system').version,
    });
    expect(edited.status).toBe(200);
    const list = await versions(d.id);
    expect(list.map((v) => [v.number, v.savedBy?.name, v.state])).toEqual([
      [2, 'contributor BZK', 'draft'],
      [1, 'coordinator BZK', 'draft'],
    ]);
    expect(list[0]!.note).toContain('Het systeem van rapporteren in 2025');
    expect(Date.parse(list[0]!.savedAt)).not.toBeNaN();
    const v1 = await call<VersionDetail>(s.observer!, 'GET', `/api/letters/${d.id}/versions/1`);
    expect(sectionOf(v1.body as never, 'system')).toMatchObject({ heading: 'Het systeem van rapporteren' });
    const cmp = await call<Comparison>(s.observer!, 'GET', `/api/letters/${d.id}/compare?from=1&to=2`);
    expect(cmp.status).toBe(200);
    const system = cmp.body.sections.find((x) => x.key === 'system')!;
    expect(system).toEqual({
      key: 'system',
      from: { heading: 'Het systeem van rapporteren', text: 'Er zijn negen verdragen.' },
      to: {
        heading: 'Het systeem van rapporteren in 2025',
        text: 'Er zijn tien verdragen.\n\n1. Eerste punt\n2. Tweede punt',
      },
      differs: true,
    });
    expect(cmp.body.sections.filter((x) => x.differs).map((x) => x.key)).toEqual(['system']);
    expect(cmp.body).toMatchObject({ titleDiffers: false, frameDiffers: false });
    const missing = await call(s.observer!, 'GET', `/api/letters/${d.id}/compare?from=1&to=9`);
    expect([missing.status, missing.body.code]).toEqual([404, 'letter.version_not_found']);
  });
});
