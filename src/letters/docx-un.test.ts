import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.ts';
import { unDate } from './docx-un.ts';
import { LetterDocument, type LetterDocumentInput } from './schema.ts';

/**
 * The UN layout (the UPR addendum): the masthead, the title block, numbered paragraphs, English as
 * the language, the symbol atop the pages after the first and "Page X of Y" or no page furniture.
 * LibreOffice reads generated addenda back in generators/render.test.ts.
 */
const addendum = {
  kind: 'un_document',
  symbol: 'A/HRC/52/15/Add.1',
  date: '2023-03-15',
  sessionLines: [
    'Human Rights Council',
    'Fifty-second session',
    'Agenda item 6',
    'Universal periodic review',
  ],
  titleLines: [
    'Report of the Working Group on the Universal Periodic Review',
    'Netherlands (Kingdom of the)',
    'Addendum',
  ],
  sections: [
    {
      heading: 'Introduction',
      blocks: [{ type: 'numbered', items: ['The Kingdom of the Netherlands welcomes the recommendations.'] }],
    },
    {
      heading: 'Recommendations supported',
      blocks: [{ type: 'numbered', items: ['98.1 Ratify the Convention.'] }],
    },
  ],
} satisfies LetterDocumentInput;

async function parts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = async (re: RegExp) =>
    (await Promise.all(zip.file(re).map((f) => f.async('string')))).join('\n');
  return {
    document: await read(/^word\/document\.xml$/),
    styles: await read(/^word\/styles\.xml$/),
    core: await read(/^docProps\/core\.xml$/),
    headers: await read(/^word\/header\d*\.xml$/),
    footers: await read(/^word\/footer\d*\.xml$/),
  };
}

describe('the UN layout', () => {
  it('writes the masthead, the title block and the numbered paragraphs, in English', async () => {
    const p = await parts(await renderDocx(addendum));
    for (const t of [
      'United Nations',
      'A/HRC/52/15/Add.1',
      'General Assembly',
      'Distr.: General',
      '15 March 2023',
      'Original: English',
    ])
      expect(p.document).toContain(`>${t}</w:t>`);
    for (const t of [...addendum.sessionLines, ...addendum.titleLines])
      expect(p.document).toContain(`>${t}</w:t>`);
    expect(p.document.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(2);
    expect(new Set([...p.document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])).size).toBe(1);
    expect(p.styles).toContain('w:ascii="Times New Roman"');
    expect(p.styles).toContain('w:val="en-GB"');
    expect(p.core).toContain('<dc:language>en-GB</dc:language>');
    expect(p.headers).toContain('A/HRC/52/15/Add.1');
    expect(p.footers.match(/Page /g)).toHaveLength(2);
    expect(p.footers).toMatch(/>NUMPAGES</);
  });

  it('leaves out the page numbers when asked, and refuses an addendum without a title', async () => {
    const p = await parts(await renderDocx({ ...addendum, pageNumbers: false }));
    expect(p.footers).toBe('');
    expect(LetterDocument.safeParse({ ...addendum, titleLines: [] }).error!.issues[0]!.message).toBe(
      'needs at least one line',
    );
    expect(['2023-03-15', '2017-07-01'].map(unDate)).toEqual(['15 March 2023', '1 July 2017']);
  });
});
