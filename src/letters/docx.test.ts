import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { extractText, extractTextItems, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFiles, sofficePresent } from '../test/libreoffice.ts';
import { png } from '../test/png.ts';
import { z } from 'zod';
import { dutchDate } from './dates.ts';
import { renderDocx } from './docx.ts';
import { LetterDocument, Memo, type Block, type LetterDocumentInput } from './schema.ts';

/**
 * The layout engine renders (a) a letter shaped like the annual letter to parliament on treaty
 * reporting (nota-kabinetsbrief-verdragsrapportages-2026: the network of treaty coordinators, the
 * overview table per treaty, numbered paragraphs, a part per treaty) and (b) a memo with every
 * field and two attachments. The files are read back as XML and, through LibreOffice, as text and PDF.
 */

const sender = {
  organisation: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  unit: 'Directie Constitutionele Zaken en Wetgeving',
  addressLines: ['Turfmarkt 147', 'Postbus 20011', '2500 EA  Den Haag'],
  logo: png(400, 200),
};

/** The overview table: per treaty the last state report, its date and the responsible ministry. */
const overview = [
  ['IVBPR', 'Zesde periodieke rapportage', '12 maart 2024', 'BZK'],
  ['IVESCR', 'Zevende periodieke rapportage', '3 juli 2023', 'SZW'],
  ['IVRK', 'Zesde periodieke rapportage', '1 november 2025', 'VWS'],
  ['CEDAW', 'Zevende periodieke rapportage', '14 januari 2025', 'OCW'],
  ['IVRDH', 'Eerste rapportage', '21 juli 2022', 'VWS'],
  ['CAT', 'Achtste periodieke rapportage', '9 mei 2024', 'JenV'],
  ['CERD', 'Vijfentwintigste periodieke rapportage', '28 februari 2025', 'BZK'],
  ['CED', 'Tweede rapportage', '17 oktober 2023', 'JenV'],
  ['Verdrag van Istanbul', 'Eerste thematische evaluatie', '30 juni 2025', 'OCW en JenV'],
];
const treaties = [
  'Het Internationaal Verdrag inzake Economische, Sociale en Culturele Rechten',
  'Het Verdrag inzake de Rechten van het Kind',
  'Het Verdrag inzake de Uitbanning van alle Vormen van Discriminatie van Vrouwen',
  'Het Verdrag inzake de Rechten van Personen met een Handicap',
  'Het Verdrag inzake het Voorkomen en Bestrijden van Geweld tegen Vrouwen en Huiselijk Geweld',
];

/** A paragraph long enough that the letter runs over several pages, as the real one does. */
const paragraph = (topic: string): Block => ({
  type: 'paragraph',
  text:
    `Het kabinet informeert uw Kamer over ${topic}. De rapportagecycli van de verschillende ` +
    'mensenrechtenverdragen kennen verschillende fasen en lopen niet synchroon. Het verdragscomité ' +
    'stelt na de dialoog met de Nederlandse delegatie zijn slotbeschouwingen vast, waarin het ' +
    'aanbevelingen doet aan het Koninkrijk. De verantwoordelijke vakdepartementen bezien deze ' +
    'aanbevelingen en geven er in overleg met de andere landen van het Koninkrijk opvolging aan.',
});
const numbered = (...items: string[]): Block => ({ type: 'numbered', items });
const bullets = (...items: string[]): Block => ({ type: 'bullets', items });
const section = (heading: string, ...blocks: Block[]) => ({ heading, blocks });

const letter = {
  kind: 'letter',
  sender,
  addressee: [
    'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
    'Postbus 20018',
    '2500 EA  DEN HAAG',
  ],
  place: 'Den Haag',
  date: '2026-02-13',
  subject: 'Ontwikkelingen rond rapportages onder mensenrechtenverdragen',
  reference: '2026-0000061160',
  yourReference: '2024Z12345',
  sections: [
    section(
      'Inleiding',
      paragraph('de eerste editie van deze jaarlijkse brief'),
      numbered(
        'Het netwerk van verdragscoördinatoren is opgericht.',
        'Het netwerk heeft een interne handreiking opgesteld.',
        'Het netwerk stuurt jaarlijks een brief aan uw Kamer.',
      ),
    ),
    section(
      'Het netwerk van verdragscoördinatoren',
      paragraph('de oprichting en de doelstellingen van het netwerk'),
      bullets('Kennisdeling tussen departementen', 'Afstemming van rapportageprocessen'),
      numbered('De handreiking beschrijft de fasen.', 'Het netwerk kwam vier keer bijeen.'),
    ),
    section('Het systeem van rapporteren', paragraph('het systeem van rapporteren'), {
      type: 'table',
      caption: 'Tabel 1. Laatste statenrapport per verdrag',
      columns: ['Verdrag', 'Laatste statenrapport', 'Datum', 'Verantwoordelijk ministerie'],
      rows: overview,
    }),
    {
      ...section('Ontwikkelingen per verdrag in 2025', paragraph('de ontwikkelingen per verdrag')),
      subsections: treaties.map((t) =>
        section(t, paragraph(`de ontwikkelingen onder ${t.toLowerCase()}`), paragraph('de dialoog')),
      ),
    },
    section('Opvolging van aanbevelingen', paragraph('de opvolging van de aanbevelingen')),
  ],
  signature: ['De Minister van Binnenlandse Zaken en Koninkrijksrelaties,', 'J. Jansen'],
} satisfies LetterDocumentInput;

const memo = {
  kind: 'memo',
  sender: { ...sender, logo: undefined, font: 'Arial' },
  fields: {
    to: ['Minister van Binnenlandse Zaken en Koninkrijksrelaties'],
    from: ['Directeur-generaal Koninkrijksrelaties'],
    via: ['Secretaris-generaal'],
    copyTo: ['Plaatsvervangend secretaris-generaal'],
    consultedWith: ['BZ', 'JenV', 'SZW', 'VWS'],
    date: '2026-02-06',
    reference: '2026-0000061160',
    draftedBy: ['Netwerk van verdragscoördinatoren'],
    deadline: { date: '2026-02-13', note: 'MR' },
  },
  purpose: 'decision',
  title: 'Kabinetsbrief over ontwikkelingen rond rapportages onder mensenrechtenverdragen',
  sections: [
    section('Aanleiding', paragraph('de aanleiding van deze nota')),
    section('Geadviseerd besluit', { type: 'paragraph', text: 'Indien de MR akkoord is, te ondertekenen.' }),
    section('Kern', bullets('Medio 2023 bracht het CRM zijn jaarrapport uit.')),
    section('Toelichting', { type: 'paragraph', text: 'De brief beschrijft het netwerk.' }),
    section('Krachtenveld', { type: 'paragraph', text: 'Het CRM volgt de brief met belangstelling.' }),
    section('Informatie die niet openbaar gemaakt kan worden', { type: 'paragraph', text: 'Geen.' }),
  ],
  attachments: [
    { name: 'Kabinetsbrief over rapportages', information: 'Ter ondertekening en verzending' },
    { name: 'Oplegbrief Eerste Kamer', information: 'Ter ondertekening' },
  ],
} satisfies LetterDocumentInput;

let letterDocx: Buffer;
let memoDocx: Buffer;
beforeAll(async () => {
  [letterDocx, memoDocx] = await Promise.all([renderDocx(letter), renderDocx(memo)]);
});

/** The labels of a memo's fields that may be left out. */
const optionalLabels = ['Via', 'Kopie aan', 'Afgestemd met', 'Opgesteld door', 'Plandatum/Deadline'];

/** The parts of a .docx the checks read, each as one string (headers and footers joined). */
async function parts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = async (re: RegExp) =>
    (await Promise.all(zip.file(re).map((f) => f.async('string')))).join('\n');
  return {
    zip,
    document: await read(/^word\/document\.xml$/),
    styles: await read(/^word\/styles\.xml$/),
    numbering: await read(/^word\/numbering\.xml$/),
    core: await read(/^docProps\/core\.xml$/),
    headers: await read(/^word\/header\d*\.xml$/),
    footers: await read(/^word\/footer\d*\.xml$/),
  };
}
const omit = <T extends object>(o: T, ...keys: (keyof T)[]) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k as keyof T)));

describe('the document model', () => {
  it('refuses a memo without "Aan", naming the field', () => {
    const r = Memo.safeParse({ ...memo, fields: omit(memo.fields, 'to') });
    expect(r.error!.issues.find((i) => i.path.join('.') === 'fields.to')?.message).toBe('"Aan" is required');
    expect(z.prettifyError(r.error!)).toContain('"Aan" is required');
    const empty = Memo.safeParse({ ...memo, fields: { ...memo.fields, to: [] } });
    expect(empty.error!.issues[0]!.path).toEqual(['fields', 'to']);
  });

  it('refuses a memo without a date or purpose, a table row of the wrong width and a logo that is not a PNG', () => {
    const noDate = Memo.safeParse({ ...memo, fields: omit(memo.fields, 'date') });
    expect(noDate.error!.issues.map((i) => i.message)).toContain('"Datum" is required');
    const badDate = Memo.safeParse({ ...memo, fields: { ...memo.fields, date: '6 februari 2026' } });
    expect(badDate.error!.issues[0]!.message).toBe('must be a date written as YYYY-MM-DD');
    expect(Memo.safeParse(omit(memo, 'purpose')).error!.issues[0]!.message).toContain('TER BESLISSING');

    const table = { type: 'table', columns: ['Verdrag', 'Datum'], rows: [['IVRK', '2025'], ['CAT']] };
    const wide = LetterDocument.safeParse({ ...letter, sections: [section('Tabel', table as Block)] });
    expect(wide.error!.issues[0]!.message).toBe('row 2 has 1 cells where the table has 2 columns');
    expect(wide.error!.issues[0]!.path).toEqual(['sections', 0, 'blocks', 0, 'rows', 1]);

    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]);
    const logo = LetterDocument.safeParse({ ...letter, sender: { ...sender, logo: jpeg } });
    expect(logo.error!.issues[0]!.message).toBe('must be a PNG image');
  });

  it('writes dates as Dutch letters do, and renders nothing for an invalid document', async () => {
    expect(['2026-02-13', '2025-12-01'].map(dutchDate)).toEqual(['13 februari 2026', '1 december 2025']);
    await expect(renderDocx({ ...letter, addressee: [] })).rejects.toThrow(/needs at least one line/);
  });
});

describe('the .docx', () => {
  it('lays out a letter: A4 portrait, letterhead, labels, headings, a repeating table header, numbering, page numbers', async () => {
    const p = await parts(letterDocx);
    expect(p.zip.file('word/document.xml')).not.toBeNull();
    // A4 portrait, a first page of its own (the letterhead), the default font, Dutch.
    expect(p.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(p.document).not.toMatch(/w:orient="landscape"/);
    expect(p.document).toContain('<w:titlePg/>');
    expect(p.styles).toContain('w:ascii="Verdana"');
    expect(p.styles).toContain('w:val="nl-NL"');
    // Real headings with an outline level, for the navigation pane and a PDF's bookmarks.
    expect(p.document.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(letter.sections.length);
    expect(p.document.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(treaties.length);
    expect(p.styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    // Three tables (letterhead, labels, overview); only the overview has a header row.
    expect(p.document.match(/<w:tbl>/g)).toHaveLength(3);
    expect(p.document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    for (const label of ['Datum', 'Betreft', 'Onze referentie', 'Uw referentie'])
      expect(p.document).toContain(`<w:t xml:space="preserve">${label}</w:t>`);
    expect(p.document).toContain('Den Haag, 13 februari 2026');
    // The numbered paragraphs of both lists share one numbering instance, so they count on.
    const numIds = [...p.document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(numIds).toHaveLength(5 + 2); // five numbered paragraphs, two bullets
    expect(new Set(numIds).size).toBe(2);
    expect(p.numbering).toContain('w:val="%1."');
    // The logo, scaled into its box with its proportions (400 × 200 px).
    expect(p.zip.file(/^word\/media\/.+\.png$/)).toHaveLength(1);
    const [, cx, cy] = p.document.match(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/)!;
    expect(Number(cx) / Number(cy)).toBeCloseTo(2, 1);
    expect(p.headers).toContain('2026-0000061160');
    // "Pagina X van Y" with fields, on the first page and on the others.
    expect(p.footers.match(/Pagina /g)).toHaveLength(2);
    expect(p.footers).toMatch(/>PAGE</);
    expect(p.footers).toMatch(/>NUMPAGES</);
    expect(p.core).toContain(`<dc:title>${letter.subject}</dc:title>`);
    expect(p.core).toContain('<dc:language>nl-NL</dc:language>');
  });

  it("lays out a memo: its fields, the purpose, the title and the attachment table, in the sender's font", async () => {
    const p = await parts(memoDocx);
    expect(p.styles).toContain('w:ascii="Arial"');
    expect(p.styles).not.toContain('w:ascii="Verdana"');
    expect(p.document).toContain('TER BESLISSING');
    expect(p.document).toContain('<w:pStyle w:val="Title"/>');
    for (const label of ['Aan', 'Van', ...optionalLabels]) expect(p.document).toContain(`>${label}</w:t>`);
    expect(p.document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(p.zip.file(/^word\/media\//)).toHaveLength(0);
    expect(p.core).toContain(`<dc:title>${memo.title}</dc:title>`);
  });

  it('says TER INFORMATIE for a memo that informs, and leaves out the fields and table not given', async () => {
    const { to, from, date } = memo.fields;
    const informs = { ...memo, fields: { to, from, date }, purpose: 'information' as const, attachments: [] };
    const p = await parts(await renderDocx(informs));
    expect(p.document).toContain('TER INFORMATIE');
    expect(p.document).not.toContain('TER BESLISSING');
    for (const label of [...optionalLabels, 'Bijlagen']) expect(p.document).not.toContain(`>${label}</w:t>`);
    expect(p.headers).not.toContain('Onze referentie');
  });

  it('keeps characters XML does not allow out of the file', async () => {
    const text = { type: 'paragraph', text: 'Uit een PDF\fovergenomen' } as const;
    const p = await parts(await renderDocx({ ...letter, sections: [section('Tekst', text)] }));
    expect(p.document).toContain('Uit een PDF overgenomen');
  });
});

describe.skipIf(!sofficePresent('the LibreOffice checks of the letters'))('read by LibreOffice', () => {
  let dir: string;
  const text: Record<string, string> = {};
  /** The text of each page of the PDFs. */
  const pages: Record<string, string[]> = {};
  const pdfs: Awaited<ReturnType<typeof getDocumentProxy>>[] = [];
  let letterPdf: (typeof pdfs)[number];

  /** Converts both files with LibreOffice headless into a format, in one run. */
  const convert = (format: string) =>
    convertFiles(
      dir,
      ['letter.docx', 'memo.docx'].map((f) => path.join(dir, f)),
      format,
      180_000,
    );

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letters-'));
    fs.writeFileSync(path.join(dir, 'letter.docx'), letterDocx);
    fs.writeFileSync(path.join(dir, 'memo.docx'), memoDocx);
    convert('txt:Text');
    convert('pdf');
    for (const name of ['memo', 'letter']) {
      text[name] = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
      const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(path.join(dir, `${name}.pdf`))));
      pdfs.push((letterPdf = pdf));
      pages[name] = (await extractText(pdf, { mergePages: false })).text;
    }
  }, 360_000);
  afterAll(async () => {
    await Promise.all(pdfs.map((pdf) => pdf.destroy()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the letter: addressee, labels, Dutch date, headings, table cells, numbering that counts on', () => {
    const t = text['letter']!;
    for (const line of letter.addressee) expect(t).toContain(line);
    expect(t).toContain(sender.organisation);
    expect(t).toMatch(/Datum\s+Den Haag, 13 februari 2026/);
    expect(t).toMatch(/Betreft\s+Ontwikkelingen rond rapportages onder mensenrechtenverdragen/);
    expect(t).toMatch(/Onze referentie\s+2026-0000061160/);
    expect(t).toMatch(/Uw referentie\s+2024Z12345/);
    for (const heading of [...letter.sections.map((s) => s.heading), ...treaties])
      expect(t).toContain(heading);
    expect(t).toContain('Tabel 1. Laatste statenrapport per verdrag');
    for (const value of overview.flat()) expect(t).toContain(value);
    expect(t).toMatch(/^\s*1\.\s+Het netwerk van verdragscoördinatoren is opgericht\./m);
    expect(t).toMatch(/^\s*3\.\s+Het netwerk stuurt jaarlijks een brief aan uw Kamer\./m);
    // The second list goes on from the first.
    expect(t).toMatch(/^\s*4\.\s+De handreiking beschrijft de fasen\./m);
    expect(t).toMatch(/^\s*5\.\s+Het netwerk kwam vier keer bijeen\./m);
    expect(t).toMatch(/Koninkrijksrelaties,\s+J\. Jansen\s*$/);
  });

  it('reads the memo: TER BESLISSING, the fields, the sections and the attachment names', () => {
    const t = text['memo']!;
    expect(t).toContain('TER BESLISSING');
    expect(t).toContain(memo.title);
    expect(t).toMatch(/Aan\s+Minister van Binnenlandse Zaken en Koninkrijksrelaties/);
    expect(t).toMatch(/Afgestemd met\s+BZ\s+JenV\s+SZW\s+VWS/);
    expect(t).toMatch(/Datum\s+6 februari 2026/);
    expect(t).toMatch(/Plandatum\/Deadline\s+MR\s+13 februari 2026/);
    for (const s of memo.sections) expect(t).toContain(s.heading);
    expect(t).toMatch(/Volgnummer\s+Naam\s+Informatie\s+1\s+Kabinetsbrief/);
    for (const a of memo.attachments) expect(t).toContain(`${a.name}\n${a.information}`);
  });

  it('prints the long letter on several pages, each with "Pagina X van Y", the date and reference atop all but the first', () => {
    const letterPages = pages['letter']!;
    expect(letterPages.length).toBeGreaterThanOrEqual(2);
    letterPages.forEach((page, i) => expect(page).toContain(`Pagina ${i + 1} van ${letterPages.length}`));
    for (const page of letterPages.slice(1))
      expect(page).toMatch(/Datum\s+13 februari 2026\s+Onze referentie\s+2026-0000061160/);
    // On the first page the reference is in the labels only.
    expect(letterPages[0]!.match(/2026-0000061160/g)).toHaveLength(1);
    expect(pages['memo']).toHaveLength(1);
    expect(pages['memo']![0]).toContain('Pagina 1 van 1');
    expect(pages['memo']![0]!.match(/6 februari 2026/g)).toHaveLength(1);
  });

  it('gives the PDF bookmarks from the headings, the treaties under their section', async () => {
    const outline = (await letterPdf.getOutline()) ?? [];
    expect(outline.map((o) => o.title)).toEqual(letter.sections.map((s) => s.heading));
    expect(outline[3]!.items.map((o) => o.title)).toEqual(treaties);
  });

  it('puts the logo at the top of the first page, whole, centred and above the addressee', async () => {
    const { OPS } = await getResolvedPDFJS();
    const page = await letterPdf.getPage(1);
    const [, , right, top] = page.view as [number, number, number, number];
    const { fnArray, argsArray } = await page.getOperatorList();
    // An image is drawn into the unit square scaled by the transform before it: [w, 0, 0, h, x, y].
    const paint = fnArray.indexOf(OPS.paintImageXObject);
    expect(paint).toBeGreaterThan(0);
    const [w, , , h, x, y] = argsArray[fnArray.slice(0, paint).lastIndexOf(OPS.transform)] as number[];
    expect(w! / h!).toBeCloseTo(2, 1);
    expect(y! + h!).toBeLessThanOrEqual(top);
    expect(Math.abs(x! + w! / 2 - right / 2)).toBeLessThan(40);
    const items = (await extractTextItems(letterPdf)).items[0]!;
    expect(items.find((i) => i.str.startsWith('Aan de Voorzitter'))!.y).toBeLessThan(y!);
  });
});
