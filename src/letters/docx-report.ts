/**
 * The layout of a report (schema.ts Report) as a .docx: the annual human rights report. A title
 * page of its own (the logo, the title, the subtitle, the sender and the month), then the chapters
 * from a new page, with the title at the top and "Pagina X van Y" at the foot of every page after
 * the title page. Chapter headings are Heading 1 and 2 (the navigation pane, a PDF's bookmarks);
 * tables repeat their header row on every page.
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
  TextRun,
} from 'docx';
import { xmlSafe } from '../followup/overview.ts';
import { A4, MARGIN, documentStyles, logo, numbering, para, sections, withLanguage } from './docx-blocks.ts';
import { monthYear } from './dates.ts';
import type { Report } from './schema.ts';

/** Font sizes in half points: the body at 10 pt, the title at 22 pt. */
const SIZE = { body: 20, small: 15, heading1: 26, heading2: 22, title: 44, subtitle: 28 };

function titlePage(doc: Report): Paragraph[] {
  const centred = (text: string, size: number, bold = false, before = 0) =>
    para(text, { size, bold }, { alignment: AlignmentType.CENTER, spacing: { before, after: 240 } });
  return [
    logo(doc.sender),
    para(
      doc.title,
      {},
      { heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { before: 2400 } },
    ),
    ...(doc.subtitle ? [centred(doc.subtitle, SIZE.subtitle)] : []),
    centred(doc.sender.organisation, SIZE.body, true, 1200),
    centred(monthYear(doc.date), SIZE.body),
  ];
}

const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: SIZE.small,
            children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });

const titleHeader = (title: string) =>
  new Header({ children: [para(title, { size: SIZE.small }, { alignment: AlignmentType.RIGHT })] });

/** The .docx of a report, parsed already (renderDocx in docx.ts parses and dispatches here). */
export async function renderReportDocx(doc: Report): Promise<Buffer> {
  const page = { size: { width: A4.width, height: A4.height }, margin: MARGIN };
  const file = new Document({
    title: xmlSafe(doc.title),
    subject: xmlSafe(doc.subtitle || doc.title),
    creator: xmlSafe(doc.sender.organisation),
    lastModifiedBy: xmlSafe(doc.sender.organisation),
    styles: documentStyles({
      font: xmlSafe(doc.sender.font),
      language: 'nl-NL',
      size: SIZE,
      after: 160,
      line: 276,
      headingBefore: 360,
      titleAfter: 480,
    }),
    numbering,
    sections: [
      { properties: { page }, children: titlePage(doc) },
      {
        properties: { page },
        headers: { default: titleHeader(doc.title) },
        footers: { default: pageFooter() },
        children: sections(doc.sections),
      },
    ],
  });
  return withLanguage(await Packer.toBuffer(file), 'nl-NL');
}
