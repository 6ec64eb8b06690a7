/**
 * The layout of a UN document (schema.ts UnDocument) as a .docx, in English: the state's addendum
 * to its UPR working group report as the UN publishes it. The first page opens with "United
 * Nations" and the symbol, the organ, the distribution, the date and the original language, then
 * the body and session at the left and the centred title block; the pages after it repeat the
 * symbol at the top. Section headings are Heading 1 and 2 (a PDF's bookmarks), paragraphs are
 * numbered on through the whole document, and every footer says "Page X of Y" unless the document
 * asks for no page furniture.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
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
  numbering,
  para,
  sections,
  tight,
  withLanguage,
} from './docx-blocks.ts';
import type { UnDocument } from './schema.ts';

/** Font sizes in half points: the body at 10 pt, as the UN's documents have it. */
const SIZE = { body: 20, small: 17, heading1: 22, heading2: 20, title: 24, symbol: 28, organ: 24 };
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);

/** A date as the UN writes it: "2023-03-31" → "31 March 2023". */
export function unDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

const LEFT = Math.round(TEXT_WIDTH * 0.55);

/** Two columns without borders; the row above the rule under the masthead gets a bottom border. */
const columns = (left: Paragraph[], right: Paragraph[], ruled = false) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, TEXT_WIDTH - LEFT],
    layout: TableLayoutType.FIXED,
    borders: ruled
      ? { ...TableBorders.NONE, bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' } }
      : TableBorders.NONE,
    margins: { top: 0, bottom: 60, left: 0, right: 0 },
    rows: [new TableRow({ children: [cell(LEFT, left), cell(TEXT_WIDTH - LEFT, right)] })],
  });

function masthead(doc: UnDocument): (Paragraph | Table)[] {
  const right = (text: string, bold = false, size = SIZE.body) =>
    para(text, { bold, size }, { alignment: AlignmentType.RIGHT, spacing: { after: 0 } });
  return [
    columns(
      [tight('United Nations', { bold: true, size: SIZE.organ })],
      [right(doc.symbol, true, SIZE.symbol)],
      true,
    ),
    columns(
      [tight(doc.organ, { bold: true, size: SIZE.organ })],
      [
        right(`Distr.: ${doc.distribution}`),
        right(unDate(doc.date)),
        new Paragraph({}),
        right(`Original: ${doc.original}`),
      ],
    ),
    new Paragraph({}),
    ...doc.sessionLines.map((l, i) => tight(l, i === 0 ? { bold: true } : {})),
    new Paragraph({}),
    ...doc.titleLines.map((l, i) =>
      para(
        l,
        { bold: true, size: i === 0 ? SIZE.title : SIZE.heading1 },
        {
          alignment: AlignmentType.CENTER,
          spacing: { after: 120 },
        },
      ),
    ),
    new Paragraph({}),
  ];
}

const symbolHeader = (symbol: string) =>
  new Header({
    children: [para(symbol, { bold: true, size: SIZE.small }, { alignment: AlignmentType.RIGHT })],
  });

const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: SIZE.small,
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });

/** The .docx of a UN document, parsed already (renderDocx in docx.ts parses and dispatches here). */
export async function renderUnDocx(doc: UnDocument): Promise<Buffer> {
  const title = doc.titleLines.join(' — ');
  const footer = doc.pageNumbers ? { first: pageFooter(), default: pageFooter() } : undefined;
  const file = new Document({
    title: xmlSafe(title),
    subject: xmlSafe(doc.symbol),
    styles: documentStyles({
      font: xmlSafe(doc.font),
      language: 'en-GB',
      size: SIZE,
      after: 120,
      line: 240,
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
        headers: { first: new Header({ children: [new Paragraph({})] }), default: symbolHeader(doc.symbol) },
        ...(footer ? { footers: footer } : {}),
        children: [...masthead(doc), ...sections(doc.sections)],
      },
    ],
  });
  return withLanguage(await Packer.toBuffer(file), 'en-GB');
}
