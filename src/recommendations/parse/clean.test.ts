import { describe, expect, it } from 'vitest';
import { cleanBlocks, cleanText, isPageFurniture } from './clean.ts';

describe('clean-up of text taken out of PDFs', () => {
  it('joins words hyphenated at a line end, but keeps real hyphens', () => {
    const text = [
      'Het kabinet deelt de analyse van de Mensen-',
      'rechtenraad over de provincie Noord-',
      'Holland en de follow-',
      'up van de aanbevelingen, ook in anti-',
      'discriminatiebeleid en het EU-',
      'instrumentarium; de verschil-',
      ' lende categorieën van asylum-',
      'seekers.',
    ].join('\n');
    expect(cleanText(text)).toBe(
      'Het kabinet deelt de analyse van de Mensenrechtenraad over de provincie Noord-Holland en de follow-up ' +
        'van de aanbevelingen, ook in anti-discriminatiebeleid en het EU-instrumentarium; de verschillende ' +
        'categorieën van asylum-seekers.',
    );
  });

  it('removes page headers and footers: the symbol, "page 12", the GE number, Kamerstuk footers', () => {
    expect(isPageFurniture('A/HRC/8/31', 'A/HRC/8/31')).toBe(true);
    expect(isPageFurniture('A/HRC/8/31 page 12', 'A/HRC/8/31')).toBe(true);
    expect(isPageFurniture('page 12')).toBe(true);
    expect(isPageFurniture('- 3 -')).toBe(true);
    expect(isPageFurniture('GE.08-13610 (E) 300508')).toBe(true);
    expect(isPageFurniture('2     GE.17-19673')).toBe(true);
    expect(isPageFurniture('Tweede Kamer, vergaderjaar 2022–2023, 32 735, nr. 354 4')).toBe(true);
    expect(isPageFurniture('A/HRC/8/31 13 May 2008', 'A/HRC/8/31')).toBe(false);
    expect(isPageFurniture('12. The Committee recommends')).toBe(false);

    const text = [
      '12. The Committee is concerned that the provisions of the Covenant are not',
      'directly applicable in the domestic legal order of the State party and that they',
      '',
      'GE.17-19673',
      '\fE/C.12/NLD/CO/7',
      'page 3',
      '',
      'are rarely invoked before the courts.',
    ].join('\n');
    expect(cleanBlocks(text, { symbol: 'E/C.12/NLD/CO/7' })).toEqual([
      {
        text:
          '12. The Committee is concerned that the provisions of the Covenant are not directly applicable in the ' +
          'domestic legal order of the State party and that they are rarely invoked before the courts.',
        line: 1,
      },
    ]);
  });

  it('removes lines repeated at the top of the pages without knowing them', () => {
    const page = (n: number, body: string) => `Report of the Special Committee\nSession ${n}\n${body}\n`;
    const text = [
      page(1, 'First paragraph.'),
      page(2, 'Second paragraph.'),
      page(3, 'Third paragraph.'),
    ].join('\f');
    expect(cleanBlocks(text).map((b) => b.text)).toEqual([
      'First paragraph.',
      'Second paragraph.',
      'Third paragraph.',
    ]);
  });

  it('joins a paragraph number to its text, and a paragraph cut by a page break', () => {
    const text =
      '1. \t\nRatify the Convention (France);\n\n2.\n\nAccede to the\n\n\nOptional Protocol (Peru).';
    expect(cleanBlocks(text)).toEqual([
      { text: '1. Ratify the Convention (France);', line: 1 },
      { text: '2. Accede to the Optional Protocol (Peru).', line: 4 },
    ]);
  });

  it('keeps headings, list items and paragraphs apart', () => {
    const text = [
      'C. Principal subjects of concern and recommendations',
      'Non-discrimination',
      '12. The Committee recommends that the State party:',
      '(a) Adopt a strategy;',
      '(b) Collect data.',
      'Poverty',
      '13. The Committee urges the State party to act.',
    ].join('\n');
    expect(cleanBlocks(text).map((b) => b.text)).toEqual([
      'C. Principal subjects of concern and recommendations',
      'Non-discrimination',
      '12. The Committee recommends that the State party:',
      '(a) Adopt a strategy;',
      '(b) Collect data.',
      'Poverty',
      '13. The Committee urges the State party to act.',
    ]);
  });

  it('is linear on a long line without breaks', () => {
    const long = `${'word ('.repeat(50_000)}end`;
    const blocks = cleanBlocks(long);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text.length).toBe(long.length);
  });
});
