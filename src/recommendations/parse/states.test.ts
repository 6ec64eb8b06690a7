import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import statesJson from './data/un-states.json' with { type: 'json' };
import { reportAbsent, sharedFile } from './shared-data.ts';
import { readStateGroup, resolveState, stateByIso3, statesInParenthesis } from './states.ts';
import { splitByStates, stateGroups } from './upr.ts';

/** Parts as expected: each part's text is already bare. */
const withBare = (parts: { text: string; recommendingStates: string[] }[]) =>
  parts.map((p) => ({ ...p, bareText: p.text }));

describe('the list of states', () => {
  it('holds the 193 UN member states and the 2 observer States, each name once', () => {
    const states = statesJson.states;
    expect(states.filter((s) => s.member)).toHaveLength(193);
    expect(states.filter((s) => !s.member).map((s) => s.name)).toEqual(['Holy See', 'State of Palestine']);
    const all = states.flatMap((s) => [s.name, ...s.aliases]).map((n) => n.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });

  it('resolves official, former and everyday names', () => {
    const name = (n: string) => resolveState(n)?.name ?? null;
    expect(name('Islamic Republic of Iran')).toBe('Iran (Islamic Republic of)');
    expect(name('Iran (Islamic Republic of)')).toBe('Iran (Islamic Republic of)');
    expect(name('Bolivarian Republic of Venezuela')).toBe('Venezuela (Bolivarian Republic of)');
    expect(name('Bolivia (Plurinational State of)')).toBe('Bolivia (Plurinational State of)');
    expect(name('United Kingdom')).toBe('United Kingdom of Great Britain and Northern Ireland');
    expect(name('Côte d’Ivoire')).toBe("Côte d'Ivoire");
    expect(name('the former Yugoslav Republic of Macedonia')).toBe('North Macedonia');
    expect(name('Turkey')).toBe('Türkiye');
    expect(name('Netherlands Antilles')).toBeNull();
    expect(name('ICRMW')).toBeNull();
  });

  it("reads UPR Info's spellings without guessing: '&', 'St', a missing hyphen, short forms", () => {
    const exact = (n: string) => resolveState(n, { fuzzy: false })?.iso3;
    expect(exact('Trinidad & Tobago')).toBe('TTO');
    expect(exact('St Vincent & the Grenadines')).toBe('VCT');
    expect(exact('St Lucia')).toBe('LCA');
    expect(exact('Guinea Bissau')).toBe('GNB');
    expect(exact('Sao Tome & Principe')).toBe('STP');
    expect(exact('DPR Korea')).toBe('PRK');
    expect(exact('Macedonia FYR')).toBe('MKD');
    expect(exact('Timor-Leste')).toBe('TLS');
  });

  it('gives every state its ISO 3166-1 alpha-3 code and its Dutch name, each once', () => {
    const states = statesJson.states;
    expect(statesJson.nameNlSource).toMatch(/^Dutch government usage \(unverified\)/);
    expect(new Set(states.map((s) => s.iso3)).size).toBe(195);
    expect(new Set(states.map((s) => s.nameNl)).size).toBe(195);
    for (const s of states) {
      expect(s.iso3, s.name).toMatch(/^[A-Z]{3}$/);
      expect(resolveState(s.name), s.name).toEqual({ name: s.name, iso3: s.iso3, nameNl: s.nameNl });
      expect(stateByIso3(s.iso3)!.name).toBe(s.name);
    }
    expect(resolveState('United Kingdom')).toEqual({
      name: 'United Kingdom of Great Britain and Northern Ireland',
      iso3: 'GBR',
      nameNl: 'Verenigd Koninkrijk',
    });
    expect(resolveState('Islamic Republic of Iran')).toMatchObject({ iso3: 'IRN', nameNl: 'Iran' });
    expect(resolveState("Côte d'Ivoire")).toMatchObject({ iso3: 'CIV', nameNl: 'Ivoorkust' });
    expect(resolveState('Netherlands')).toMatchObject({ iso3: 'NLD', nameNl: 'Nederland' });
    expect(resolveState('Viet Nam')).toMatchObject({ iso3: 'VNM', nameNl: 'Vietnam' });
  });

  it('matches however a source spells the name: accents, "the", official names, small typos', () => {
    const name = (n: string, fuzzy = true) => resolveState(n, { fuzzy })?.name ?? null;
    expect(name('Cote d Ivoire')).toBe("Côte d'Ivoire");
    expect(name('TÜRKIYE')).toBe('Türkiye');
    expect(name('the Gambia')).toBe('Gambia');
    expect(name('Kingdom of Morocco')).toBe('Morocco');
    expect(name("People's Republic of China")).toBe('China');
    expect(name('Democratic Republic of Congo')).toBe('Democratic Republic of the Congo');
    expect(name('Iran (Islamic Republic of )')).toBe('Iran (Islamic Republic of)');
    expect(name('Trinidad an Tobago')).toBe('Trinidad and Tobago');
    expect(name('Trinidad an Tobago', false)).toBeNull();
    expect(name('Azerbaidjan')).toBe('Azerbaijan');
    // short names are never guessed: Niger is not Nigeria, Romani is not Romania
    expect(name('Niger')).toBe('Niger');
    expect(name('Romani')).toBeNull();
    expect(name('Atlantis')).toBeNull();
    // adjectives and peoples are no typos of a state
    expect(name('Bulgarian')).toBeNull();
    expect(name('Latvians')).toBeNull();
    expect(readStateGroup('Slovenian')).toBeNull();
  });

  it('reads a group name by name, and says which names it could not read', () => {
    expect(readStateGroup('Mexico; Egypt')).toEqual({
      states: ['Mexico', 'Egypt'],
      unresolved: [],
      corrected: [],
    });
    expect(readStateGroup('Argentina Chile, Guatemala')!.states).toEqual(['Argentina', 'Chile', 'Guatemala']);
    expect(readStateGroup('Iran (Islamic Republic of )')!.states).toEqual(['Iran (Islamic Republic of)']);
    expect(readStateGroup('Trinidad an Tobago')).toEqual({
      states: ['Trinidad and Tobago'],
      unresolved: [],
      corrected: [['Trinidad an Tobago', 'Trinidad and Tobago']],
    });
    expect(readStateGroup('Spain, Atlantis, Portugal')).toEqual({
      states: ['Spain', 'Portugal'],
      unresolved: ['Atlantis'],
      corrected: [],
    });
    expect(readStateGroup('ICRMW')).toBeNull();
    expect(readStateGroup('France, CAT')).toBeNull();
    expect(readStateGroup('in consultation with civil society')).toBeNull();
    expect(readStateGroup('Atlantis')).toBeNull();
  });

  it('reads several states from one parenthesis, also with parentheses and commas in their names', () => {
    expect(
      statesInParenthesis('Senegal, Sierra Leone, Venezuela (Bolivarian Republic of),Peru, Uruguay'),
    ).toEqual(['Senegal', 'Sierra Leone', 'Venezuela (Bolivarian Republic of)', 'Peru', 'Uruguay']);
    expect(statesInParenthesis('Korea, Republic of')).toEqual(['Republic of Korea']);
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
    expect(find('121.2 ').parts).toEqual(
      withBare([
        {
          text: 'Complete the process of ratification of the International Convention for the Protection of All Persons from Enforced Disappearance',
          recommendingStates: ['Ukraine'],
        },
        {
          text: 'Increase efforts towards ratification of the International Convention for the Protection of All Persons from Enforced Disappearance',
          recommendingStates: ['Slovakia'],
        },
      ]),
    );
  });
});
