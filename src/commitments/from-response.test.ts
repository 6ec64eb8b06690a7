import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { ResponsePoints } from './from-response-schema.ts';
import type { Commitment } from './schema.ts';

/**
 * The points of a cabinet response registered as commitments: the sections and their parts are read
 * from the workspace document, a coordinator registers one (its text edited) for a ministry, linked to
 * the recommendation its section answers and to the report; it is marked on the document; bad input
 * (no ministry, an unknown section or part, a point registered twice, a document that is no response)
 * is refused at its field and nothing is saved.
 */
let t: TestApp;
let bz: Session;
let vws: Session;
let observer: Session;
let org: Record<string, string>;
let recId: string;
let reportId: string;
let responseId: string;
let letterId: string;
const recKey = () => `recommendation:${recId}`;

async function outgoing(kind: string, params: object) {
  return (
    await t.db.query<{ id: string }>(
      `insert into outgoing_documents (kind, title, params, frame, owner_organisation_id)
       values ($1, $2, $3, '{"kind":"letter","addressee":["Tweede Kamer"],"subject":"Reactie"}', $4) returning id`,
      [kind, `Kabinetsreactie ${kind}`, JSON.stringify({ kind, ...params }), org.BZ],
    )
  ).rows[0]!.id;
}

async function section(doc: string, key: string, position: number, heading: string, blocks: object[]) {
  await t.db.query(
    `insert into outgoing_sections (document_id, key, position, heading, blocks, origin, generated)
     values ($1, $2, $3, $4, $5, 'generated', '{}')`,
    [doc, key, position, heading, JSON.stringify(blocks)],
  );
}

beforeAll(async () => {
  t = await testApp();
  [bz, vws, observer] = [
    await t.as('coordinator', 'BZ'),
    await t.as('coordinator', 'VWS'),
    await t.as('observer'),
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
       values ('treaty_body', 'CCPR', 'Netherlands', 'Report yearly on human rights', 'response-points') returning id`,
    )
  ).rows[0]!.id;
  reportId = (
    await t.db.query<{ id: string }>(
      `insert into documents (title, kind, date) values ('Advies 122', 'advisory_report', '2022-06-01') returning id`,
    )
  ).rows[0]!.id;
  responseId = await outgoing('advisory_response', { document: reportId });
  await section(responseId, 'intro', 1, 'Inleiding', [{ type: 'paragraph', text: 'Hierbij de reactie.' }]);
  await section(responseId, recKey(), 2, 'Aanbeveling 1 – Rapporteer jaarlijks', [
    { type: 'paragraph', text: 'Het kabinet neemt de aanbeveling over.' },
    {
      type: 'bullets',
      items: ['Het kabinet stuurt jaarlijks een brief.', 'Het kabinet raadpleegt het CRM.'],
    },
  ]);
  letterId = await outgoing('annual_letter', { year: 2031 });
  await section(letterId, 'intro', 1, 'Inleiding', [{ type: 'paragraph', text: 'Jaarbrief.' }]);
});
afterAll(() => t?.close());

const count = async () =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from commitments`)).rows[0]!.n;
const points = async (who: Session, id = responseId) =>
  (await t.call(who, 'GET', `/api/letters/${id}/response-points`)).json() as ResponsePoints;
const register = (who: Session, body: object, id = responseId) =>
  t.call(who, 'POST', `/api/letters/${id}/response-points`, {
    sectionKey: recKey(),
    part: 1,
    text: 'Het kabinet stuurt jaarlijks een brief aan de Kamer.',
    organisationId: org.BZ,
    ...body,
  });

describe('points of a cabinet response', () => {
  it('reads the sections with their paragraphs and items, and what the reader may do', async () => {
    const p = await points(bz);
    expect(p.isResponse).toBe(true);
    expect(p.abilities.register).toBe(true);
    const rec = p.sections.find((s) => s.key === recKey())!;
    expect(rec.recommendation?.id).toBe(recId);
    expect(rec.parts.map((x) => [x.part, x.type, x.text])).toEqual([
      [0, 'paragraph', 'Het kabinet neemt de aanbeveling over.'],
      [1, 'item', 'Het kabinet stuurt jaarlijks een brief.'],
      [2, 'item', 'Het kabinet raadpleegt het CRM.'],
    ]);
    expect(rec.text).toContain('- Het kabinet raadpleegt het CRM.');
    expect((await points(observer)).abilities.register).toBe(false);
    const letter = await points(bz, letterId);
    expect(letter.isResponse).toBe(false);
    expect(letter.sections).toEqual([]);
  });

  it('a coordinator registers an item as a commitment, linked and marked on the document, audited', async () => {
    const res = await register(bz, { dueOn: '2031-01-31' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Commitment;
    expect(c.kind).toBe('cabinet_response_point');
    expect(c.text).toBe('Het kabinet stuurt jaarlijks een brief aan de Kamer.');
    expect(c.organisation.code).toBe('BZ');
    expect(c.dueOn).toBe('2031-01-31');
    expect(c.recommendations.map((r) => r.id)).toEqual([recId]);
    expect(c.documents.map((d) => d.id)).toEqual([reportId]);
    expect(c.responseSource).toEqual({
      documentId: responseId,
      title: 'Kabinetsreactie advisory_response',
      sectionKey: recKey(),
      heading: 'Aanbeveling 1 – Rapporteer jaarlijks',
      part: 1,
    });
    const row = (
      await t.db.query<{ source_outgoing_id: string; source_section_key: string; source_part: number }>(
        'select source_outgoing_id, source_section_key, source_part from commitments where id = $1',
        [c.id],
      )
    ).rows[0]!;
    expect(row).toEqual({ source_outgoing_id: responseId, source_section_key: recKey(), source_part: 1 });
    const audit = await t.db.query(
      `select 1 from audit_events where entity_type = 'commitment' and entity_id = $1 and action = 'create'`,
      [c.id],
    );
    expect(audit.rows).toHaveLength(1);
    const marked = (await points(observer)).sections.find((s) => s.key === recKey())!.points;
    expect(marked).toMatchObject([{ commitmentId: c.id, part: 1, status: 'open' }]);
  });

  it('registers a whole section too, without a recommendation when the section answers none', async () => {
    const res = await register(bz, { sectionKey: 'intro', part: null, text: 'Hierbij de reactie.' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Commitment;
    expect(c.recommendations).toEqual([]);
    expect((await points(bz)).sections.find((s) => s.key === 'intro')!.points[0]!.part).toBeNull();
  });

  it('refuses bad input at its field and saves nothing', async () => {
    const before = await count();
    const cases: [object, number, string, string?][] = [
      [{ organisationId: undefined }, 400, 'body.organisationId'],
      [{ text: '  ' }, 400, 'body.text'],
      [{ part: 7 }, 400, 'body.part', 'commitment.part_unknown'],
      [{ sectionKey: 'nothing' }, 400, 'body.sectionKey', 'commitment.section_unknown'],
      [{ dueOn: '2031-02-30' }, 400, 'body.dueOn'],
    ];
    for (const [body, status, field, code] of cases) {
      const res = await register(bz, { part: 2, ...body });
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
      const p = res.json() as { code: string; errors?: { path: string }[] };
      expect(JSON.stringify(p), JSON.stringify(body)).toContain(field);
      if (code) expect(p.code).toBe(code);
    }
    const twice = await register(bz, {});
    expect(twice.statusCode).toBe(409);
    expect((twice.json() as { code: string }).code).toBe('commitment.point_registered');
    const notResponse = await register(bz, { sectionKey: 'intro', part: null }, letterId);
    expect(notResponse.statusCode).toBe(400);
    expect((notResponse.json() as { code: string }).code).toBe('commitment.not_a_response');
    expect(await count()).toBe(before);
  });

  it('only a coordinator of the responsible ministry (or BZK) registers a point for it', async () => {
    const before = await count();
    const other = await register(vws, { part: 2 });
    expect(other.statusCode).toBe(403);
    expect((other.json() as { code: string }).code).toBe('commitment.edit_forbidden');
    expect((await register(observer, { part: 2 })).statusCode).toBe(403);
    expect(await count()).toBe(before);
    const own = await register(vws, { part: 2, organisationId: org.VWS });
    expect(own.statusCode, own.body).toBe(201);
  });
});
