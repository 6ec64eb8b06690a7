import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../recommendations/schema.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { docxAsText, sofficePresent } from '../test/libreoffice.ts';
import { UPR_INFO, uprInfoPresent } from '../test/upr-info.ts';
import type { WorkspaceDocument } from './workspace-schema.ts';

/**
 * The documents for parliament made through the API from real data, as a coordinator would: the
 * Dutch reference data, the UPR Info extract and the UPR report of 2008 on the Netherlands, the
 * cabinet response to AIV advice 122 imported with the document importer, and positions recorded.
 * From these the workspace generates the annual letter for 2025 (its overview table and a part per
 * treaty), a memo that accompanies it, the covering letter to the Eerste Kamer, the cabinet response
 * to the AIV advice and the UPR addendum of the first cycle; each is a .docx LibreOffice reads.
 */
const AIV = path.resolve('../shared/seeds/kabinetsreactie-aiv-advies-122.txt');
const UPR_2008 = path.resolve('../shared/data/un-documents/A-HRC-8-31-netherlands-upr-2008.txt');
const present =
  uprInfoPresent('the documents for parliament from real data') &&
  fs.existsSync(AIV) &&
  fs.existsSync(UPR_2008);

let t: TestApp;
let s: Session;
const made: Record<string, WorkspaceDocument> = {};

async function importFile(file: string, query: string): Promise<ImportSummary> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/imports/${query}`,
    payload: fs.readFileSync(file),
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportSummary;
}

async function create(params: object): Promise<WorkspaceDocument> {
  const res = await t.call(s, 'POST', '/api/letters', { params });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as WorkspaceDocument;
}

const record = async (id: string, position: string, explanation: string) => {
  const res = await t.call(s, 'PATCH', `/api/recommendations/${id}/position`, {
    position,
    explanation,
    version: null,
  });
  expect(res.statusCode, res.body).toBe(200);
};

const sectionText = (d: WorkspaceDocument) =>
  d.sections
    .map((x) =>
      [
        x.heading,
        ...x.blocks.map((b) =>
          b.type === 'paragraph' ? b.text : b.type === 'table' ? b.rows.flat().join(' ') : b.items.join(' '),
        ),
      ].join('\n'),
    )
    .join('\n');

beforeAll(async () => {
  if (!present) return;
  t = await testApp();
  s = await t.as('coordinator');
  const name = path.basename(UPR_INFO);
  await importFile(UPR_INFO, `upr-info?fileName=${name}`);
  await importFile(UPR_2008, 'document?fileName=A-HRC-8-31.txt');
  const aiv = await importFile(AIV, 'document?fileName=aiv-advies-122.txt&documentKind=advisory');
  expect(aiv.created).toBeGreaterThan(5);
  // Positions recorded: two of the 2008 UPR and the first of the AIV advice.
  const upr = await t.db.query<{ id: string }>(
    `select r.id from recommendations r join cycles c on c.id = r.cycle_id
      where r.mechanism = 'upr' and r.state_under_review = 'Netherlands' and c.sequence = 1
      order by r.paragraph nulls last, r.id limit 2`,
  );
  await record(upr.rows[0]!.id, 'supported', 'Wordt uitgevoerd in het nationale actieplan.');
  await record(upr.rows[1]!.id, 'noted', 'Het kabinet acht dit niet nodig.');
  const first = await t.db.query<{ id: string }>(
    "select id from recommendations where mechanism = 'advisory_council' and paragraph = 'Aanbeveling 1'",
  );
  await record(first.rows[0]!.id, 'agrees', 'Het kabinet neemt de aanbeveling over.');
}, 300_000);
afterAll(() => t?.close());

describe.skipIf(!present)('the documents for parliament from real data', () => {
  it('the annual letter for 2025: the overview table per treaty and a part per treaty', async () => {
    made.letter = await create({ kind: 'annual_letter', year: 2025 });
    const keys = made.letter.sections.map((x) => x.key);
    expect(keys).toContain('system');
    expect(keys.filter((k) => k.startsWith('treaty:')).length).toBeGreaterThan(0);
    const system = made.letter.sections.find((x) => x.key === 'system')!;
    const table = system.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBeGreaterThanOrEqual(7);
  });

  it('a memo accompanying it and the covering letter to the Eerste Kamer', async () => {
    made.memo = await create({
      kind: 'memo',
      fields: { to: ['Minister van BZK'], from: ['DGDOB'], date: '2026-02-06' },
      purpose: 'decision',
      title: 'Kabinetsbrief over rapportages onder mensenrechtenverdragen',
      aanleiding: 'Het netwerk van verdragscoördinatoren stelde de kabinetsbrief op.',
      kern: 'De brief geeft een overzicht van de rapportages in 2025.',
      accompanies: made.letter!.id,
    });
    expect(made.memo.frame.kind === 'memo' && made.memo.frame.attachments[0]?.name).toBeTruthy();
    made.cover = await create({ kind: 'cover_letter', document: made.letter!.id });
    expect(made.cover.frame.kind === 'letter' && made.cover.frame.addressee.join(' ')).toContain(
      'Eerste Kamer',
    );
  });

  it('the cabinet response to the AIV advice, from its imported recommendations and the recorded position', async () => {
    const doc = await t.db.query<{ id: string }>("select id from documents where kind = 'advisory_report'");
    expect(doc.rows).toHaveLength(1);
    made.advisory = await create({ kind: 'advisory_response', document: doc.rows[0]!.id });
    const text = sectionText(made.advisory);
    expect(text).toMatch(/Aanbeveling 1 – /);
    expect(text).toContain('Het kabinet neemt de aanbeveling over.');
    expect(text).toContain('[Reactie nog niet vastgesteld]');
  });

  it('the UPR addendum of the first cycle, in English, supported and noted with their explanations', async () => {
    const cycle = await t.db.query<{ id: string }>(
      "select c.id from cycles c join instruments i on i.id = c.instrument_id where i.code = 'UPR' and c.sequence = 1",
    );
    made.addendum = await create({ kind: 'upr_addendum', cycle: cycle.rows[0]!.id });
    expect(made.addendum.language).toBe('en');
    const text = sectionText(made.addendum);
    expect(text).toContain('Wordt uitgevoerd in het nationale actieplan.');
    expect(text).toContain('Het kabinet acht dit niet nodig.');
  });

  it.skipIf(!sofficePresent('the LibreOffice check of the documents for parliament'))(
    'each is a .docx that LibreOffice reads',
    async () => {
      for (const [kind, d] of Object.entries(made)) {
        const res = await t.call(s, 'GET', `/api/letters/${d.id}/docx`);
        expect(res.statusCode, kind).toBe(200);
        const text = docxAsText(res.rawPayload);
        for (const x of d.sections) expect(text, kind).toContain(x.heading);
      }
      const letter = docxAsText((await t.call(s, 'GET', `/api/letters/${made.letter!.id}/docx`)).rawPayload);
      expect(letter).toContain('Tweede Kamer');
    },
    300_000,
  );
});
