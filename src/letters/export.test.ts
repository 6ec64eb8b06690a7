import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { docxAsText, sofficePresent } from '../test/libreoffice.ts';
import { registerGenerator } from './generators/index.ts';
import { renderHtml } from './html.ts';
import { pdfAvailable } from './pdf.ts';
import { LetterDocument } from './schema.ts';
import { generatedSection, paragraph, testData, useTestGenerator } from './test-generator.ts';
import type { WorkspaceDocument } from './workspace-schema.ts';

/**
 * The exports of a workspace document: the .docx with the installation's sender, read back by
 * LibreOffice; the PDF printed by Chromium, tagged and with bookmarks (a clear 503 without
 * Chromium); and the HTML both the PDF and the browser's preview are made of.
 */
let t: TestApp;
const restore: (() => void)[] = [];
let s: Session;
let doc: WorkspaceDocument;

const table = {
  type: 'table' as const,
  caption: 'Tabel 1. Laatste statenrapport per verdrag',
  columns: ['Verdrag', 'Laatste statenrapport', 'Ministerie'],
  rows: [
    ['IVRK', 'Zesde periodieke rapportage', 'VWS'],
    ['CEDAW', 'Zevende periodieke rapportage', 'OCW'],
  ],
};

beforeAll(async () => {
  restore.push(useTestGenerator());
  restore.push(
    registerGenerator('upr_addendum', async () => ({
      title: 'UPR addendum A/HRC/52/15/Add.1',
      frame: {
        kind: 'letter',
        addressee: ['Human Rights Council', 'Fifty-second session'],
        subject:
          'Report of the Working Group on the Universal Periodic Review — Netherlands (Kingdom of the) — Addendum',
        reference: 'A/HRC/52/15/Add.1',
        signature: [],
        language: 'en',
      },
      sections: [
        generatedSection(
          'supported',
          'Recommendations supported',
          'The Netherlands supports 12 recommendations.',
        ),
      ],
    })),
  );
  testData.current.sections = [
    generatedSection(
      'network',
      'Het netwerk van verdragscoördinatoren',
      'Het netwerk kwam vier keer bijeen.',
    ),
    {
      key: 'system',
      heading: 'Het systeem van rapporteren',
      blocks: [
        paragraph('Er zijn negen verdragen.'),
        table,
        { type: 'numbered', items: ['Eerste punt', 'Tweede punt'] },
      ],
      subsections: [],
    },
    generatedSection('treaties', 'Ontwikkelingen per verdrag', 'Per verdrag de ontwikkelingen.'),
    generatedSection(
      'treaty:CRC',
      'Het Verdrag inzake de Rechten van het Kind',
      'De dialoog vond plaats in Genève.',
      2,
    ),
  ];
  t = await testApp();
  s = await t.as('coordinator');
  await t.db.query(`insert into app_settings (key, value) values ('letter_sender', $1)`, [
    JSON.stringify({
      organisation: 'Ministerie van Testzaken',
      addressLines: ['Testlaan 1', '2500 AA  Den Haag'],
    }),
  ]);
  const res = await t.call(s, 'POST', '/api/letters', { params: { kind: 'annual_letter', year: 2025 } });
  expect(res.statusCode, res.body).toBe(201);
  doc = res.json();
}, 60_000);
afterAll(async () => {
  for (const r of restore.reverse()) r();
  await t?.close();
});

describe.skipIf(!sofficePresent('the LibreOffice check of the workspace export'))('the .docx', () => {
  it('holds the sender, the frame, the sections with their parts, the table and the numbered paragraphs', async () => {
    const res = await t.call(s, 'GET', `/api/letters/${doc.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('Jaarbrief-verdragsrapportages-2025.docx');
    const text = docxAsText(res.rawPayload);
    for (const expected of [
      'Ministerie van Testzaken',
      'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
      'Ontwikkelingen rond rapportages onder mensenrechtenverdragen',
      'Het netwerk van verdragscoördinatoren',
      'Het systeem van rapporteren',
      'Zesde periodieke rapportage',
      'Tweede punt',
      'Het Verdrag inzake de Rechten van het Kind',
      'De dialoog vond plaats in Genève.',
    ])
      expect(text).toContain(expected);
    expect(text.indexOf('Ontwikkelingen per verdrag')).toBeLessThan(
      text.indexOf('Het Verdrag inzake de Rechten'),
    );
  }, 200_000);

  it('lays out a memo made by the memo generator from its form', async () => {
    const created = await t.call(s, 'POST', '/api/letters', {
      params: {
        kind: 'memo',
        fields: {
          to: ['Minister van BZK'],
          from: ['DG Koninkrijksrelaties'],
          date: '2026-02-06',
          consultedWith: ['VWS'],
        },
        purpose: 'decision',
        title: 'Nota over de jaarbrief',
        aanleiding: 'De jaarlijkse brief aan de Kamer.',
        kern: 'U wordt gevraagd de brief te ondertekenen.',
        attachments: [{ name: 'Jaarbrief verdragsrapportages', information: 'Ter ondertekening' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const memo = created.json<WorkspaceDocument>();
    expect(memo.frame.kind).toBe('memo');
    const res = await t.call(s, 'GET', `/api/letters/${memo.id}/docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = docxAsText(res.rawPayload);
    for (const expected of [
      'TER BESLISSING',
      'Afgestemd met',
      'Nota over de jaarbrief',
      'U wordt gevraagd de brief te ondertekenen.',
      'Jaarbrief verdragsrapportages',
    ])
      expect(text).toContain(expected);
  }, 200_000);

  it('lays out the UPR addendum as a UN document in English', async () => {
    const created = await t.call(s, 'POST', '/api/letters', {
      params: { kind: 'upr_addendum', cycle: '00000000-0000-4000-8000-000000000000' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.call(s, 'GET', `/api/letters/${created.json<WorkspaceDocument>().id}/docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = docxAsText(res.rawPayload);
    expect(text).toContain('A/HRC/52/15/Add.1');
    expect(text).toContain('The Netherlands supports 12 recommendations.');
  }, 200_000);
});

describe.skipIf(!pdfAvailable())('the PDF', () => {
  it('is tagged, has bookmarks of the headings and says "Pagina X van Y"', async () => {
    const res = await t.call(s, 'GET', `/api/letters/${doc.id}/pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Outlines');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    try {
      expect((await pdf.getMarkInfo())?.Marked).toBe(true);
      const outline = await pdf.getOutline();
      const titles = (items: typeof outline): string[] =>
        (items ?? []).flatMap((i) => [i.title, ...titles(i.items)]);
      expect(titles(outline)).toEqual(
        expect.arrayContaining([
          'Ontwikkelingen rond rapportages onder mensenrechtenverdragen',
          'Het systeem van rapporteren',
          'Het Verdrag inzake de Rechten van het Kind',
        ]),
      );
      const { text } = await extractText(pdf, { mergePages: true });
      expect(text).toContain('Zesde periodieke rapportage');
      expect(text).toMatch(/Pagina 1 van \d/);
    } finally {
      await pdf.destroy();
    }
  }, 120_000);
});

describe('without Chromium', () => {
  it('refuses the PDF with a clear 503, and the .docx still works', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(os.tmpdir(), 'no-chromium-here');
    try {
      const res = await t.call(s, 'GET', `/api/letters/${doc.id}/pdf`);
      expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([503, 'letter.pdf_unavailable']);
      expect((await t.call(s, 'GET', `/api/letters/${doc.id}/docx`)).statusCode).toBe(200);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});

describe('the HTML', () => {
  const sender = { organisation: 'Ministerie <van> "Test"' };
  it('is semantic: language, title, one h1, sections, tables with caption and header scope, numbering going on', () => {
    const html = renderHtml(
      LetterDocument.parse({
        kind: 'letter',
        sender,
        addressee: ['Aan de Voorzitter'],
        place: 'Den Haag',
        date: '2026-02-13',
        subject: 'Onderwerp & meer',
        reference: '2026-1',
        sections: [
          { heading: 'Eerste', blocks: [{ type: 'numbered', items: ['a', 'b'] }, table] },
          {
            heading: 'Tweede',
            blocks: [{ type: 'numbered', items: ['c'] }],
            subsections: [{ heading: 'Deel', blocks: [{ type: 'bullets', items: ['<script>x</script>'] }] }],
          },
        ],
      }),
    );
    expect(html).toMatch(/^<!doctype html><html lang="nl">/);
    expect(html).toContain('<title>Onderwerp &amp; meer</title>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<h2>Eerste</h2>');
    expect(html).toContain('<h3>Deel</h3>');
    expect(html).toContain('<caption>Tabel 1. Laatste statenrapport per verdrag</caption>');
    expect(html).toContain('<th scope="col">Verdrag</th>');
    expect(html).toContain('<ol class="numbered" start="3"><li>c</li></ol>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Ministerie &lt;van&gt; &quot;Test&quot;');
    expect(html).toContain('13 februari 2026');
  });

  it('shows a memo with its fields as row headers, its purpose and its attachments', () => {
    const html = renderHtml(
      LetterDocument.parse({
        kind: 'memo',
        sender,
        fields: { to: ['Minister'], from: ['DG'], date: '2026-02-06', consultedWith: ['VWS'] },
        purpose: 'decision',
        title: 'Nota over de jaarbrief',
        sections: [{ heading: 'Aanleiding', blocks: [paragraph('Waarom.')] }],
        attachments: [{ name: 'Jaarbrief', information: 'Ter ondertekening' }],
      }),
    );
    expect(html).toContain('<th scope="row">Afgestemd met</th><td>VWS</td>');
    expect(html).toContain('TER BESLISSING');
    expect(html).toContain('<h1>Nota over de jaarbrief</h1>');
    expect(html).toContain('<th scope="col">Volgnummer</th>');
    expect(html).toContain('<td>Ter ondertekening</td>');
  });
});
