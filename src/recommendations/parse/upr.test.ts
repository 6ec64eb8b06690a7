import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportAbsent, sharedFile } from './shared-data.ts';
import { classifyUprPosition, parseUpr, splitByStates } from './upr.ts';
import { detectKind } from './index.ts';

/** Parts as expected: each part's text is already bare. */
const withBare = (parts: { text: string; recommendingStates: string[] }[]) =>
  parts.map((p) => ({ ...p, bareText: p.text }));

const REAL = 'data/un-documents/A-HRC-8-31-netherlands-upr-2008.txt';
const realFile = sharedFile(REAL);

describe('the real UPR Working Group report on the Netherlands, 2008 (A/HRC/8/31)', () => {
  if (!realFile) return reportAbsent(REAL);
  const text = fs.readFileSync(realFile, 'utf8');
  const doc = parseUpr(text);
  const byPara = new Map(doc.recommendations.map((r) => [r.paragraph, r]));

  it('is recognised as a UPR report, with its symbol, date and title', () => {
    expect(detectKind(text)).toBe('upr');
    expect(doc).toMatchObject({
      kind: 'upr',
      symbol: 'A/HRC/8/31',
      date: '2008-05-13',
      title: 'Report of the Working Group on the Universal Periodic Review: The Netherlands',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('finds all 31 recommendations of paragraph 78 (counted by hand), in order, each with its states', () => {
    expect(doc.recommendations).toHaveLength(31);
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual(
      Array.from({ length: 31 }, (_, i) => `78.${i + 1}`),
    );
    for (const r of doc.recommendations) {
      expect(r.recommendingStates.length, r.paragraph).toBeGreaterThan(0);
      // paragraph 79: "These recommendations will be examined by the Netherlands, which will provide a response in due time."
      expect(r.position, r.paragraph).toBe('pending');
      expect(r.followUp).toBe(false);
    }
  });

  it('keeps one record per number, with all states and the joined recommendations as parts (78.1)', () => {
    const r = byPara.get('78.1')!;
    expect(r.sourceLine).toBe(299);
    expect(r.text).toBe(
      'Ratify as soon as possible the International Convention on the Protection of All Persons from Enforced ' +
        'Disappearance (France); to ratify the Optional Protocol to the Convention against Torture and Other Cruel, ' +
        'Inhuman or Degrading Treatment or Punishment and the Optional Protocol to the Convention on the Rights of ' +
        'the Child on the involvement of children in armed conflict (Brazil) and to set clear time frames in this ' +
        'regard, and that the Human Rights Council be informed accordingly (Russian Federation)',
    );
    expect(r.recommendingStates).toEqual(['France', 'Brazil', 'Russian Federation']);
    expect(r.parts).toEqual(
      withBare([
        {
          text: 'Ratify as soon as possible the International Convention on the Protection of All Persons from Enforced Disappearance',
          recommendingStates: ['France'],
        },
        {
          text:
            'to ratify the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading ' +
            'Treatment or Punishment and the Optional Protocol to the Convention on the Rights of the Child on the ' +
            'involvement of children in armed conflict',
          recommendingStates: ['Brazil'],
        },
        {
          text: 'to set clear time frames in this regard, and that the Human Rights Council be informed accordingly',
          recommendingStates: ['Russian Federation'],
        },
      ]),
    );
  });

  it('resolves the names of the states to their UN short names', () => {
    expect(byPara.get('78.7')!.recommendingStates).toEqual(['Egypt', 'Peru', 'Algeria']);
    expect(byPara.get('78.9')!.recommendingStates).toEqual([
      'United Kingdom of Great Britain and Northern Ireland',
      'Russian Federation',
      'Algeria',
    ]);
    expect(byPara.get('78.11')!.recommendingStates).toEqual(['Iran (Islamic Republic of)', 'Saudi Arabia']);
    expect(byPara.get('78.13')!.recommendingStates).toEqual(['Türkiye', 'India']);
    expect(byPara.get('78.20')!.recommendingStates).toEqual(['Algeria', 'Republic of Korea']);
    expect(byPara.get('78.29')!.recommendingStates).toEqual(['Switzerland', 'Cuba']);
    expect(byPara.get('78.31')).toMatchObject({
      text: 'Work on promoting a society of tolerance through educational measures (Saudi Arabia).',
      recommendingStates: ['Saudi Arabia'],
      sourceLine: 391,
      position: 'pending',
    });
    expect(byPara.get('78.16')!.text).toBe(
      'Ensure the inclusion of a gender perspective as the follow-up to the UPR (Slovenia)',
    );
    const states = new Set(doc.recommendations.flatMap((r) => r.recommendingStates));
    expect(states.size).toBe(27);
  });
});

describe('a later UPR report in its PDF layout (fixture): sections with positions, numbers "131.1"', () => {
  const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/a-hrc-36-15-layout.txt'), 'utf8');
  const doc = parseUpr(text);

  it('reads every recommendation with the position of its section', () => {
    expect(doc).toMatchObject({ kind: 'upr', symbol: 'A/HRC/36/15', date: '2017-07-17' });
    expect(doc.recommendations.map((r) => [r.paragraph, r.position])).toEqual([
      ['131.1', 'pending'],
      ['131.2', 'pending'],
      ['131.3', 'pending'],
      ['132.1', 'supported'],
      ['132.2', 'supported'],
      ['133.1', 'noted'],
      ['133.2', 'noted'],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('resolves states with parentheses and commas in their names, also across lines and pages', () => {
    const by = new Map(doc.recommendations.map((r) => [r.paragraph, r]));
    expect(by.get('131.1')!.recommendingStates).toEqual([
      'Egypt',
      'Senegal',
      'Sierra Leone',
      'Venezuela (Bolivarian Republic of)',
      'Peru',
      'Uruguay',
    ]);
    expect(by.get('131.1')!.parts).toBeUndefined(); // "(Egypt) (Senegal, ...)": one recommendation
    expect(by.get('131.2')!.parts).toEqual(
      withBare([
        {
          text: 'Withdraw its reservation to article 14 of the International Covenant on Civil and Political Rights',
          recommendingStates: ['Iran (Islamic Republic of)'],
        },
        {
          text: 'Consider withdrawing its remaining reservations to the Convention on the Rights of the Child',
          recommendingStates: ['Bolivia (Plurinational State of)'],
        },
      ]),
    );
    expect(by.get('131.3')).toMatchObject({
      text:
        'Strengthen the legal protection against discrimination in Bonaire, Sint Eustatius and Saba, and in the ' +
        'Caribbean part of the Kingdom (United Kingdom of Great Britain and Northern Ireland)',
      recommendingStates: ['United Kingdom of Great Britain and Northern Ireland'],
    });
    expect(by.get('132.1')!.recommendingStates).toEqual(['Holy See']);
    expect(by.get('132.2')!.recommendingStates).toEqual(['State of Palestine']);
    expect(by.get('133.1')!.recommendingStates).toEqual(['Czechia', 'Türkiye']);
    expect(by.get('133.2')!.recommendingStates).toEqual(['North Macedonia']);
  });

  it('does not take acronyms or other parentheses for states', () => {
    expect(
      splitByStates('Ratify the Convention (ICRMW) and report to the Committee (CRC) (Peru)').states,
    ).toEqual(['Peru']);
    expect(splitByStates('Adopt a plan (in consultation with civil society)').states).toEqual([]);
  });
});

describe('the position of a list of UPR recommendations', () => {
  it('reads the usual wordings of the Working Group reports', () => {
    expect(
      classifyUprPosition(
        'The recommendations formulated during the interactive dialogue/listed below have been examined by the Netherlands and enjoy its support:',
      ),
    ).toBe('supported');
    expect(
      classifyUprPosition(
        'The following recommendations did not enjoy the support of the Netherlands and would thus be noted:',
      ),
    ).toBe('noted');
    expect(
      classifyUprPosition(
        'The following recommendations will be examined by the Netherlands, which will provide responses in due time, but no later than the thirty-sixth session:',
      ),
    ).toBe('pending');
    expect(
      classifyUprPosition('The following recommendations are supported in part by the Netherlands:'),
    ).toBe('supported_in_part');
    expect(
      classifyUprPosition(
        'In the course of the discussion, the following recommendations were made to the Netherlands:',
      ),
    ).toBeNull();
  });
});

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('a cycle 1 report in its PDF layout (fixture A/HRC/14/15): lists found by their structure', () => {
  const doc = parseUpr(fixture('upr-a-hrc-14-15-cycle1-layout.txt'));
  const by = new Map(doc.recommendations.map((r) => [r.paragraph, r]));

  it('finds the lists after "<State> agreed on the following" and "it was recommended that <State>:"', () => {
    expect(doc).toMatchObject({
      symbol: 'A/HRC/14/15',
      date: '2010-03-16',
      title: 'Report of the Working Group on the Universal Periodic Review: Slovenia',
    });
    expect(doc.recommendations.map((r) => [r.paragraph, r.position])).toEqual([
      ['110.1', 'supported'],
      ['110.2', 'supported'],
      ['110.3', 'supported'],
      // paragraph 112: "The response of Slovenia to these recommendations will be included in the outcome report"
      ['111.1', 'pending'],
      ['111.2', 'pending'],
      ['111.3', 'pending'],
      ['111.4', 'pending'],
    ]);
  });

  it('reads every name of a group of states: "(Mexico; Egypt)", "(Argentina Chile, Guatemala)", "(Iran (Islamic Republic of ))", a typo', () => {
    expect(by.get('110.1')!.recommendingStates).toEqual(['Mexico', 'Egypt']);
    expect(by.get('110.2')!.recommendingStates).toEqual(['Argentina', 'Chile', 'Guatemala']);
    expect(by.get('110.3')!.recommendingStates).toEqual(['Iran (Islamic Republic of)']);
    expect(by.get('111.1')!.recommendingStates).toEqual(['Trinidad and Tobago']);
    // "(Holy See, Atlantis)": the state is kept, the other name is warned about
    expect(by.get('111.3')!.recommendingStates).toEqual(['Holy See']);
    expect(doc.warnings).toEqual([
      '111.1 (line 40): "Trinidad an Tobago" read as Trinidad and Tobago.',
      '111.3 (line 47): "Atlantis" is not a state; left out of the recommending states.',
    ]);
  });

  it('keeps footnotes and page furniture out of the recommendations, also when they name a state', () => {
    expect(by.get('110.1')!.text).toBe(
      'Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members ' +
        'of Their Families (Mexico; Egypt)',
    );
    // the explanatory footnote 3 "... accepted at an earlier stage (Austria)." sat between the pages
    expect(by.get('111.3')).toMatchObject({
      text:
        'Adopt a comprehensive strategy against the discrimination of the Roma community in close cooperation ' +
        'with their representatives (Holy See, Atlantis)',
      recommendingStates: ['Holy See'],
    });
    expect(by.get('111.2')!.text).toMatch(/\(Burkina Faso\)$/);
    for (const r of doc.recommendations) {
      expect(r.text, r.paragraph).not.toMatch(
        /edited|circulated as received|delegation|Brazil|Austria|\u2217/,
      );
      expect(r.recommendingStates, r.paragraph).not.toContain('Brazil');
      expect(r.recommendingStates, r.paragraph).not.toContain('Austria');
    }
  });

  it('mends words cut at a line end or by a stray space: far-right, same-sex, ill-treatment', () => {
    expect(by.get('110.2')!.text).toContain('the activities of far-right groups, including in the media');
    expect(by.get('110.3')!.text).toContain('equality of same-sex couples in law');
    expect(by.get('111.1')!.text).toMatch(/^Prevent ill-treatment in police custody/);
  });

  it('splits a combined paragraph into parts, each with its own bare text and states', () => {
    const r = by.get('111.2')!;
    expect(r.recommendingStates).toEqual(['Democratic Republic of the Congo', 'Burkina Faso']);
    expect(r.parts).toEqual([
      {
        text: 'Finalize the ratification of the Optional Protocol to the Convention against Torture',
        bareText: 'Finalize the ratification of the Optional Protocol to the Convention against Torture',
        recommendingStates: ['Democratic Republic of the Congo'],
      },
      {
        text: 'Speed up the ratification of the Convention on the Rights of Persons with Disabilities',
        bareText: 'Speed up the ratification of the Convention on the Rights of Persons with Disabilities',
        recommendingStates: ['Burkina Faso'],
      },
    ]);
    expect(r.bareText).toBe(
      'Finalize the ratification of the Optional Protocol to the Convention against Torture; ' +
        'Speed up the ratification of the Convention on the Rights of Persons with Disabilities',
    );
    expect(by.get('110.3')!.bareText).toBe('Take measures to guarantee equality of same-sex couples in law');
    expect(by.get('111.4')!.bareText).toBe('Include human rights education in the school curricula');
  });
});

describe('a 2009 report in its PDF layout (fixture A/HRC/12/10): "will be examined by", a "∗∗" heading', () => {
  const doc = parseUpr(fixture('upr-a-hrc-12-10-examined-layout.txt'));
  const by = new Map(doc.recommendations.map((r) => [r.paragraph, r]));

  it('finds the section under its "∗∗" (U+2217) heading and every recommendation, pending', () => {
    expect(doc.warnings).toEqual([]);
    expect(doc.recommendations.map((r) => [r.paragraph, r.position])).toEqual([
      ['96.1', 'pending'],
      ['96.2', 'pending'],
      ['96.3', 'pending'],
      ['96.4', 'pending'],
    ]);
  });

  it('keeps "Conclusions and recommendations have not been edited" out of the last recommendation of the page', () => {
    expect(by.get('96.3')).toMatchObject({
      text:
        'Recognize the rights of indigenous peoples in the Constitution (Bolivia (Plurinational State of)); and ' +
        'implement the recommendations of the Special Rapporteur (Guatemala)',
      recommendingStates: ['Bolivia (Plurinational State of)', 'Guatemala'],
      bareText:
        'Recognize the rights of indigenous peoples in the Constitution; implement the recommendations of the Special Rapporteur',
    });
    expect(by.get('96.2')).toMatchObject({
      recommendingStates: ['Netherlands (Kingdom of the)', 'Canada', 'Czechia'],
      bareText:
        'Adopt a law against discrimination which covers sexual orientation and gender identity, and repeal ' +
        'the provisions that criminalize same-sex relations',
    });
    expect(by.get('96.2')!.parts).toBeUndefined();
  });
});

describe('positions and list openings in other wordings', () => {
  it('reads "will be included in the outcome report" as pending and "agreed on the following" as supported', () => {
    expect(
      classifyUprPosition(
        'The response of Slovenia to these recommendations will be included in the outcome report adopted by the Human Rights Council at its fourteenth session.',
      ),
    ).toBe('pending');
    expect(classifyUprPosition('Slovenia agreed on the following:')).toBe('supported');
    expect(classifyUprPosition('Slovenia did not agree with the following recommendations:')).toBe('noted');
    expect(
      classifyUprPosition('In the course of the discussion, it was recommended that Slovenia:'),
    ).toBeNull();
  });

  it('finds a list whose opening sentence it has never seen', () => {
    const text = [
      'Report of the Working Group on the Universal Periodic Review',
      'Chile',
      '',
      'II. Conclusions and/or recommendations',
      '',
      '80. During the dialogue the delegations put forward these points to Chile, in no particular order',
      '',
      '1. Ratify the Convention on Enforced Disappearance (France);',
      '',
      '2. Adopt a national action plan on human rights (Peru).',
      '',
      '81. The response of Chile to these recommendations will be included in the outcome report.',
    ].join('\n');
    expect(
      parseUpr(text).recommendations.map((r) => [r.paragraph, r.recommendingStates, r.position]),
    ).toEqual([
      ['80.1', ['France'], 'pending'],
      ['80.2', ['Peru'], 'pending'],
    ]);
  });
});
