import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromBuffer } from './extract.ts';
import { detectKind } from './index.ts';
import { makePdf } from './test-files.ts';
import { parseTreatyBody } from './treaty-body.ts';
import type { ParsedDocument } from './types.ts';

/**
 * Concluding observations of seven treaty bodies on the Kingdom of the Netherlands, in the layout of
 * the text taken out of the UN PDF (constructed fixtures: see README.md): running headers, "GE."
 * footers, page numbers and form feeds, footnotes at the foot of a page with their markers in the
 * text, sections and subject headings, sub-paragraphs, a follow-up paragraph, dissemination and the
 * next report.
 */

const read = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

interface Expected {
  file: string;
  symbol: string;
  title: string;
  date: string;
  /** every record, in order; "*" marks the ones named in the follow-up paragraph */
  records: string[];
  followUpDueMonths?: number;
  followUpParagraphs?: string[];
  /** paragraph → exact text and heading */
  texts: Record<string, { text: string; heading: string }>;
}

const BODIES: Expected[] = [
  {
    file: 'tb-ccpr-c-nld-co-5.txt',
    symbol: 'CCPR/C/NLD/CO/5',
    title: 'Concluding observations on the fifth periodic report of the Netherlands',
    date: '2019-08-22',
    records: ['4', '4 (a)', '4 (b)', '6*', '8 (a)', '8 (b)', '10 (a)*', '10 (b)*', '10 (c)*', '12*'],
    // "by 26 July 2021", counted from the end of the session (26 July 2019)
    followUpDueMonths: 24,
    followUpParagraphs: ['6', '10', '12'],
    texts: {
      // the lead recommends before it introduces the sub-paragraphs; the marker "1" is gone
      'para 4': {
        text:
          'The State party should ensure that all the rights enshrined in the Covenant are equally enjoyed in all ' +
          "its constituent countries, in line with the Committee's previous recommendations.",
        heading:
          'C. Principal matters of concern and recommendations – Applicability of the Covenant in all the constituent countries',
      },
      // across a page break with footnotes, footer and running header in between
      'para 8 (a)': {
        text:
          'Ensure that administrative measures are subject to effective judicial review, with the persons ' +
          'concerned having access to the information on which the measures are based',
        heading: 'C. Principal matters of concern and recommendations – Counter-terrorism measures',
      },
    },
  },
  {
    file: 'tb-e-c12-nld-co-7.txt',
    symbol: 'E/C.12/NLD/CO/7',
    title: 'Concluding observations on the sixth periodic report of the Netherlands',
    date: '2017-11-06',
    records: ['4*', '6 (a)', '6 (b)*', '6 (c)', '7*', '8'],
    followUpDueMonths: 24,
    followUpParagraphs: ['4', '6 (b)', '7'],
    texts: {
      'para 7': {
        text:
          'The Committee urges the State party to establish a social minimum in Bonaire, Sint Eustatius and Saba ' +
          'that guarantees an adequate standard of living for all.',
        heading:
          'C. Principal subjects of concern and recommendations – Right to an adequate standard of living',
      },
      'para 8': {
        text:
          'The Committee recommends that the State party take fully into account its obligations under the Covenant ' +
          'and ensure the full enjoyment of the rights enshrined therein in the implementation of the 2030 Agenda ' +
          'for Sustainable Development, at the national level, with international assistance and cooperation when needed.',
        heading: 'D. Other recommendations',
      },
    },
  },
  {
    file: 'tb-cat-c-nld-co-7.txt',
    symbol: 'CAT/C/NLD/CO/7',
    title: 'Concluding observations on the seventh periodic report of the Netherlands',
    date: '2018-12-18',
    records: ['6', '8 (a)*', '8 (b)', '8 (c)', '10*', '12 (a)', '12 (b)*', '14'],
    // "by 7 December 2019", counted from the end of the session (7 December 2018)
    followUpDueMonths: 12,
    followUpParagraphs: ['8 (a)', '10', '12 (b)'],
    texts: {
      'para 8 (b)': {
        text: 'Ensure that minors cannot waive their right to legal assistance',
        heading: 'C. Principal subjects of concern and recommendations – Fundamental legal safeguards',
      },
      'para 14': {
        text:
          'The Committee invites the State party to consider ratifying the core United Nations human rights ' +
          'treaties to which it is not yet party.',
        heading: 'C. Principal subjects of concern and recommendations – Other issues',
      },
    },
  },
  {
    file: 'tb-crc-c-nld-co-5-6.txt',
    symbol: 'CRC/C/NLD/CO/5-6',
    title:
      'Concluding observations on the combined fifth and sixth periodic reports of the Kingdom of the Netherlands',
    date: '2023-03-09',
    // the Committee on the Rights of the Child has no follow-up procedure with a deadline
    records: ['4', '5 (a)', '5 (b)', '7 (a)', '7 (b)', '8', '10 (a)', '10 (b)', '10 (c)', '11', '12', '13'],
    texts: {
      'para 4': {
        text:
          "The Committee recommends that the State party ensure the realization of children's rights in accordance " +
          'with the Convention and the Optional Protocols thereto throughout the process of implementing the 2030 ' +
          'Agenda for Sustainable Development.',
        heading: 'III. Main areas of concern and recommendations',
      },
      // the lead "... taking note of target\n16.2 of the Sustainable Development Goals, the Committee recommends"
      'para 10 (c)': {
        text: 'Prohibit corporal punishment explicitly in Aruba, Curaçao and Sint Maarten.',
        heading:
          'E. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39) – Abuse and neglect',
      },
      // "I." after "H." is a letter, not the Roman one; a heading on two lines
      'para 11': {
        text:
          'The Committee recommends that the State party ensure access to inclusive education for all children with ' +
          'disabilities and reduce the number of children who are exempted from compulsory schooling.',
        heading: 'I. Education, leisure and cultural activities (arts. 28–31)',
      },
      'para 12': {
        text:
          'The Committee urges the State party to end the detention of children in migration situations and to ensure ' +
          'that asylum-seeking children are accommodated in child-friendly reception facilities, with access to ' +
          'education and health care.',
        heading:
          'J. Special protection measures (arts. 22, 30, 32, 33, 35, 36, 37 (b)–(d) and 38–40) – Asylum-seeking, refugee and migrant children',
      },
    },
  },
  {
    file: 'tb-cedaw-c-nld-co-7.txt',
    symbol: 'CEDAW/C/NLD/CO/7',
    title: 'Concluding observations on the seventh periodic report of the Netherlands',
    date: '2021-11-24',
    records: ['4', '5', '7 (a)', '7 (b)*', '7 (c)', '8', '8 (a)*', '8 (b)', '9*', '10', '12'],
    followUpDueMonths: 24,
    followUpParagraphs: ['7 (b)', '8 (a)', '9'],
    texts: {
      // "No. 35" ends no sentence; the footnote marker after "recommendation" is gone
      'para 8': {
        text:
          'The Committee recalls its general recommendation No. 35 (2017) on gender-based violence against women and ' +
          'reiterates its previous recommendation that the State party adopt a definition of rape based on the ' +
          'absence of consent.',
        heading: 'E. Principal areas of concern and recommendations – Gender-based violence against women',
      },
      'para 8 (b)': {
        text:
          'Ensure that there are sufficient shelters for women victims of gender-based violence, including women ' +
          'with disabilities, in all the constituent countries.',
        heading: 'E. Principal areas of concern and recommendations – Gender-based violence against women',
      },
      'para 5': {
        text:
          'It invites the States General of the Kingdom and the parliaments of Aruba, Curaçao and Sint Maarten, in ' +
          'line with their mandates, to take the necessary steps regarding the implementation of the present ' +
          'concluding observations.',
        heading: 'D. Parliament',
      },
    },
  },
  {
    file: 'tb-cerd-c-nld-co-22-24.txt',
    symbol: 'CERD/C/NLD/CO/22-24',
    title:
      'Concluding observations on the combined twenty-second to twenty-fourth periodic reports of the Netherlands',
    date: '2022-01-24',
    records: ['4 (a)*', '4 (b)*', '6*', '7', '8', '9'],
    followUpDueMonths: 12,
    followUpParagraphs: ['4 (a)', '4 (b)', '6'],
    texts: {
      // paragraph numbers and sub-paragraph letters on a line of their own, one line per paragraph
      'para 6': {
        text:
          'The Committee recommends that the State party effectively investigate and prosecute racist hate speech, ' +
          'including online, and condemn and distance itself from racist hate speech by public figures and politicians.',
        heading: 'C. Concerns and recommendations – Racist hate speech',
      },
      // "Follow-up to the Durban Declaration" is a recommendation, not the follow-up procedure
      'para 9': {
        text:
          'In the light of its general recommendation No. 33 (2009) on the follow-up to the Durban Review Conference, ' +
          'the Committee recommends that the State party give effect to the Durban Declaration and Programme of Action.',
        heading: 'D. Other recommendations – Follow-up to the Durban Declaration and Programme of Action',
      },
    },
  },
  {
    file: 'tb-crpd-c-nld-co-1.txt',
    symbol: 'CRPD/C/NLD/CO/1',
    title: 'Concluding observations on the initial report of the Kingdom of the Netherlands',
    date: '2024-09-23',
    records: ['4 (a)*', '4 (b)', '5', '7*', '8', '9'],
    followUpDueMonths: 12,
    followUpParagraphs: ['4 (a)', '7'],
    texts: {
      'para 7': {
        text:
          'The Committee urges the State party to repeal all legislation that permits substitute decision-making and ' +
          'to establish supported decision-making mechanisms that respect the autonomy, will and preferences of ' +
          'persons with disabilities.',
        heading: 'B. Specific rights (arts. 5–30) – Equal recognition before the law (art. 12)',
      },
      'para 9': {
        text:
          'The Committee recommends that the State party designate an independent monitoring mechanism in Aruba, ' +
          'Curaçao and Sint Maarten, in full compliance with the Paris Principles.',
        heading: 'C. Specific obligations (arts. 31–33) – National implementation and monitoring (art. 33)',
      },
    },
  },
];

const records = (doc: ParsedDocument) =>
  doc.recommendations.map((r) => `${r.paragraph.replace(/^para /, '')}${r.followUp ? '*' : ''}`);

describe.each(BODIES)('$symbol in the layout of the UN PDF', (e) => {
  const text = read(e.file);
  const doc = parseTreatyBody(text);
  const by = new Map(doc.recommendations.map((r) => [r.paragraph, r]));

  it('reads the symbol, title and date, and warns of nothing', () => {
    expect(detectKind(text)).toBe('treaty_body');
    expect(doc).toMatchObject({ kind: 'treaty_body', symbol: e.symbol, title: e.title, date: e.date });
    expect(doc.warnings).toEqual([]);
  });

  it('finds every recommendation paragraph and sub-paragraph, and only those', () => {
    // not: the introduction, positive aspects, concerns, dissemination, the next report, the follow-up paragraph
    expect(records(doc)).toEqual(e.records);
    for (const r of doc.recommendations) {
      expect(r.recommendingStates).toEqual([]);
      expect(r.position).toBeNull();
    }
  });

  it('marks the paragraphs named in the follow-up paragraph, with the months to report in', () => {
    expect(doc.followUpDueMonths).toBe(e.followUpDueMonths);
    expect(doc.followUpParagraphs).toEqual(e.followUpParagraphs);
  });

  it('keeps the exact text and subject heading, without page furniture or footnotes', () => {
    for (const [paragraph, want] of Object.entries(e.texts)) {
      expect(by.get(paragraph), paragraph).toMatchObject(want);
    }
    for (const r of doc.recommendations) {
      expect(r.heading, r.paragraph).toBeTruthy();
      expect(r.text, r.paragraph).not.toMatch(/GE\.\d{2}-|\*\d{6,}\*|Adopted by the Committee|Distr\./);
      expect(r.text, r.paragraph).not.toContain(e.symbol);
      // no footnote text ("1 CCPR/C/NLD/CO/4, para. 5.") and no marker glued to a word ("recommendations.1")
      expect(r.text, r.paragraph).not.toMatch(/\p{L}[.,]?\d\b(?! \()|\b\d \p{Lu}{2,}\//u);
    }
  });

  it('gives each record the line where it starts', () => {
    const lines = text.split('\n');
    for (const r of doc.recommendations) {
      const line = lines[r.sourceLine - 1]!.trim();
      const sub = / \(([a-z])\)$/.exec(r.paragraph)?.[1];
      if (sub) expect(line.startsWith(`(${sub})`), r.paragraph).toBe(true);
      else expect(line.startsWith(`${r.paragraph.replace(/^para /, '')}.`), r.paragraph).toBe(true);
    }
  });
});

describe('the same concluding observations from a PDF (no blank lines, one text item per line)', () => {
  // The test PDF has Helvetica with WinAnsi: the en dash becomes a hyphen in both. The CERD fixture
  // has a line per paragraph, wider than the test PDF's page.
  const pdfBodies = BODIES.filter((e) => !e.file.startsWith('tb-cerd'));

  it.each(pdfBodies)('$symbol', async (e) => {
    const text = read(e.file).replace(/\u2013/g, '-');
    const pdf = makePdf(text.split('\f').map((page) => page.split('\n').map((l) => l.trim())));
    const extracted = await extractFromBuffer(pdf, `${e.symbol.replace(/\//g, '-')}.pdf`);
    const fromPdf = parseTreatyBody(extracted.text);
    const fromText = parseTreatyBody(text);
    expect(extracted.text).not.toMatch(/\n\s*\n/);
    expect(fromPdf.warnings).toEqual([]);
    expect(records(fromPdf)).toEqual(e.records);
    expect(fromPdf.followUpDueMonths).toBe(e.followUpDueMonths);
    expect(fromPdf.recommendations.map((r) => [r.text, r.heading])).toEqual(
      fromText.recommendations.map((r) => [r.text, r.heading]),
    );
  });
});
