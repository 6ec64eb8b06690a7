import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportAbsent, sharedFile } from './shared-data.ts';
import { classifyUprPosition, parseUpr, splitByStates } from './upr.ts';
import { detectKind } from './index.ts';

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
    expect(r.parts).toEqual([
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
    ]);
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
    expect(by.get('131.2')!.parts).toEqual([
      {
        text: 'Withdraw its reservation to article 14 of the International Covenant on Civil and Political Rights',
        recommendingStates: ['Iran (Islamic Republic of)'],
      },
      {
        text: 'Consider withdrawing its remaining reservations to the Convention on the Rights of the Child',
        recommendingStates: ['Bolivia (Plurinational State of)'],
      },
    ]);
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
