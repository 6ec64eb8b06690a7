import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findCitations,
  formatCitation,
  parseCitation,
  parseKamerstuk,
  parseVergaderjaar,
} from './citation.ts';

const SEED = path.resolve(
  import.meta.dirname,
  '../../../shared/seeds/kamerbrief-inzet-mensenrechtenraad-2020-2022.txt',
);

describe('Kamerstuk citations', () => {
  it.each([
    ['Kamerstuk 35 300 V, nr. 33', { dossier: 35300, toevoeging: 'V', nr: 33 }],
    [
      'Kamerstukken II 2019/20, 35 300 V, nr. 33',
      { dossier: 35300, toevoeging: 'V', nr: 33, kamer: 'II', vergaderjaar: '2019-2020' },
    ],
    [
      'Kamerstukken I 2019/2020, 35 300 V, nr. 33',
      { dossier: 35300, toevoeging: 'V', nr: 33, kamer: 'I', vergaderjaar: '2019-2020' },
    ],
    ['kst-35300-V-33', { dossier: 35300, toevoeging: 'V', nr: 33 }],
    ['35300-V-33', { dossier: 35300, toevoeging: 'V', nr: 33 }],
    ['21 501-32, nr. 1506', { dossier: 21501, toevoeging: '32', nr: 1506 }],
    ['kst-21501-32-1506', { dossier: 21501, toevoeging: '32', nr: 1506 }],
    ['21501-31-660', { dossier: 21501, toevoeging: '31', nr: 660 }],
    ['kst-36284-6', { dossier: 36284, toevoeging: null, nr: 6 }],
    ['Kamerstuk 34 952, nr. 1', { dossier: 34952, toevoeging: null, nr: 1 }],
    ['Kamerstuk 35 300 V nr. 33', { dossier: 35300, toevoeging: 'V', nr: 33 }],
    [
      'Tweede Kamer, vergaderjaar 2022–2023, 36 200 IV, nr. 49',
      { dossier: 36200, toevoeging: 'IV', nr: 49, kamer: 'II', vergaderjaar: '2022-2023' },
    ],
  ])('%s', (text, parts) => {
    expect(parseCitation(text)).toEqual({ ok: true, value: { type: 'kamerstuk', ...parts } });
  });

  it.each([
    ['', 'empty'],
    ['hello', 'unrecognised'],
    ['Kamerstuk 35 300 V', 'nr_missing'],
    ['Kamerstuk nr. 33', 'dossier_missing'],
    ['Kamerstuk 35 300 V, nr. 0', 'nr_invalid'],
    ['Kamerstuk 3 53 00, nr. 1', 'dossier_invalid'],
    ['Kamerstukken III 2019/20, 35 300 V, nr. 33', 'kamer_invalid'],
    ['Kamerstukken 2019/20, 35 300 V, nr. 33', 'kamer_missing'],
    ['Kamerstukken II, 35 300 V, nr. 33', 'vergaderjaar_missing'],
    ['Kamerstukken II 2019/21, 35 300 V, nr. 33', 'vergaderjaar_invalid'],
    ['kst-35300-V!-33', 'toevoeging_invalid'],
  ])('refuses "%s": %s', (text, problem) => {
    expect(parseCitation(text)).toEqual({ ok: false, problem });
  });

  it('writes the canonical form back', () => {
    const write = (t: string) => {
      const p = parseKamerstuk(t);
      if (!p.ok) throw new Error(p.problem);
      return formatCitation(p.value);
    };
    expect(write('kst-35300-V-33')).toBe('Kamerstuk 35 300 V, nr. 33');
    expect(write('Kamerstukken II 2019/2020, 35300 V, nr. 33')).toBe(
      'Kamerstukken II 2019/20, 35 300 V, nr. 33',
    );
    expect(write('kst-21501-32-1506')).toBe('Kamerstuk 21 501-32, nr. 1506');
    expect(write('36284-6')).toBe('Kamerstuk 36 284, nr. 6');
  });

  it('reads the parliamentary year in its written forms', () => {
    expect(parseVergaderjaar('2019/20')).toBe('2019-2020');
    expect(parseVergaderjaar('1999/00')).toBe('1999-2000');
    expect(parseVergaderjaar('2022–2023')).toBe('2022-2023');
    expect(parseVergaderjaar('2022/24')).toBeNull();
  });
});

describe('Handelingen citations', () => {
  it('parses and writes back', () => {
    const p = parseCitation('Handelingen II 2019/20, nr. 24, item 24');
    expect(p).toEqual({
      ok: true,
      value: { type: 'handelingen', kamer: 'II', vergaderjaar: '2019-2020', nr: 24, item: 24 },
    });
    if (p.ok) expect(formatCitation(p.value)).toBe('Handelingen II 2019/20, nr. 24, item 24');
    expect(parseCitation('Handelingen I 2023/24, nr. 5')).toMatchObject({
      ok: true,
      value: { kamer: 'I', item: null },
    });
  });
  it.each([
    ['Handelingen 2019/20, nr. 24', 'kamer_missing'],
    ['Handelingen III 2019/20, nr. 24', 'kamer_invalid'],
    ['Handelingen II, nr. 24', 'vergaderjaar_missing'],
    ['Handelingen II 2019/20, item 24', 'nr_missing'],
    ['Handelingen II 2019/20, nr. 24, blz. 3', 'item_invalid'],
  ])('refuses "%s": %s', (text, problem) => {
    expect(parseCitation(text)).toEqual({ ok: false, problem });
  });
});

describe('the seed kamerbrief on the Human Rights Council membership', () => {
  it('gives every citation it makes, including one split over two lines', () => {
    const found = findCitations(fs.readFileSync(SEED, 'utf8')).map((c) => formatCitation(c.citation));
    expect(found).toEqual([
      'Handelingen II 2019/20, nr. 24, item 24',
      'Kamerstuk 34 952, nr. 1',
      'Kamerstuk 35 300 V, nr. 33',
      'Kamerstuk 35 300 V, nr. 35',
      'Kamerstuk 34 775, nr. 44',
      'Kamerstuk 23 432, nr. 471',
    ]);
    const sjoerdsma = findCitations(fs.readFileSync(SEED, 'utf8'))[2]!.citation;
    expect(sjoerdsma).toEqual({ type: 'kamerstuk', dossier: 35300, toevoeging: 'V', nr: 33 });
  });
});
