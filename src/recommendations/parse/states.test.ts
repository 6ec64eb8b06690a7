import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import statesJson from './data/un-states.json' with { type: 'json' };
import { reportAbsent, sharedFile } from './shared-data.ts';
import { resolveState, statesInParenthesis } from './states.ts';
import { splitByStates, stateGroups } from './upr.ts';

describe('the list of states', () => {
  it('holds the 193 UN member states and the 2 observer States, each name once', () => {
    const states = statesJson.states;
    expect(states.filter((s) => s.member)).toHaveLength(193);
    expect(states.filter((s) => !s.member).map((s) => s.name)).toEqual(['Holy See', 'State of Palestine']);
    const all = states.flatMap((s) => [s.name, ...s.aliases]).map((n) => n.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });

  it('resolves official, former and everyday names', () => {
    expect(resolveState('Islamic Republic of Iran')).toBe('Iran (Islamic Republic of)');
    expect(resolveState('Iran (Islamic Republic of)')).toBe('Iran (Islamic Republic of)');
    expect(resolveState('Bolivarian Republic of Venezuela')).toBe('Venezuela (Bolivarian Republic of)');
    expect(resolveState('Bolivia (Plurinational State of)')).toBe('Bolivia (Plurinational State of)');
    expect(resolveState('United Kingdom')).toBe('United Kingdom of Great Britain and Northern Ireland');
    expect(resolveState('Côte d’Ivoire')).toBe("Côte d'Ivoire");
    expect(resolveState('the former Yugoslav Republic of Macedonia')).toBe('North Macedonia');
    expect(resolveState('Turkey')).toBe('Türkiye');
    expect(resolveState('Netherlands Antilles')).toBeNull();
    expect(resolveState('ICRMW')).toBeNull();
  });

  it('reads several states from one parenthesis, also with parentheses and commas in their names', () => {
    expect(
      statesInParenthesis('Senegal, Sierra Leone, Venezuela (Bolivarian Republic of),Peru, Uruguay'),
    ).toEqual(['Senegal', 'Sierra Leone', 'Venezuela (Bolivarian Republic of)', 'Peru', 'Uruguay']);
    expect(statesInParenthesis('Korea, Republic of')).toBeNull();
    expect(statesInParenthesis('Bosnia and Herzegovina, Algeria and Morocco')).toEqual([
      'Bosnia and Herzegovina',
      'Algeria',
      'Morocco',
    ]);
    expect(statesInParenthesis('France, CAT')).toBeNull();
  });
});

const LISTS = [
  'data/ohchr-thematic-lists/cycle2_UPR20_Slovenia_ThematicListRecommendations_E.txt',
  'data/ohchr-thematic-lists/cycle3_UPR34_Slovenia_Thematic_list_of_Recommendations.txt',
];

describe('the recommending states of every recommendation in the real OHCHR thematic lists (Slovenia)', () => {
  const files = LISTS.map((rel) => [rel, sharedFile(rel)] as const);
  const absent = files.find(([, f]) => !f);
  if (absent) return reportAbsent(absent[0]);
  const lines = files.flatMap(([, f]) =>
    fs
      .readFileSync(f!, 'utf8')
      .split('\n')
      .filter((l) => /^\d{2,3}\.\d{1,3}\s/.test(l)),
  );

  it('resolves the closing parenthesis of each of the 378 recommendations (163 + 215) to states', () => {
    expect(lines).toHaveLength(378);
    for (const line of lines) {
      const end = line.trimEnd().replace(/[;.]$/, '').length;
      const groups = stateGroups(line);
      expect(groups.length, line).toBeGreaterThan(0);
      expect(groups[groups.length - 1]!.end, line).toBe(end);
    }
  });

  it('gives the right states for the hard cases', () => {
    const find = (start: string) =>
      splitByStates(lines.find((l) => l.startsWith(start))!.replace(/^\S+\s+/, ''));
    expect(find('115.8 ').states).toEqual([
      'Senegal',
      'Sierra Leone',
      'Venezuela (Bolivarian Republic of)',
      'Peru',
      'Uruguay',
    ]);
    expect(find('121.1 ').states).toEqual(['France', 'Lithuania']);
    expect(find('121.2 ').parts).toEqual([
      {
        text: 'Complete the process of ratification of the International Convention for the Protection of All Persons from Enforced Disappearance',
        recommendingStates: ['Ukraine'],
      },
      {
        text: 'Increase efforts towards ratification of the International Convention for the Protection of All Persons from Enforced Disappearance',
        recommendingStates: ['Slovakia'],
      },
    ]);
  });
});
