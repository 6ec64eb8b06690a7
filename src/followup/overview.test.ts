import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { docxAsText, sofficePresent } from '../test/libreoffice.ts';
import { importNetherlandsUprInfo, uprInfoPresent } from '../test/upr-info.ts';

/**
 * The implementation overview of a UPR cycle: the UPR Info rows on the Netherlands are imported
 * (they link to the UPR cycles), one recommendation gets a position, a lead, a co-responsible
 * organisation and progress, and both files are read back.
 */
const present = uprInfoPresent('the implementation overview tests');

let t: TestApp;
let vws: Session;
let cycleId: string;
let year: number;
/** The recommendations of the cycle, in the order the overview must list them. */
let expected: { id: string; paragraph: string | null }[];
/** The recommendation that gets a position, responsibility and progress. */
let target: { id: string; paragraph: string };
let total: number;

/** Natural order: the numbers in a paragraph compare as numbers ("9" < "12", "98.2" < "98.10"). */
const numbers = (p: string | null) => (p ?? '').match(/\d+/g)?.map(Number) ?? [];
function natural(a: string | null, b: string | null): number {
  if ((a === null) !== (b === null)) return a === null ? 1 : -1;
  const x = numbers(a);
  const y = numbers(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const org = async (code: string) =>
  (await t.db.query<{ id: string }>('select id from organisations where code = $1', [code])).rows[0]!.id;

beforeAll(async () => {
  if (!present) return;
  t = await testApp();
  vws = await t.as('coordinator', 'VWS');
  const writer = await t.as('contributor', 'VWS');
  await importNetherlandsUprInfo(t.db);
  // The UPR cycle with the most recommendations.
  const c = await t.db.query<{ cycle_id: string; n: number; year: number }>(
    `select cycle_id, count(*)::int as n, max(year)::int as year from recommendations
      where cycle_id is not null group by cycle_id order by n desc limit 1`,
  );
  cycleId = c.rows[0]!.cycle_id;
  total = c.rows[0]!.n;
  // UPR Info gives no paragraphs; the UPR report would ("98.1"). Some are given here, in an order
  // where text order and natural order differ ("9" < "12" < "98.2" < "98.10"); the rest stay without.
  const ids = (
    await t.db.query<{ id: string }>('select id from recommendations where cycle_id = $1 order by id', [
      cycleId,
    ])
  ).rows.map((r) => r.id);
  const numbered = ids.slice(0, 40).map((id, i) => [id, i % 4 === 0 ? String(i + 5) : `98.${i}`]);
  await t.db.query(
    `update recommendations r set paragraph = v.p
       from unnest($1::uuid[], $2::text[]) as v(id, p) where r.id = v.id`,
    [numbered.map((n) => n[0]), numbered.map((n) => n[1])],
  );
  const rows = await t.db.query<{ id: string; paragraph: string | null }>(
    'select id, paragraph from recommendations where cycle_id = $1',
    [cycleId],
  );
  expected = rows.rows.sort((a, b) => natural(a.paragraph, b.paragraph));
  target = expected.find((r) => r.paragraph === '98.10') as typeof target;
  const phase = await t.db.query<{ y: number | null }>(
    `select extract(year from date)::int as y from cycle_phases
      where cycle_id = $1 and kind = 'upr_review' and date is not null`,
    [cycleId],
  );
  year = phase.rows[0]?.y ?? c.rows[0]!.year;

  await t.db.query(
    `update recommendations set lead_organisation_id = $2, text_nl = $3 where id = $1`,
    // A form feed, as a PDF's text may hold: XML does not allow it, the files carry a space.
    [target.id, await org('VWS'), 'Nederlandse tekst\fvan de aanbeveling'],
  );
  await t.db.query(
    `insert into recommendation_co_responsible (recommendation_id, organisation_id) values ($1, $2), ($1, $3)`,
    [target.id, await org('SZW'), await org('JenV')],
  );
  await t.db.query(
    `insert into recommendation_positions (id, position, appreciation) values ($1, 'supported', null)`,
    [target.id],
  );
  // Two approved updates (the later period counts) and a newer draft (never shown).
  await t.db.query(
    `insert into progress_updates (recommendation_id, status, text, period_end, state, created_by,
                                   approved_by, approved_at)
     values ($1, 'in_progress', 'Earlier approved progress', '2023-06-30', 'approved', $2, $3, now()),
            ($1, 'partially_implemented', 'Latest approved progress', '2024-12-31', 'approved', $2, $3, now()),
            ($1, 'implemented', 'A draft nobody approved', null, 'draft', $2, null, null)`,
    [target.id, writer.userId, vws.userId],
  );
});
afterAll(() => t?.close());

const get = (url: string, session: Session | null = vws) => t.call(session, 'GET', url);
const url = (format: string, lang?: string) =>
  `/api/cycles/${cycleId}/implementation-overview.${format}${lang ? `?lang=${lang}` : ''}`;

async function workbook(lang?: string) {
  const res = await get(url('xlsx', lang));
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { res, ws: wb.worksheets[0]! };
}

/** The cells of a worksheet row as text, by header. */
function rowByHeader(ws: ExcelJS.Worksheet, n: number): Record<string, string> {
  const header = ws.getRow(2).values as unknown[];
  const values = ws.getRow(n).values as unknown[];
  return Object.fromEntries(header.slice(1).map((h, i) => [String(h), String(values[i + 1] ?? '')]));
}

describe.skipIf(!present)('implementation overview', () => {
  it('lists every recommendation of the cycle in paragraph order in the .xlsx, with position, responsibility and the latest approved progress', async () => {
    const { res, ws } = await workbook();
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="uitvoeringsoverzicht-UPR-${year}.xlsx"`,
    );
    expect(total).toBeGreaterThan(50);
    expect(ws.rowCount).toBe(total + 2);
    expect(String(ws.getCell(1, 1).value)).toMatch(/^Uitvoeringsoverzicht .*\(UPR\)/);
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const headers = (ws.getRow(2).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Paragraaf',
      'Aanbeveling',
      'Aanbevelende staten',
      'Follow-up',
      'Standpunt',
      'Trekker',
      'Medeverantwoordelijk',
      'Status voortgang',
      'Datum voortgang',
      'Laatste goedgekeurde voortgang',
    ]);
    // No column of actions: there is no data for it yet.
    expect(headers.join(' ')).not.toMatch(/Maatregel/);

    const paragraphs = [];
    for (let n = 3; n <= ws.rowCount; n++) paragraphs.push(rowByHeader(ws, n)['Paragraaf']);
    expect(paragraphs).toEqual(expected.map((r) => r.paragraph ?? ''));

    const at = expected.findIndex((r) => r.id === target.id) + 3;
    expect(rowByHeader(ws, at)).toMatchObject({
      Paragraaf: target.paragraph,
      Aanbeveling: 'Nederlandse tekst van de aanbeveling',
      Standpunt: 'aanvaard',
      Trekker: 'VWS',
      Medeverantwoordelijk: 'JenV, SZW',
      'Status voortgang': 'gedeeltelijk uitgevoerd',
      'Datum voortgang': '31-12-2024',
      'Laatste goedgekeurde voortgang': 'Latest approved progress',
    });
    expect(rowByHeader(ws, at)['Aanbevelende staten']).not.toBe('');
    // Another recommendation has none of it.
    const other = rowByHeader(ws, at === 3 ? 4 : 3);
    expect(other['Standpunt']).toBe('');
    expect(other['Laatste goedgekeurde voortgang']).toBe('');
  });

  it('speaks English with lang=en: headers, labels, the English text', async () => {
    const { res, ws } = await workbook('en');
    expect(res.headers['content-disposition']).toContain(`implementation-overview-UPR-${year}.xlsx`);
    const at = expected.findIndex((r) => r.id === target.id) + 3;
    const row = rowByHeader(ws, at);
    expect(row['Position']).toBe('supported');
    expect(row['Progress status']).toBe('partially implemented');
    expect(row['Progress date']).toBe('2024-12-31');
    expect(row['Recommendation']).not.toBe('Nederlandse tekst van de aanbeveling');
  });

  it('writes a Word table with a repeated header row, a landscape A4 page and page numbers', async () => {
    const res = await get(url('docx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="uitvoeringsoverzicht-UPR-${year}.docx"`,
    );
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(total + 1);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/w:orient="landscape"/);
    expect(xml).toContain('Latest approved progress');
    expect(xml).toContain('Nederlandse tekst van de aanbeveling');
    expect(xml).not.toContain('A draft nobody approved');
    expect(xml).not.toContain('Earlier approved progress');
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footer = (await Promise.all(footers.map((f) => zip.file(f)!.async('string')))).join('');
    expect(footer).toContain('Pagina ');
    expect(footer).toContain(' van ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);

    const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
    expect(text).toContain('Laatste goedgekeurde voortgang');
    expect(text).toContain('aanvaard');
    expect(text).toContain('JenV, SZW');
  });

  it.skipIf(!sofficePresent('the LibreOffice check of the .docx'))(
    'is readable by LibreOffice',
    async () => {
      const res = await get(url('docx', 'en'));
      const text = docxAsText(res.rawPayload);
      expect(text).toContain('Implementation overview');
      expect(text).toContain('Latest approved progress');
    },
    180_000,
  );

  it('gives a header-only table for a cycle without recommendations, 404 for an unknown cycle, and asks for a signed-in user', async () => {
    const empty = await t.db.query<{ id: string }>(
      `select c.id from cycles c join instruments i on i.id = c.instrument_id
        where i.code = 'CRC' and not exists (select 1 from recommendations r where r.cycle_id = c.id)
        order by c.sequence limit 1`,
    );
    const id = empty.rows[0]!.id;
    const xlsx = await get(`/api/cycles/${id}/implementation-overview.xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(
      /filename="uitvoeringsoverzicht-CRC-[a-z0-9-]+\.xlsx"/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(2);
    // Not a UPR cycle: no recommending states.
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).join(' ')).not.toContain('Aanbevelende staten');
    const docx = await get(`/api/cycles/${id}/implementation-overview.docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(1);

    const unknown = await get(
      '/api/cycles/00000000-0000-4000-8000-000000000000/implementation-overview.xlsx',
    );
    expect(unknown.statusCode).toBe(404);
    expect((await get(url('pdf'))).statusCode).toBe(400);
    expect((await get(url('xlsx', 'fr'))).statusCode).toBe(400);
    expect((await get(url('docx'), null)).statusCode).toBe(401);
  });
});
