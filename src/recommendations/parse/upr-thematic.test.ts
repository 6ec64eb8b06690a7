import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromBuffer } from './extract.ts';
import { detectKind, parseDocument } from './index.ts';
import { makeThematicListDocx, type ThematicItem } from './ohchr-list-docx.ts';
import { reportAbsent, sharedFile } from './shared-data.ts';

/** OHCHR's thematic lists of UPR recommendations: the position of each row. */

const ROWS: ThematicItem[] = [
  { theme: 'A12 Acceptance of international norms' },
  {
    text: '115.1 Take further steps for the ratification of several international treaties in the field of human rights that were signed by Slovenia since the first UPR cycle (Croatia);',
    source: 'A/HRC/28/15/Add.1 - Para. 3',
    position: 'Supported',
    themes: ['A12 Acceptance of international norms'],
    affected: ['general'],
  },
  {
    text: '116.4 Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Egypt) (Guatemala, Sierra Leone);',
    source: 'A/HRC/28/15/Add.1 - Para. 5',
    position: 'Noted',
    themes: ['A12 Acceptance of international norms', 'G4 Migrants'],
    affected: ['migrants'],
  },
  { theme: 'B32 Racial discrimination' },
  {
    text: '115.60 Finalize the ratification of the Framework Convention (Democratic Republic of the Congo); Speed up the adoption of the strategy for the Roma community (Burkina Faso);',
    source: 'A/HRC/28/15/Add.1 - Para. 3',
    position: 'Supported',
    themes: ['B32 Racial discrimination', 'G1 Members of minorities'],
  },
  {
    text: '115.42\nPromote equality before the law for all persons (Ghana);',
    source: 'A/HRC/28/15/Add.1 - Para. 3',
    position: 'Supported',
    themes: [
      'B31 Equality & non-discrimination',
      '16.3 - Promote the rule of law at the national and international levels',
    ],
  },
  {
    text: '116.9 Recognize the Serbian, Croatian and Bosnian communities as national minorities (Serbia);',
    source: 'A/HRC/28/15/Add.1 - Para. 5',
    position: 'Supported/Noted',
    themes: ['B32 Racial discrimination'],
  },
  {
    text: '115.71 Adopt measures against hate speech (Trinidad an Tobago);',
    source: 'A/HRC/28/15/Add.1 - Para. 3',
    position: '',
    themes: ['B32 Racial discrimination'],
  },
];

describe('an OHCHR thematic list as a Word table (Supported or Noted on each row)', async () => {
  const buf = await makeThematicListDocx(
    ['UPR of Slovenia (2nd Cycle – 20th session)', 'Thematic list of recommendations'],
    ROWS,
  );
  const { text, format } = await extractFromBuffer(buf, 'thematic-list.docx');

  it('is recognised as UPR recommendations by --kind auto', () => {
    expect(format).toBe('docx');
    expect(detectKind(text)).toBe('upr');
  });

  it('reads the position, states, theme and bare text of each row', () => {
    const doc = parseDocument(text, 'auto');
    expect(doc).toMatchObject({
      kind: 'upr',
      symbol: 'A/HRC/28/15',
      title: 'Thematic list of UPR recommendations: Slovenia',
    });
    expect(
      doc.recommendations.map((r) => [r.paragraph, r.position, r.recommendingStates, r.heading]),
    ).toEqual([
      ['115.1', 'supported', ['Croatia'], 'A12 Acceptance of international norms'],
      ['116.4', 'noted', ['Egypt', 'Guatemala', 'Sierra Leone'], 'A12 Acceptance of international norms'],
      [
        '115.60',
        'supported',
        ['Democratic Republic of the Congo', 'Burkina Faso'],
        'B32 Racial discrimination',
      ],
      ['115.42', 'supported', ['Ghana'], 'B32 Racial discrimination'],
      ['116.9', 'supported_in_part', ['Serbia'], 'B32 Racial discrimination'],
      ['115.71', null, ['Trinidad and Tobago'], 'B32 Racial discrimination'],
    ]);
    const byPara = new Map(doc.recommendations.map((r) => [r.paragraph, r]));
    expect(byPara.get('116.4')!.bareText).toBe(
      'Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
    );
    expect(byPara.get('115.60')!.parts!.map((p) => [p.bareText, p.recommendingStates])).toEqual([
      ['Finalize the ratification of the Framework Convention', ['Democratic Republic of the Congo']],
      ['Speed up the adoption of the strategy for the Roma community', ['Burkina Faso']],
    ]);
    expect(doc.warnings).toEqual([
      '115.71 (line 83): "Trinidad an Tobago" read as Trinidad and Tobago.',
      '115.71 (line 83): the row gives no position.',
    ]);
  });
});

const LISTS = [
  ['data/ohchr-thematic-lists/cycle2_UPR20_Slovenia_ThematicListRecommendations_E.txt', 'A/HRC/28/15'],
  ['data/ohchr-thematic-lists/cycle3_UPR34_Slovenia_Thematic_list_of_Recommendations.txt', 'A/HRC/43/15'],
] as const;

describe('the real OHCHR thematic lists (Slovenia, cycles 2 and 3, text of the .docx)', () => {
  for (const [rel, symbol] of LISTS) {
    const file = sharedFile(rel);
    if (!file) {
      reportAbsent(rel);
      continue;
    }
    it(`${rel}: every row with its position and states`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n').map((l) => l.trim());
      const expected = { supported: 0, noted: 0 };
      for (const l of lines) {
        if (l === 'Supported') expected.supported++;
        if (l === 'Noted') expected.noted++;
      }
      const rows = lines.filter((l) => /^\d{2,3}\.\d{1,3}\s/.test(l)).length;
      expect(detectKind(text)).toBe('upr');
      const doc = parseDocument(text, 'auto');
      expect(doc.symbol).toBe(symbol);
      expect(doc.recommendations).toHaveLength(rows);
      expect(expected.supported + expected.noted).toBe(rows);
      expect(doc.recommendations.filter((r) => r.position === 'supported')).toHaveLength(expected.supported);
      expect(doc.recommendations.filter((r) => r.position === 'noted')).toHaveLength(expected.noted);
      for (const r of doc.recommendations)
        expect(r.recommendingStates.length, r.paragraph).toBeGreaterThan(0);
      expect(doc.warnings).toEqual([]);
    });
  }
});
