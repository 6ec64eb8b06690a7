import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptionDate } from './header.ts';
import { detectKind } from './index.ts';
import { followUpRefs, parseTreatyBody, subParagraphs } from './treaty-body.ts';

const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/e-c12-nld-co-7-layout.txt'), 'utf8');

describe('concluding observations in their PDF layout (fixture with three pages, headers and footers)', () => {
  const doc = parseTreatyBody(text);
  const by = new Map(doc.recommendations.map((r) => [r.paragraph, r]));

  it('reads the symbol, the title and the date from the header', () => {
    expect(detectKind(text)).toBe('treaty_body');
    expect(doc).toMatchObject({
      kind: 'treaty_body',
      symbol: 'E/C.12/NLD/CO/7',
      title: 'Concluding observations on the sixth periodic report of the Netherlands',
      date: '2017-11-06',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('makes a record of each lettered sub-paragraph and of each recommendation paragraph without them', () => {
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual([
      'para 5 (a)',
      'para 5 (b)',
      'para 5 (c)',
      'para 7',
      'para 8',
      'para 9 (a)',
      'para 9 (b)',
      'para 9 (c)',
      'para 10',
    ]);
    // not: para 3 (positive aspects), para 4 and 6 (concerns only), para 11 and 13 (requests), para 12 (follow-up)
    for (const r of doc.recommendations) {
      expect(r.recommendingStates).toEqual([]);
      expect(r.position).toBeNull();
    }
  });

  it('keeps the text of each sub-paragraph, joined across lines, pages and hyphenation', () => {
    expect(by.get('para 5 (b)')).toMatchObject({
      text:
        'Raise awareness of the justiciability of economic, social and cultural rights among judges, lawyers and ' +
        'public officials, and among rights holders, through training and information campaigns',
      heading: 'C. Principal subjects of concern and recommendations – Domestic application of the Covenant',
      sourceLine: 48,
    });
    expect(by.get('para 9 (a)')!.text).toBe(
      'Review the level of the social assistance benefits and of the statutory minimum wage regularly, in ' +
        'consultation with the social partners',
    );
    expect(by.get('para 9 (c)')!.heading).toBe(
      'C. Principal subjects of concern and recommendations – Social security and poverty',
    );
    // A paragraph with a concern and a recommendation: the recommendation.
    expect(by.get('para 8')!.text).toBe(
      'The Committee recommends that the State party ensure that everyone in its territory has access to a ' +
        'minimum of shelter, food and sanitation, whatever his or her residence status.',
    );
    expect(by.get('para 7')!.heading).toBe(
      'C. Principal subjects of concern and recommendations – Non-discrimination',
    );
    expect(by.get('para 10')!.heading).toBe('D. Other recommendations');
    for (const r of doc.recommendations) expect(r.text).not.toMatch(/GE\.17|E\/C\.12\/NLD\/CO\/7|Adopted by/);
  });

  it('marks the follow-up recommendations and the months within which the State reports on them', () => {
    expect(doc.followUpDueMonths).toBe(24);
    expect(doc.followUpParagraphs).toEqual(['5 (a)', '7', '9 (b)']);
    expect(doc.recommendations.filter((r) => r.followUp).map((r) => r.paragraph)).toEqual([
      'para 5 (a)',
      'para 7',
      'para 9 (b)',
    ]);
  });
});

describe('pieces of the treaty-body parser', () => {
  it('reads the paragraph references of a follow-up paragraph', () => {
    expect(
      followUpRefs(
        'In accordance with rule 75 of its rules of procedure, the Committee requests the State party to provide, within 24 months of the adoption of the present concluding observations, information on the implementation of the recommendations made in paragraphs 12 (a), 25 and 31 above.',
      ),
    ).toEqual(['12 (a)', '25', '31']);
    expect(followUpRefs('the recommendations contained in paragraphs 14 (a) and (c) and 40 (b).')).toEqual([
      '14 (a)',
      '14 (c)',
      '40 (b)',
    ]);
  });

  it('reads the references as CAT ("see paras.") and CCPR (subjects in parentheses) write them', () => {
    expect(
      followUpRefs(
        "information on follow-up to the Committee's recommendations on legal safeguards and detention (see paras. 13, 21 (a) and 31 (b) above). In that context, see paragraph 40.",
      ),
    ).toEqual(['13', '21 (a)', '31 (b)']);
    expect(
      followUpRefs(
        'information on the implementation of the recommendations made by the Committee in paragraphs 11 (non-discrimination), 27 (asylum seekers) and 35 (a) above.',
      ),
    ).toEqual(['11', '27', '35 (a)']);
  });

  it('counts a follow-up date from the last day of the session that adopted the observations', () => {
    expect(
      adoptionDate('* Adopted by the Committee at its sixty-fifth session (12 November–7\nDecember 2018).'),
    ).toBe('2018-12-07');
    expect(adoptionDate('* Adopted by the Committee at its 126th session (1–26 July 2019).')).toBe(
      '2019-07-26',
    );
    expect(adoptionDate('Concluding observations')).toBeUndefined();
    const doc = parseTreatyBody(
      [
        'CAT/C/NLD/CO/7',
        'Distr.: General',
        '18 December 2018',
        '',
        '1. The State party should: (a) Adopt a plan; (b) Train the police.',
        '',
        "2. The Committee requests the State party to provide, by 7 December 2019, information on follow-up to the Committee's recommendations (see paras. 1 (b) above).",
        '',
        '3. The Committee requests the State party to submit its next periodic report, which will be its eighth, by 7 December 2022.',
      ].join('\n'),
    );
    // without the footnote, from the date of the document: 18 December 2018 → 7 December 2019
    expect(doc.followUpDueMonths).toBe(12);
    expect(doc.recommendations.map((r) => [r.paragraph, r.followUp])).toEqual([
      ['para 1 (a)', false],
      ['para 1 (b)', true],
    ]);
  });

  it('the follow-up paragraph of the brief, with "two years", and a recommendation without sub-paragraphs', () => {
    const doc = parseTreatyBody(
      [
        'CCPR/C/NLD/CO/5',
        'Concluding observations on the fifth periodic report of the Netherlands',
        '',
        'C. Principal subjects of concern and recommendations',
        '',
        '12. The Committee recommends that the State party:',
        '(a) Adopt a plan;',
        '(b) Collect data.',
        '',
        '13. The Committee reiterates its recommendation that the State party establish an independent body.',
        '',
        '14. In accordance with rule 75 of its rules of procedure, the Committee requests the State party to provide, within two years of the adoption of the present concluding observations, information on the implementation of the recommendations made in paragraphs 12 (a) and 13 above.',
      ].join('\n'),
    );
    expect(doc.symbol).toBe('CCPR/C/NLD/CO/5');
    expect(doc.followUpDueMonths).toBe(24);
    expect(doc.recommendations.map((r) => [r.paragraph, r.followUp])).toEqual([
      ['para 12 (a)', true],
      ['para 12 (b)', false],
      ['para 13', true],
    ]);
  });

  it('splits sub-paragraphs only at their markers, in order', () => {
    const r = subParagraphs(
      'The Committee urges the State party to: (a) Apply paragraph 15 (b) of the resolution; (b) Report; and (c) Consult.',
    );
    expect(r.lead).toBe('The Committee urges the State party to:');
    expect(r.subs).toEqual([
      { letter: 'a', text: 'Apply paragraph 15 (b) of the resolution' },
      { letter: 'b', text: 'Report' },
      { letter: 'c', text: 'Consult.' },
    ]);
  });
});
