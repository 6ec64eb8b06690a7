import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';

let t: TestApp;
let cat: string; // lead JenV, coordinated by BZK
let crc: string; // lead VWS, coordinated by BZK
beforeAll(async () => {
  t = await testApp();
  const id = async (code: string) =>
    (await t.db.query<{ id: string }>('select id from instruments where code = $1', [code])).rows[0]!.id;
  cat = await id('CAT');
  crc = await id('CRC');
});
afterAll(() => t?.close());

interface Doc {
  id: string;
  version: number;
  instrumentId: string | null;
  public: boolean;
  createdBy: string | null;
  abilities: { edit: boolean; publish: boolean };
}

async function draft(s: Session, instrumentId: string | null, title = 'Concept reply'): Promise<Doc> {
  const res = await t.call(s, 'POST', '/api/documents', {
    title,
    kind: 'replies',
    public: false,
    instrumentId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Doc;
}

const stored = async (id: string) =>
  (
    await t.db.query<{ instrument_id: string | null; public: boolean; version: number }>(
      'select instrument_id, public, version from documents where id = $1',
      [id],
    )
  ).rows[0]!;

describe('moving and publishing a document needs the right on both instruments', () => {
  it("a VWS coordinator cannot move a JenV contributor's internal draft to a VWS instrument and publish it", async () => {
    const contributor = await t.as('contributor', 'JenV');
    const vws = await t.as('coordinator', 'VWS');
    const doc = await draft(contributor, cat);
    expect(doc.createdBy).toBe(contributor.userId);

    const res = await t.call(vws, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      instrumentId: crc,
      public: true,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: 'document.edit_forbidden', params: { instrument: 'CAT' } });
    expect(await stored(doc.id)).toEqual({ instrument_id: cat, public: false, version: 1 });

    // Nor only move it, nor only publish it where it is.
    for (const change of [{ instrumentId: crc }, { public: true }, { title: 'Renamed' }]) {
      const r = await t.call(vws, 'PATCH', `/api/documents/${doc.id}`, { version: doc.version, ...change });
      expect(r.statusCode, JSON.stringify(change)).toBe(403);
    }
    expect(await stored(doc.id)).toEqual({ instrument_id: cat, public: false, version: 1 });
    // What the VWS coordinator sees says so.
    const seen = (await t.call(vws, 'GET', `/api/documents/${doc.id}`)).json() as Doc;
    expect(seen.abilities).toEqual({ edit: false, publish: false });
  });

  it('a coordinator with the right on the current instrument only cannot move it away', async () => {
    const contributor = await t.as('contributor', 'JenV');
    const jenv = await t.as('coordinator', 'JenV');
    const doc = await draft(contributor, cat);
    const moved = await t.call(jenv, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      instrumentId: crc,
    });
    expect(moved.statusCode).toBe(403);
    expect(moved.json()).toMatchObject({ code: 'document.move_forbidden', params: { instrument: 'CRC' } });
    // Publishing where it is, is theirs to do.
    const seen = (await t.call(jenv, 'GET', `/api/documents/${doc.id}`)).json() as Doc;
    expect(seen.abilities).toEqual({ edit: true, publish: true });
    const published = await t.call(jenv, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      public: true,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ public: true, instrumentId: cat });
  });

  it('the coordinating ministry and administrators may move and publish between instruments', async () => {
    const contributor = await t.as('contributor', 'JenV');
    const bzk = await t.as('coordinator', 'BZK');
    const admin = await t.as('admin');
    const doc = await draft(contributor, cat);
    const moved = await t.call(bzk, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      instrumentId: crc,
      public: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      instrumentId: crc,
      public: true,
      abilities: { edit: true, publish: true },
    });
    const back = await t.call(admin, 'PATCH', `/api/documents/${doc.id}`, {
      version: moved.json().version,
      instrumentId: null,
    });
    expect(back.statusCode, back.body).toBe(200);
    // A document of no instrument is an administrator's only.
    const none = (await t.call(bzk, 'GET', `/api/documents/${doc.id}`)).json() as Doc;
    expect(none.abilities).toEqual({ edit: false, publish: false });
    const refused = await t.call(bzk, 'PATCH', `/api/documents/${doc.id}`, {
      version: back.json().version,
      instrumentId: cat,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('document.no_instrument');
  });

  it('moving to another cycle counts as moving to its instrument', async () => {
    const jenv = await t.as('coordinator', 'JenV');
    const crcCycle = (
      await t.db.query<{ id: string }>('select id from cycles where instrument_id = $1 limit 1', [crc])
    ).rows[0]!.id;
    const created = await t.call(jenv, 'POST', '/api/documents', {
      title: 'Note',
      kind: 'memo',
      instrumentId: cat,
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.call(jenv, 'PATCH', `/api/documents/${created.json().id}`, {
      version: created.json().version,
      instrumentId: null,
      cycleId: crcCycle,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'document.move_forbidden', params: { instrument: 'CRC' } });
    const filed = await t.call(jenv, 'POST', '/api/documents', {
      title: 'Elsewhere',
      kind: 'memo',
      cycleId: crcCycle,
    });
    expect(filed.statusCode).toBe(403);
    expect(filed.json().code).toBe('document.move_forbidden');
  });
});

describe('contributors edit only their own drafts and never publish', () => {
  it('edits and moves an own draft, but cannot publish it', async () => {
    const contributor = await t.as('contributor', 'JenV');
    const doc = await draft(contributor, cat);
    expect(doc.abilities).toEqual({ edit: true, publish: false });
    const edited = await t.call(contributor, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'Better title',
      instrumentId: crc,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Better title', instrumentId: crc, public: false });
    const published = await t.call(contributor, 'PATCH', `/api/documents/${doc.id}`, {
      version: edited.json().version,
      public: true,
    });
    expect(published.statusCode).toBe(403);
    expect(published.json().code).toBe('document.contributor_public');
    expect((await stored(doc.id)).public).toBe(false);
  });

  it("cannot edit another contributor's draft, nor a document a coordinator filed", async () => {
    const mine = await t.as('contributor', 'JenV');
    const other = await t.as('contributor', 'VWS');
    const coordinator = await t.as('coordinator', 'JenV');
    const doc = await draft(mine, cat);
    const seen = (await t.call(other, 'GET', `/api/documents/${doc.id}`)).json() as Doc;
    expect(seen.abilities).toEqual({ edit: false, publish: false });
    const res = await t.call(other, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'Mine now',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('document.contributor_not_own');

    const internal = await draft(coordinator, cat, 'Internal note of the coordinator');
    const res2 = await t.call(mine, 'PATCH', `/api/documents/${internal.id}`, {
      version: internal.version,
      title: 'Changed',
    });
    expect(res2.statusCode).toBe(403);
    expect(res2.json().code).toBe('document.contributor_not_own');

    // Once published, the draft is no longer the contributor's to edit.
    const pub = await t.call(coordinator, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      public: true,
    });
    expect(pub.statusCode).toBe(200);
    const after = await t.call(mine, 'PATCH', `/api/documents/${doc.id}`, {
      version: pub.json().version,
      title: 'Still mine?',
    });
    expect(after.statusCode).toBe(403);
  });

  it('documents filed before authors were recorded belong to no contributor', async () => {
    const contributor = await t.as('contributor', 'JenV');
    const doc = await draft(contributor, cat);
    await t.db.query('update documents set created_by = null where id = $1', [doc.id]);
    const res = await t.call(contributor, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'x',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('document responses', () => {
  it('carry abilities in lists: none for the public and observers', async () => {
    const coordinator = await t.as('coordinator', 'JenV');
    const created = await t.call(coordinator, 'POST', '/api/documents', {
      title: 'Public report',
      kind: 'state_report',
      instrumentId: cat,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const find = async (s: Session | null) =>
      (
        (await t.call(s, 'GET', `/api/documents?instrumentId=${cat}&pageSize=500`)).json().items as Doc[]
      ).find((d) => d.id === id);
    expect((await find(null))?.abilities).toEqual({ edit: false, publish: false });
    expect((await find(await t.as('observer')))?.abilities).toEqual({ edit: false, publish: false });
    expect((await find(coordinator))?.abilities).toEqual({ edit: true, publish: true });
    expect((await find(await t.as('admin')))?.abilities).toEqual({ edit: true, publish: true });
  });

  it('refuses a stale edit and names unknown cycles and instruments', async () => {
    const admin = await t.as('admin');
    const doc = await draft(admin, cat);
    const ok = await t.call(admin, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'One',
    });
    expect(ok.statusCode).toBe(200);
    const stale = await t.call(admin, 'PATCH', `/api/documents/${doc.id}`, {
      version: doc.version,
      title: 'Two',
    });
    expect(stale.statusCode).toBe(409);
    const missing = '00000000-0000-4000-8000-000000000001';
    const noCycle = await t.call(admin, 'POST', '/api/documents', {
      title: 'x',
      kind: 'other',
      cycleId: missing,
    });
    expect(noCycle.statusCode).toBe(400);
    expect(noCycle.json()).toMatchObject({ code: 'document.cycle_unknown', params: { id: missing } });
    const noInstrument = await t.call(admin, 'POST', '/api/documents', {
      title: 'x',
      kind: 'other',
      instrumentId: missing,
    });
    expect(noInstrument.statusCode).toBe(400);
    expect(noInstrument.json().code).toBe('document.instrument_unknown');
    const crcCycle = (
      await t.db.query<{ id: string }>('select id from cycles where instrument_id = $1 limit 1', [crc])
    ).rows[0]!.id;
    const mismatch = await t.call(admin, 'POST', '/api/documents', {
      title: 'x',
      kind: 'other',
      instrumentId: cat,
      cycleId: crcCycle,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().code).toBe('document.cycle_mismatch');
  });
});
