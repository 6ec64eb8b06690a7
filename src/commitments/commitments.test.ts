import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Commitment, CommitmentSummary } from './schema.ts';

/**
 * The register of commitments through the API: a citation is parsed or refused at its field, the
 * responsible ministry's coordinators edit and the others only read, "done" needs its evidence, a
 * stale edit is refused, links, filters and the overdue view; every write leaves an audit row.
 */
let t: TestApp;
let bz: Session;
let vws: Session;
let bzContributor: Session;
let observer: Session;
let bzk: Session;
let org: Record<string, string>;
let recId: string;
let docId: string;

beforeAll(async () => {
  t = await testApp();
  [bz, vws, bzContributor, observer, bzk] = [
    await t.as('coordinator', 'BZ'),
    await t.as('coordinator', 'VWS'),
    await t.as('contributor', 'BZ'),
    await t.as('observer'),
    await t.as('coordinator', 'BZK'),
  ];
  org = Object.fromEntries(
    (await t.db.query<{ code: string; id: string }>('select code, id from organisations')).rows.map((r) => [
      r.code,
      r.id,
    ]),
  );
  recId = (
    await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, text, fingerprint)
       values ('treaty_body', 'CCPR', 'Netherlands', 'Protect freedom of the press', 'commitments-test') returning id`,
    )
  ).rows[0]!.id;
  docId = (
    await t.db.query<{ id: string }>(
      `insert into documents (title, kind, date) values ('Kamerbrief inzet Mensenrechtenraad', 'letter_to_parliament', '2020-02-14') returning id`,
    )
  ).rows[0]!.id;
});
afterAll(() => t?.close());

const count = async () =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from commitments')).rows[0]!.n;
const audits = async (id: string) =>
  (
    await t.db.query<{ action: string }>(
      `select action from audit_events where entity_type = 'commitment' and entity_id = $1 order by id`,
      [id],
    )
  ).rows.map((r) => r.action);

async function create(as: Session, body: object) {
  return t.call(as, 'POST', '/api/commitments', {
    kind: 'motie',
    text: 'Verzoekt de regering persvrijheid als speerpunt in de VN-Mensenrechtenraad te nemen',
    citation: 'Kamerstukken II 2019/20, 35 300 V, nr. 33',
    organisationId: org.BZ,
    madeOn: '2019-11-14',
    ...body,
  });
}

describe('commitments', () => {
  it('a coordinator of the responsible ministry registers a motion with its parsed citation, audited', async () => {
    const res = await create(bz, { recommendationIds: [recId] });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Commitment;
    expect(c.citation).toBe('Kamerstukken II 2019/20, 35 300 V, nr. 33');
    expect(c.source).toEqual({
      type: 'kamerstuk',
      dossier: 35300,
      toevoeging: 'V',
      ondernummer: 33,
      kamer: 'II',
      vergaderjaar: '2019-2020',
      handelingenNr: null,
      handelingenItem: null,
    });
    expect(c.status).toBe('open');
    expect(c.organisation.code).toBe('BZ');
    expect(c.recommendations.map((r) => r.id)).toEqual([recId]);
    expect(c.abilities).toEqual({ edit: true, setStatus: true, link: true });
    expect(await audits(c.id)).toEqual(['create', 'update']);
  });

  it('a Handelingen citation is stored with its parts', async () => {
    const res = await create(bz, { kind: 'toezegging', citation: 'Handelingen II 2019/20, nr. 24, item 24' });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Commitment).source).toMatchObject({
      type: 'handelingen',
      kamer: 'II',
      handelingenNr: 24,
      handelingenItem: 24,
    });
  });

  it('a citation that does not parse is refused at its field with the reason, nothing saved', async () => {
    const before = await count();
    const res = await create(bz, { citation: 'Kamerstuk 35 300 V' });
    expect(res.statusCode).toBe(400);
    const p = res.json() as { code: string; params: { problem: string }; errors: { path: string }[] };
    expect(p.code).toBe('commitment.citation_invalid');
    expect(p.params.problem).toBe('nr_missing');
    expect(p.errors[0]!.path).toBe('body.citation');
    expect(await count()).toBe(before);
  });

  it('a motion or toezegging needs a citation; a pledge does not', async () => {
    const res = await create(bz, { citation: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('commitment.citation_required');
    const pledge = await create(bz, {
      kind: 'pledge',
      citation: null,
      text: 'Pledge: reach out to all regions',
    });
    expect(pledge.statusCode, pledge.body).toBe(201);
  });

  it('a commitment without a responsible ministry is refused, nothing saved', async () => {
    const before = await count();
    const res = await t.call(bz, 'POST', '/api/commitments', { kind: 'pledge', text: 'Zonder ministerie' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.some((e: { path: string }) => e.path === 'body.organisationId')).toBe(true);
    expect(await count()).toBe(before);
  });

  it("another ministry's coordinator, a contributor and an observer may not write; they read", async () => {
    const c = (await create(bz, {})).json() as Commitment;
    const res = await create(vws, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('commitment.edit_forbidden');
    const patch = await t.call(vws, 'PATCH', `/api/commitments/${c.id}`, { text: 'x', version: c.version });
    expect(patch.statusCode).toBe(403);
    expect(
      (await t.call(bzContributor, 'PATCH', `/api/commitments/${c.id}`, { text: 'x', version: 1 }))
        .statusCode,
    ).toBe(403);
    for (const s of [vws, bzContributor, observer]) {
      const got = await t.call(s, 'GET', `/api/commitments/${c.id}`);
      expect(got.statusCode).toBe(200);
      expect((got.json() as Commitment).abilities.edit).toBe(false);
    }
    expect((await t.call(null, 'GET', '/api/commitments')).statusCode).toBe(401);
    const after = (await t.call(bz, 'GET', `/api/commitments/${c.id}`)).json() as Commitment;
    expect(after.version).toBe(c.version);
    // The coordinating ministry may edit any.
    expect(
      (await t.call(bzk, 'PATCH', `/api/commitments/${c.id}`, { dueOn: '2030-01-01', version: c.version }))
        .statusCode,
    ).toBe(200);
  });

  it('an edit with a stale version is refused with 409', async () => {
    const c = (await create(bz, {})).json() as Commitment;
    const ok = await t.call(bz, 'PATCH', `/api/commitments/${c.id}`, {
      citation: 'kst-35300-V-35',
      version: c.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Commitment).citation).toBe('Kamerstuk 35 300 V, nr. 35');
    const stale = await t.call(bz, 'PATCH', `/api/commitments/${c.id}`, { text: 'Oud', version: c.version });
    expect(stale.statusCode).toBe(409);
    const bad = await t.call(bz, 'PATCH', `/api/commitments/${c.id}`, {
      citation: 'Kamerstuk nr. 3',
      version: c.version + 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().params.problem).toBe('dossier_missing');
  });

  it('done needs evidence; with a document it is done, and the evidence is shown', async () => {
    const c = (await create(bz, {})).json() as Commitment;
    const none = await t.call(bz, 'POST', `/api/commitments/${c.id}/status`, {
      status: 'done',
      version: c.version,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('commitment.evidence_required');
    const unknown = await t.call(bz, 'POST', `/api/commitments/${c.id}/status`, {
      status: 'done',
      evidenceDocumentId: '00000000-0000-4000-8000-000000000000',
      version: c.version,
    });
    expect(unknown.statusCode).toBe(400);
    const done = await t.call(bz, 'POST', `/api/commitments/${c.id}/status`, {
      status: 'done',
      evidenceDocumentId: docId,
      note: 'Afgedaan met de Kamerbrief',
      version: c.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json() as Commitment;
    expect(d.status).toBe('done');
    expect(d.evidence.document).toEqual({ id: docId, title: 'Kamerbrief inzet Mensenrechtenraad' });
    const forbidden = await t.call(vws, 'POST', `/api/commitments/${c.id}/status`, {
      status: 'open',
      version: d.version,
    });
    expect(forbidden.statusCode).toBe(403);
    const cited = (await create(bz, {})).json() as Commitment;
    const byCitation = await t.call(bz, 'POST', `/api/commitments/${cited.id}/status`, {
      status: 'done',
      evidenceCitation: 'Kamerstuk 32 735, nr. 300',
      version: cited.version,
    });
    expect((byCitation.json() as Commitment).evidence.citation).toBe('Kamerstuk 32 735, nr. 300');
  });

  it('links and unlinks recommendations and documents, each audited', async () => {
    const c = (await create(bz, {})).json() as Commitment;
    const linked = await t.call(bz, 'POST', `/api/commitments/${c.id}/links`, {
      kind: 'document',
      targetId: docId,
      version: c.version,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const l = linked.json() as Commitment;
    expect(l.documents.map((d) => d.id)).toEqual([docId]);
    const missing = await t.call(bz, 'POST', `/api/commitments/${c.id}/links`, {
      kind: 'action',
      targetId: '00000000-0000-4000-8000-000000000000',
      version: l.version,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('commitment.link_unknown');
    const unlinked = await t.call(
      bz,
      'DELETE',
      `/api/commitments/${c.id}/links/document/${docId}?version=${l.version}`,
    );
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect((unlinked.json() as Commitment).documents).toEqual([]);
    expect(await audits(c.id)).toEqual(['create', 'update', 'update']);
  });

  it('lists with filters; overdue is what is still open after its due date', async () => {
    const late = (
      await create(bz, {
        text: 'Te laat: jaarlijkse brief',
        madeOn: '2020-01-01',
        dueOn: addDays(today(), -3),
      })
    ).json() as Commitment;
    const soon = (
      await create(bz, { text: 'Nog op tijd', madeOn: '2020-01-01', dueOn: addDays(today(), 10) })
    ).json() as Commitment;
    expect(late.overdue).toBe(true);
    expect(soon.overdue).toBe(false);
    const overdue = (await t.call(observer, 'GET', '/api/commitments?overdue=true')).json() as {
      items: CommitmentSummary[];
    };
    expect(overdue.items.map((i) => i.id)).toEqual([late.id]);
    const byText = (await t.call(observer, 'GET', '/api/commitments?q=jaarlijkse')).json() as {
      items: CommitmentSummary[];
    };
    expect(byText.items.map((i) => i.id)).toEqual([late.id]);
    const done = (await t.call(observer, 'GET', '/api/commitments?status=done')).json() as {
      items: CommitmentSummary[];
    };
    expect(done.items.every((i) => i.status === 'done')).toBe(true);
    expect(done.items.length).toBeGreaterThan(0);
    const pledges = (await t.call(observer, 'GET', '/api/commitments?kind=pledge')).json() as {
      items: CommitmentSummary[];
    };
    expect(pledges.items.map((i) => i.kind)).toEqual(['pledge']);
    const summary = (await t.call(observer, 'GET', '/api/commitments/overdue')).json() as {
      total: number;
      organisations: { code: string; count: number }[];
    };
    expect(summary).toMatchObject({ total: 1, organisations: [{ code: 'BZ', count: 1 }] });
    const vwsOnly = (await t.call(observer, 'GET', `/api/commitments?organisationId=${org.VWS}`)).json() as {
      total: number;
    };
    expect(vwsOnly.total).toBe(0);
  });
});
