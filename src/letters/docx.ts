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
 * tables repeat their header row on every page, and every footer says "Pagina X van Y". A UN
 * document (the UPR addendum) has its own layout, in docx-un.ts, and a report (the annual human rights
 * report) in docx-report.ts.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { xmlSafe } from '../followup/overview.ts';
import {
  documentStyles,
  A4,
  MARGIN,
  TEXT_WIDTH,
  cell,
  dataTable,
  logo,
  numbering,
  para,
  runs,
  sections,
  tight,
  withLanguage,
} from './docx-blocks.ts';
import { dutchDate } from './dates.ts';
import { renderReportDocx } from './docx-report.ts';
import { renderUnDocx } from './docx-un.ts';
import {
  LetterDocument,
  MEMO_FIELD_LABELS,
  MEMO_PURPOSE_LABELS,
  type Letter,
  type LetterDocumentInput,
  type Memo,
  type Sender,
} from './schema.ts';

/** Font sizes in half points: the body at 9 pt and the sender's column at 7.5 pt, as the Rijkshuisstijl sets them. */
const SIZE = { body: 18, small: 15, heading1: 20, heading2: 18, title: 24, purpose: 24 };
/** The space between the columns of the letterhead and of the labels. */
const COLUMN_GAP = 170;
/** The width of the label column of "Datum", "Betreft", … and of a memo's fields. */
const LABEL_WIDTH = 2268;

/** Text at 7.5 pt, as the sender's column and the running header have it. */
const SMALL = { size: SIZE.small };
const SMALL_BOLD = { size: SIZE.small, bold: true };

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

/** The sender's column: the organisation in bold, its unit and its addresses, at 7.5 pt. */
const senderLines = (sender: Sender) =>
  [sender.organisation, sender.unit ?? [], sender.addressLines]
    .flat()
    .map((line, i) => tight(line, i === 0 ? SMALL_BOLD : SMALL));

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

/**
 * The .docx of a letter, memo or UN document (docx-un.ts). The input is parsed with its schema first, so the defaults
 * (the font, empty lists) apply and a document that breaks a rule is refused with its zod error.
 */
export async function renderDocx(input: LetterDocumentInput): Promise<Buffer> {
  const doc = LetterDocument.parse(input);
  if (doc.kind === 'un_document') return renderUnDocx(doc);
  if (doc.kind === 'report') return renderReportDocx(doc);
  const title = doc.kind === 'letter' ? doc.subject : doc.title;
  const [date, reference] =
    doc.kind === 'letter' ? [doc.date, doc.reference] : [doc.fields.date, doc.fields.reference];
  const file = new Document({
    title: xmlSafe(title),
    subject: xmlSafe(title),
    creator: xmlSafe(doc.sender.organisation),
    lastModifiedBy: xmlSafe(doc.sender.organisation),
    styles: documentStyles({
      font: xmlSafe(doc.sender.font),
      language: 'nl-NL',
      size: SIZE,
      after: 180,
      line: 264,
      headingBefore: 240,
      titleAfter: 240,
    }),
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
