import { describe, expect, it } from 'vitest';
import { cleanBlocks, cleanText, isPageFurniture, removeEditorialNotes } from './clean.ts';

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

  it('keeps the hyphen of compounds cut at a line end and mends "ill- treatment"', () => {
    const text = [
      'Combat the speech of far-',
      'right parties, recognize same-',
      'sex couples, prevent ill- treatment and gender-',
      'based violence, and set up the national in-',
      'stitution in a self- regulating way with the par-',
      'ticipation of pre- and post-natal care workers.',
    ].join('\n');
    expect(cleanText(text)).toBe(
      'Combat the speech of far-right parties, recognize same-sex couples, prevent ill-treatment and ' +
        'gender-based violence, and set up the national institution in a self-regulating way with the ' +
        'participation of pre- and post-natal care workers.',
    );
  });

  it("follows the document's own spelling of a word cut at a line end", () => {
    const text = [
      'The peace-keeping forces and the',
      'cooperation with the peace-',
      'keeping missions; the co-',
      'operation of the courts and the cooperation of the police.',
    ].join('\n');
    expect(cleanText(text)).toBe(
      'The peace-keeping forces and the cooperation with the peace-keeping missions; the cooperation of the ' +
        'courts and the cooperation of the police.',
    );
  });

  it('removes footnotes at the bottom of a page, and their references, when the page refers to them', () => {
    const text = [
      'Report of the Working Group\u2217',
      '',
      'Conclusions and/or recommendations\u2217\u2217',
      '90.1 Ratify the Convention on Migrant Workers2 (Mexico);',
      '90.2 Adopt a plan to combat',
      '',
      '\u2217 The annex to the present report is circulated as received.',
      '\u2217\u2217 The conclusions and recommendations have not been edited.',
      '2 Made on behalf of a group of States (Brazil).',
      'GE.10-11870',
      '\fA/HRC/14/15',
      'racism in sport (Peru);',
      '12 The number of States in the group (Chile) is not a footnote without a reference.',
    ].join('\n');
    expect(cleanBlocks(text, { symbol: 'A/HRC/14/15' }).map((b) => b.text)).toEqual([
      'Report of the Working Group*',
      'Conclusions and/or recommendations**',
      '90.1 Ratify the Convention on Migrant Workers (Mexico);',
      '90.2 Adopt a plan to combat racism in sport (Peru); 12 The number of States in the group (Chile) is not a footnote without a reference.',
    ]);
  });

  it('removes the standard editorial notes wherever the PDF put them', () => {
    expect(
      removeEditorialNotes(
        'Ensure the follow-up (Guatemala) ** Conclusions and recommendations have not been edited.',
      ),
    ).toBe('Ensure the follow-up (Guatemala)');
    expect(
      removeEditorialNotes('Adopt a plan (Peru). * The conclusions and recommendations will not be edited.'),
    ).toBe('Adopt a plan (Peru).');
    expect(
      removeEditorialNotes(
        'Adopt a plan (Peru). * The annex to the present report is circulated as received.',
      ),
    ).toBe('Adopt a plan (Peru).');
    expect(
      removeEditorialNotes(
        'Adopt a plan (Peru). ** The present document was not edited before being sent to the United Nations translation services.',
      ),
    ).toBe('Adopt a plan (Peru).');
    const kept =
      'All conclusions and/or recommendations contained in the present report reflect the position of the State.';
    expect(removeEditorialNotes(kept)).toBe(kept);
  });

  it('is linear on a long line without breaks', () => {
    const long = `${'word ('.repeat(50_000)}end`;
    const blocks = cleanBlocks(long);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text.length).toBe(long.length);
  });
});
