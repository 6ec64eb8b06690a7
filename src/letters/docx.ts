/**
 * The layout engine of the government's letters and memos: a LetterDocument (schema.ts) as a .docx
 * that Word and LibreOffice open, in the Dutch government's letter conventions (Rijkshuisstijl).
 *
 * Every page is A4 portrait in the sender's font. The first page carries the letterhead: the logo
 * centred at the top, the addressee at the left and the sender at the right; the pages after it
 * repeat the date and the reference at the top right, as the government's letters do. A letter
 * continues with "Datum", "Betreft", "Onze referentie" and "Uw referentie"; a memo with its fixed
 * fields (Aan, Van, …, Plandatum/Deadline), "TER BESLISSING" or "TER INFORMATIE" and its title.
 * Section headings are Word's Heading 1 and 2 (the navigation pane, and the bookmarks of a PDF made
 * from the file), numbered paragraphs use Word's numbering and continue over the whole document,
 * tables repeat their header row on every page, and every footer says "Pagina X van Y".
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import JSZip from 'jszip';
import { xmlSafe } from '../followup/overview.ts';
import {
  LetterDocument,
  MEMO_FIELD_LABELS,
  MEMO_PURPOSE_LABELS,
  pngSize,
  type Block,
  type Letter,
  type LetterDocumentInput,
  type Memo,
  type Section,
  type Sender,
} from './schema.ts';

/** A4 in twentieths of a point. */
const A4 = { width: 11906, height: 16838 };
/** Margins: 2.5 cm at the left (for binding and filing), 2 cm elsewhere; headers and footers at 1 cm. */
const MARGIN = { top: 1134, right: 1134, bottom: 1134, left: 1418, header: 567, footer: 567 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Font sizes in half points: the body at 9 pt and the sender's column at 7.5 pt, as the Rijkshuisstijl sets them. */
const SIZE = { body: 18, small: 15, heading1: 20, heading2: 18, title: 24, purpose: 24 };
/** The space between the columns of the letterhead and of the labels. */
const COLUMN_GAP = 170;
/** The width of the label column of "Datum", "Betreft", … and of a memo's fields. */
const LABEL_WIDTH = 2268;
/** The logo's largest size in pixels (96 to the inch): about 6 × 2.6 cm. */
const LOGO_BOX = { width: 230, height: 100 };
const NUMBERED = 'numbered-paragraphs';
const BULLETS = 'bullets';
const MONTHS =
  'januari februari maart april mei juni juli augustus september oktober november december'.split(' ');

/** A date as Dutch letters write it: "2026-02-13" → "13 februari 2026". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** What a run of text may set here: bold, and the size in half points. */
type RunStyle = { bold?: boolean; size?: number };

/** A text as runs: each line of it after a line break (a run keeps no "\n"). */
const runs = (text: string, style: RunStyle = {}) =>
  xmlSafe(text)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));

/** A paragraph of a text, with the style of its runs and the options of the paragraph. */
const para = (text: string, style: RunStyle = {}, options: Omit<IParagraphOptions, 'children'> = {}) =>
  new Paragraph({ ...options, children: runs(text, style) });

/** A paragraph without space after it, for the lines of a table cell or an address. */
const tight = (text: string, style: RunStyle = {}) => para(text, style, { spacing: { after: 0 } });

/** Text at 7.5 pt, as the sender's column and the running header have it. */
const SMALL = { size: SIZE.small };
const SMALL_BOLD = { size: SIZE.small, bold: true };

/** A table cell of the given width; a cell must hold at least one paragraph. */
const cell = (width: number, children: (Paragraph | Table)[], header = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: children.length > 0 ? children : [new Paragraph({})],
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
  });

/** A table without borders, for the letterhead and the label columns: layout, not data. */
const layoutTable = (widths: number[], rows: (Paragraph | Table)[][][]) =>
  new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // No margin at the left of a cell: the text lines up with the paragraphs under the table.
    margins: { top: 0, bottom: 0, left: 0, right: COLUMN_GAP },
    rows: rows.map((r) => new TableRow({ children: r.map((c, i) => cell(widths[i]!, c)) })),
  });

/** Label and value rows ("Betreft" | the subject), each value one or more lines. */
const labelTable = (rows: [string, string[]][], width = TEXT_WIDTH) =>
  layoutTable(
    [LABEL_WIDTH, width - LABEL_WIDTH],
    rows.map(([label, lines]) => [[tight(label, { bold: true })], lines.map((l) => tight(l))]),
  );

/** About the width of a character of 9 pt text, and a cell's margins, in twentieths of a point. */
const [CHAR_WIDTH, CELL_PADDING] = [110, 216];

/**
 * Column widths of a data table. Each column asks for the width of its longest text (up to 40
 * characters). When the asks do not fit, a column that asks less than an equal share keeps its
 * width (a date or a number stays on one line) and the others share the rest by their asks;
 * when they fit, the room left is shared by the asks.
 */
function columnWidths(columns: string[], rows: string[][]): number[] {
  const asks = columns.map(
    (c, i) =>
      Math.min(40, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))) * CHAR_WIDTH + CELL_PADDING,
  );
  const total = asks.reduce((a, b) => a + b, 0);
  if (total <= TEXT_WIDTH) return asks.map((a) => Math.floor((TEXT_WIDTH * a) / total));
  const share = TEXT_WIDTH / columns.length;
  const kept = asks.reduce((sum, a) => sum + (a <= share ? a : 0), 0);
  const rest = total - kept;
  return asks.map((a) => (a <= share ? a : Math.floor(((TEXT_WIDTH - kept) * a) / rest)));
}

/** A data table whose header row repeats on every page it runs over, with its caption above it. */
function dataTable(columns: string[], rows: string[][], caption?: string): (Paragraph | Table)[] {
  const widths = columnWidths(columns, rows);
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(widths[i]!, [tight(c, { bold: true })], true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({ cantSplit: true, children: r.map((text, i) => cell(widths[i]!, [tight(text)])) }),
      ),
    ],
  });
  const above = caption ? [para(caption, {}, { style: 'Caption', keepNext: true })] : [];
  // A paragraph after the table keeps the next table or heading from joining it.
  return [...above, table, new Paragraph({})];
}

/** The content of one block: paragraphs (numbered or bulleted items among them) or a table. */
function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return [para(b.text)];
    case 'numbered':
      // One numbering instance for the whole document: the numbers go on from list to list.
      return b.items.map((t) => para(t, {}, { numbering: { reference: NUMBERED, level: 0 } }));
    case 'bullets':
      // Bullets stay close together; numbered paragraphs are paragraphs of the letter.
      return b.items.map((t) =>
        para(t, {}, { numbering: { reference: BULLETS, level: 0 }, spacing: { after: 60 } }),
      );
    case 'table':
      return dataTable(b.columns, b.rows, b.caption);
  }
}

function sections(list: Section[]): (Paragraph | Table)[] {
  return list.flatMap((s) => [
    para(s.heading, {}, { heading: HeadingLevel.HEADING_1 }),
    ...s.blocks.flatMap(block),
    ...s.subsections.flatMap((sub) => [
      para(sub.heading, {}, { heading: HeadingLevel.HEADING_2 }),
      ...sub.blocks.flatMap(block),
    ]),
  ]);
}

/** The sender's column: the organisation in bold, its unit and its addresses, at 7.5 pt. */
const senderLines = (sender: Sender) =>
  [sender.organisation, sender.unit ?? [], sender.addressLines]
    .flat()
    .map((line, i) => tight(line, i === 0 ? SMALL_BOLD : SMALL));

/**
 * The logo, centred at the top of the first page, scaled into LOGO_BOX with its proportions kept.
 * It is the first paragraph of the body rather than part of the first page's header, so the
 * letterhead under it makes room for it in Word and LibreOffice alike, whatever its height.
 */
function logo(sender: Sender): Paragraph {
  const size = sender.logo ? pngSize(sender.logo) : null;
  // Without a logo an empty paragraph comes first all the same: LibreOffice gives the first page its
  // own header only when the body starts with a paragraph, not with a table.
  if (!sender.logo || !size) return new Paragraph({ spacing: { after: 0 } });
  const scale = Math.min(LOGO_BOX.width / size.width, LOGO_BOX.height / size.height, 1);
  const image = new ImageRun({
    type: 'png',
    data: sender.logo,
    transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
    altText: { name: 'Logo', title: 'Logo', description: `Logo ${sender.organisation}` },
  });
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [image] });
}

/** The top right of the pages after the first: the date and the reference, at 7.5 pt. */
const followingHeader = (date: string, reference: string | undefined) => {
  const text = [
    ...runs('Datum ', SMALL_BOLD),
    ...runs(dutchDate(date), SMALL),
    ...(reference ? [...runs('    Onze referentie ', SMALL_BOLD), ...runs(reference, SMALL)] : []),
  ];
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: text })] });
};

/** "Pagina X van Y" at the bottom right of every page. */
const pageFooter = () => {
  const fields = ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES];
  const text = new TextRun({ ...SMALL, children: fields });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text] })] });
};

/** The letterhead's two columns: the addressee at the left, the sender at the right. */
const ADDRESS_WIDTH = Math.round(TEXT_WIDTH * 0.58);

function letterBody(letter: Letter): (Paragraph | Table)[] {
  const labels: [string, string[]][] = [
    ['Datum', [`${letter.place}, ${dutchDate(letter.date)}`]],
    ['Betreft', [letter.subject]],
    ['Onze referentie', [letter.reference]],
    ...(letter.yourReference ? [['Uw referentie', [letter.yourReference]] as [string, string[]]] : []),
  ];
  return [
    layoutTable(
      [ADDRESS_WIDTH, TEXT_WIDTH - ADDRESS_WIDTH],
      [[letter.addressee.map((l) => tight(l)), senderLines(letter.sender)]],
    ),
    new Paragraph({}),
    labelTable(labels),
    new Paragraph({}),
    ...sections(letter.sections),
    ...(letter.signature.length > 0 ? [new Paragraph({}), ...letter.signature.map((l) => tight(l))] : []),
  ];
}

function memoBody(memo: Memo): (Paragraph | Table)[] {
  const f = memo.fields;
  const left = (['to', 'from', 'via', 'copyTo', 'consultedWith'] as const).map(
    (key): [string, string[] | undefined] => [MEMO_FIELD_LABELS[key], f[key]],
  );
  const right: [string, string[] | undefined][] = [
    [MEMO_FIELD_LABELS.date, [dutchDate(f.date)]],
    [MEMO_FIELD_LABELS.reference, f.reference ? [f.reference] : undefined],
    [MEMO_FIELD_LABELS.draftedBy, f.draftedBy],
    [
      MEMO_FIELD_LABELS.deadline,
      f.deadline ? [...(f.deadline.note ? [f.deadline.note] : []), dutchDate(f.deadline.date)] : undefined,
    ],
  ];
  const given = (rows: [string, string[] | undefined][]) =>
    rows.filter((r): r is [string, string[]] => r[1] !== undefined);
  // The right column lists each field as the Rijkshuisstijl's reference column does: the label in
  // bold above its value.
  const column = [
    ...senderLines(memo.sender),
    ...given(right).flatMap(([label, lines]) => [
      para(label, SMALL_BOLD, { spacing: { before: 120, after: 0 } }),
      ...lines.map((l) => tight(l, SMALL)),
    ]),
  ];
  const attachments = memo.attachments.map((a, i) => [String(i + 1), a.name, a.information]);
  return [
    layoutTable(
      [ADDRESS_WIDTH, TEXT_WIDTH - ADDRESS_WIDTH],
      [[[labelTable(given(left), ADDRESS_WIDTH - COLUMN_GAP)], column]],
    ),
    para(
      MEMO_PURPOSE_LABELS[memo.purpose],
      { bold: true, size: SIZE.purpose },
      { spacing: { before: 240, after: 240 } },
    ),
    tight('nota', SMALL),
    para(memo.title, {}, { heading: HeadingLevel.TITLE }),
    ...sections(memo.sections),
    ...(attachments.length > 0
      ? [
          para('Bijlagen', {}, { heading: HeadingLevel.HEADING_1 }),
          ...dataTable(['Volgnummer', 'Naam', 'Informatie'], attachments),
        ]
      : []),
  ];
}

/** The styles: the sender's font and sizes, Dutch as the language, headings with their outline level. */
function styles(font: string) {
  const bold = (size: number, italics = false) => ({ font, size, bold: true, italics, color: '000000' });
  const heading = (outlineLevel: number) => ({
    spacing: { before: 240, after: 120 },
    keepNext: true,
    keepLines: true,
    outlineLevel,
  });
  return {
    default: {
      document: {
        run: { font, size: SIZE.body, language: { value: 'nl-NL' } },
        // The rule must be given: LibreOffice reads a line height without it as exact, which cuts off a logo.
        paragraph: { spacing: { after: 180, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: { run: bold(SIZE.title), paragraph: { spacing: { after: 240 } } },
      heading1: { run: bold(SIZE.heading1), paragraph: heading(0) },
      heading2: { run: bold(SIZE.heading2, true), paragraph: heading(1) },
      caption: { run: bold(SIZE.small), paragraph: { spacing: { after: 60 } } },
    },
  };
}

/** The two lists: numbered paragraphs ("1.") and bullets, each of one level with a hanging indent. */
const numbering = {
  config: (
    [
      [NUMBERED, LevelFormat.DECIMAL, '%1.', 425],
      [BULLETS, LevelFormat.BULLET, '•', 284],
    ] as const
  ).map(([reference, format, text, indent]) => ({
    reference,
    levels: [{ level: 0, format, text, style: { paragraph: { indent: { left: indent, hanging: indent } } } }],
  })),
};

/**
 * The document's core properties carry its language too (dc:language), which the library does not
 * write: it is added to docProps/core.xml, so that Word, LibreOffice and a PDF made from the file
 * know the document is Dutch without looking at its text.
 */
async function withLanguage(buffer: Buffer, language: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const core = 'docProps/core.xml';
  const xml = await zip.file(core)!.async('string');
  zip.file(core, xml.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language>$&`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The .docx of a letter or memo. The input is parsed with its schema first, so the defaults
 * (the font, empty lists) apply and a document that breaks a rule is refused with its zod error.
 */
export async function renderDocx(input: LetterDocumentInput): Promise<Buffer> {
  const doc = LetterDocument.parse(input);
  const title = doc.kind === 'letter' ? doc.subject : doc.title;
  const [date, reference] =
    doc.kind === 'letter' ? [doc.date, doc.reference] : [doc.fields.date, doc.fields.reference];
  const file = new Document({
    title: xmlSafe(title),
    subject: xmlSafe(title),
    creator: xmlSafe(doc.sender.organisation),
    lastModifiedBy: xmlSafe(doc.sender.organisation),
    styles: styles(xmlSafe(doc.sender.font)),
    numbering,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: A4.width, height: A4.height }, margin: MARGIN },
        },
        // The first page has the letterhead in its place of the header of the pages after it.
        headers: {
          first: new Header({ children: [new Paragraph({})] }),
          default: followingHeader(date, reference),
        },
        footers: { first: pageFooter(), default: pageFooter() },
        children: [logo(doc.sender), ...(doc.kind === 'letter' ? letterBody(doc) : memoBody(doc))],
      },
    ],
  });
  return withLanguage(await Packer.toBuffer(file), 'nl-NL');
}
