import { docxPackage } from './test-files.ts';

/**
 * Test helper: a Word document in the layout of OHCHR's "thematic list of recommendations" of a
 * UPR review: a title, then one table with the columns Recommendation | Position | Full list of
 * themes | Assessment/comments on level of implementation, a row across all columns per theme
 * ("Theme: A12 Acceptance of international norms"), and per recommendation its text and the source
 * of its position in the first cell, Supported or Noted in the second, the themes and affected
 * persons in the third and an empty fourth.
 */

export interface ThematicRow {
  /** the recommendation with its number; a line break starts another paragraph of the cell */
  text: string;
  source: string;
  position: string;
  themes: string[];
  affected?: string[];
}

export type ThematicItem = { theme: string } | ThematicRow;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const WIDTHS = [4200, 1300, 2400, 2100];

const para = (text: string, bold = false) =>
  `<w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}` +
  `<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

const cell = (width: number, paragraphs: string[], extra = '') =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${extra}</w:tcPr>` +
  (paragraphs.length ? paragraphs.join('') : '<w:p/>') +
  '</w:tc>';

function row(item: ThematicItem): string {
  if ('theme' in item)
    return `<w:tr>${cell(
      WIDTHS.reduce((a, b) => a + b, 0),
      [para(`Theme: ${item.theme}`, true)],
      '<w:gridSpan w:val="4"/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>',
    )}</w:tr>`;
  const affected = item.affected?.length
    ? [para('Affected persons:'), ...item.affected.map((a) => para(`- ${a}`))]
    : [];
  return (
    '<w:tr>' +
    cell(WIDTHS[0]!, [
      ...item.text.split('\n').map((t) => para(t)),
      para(`Source of position: ${item.source}`),
    ]) +
    cell(WIDTHS[1]!, [para(item.position)]) +
    cell(WIDTHS[2]!, [...item.themes.map((t) => para(t)), ...affected]) +
    cell(WIDTHS[3]!, []) +
    '</w:tr>'
  );
}

export function makeThematicListDocx(title: string[], items: ThematicItem[]): Promise<Uint8Array> {
  const header = [
    'Recommendation',
    'Position',
    'Full list of themes',
    'Assessment/comments on level of implementation',
  ];
  const table =
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
      .map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
      .join('') +
    '</w:tblBorders></w:tblPr><w:tblGrid>' +
    WIDTHS.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
    '</w:tblGrid>' +
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${header.map((h, i) => cell(WIDTHS[i]!, [para(h, true)])).join('')}</w:tr>` +
    items.map(row).join('') +
    '</w:tbl>';
  return docxPackage(
    title.map((t) => para(t, true)).join('') +
      table +
      '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>',
  );
}
