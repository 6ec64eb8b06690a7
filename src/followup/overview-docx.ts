/**
 * The implementation overview of a cycle as a Word document that a ministry can paste into its next
 * state report or follow-up report: A4 landscape, the title as Heading 1, one table with the
 * columns of the .xlsx whose header row repeats on every page, and "Pagina X van Y" ("Page X of Y")
 * in the footer. Word and LibreOffice both read it.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { OverviewColumn, OverviewCycle, OverviewRow, Lang } from './overview.ts';
import { overviewTitle, xmlSafe } from './overview.ts';

/** A4 in twentieths of a point (portrait sizes; the library turns them for landscape). */
const A4 = { width: 11906, height: 16838 };
/** 2 cm margins. */
const MARGIN = 1134;
const TABLE_WIDTH = A4.height - 2 * MARGIN;

/** The lines of a cell's text, each its own paragraph (a run keeps no line breaks). */
const cellParagraphs = (text: string, bold = false) =>
  xmlSafe(text)
    .split(/\r?\n/)
    .map((line) => new Paragraph({ children: [new TextRun(bold ? { text: line, bold } : line)] }));

export async function overviewDocx(
  cycle: OverviewCycle,
  columns: OverviewColumn[],
  rows: OverviewRow[],
  lang: Lang,
): Promise<Buffer> {
  const title = overviewTitle(cycle, lang);
  // The columns share the width of the page as they share it in the workbook.
  const total = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => Math.floor((TABLE_WIDTH * c.width) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: cellParagraphs(text, header),
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
    });

  const table = new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header[lang], i, true)),
      }),
      ...rows.map((r) => new TableRow({ children: columns.map((c, i) => cell(c.value(r, lang), i, false)) })),
    ],
  });

  const [page, of] = lang === 'nl' ? ['Pagina ', ' van '] : ['Page ', ' of '];
  const doc = new Document({
    creator: 'Rightsdesk',
    title,
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 18, language: { value: lang === 'nl' ? 'nl-NL' : 'en-GB' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [page, PageNumber.CURRENT, of, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, text: title }), table],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
