/**
 * The parts every layout of src/letters/ shares: A4 and its margins, paragraphs and runs, data
 * tables whose header row repeats, the blocks of a section (paragraphs, numbered paragraphs that
 * continue over the whole document, bullets, tables), the section headings (Heading 1 and 2, which
 * give a PDF its bookmarks), the numbering definitions and the document's language in its core
 * properties. docx.ts lays out the government's letters and memos with them, docx-un.ts the UN's documents.
 */
import {
  AlignmentType,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  LineRuleType,
  type IParagraphOptions,
} from 'docx';
import JSZip from 'jszip';
import { xmlSafe } from '../followup/overview.ts';
import { pngSize, type Block, type Section, type Sender } from './schema.ts';

/** A4 in twentieths of a point. */
export const A4 = { width: 11906, height: 16838 };
/** Margins: 2.5 cm at the left (for binding and filing), 2 cm elsewhere; headers and footers at 1 cm. */
export const MARGIN = { top: 1134, right: 1134, bottom: 1134, left: 1418, header: 567, footer: 567 };
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** The sizes (half points) and spacing (twentieths of a point) of a kind of document's styles. */
export interface StyleSpec {
  font: string;
  language: 'nl-NL' | 'en-GB';
  size: { body: number; small: number; heading1: number; heading2: number; title: number };
  /** Space after a paragraph, and the line height (240 = single). */
  after: number;
  line: number;
  /** Space before a heading, and after the title. */
  headingBefore: number;
  titleAfter: number;
}

/** The styles of a document: its font and sizes, its language, headings with their outline level. */
export function documentStyles(s: StyleSpec) {
  const bold = (size: number, italics = false) => ({
    font: s.font,
    size,
    bold: true,
    italics,
    color: '000000',
  });
  const heading = (outlineLevel: number) => ({
    spacing: { before: s.headingBefore, after: 120 },
    keepNext: true,
    keepLines: true,
    outlineLevel,
  });
  return {
    default: {
      document: {
        run: { font: s.font, size: s.size.body, language: { value: s.language } },
        // The rule must be given: LibreOffice reads a line height without it as exact, which cuts off a logo.
        paragraph: { spacing: { after: s.after, line: s.line, lineRule: LineRuleType.AUTO } },
      },
      title: { run: bold(s.size.title), paragraph: { spacing: { after: s.titleAfter } } },
      heading1: { run: bold(s.size.heading1), paragraph: heading(0) },
      heading2: { run: bold(s.size.heading2, true), paragraph: heading(1) },
      caption: { run: bold(s.size.small), paragraph: { spacing: { after: 60 } } },
    },
  };
}

export const NUMBERED = 'numbered-paragraphs';
export const BULLETS = 'bullets';

/** What a run of text may set here: bold, and the size in half points. */
export type RunStyle = { bold?: boolean; size?: number };

/** A text as runs: each line of it after a line break (a run keeps no "\n"). */
export const runs = (text: string, style: RunStyle = {}) =>
  xmlSafe(text)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));

/** A paragraph of a text, with the style of its runs and the options of the paragraph. */
export const para = (text: string, style: RunStyle = {}, options: Omit<IParagraphOptions, 'children'> = {}) =>
  new Paragraph({ ...options, children: runs(text, style) });

/** A paragraph without space after it, for the lines of a table cell or an address. */
export const tight = (text: string, style: RunStyle = {}) => para(text, style, { spacing: { after: 0 } });

/** A table cell of the given width; a cell must hold at least one paragraph. */
export const cell = (width: number, children: (Paragraph | Table)[], header = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: children.length > 0 ? children : [new Paragraph({})],
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
  });

/** The logo's largest size in pixels (96 to the inch): about 6 × 2.6 cm. */
const LOGO_BOX = { width: 230, height: 100 };

/**
 * The logo, centred at the top of the first page, scaled into LOGO_BOX with its proportions kept.
 * It is the first paragraph of the body rather than part of the first page's header, so the
 * letterhead under it makes room for it in Word and LibreOffice alike, whatever its height.
 */
export function logo(sender: Sender): Paragraph {
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
export function dataTable(columns: string[], rows: string[][], caption?: string): (Paragraph | Table)[] {
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
export function block(b: Block): (Paragraph | Table)[] {
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

export function sections(list: Section[]): (Paragraph | Table)[] {
  return list.flatMap((s) => [
    para(s.heading, {}, { heading: HeadingLevel.HEADING_1 }),
    ...s.blocks.flatMap(block),
    ...s.subsections.flatMap((sub) => [
      para(sub.heading, {}, { heading: HeadingLevel.HEADING_2 }),
      ...sub.blocks.flatMap(block),
    ]),
  ]);
}

/** The two lists: numbered paragraphs ("1.") and bullets, each of one level with a hanging indent. */
export const numbering = {
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
 * know the document's language (Dutch, or English for a UN document) without looking at its text.
 */
export async function withLanguage(buffer: Buffer, language: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const core = 'docProps/core.xml';
  const xml = await zip.file(core)!.async('string');
  zip.file(core, xml.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language>$&`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
