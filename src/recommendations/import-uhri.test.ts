import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { importFile } from './importers.ts';
import { excelSerialToDate, splitCell, splitParagraph } from './import-uhri.ts';

/** Records in the shape of the UHRI JSON export (see docs/uhri-export-format in the shared reference). */
const JSON_EXPORT = [
  {
    AffectedPersons: ['Children', 'Persons deprived of their liberty & detainees'],
    AnnotationId: 'a9ceae8c-fe1c-40f9-a326-1529e0ab678f',
    AnnotationType: '- Recommendations',
    Body: '- CRC',
    Countries: ['Netherlands'],
    DocumentId: '41a0b08f-5a9a-4eb5-985f-05b47986ad82',
    PublicationDate: '2022-03-16T00:00:00',
    PublicationDateOnUhri: '2022-04-01T10:53:45.827',
    Regions: ['Western European and Other States'],
    Sdgs: ['16.2 - Protect children from abuse, exploitation, trafficking and violence'],
    Symbol: 'CRC/C/NLD/CO/5-6',
    Text: '38.The Committee recommends that the State party end the detention of children in migration procedures.',
    Themes: [
      'Administration of justice & fair trial',
      'Children: definition; general principles; protection',
    ],
    UprCycle: null,
    UprPositions: [],
    UprRecommendingCountry: [],
    UprRecommendingRegions: [],
    UprSession: [],
  },
  {
    AffectedPersons: ['Women & girls'],
    AnnotationId: '0f4c6a4e-1111-4d2b-9d1e-7f3f5b0a0002',
    AnnotationType: '- Recommendations',
    Body: '- UPR',
    Countries: ['Netherlands'],
    PublicationDate: '2022-12-20T00:00:00',
    Sdgs: ['5.2 - End all violence against and exploitation of women'],
    Symbol: 'A/HRC/52/15',
    Text: '118.4 Strengthen measures to combat violence against women (Australia); ',
    Themes: ['Violence against women', 'A made-up theme for mapping'],
    UprCycle: '4th',
    UprPositions: ['Supported'],
    UprRecommendingCountry: ['Australia'],
    UprSession: ['41'],
  },
  {
    AnnotationId: 'c0ffee00-0000-4000-8000-000000000003',
    AnnotationType: '- Concerns/Observations',
    Body: '- CRC',
    Countries: ['Netherlands'],
    Symbol: 'CRC/C/NLD/CO/5-6',
    Text: '37.The Committee is concerned about ...',
  },
];

let db: Db;
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
});
afterAll(() => db?.close());
const actor = systemActor('test');
const bytesOf = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('UHRI cell formats', () => {
  it('splits multi-value cells, reads Excel serial dates and leading paragraph numbers', () => {
    expect(splitCell('- Women & girls\n- Children')).toEqual(['Women & girls', 'Children']);
    expect(splitCell('- CEDAW')).toEqual(['CEDAW']);
    expect(excelSerialToDate(45000)).toBe('2023-03-15');
    expect(splitParagraph('4.The Committee reminds')).toEqual({
      paragraph: '4',
      text: 'The Committee reminds',
    });
    expect(splitParagraph('118.1 Ratify the OP')).toEqual({ paragraph: '118.1', text: 'Ratify the OP' });
    expect(splitParagraph('Rural women 49.The Committee')).toEqual({
      paragraph: null,
      text: 'Rural women 49.The Committee',
    });
  });
});

describe('UHRI import', () => {
  it('imports recommendations from the JSON export, maps terms, keeps unknown ones, skips observations', async () => {
    const s = await importFile(db, actor, 'uhri', 'export-full-en.json', bytesOf(JSON_EXPORT));
    expect(s).toMatchObject({ totalRows: 3, created: 2, sources: 2, committed: true });
    // Spellings no term knows yet are kept and listed (UHRI's newer "Women & girls" is not among
    // the seeded groups): a coordinator maps them to a term or adds one.
    expect(s.unmappedTerms).toEqual(
      expect.arrayContaining([
        { scheme: 'uhri_theme', spelling: 'A made-up theme for mapping', count: 1 },
        { scheme: 'uhri_group', spelling: 'Women & girls', count: 1 },
      ]),
    );
    expect(s.unmappedTerms).toHaveLength(2);
    const r = await db.query<Record<string, unknown>>(
      "select mechanism, body_code, symbol, paragraph, text, position, year, upr_session, recommending_states from recommendations where symbol = 'A/HRC/52/15'",
    );
    expect(r.rows[0]).toMatchObject({
      mechanism: 'upr',
      paragraph: '118.4',
      position: 'supported',
      year: 2022,
      upr_session: 41,
      recommending_states: ['Australia'],
    });
    const terms = await db.query<{ scheme: string; code: string }>(
      `select t.scheme, t.code from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
         join recommendations r on r.id = rt.recommendation_id where r.symbol = 'CRC/C/NLD/CO/5-6' order by 1, 2`,
    );
    expect(terms.rows).toEqual(expect.arrayContaining([{ scheme: 'sdg_target', code: '16.2' }]));
    expect(terms.rows.filter((t) => t.scheme === 'uhri_group').length).toBe(2);
  });

  it('is idempotent on the annotation id: a changed text updates the same record', async () => {
    const again = await importFile(db, actor, 'uhri', 'export-full-en.json', bytesOf(JSON_EXPORT));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = structuredClone(JSON_EXPORT);
    changed[0]!.Text =
      '38.The Committee recommends that the State party end, in law and practice, the detention of children in migration procedures.';
    const upd = await importFile(db, actor, 'uhri', 'export-full-en.json', bytesOf(changed));
    expect(upd).toMatchObject({ created: 0, updated: 1 });
    const n = await db.query<{ n: number }>(
      "select count(*)::int as n from recommendations where symbol = 'CRC/C/NLD/CO/5-6'",
    );
    expect(n.rows[0]!.n).toBe(1);
  });

  it('reads the .xlsx export with its column typos, prefixes and Excel dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow([
      'Text',
      'Countries Concerned',
      'Reccomending Body',
      'Document Symbol',
      'Themes',
      'Affected Persons',
      'Sdgs',
      'Document Publication Date',
      'UPR Reccomending States',
      'UPR Position',
      'Type',
      'OHCHR Annotation Id',
      'UPR Session',
      'Regions Concerned',
      'Recommending Regions',
      'Date of publication on UHRI',
    ]);
    ws.addRow([
      '12.The Committee recommends that the State party adopt a national action plan against racism.',
      '- Netherlands',
      '- CERD',
      'CERD/C/NLD/CO/22-24',
      '- Racial discrimination\n- Equality & non-discrimination',
      '- minorities/ racial, ethnic, linguistic, religious or descent-based groups',
      '- 10.3 - Ensure equal opportunities and end discrimination',
      44431,
      '',
      '',
      '- Recommendations',
      'e5a1c3d2-2222-4c1b-8a9e-000000000012',
      '',
      '- WEOG',
      '',
      44440,
    ]);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = await importFile(db, actor, 'uhri', 'export-full-en.xlsx', buf);
    expect(s).toMatchObject({ totalRows: 1, created: 1, unmappedTerms: [] });
    const r = await db.query<Record<string, unknown>>(
      "select mechanism, paragraph, year, body_code from recommendations where symbol = 'CERD/C/NLD/CO/22-24'",
    );
    expect(r.rows[0]).toEqual({ mechanism: 'treaty_body', paragraph: '12', year: 2021, body_code: 'CERD' });
  });

  it('refuses a zip bomb dressed as a workbook before unpacking it', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', ' '.repeat(5 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(importFile(db, actor, 'uhri', 'bomb.xlsx', bomb)).rejects.toThrow(
      /bomb\.xlsx: the part xl\/worksheets\/sheet1\.xml of this \.xlsx expands more than 100 times/,
    );
  });

  it('refuses a damaged or foreign file with a clear message, storing nothing', async () => {
    const before = (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!
      .n;
    await expect(
      importFile(db, actor, 'uhri', 'x.json', new TextEncoder().encode('[{"AnnotationId": "x", "Tex')),
    ).rejects.toThrow(/not valid JSON/);
    await expect(importFile(db, actor, 'uhri', 'x.json', bytesOf([{ name: 'x' }]))).rejects.toThrow(
      /lack the UHRI fields/,
    );
    await expect(
      importFile(db, actor, 'uhri', 'x.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3])),
    ).rejects.toThrow(/this \.xlsx is damaged/);
    await expect(importFile(db, actor, 'uhri', 'x.txt', new TextEncoder().encode('hello'))).rejects.toThrow(
      /neither/,
    );
    const noText = structuredClone(JSON_EXPORT.slice(0, 1));
    noText[0]!.Text = '';
    await expect(importFile(db, actor, 'uhri', 'x.json', bytesOf(noText))).rejects.toThrow(
      /row 1: the text is empty/,
    );
    expect((await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n).toBe(
      before,
    );
  });
});
