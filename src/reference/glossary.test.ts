import { describe, expect, it } from 'vitest';
import glossaryJson from './data/glossary.json' with { type: 'json' };
import { Glossary, loadGlossary } from './glossary.ts';

const find = (nl: string) => loadGlossary().find((e) => e.nl.includes(nl));

describe('the Dutch-English glossary', () => {
  it('has the declared shape, is marked unverified and has at least 250 entries', () => {
    const g = Glossary.parse(glossaryJson);
    expect(g.verified).toBe(false);
    expect(g.source).toMatch(/not an official translation/);
    expect(loadGlossary().length).toBeGreaterThanOrEqual(250);
  });

  it('writes Dutch words in lower case and gives each Dutch word one entry', () => {
    const words = loadGlossary().flatMap((e) => e.nl);
    expect(words.filter((w) => w !== w.toLowerCase())).toEqual([]);
    expect(words.length).toBe(new Set(words).size);
  });

  it('refuses a Dutch word mapped in two entries, and upper-case Dutch', () => {
    const twice = {
      source: 'x',
      verified: false,
      entries: [
        { nl: ['kinderen'], en: ['children'] },
        { nl: ['kinderen'], en: ['kids'] },
      ],
    };
    expect(Glossary.safeParse(twice).error?.issues[0]?.message).toMatch(/"kinderen" is also in entry 0/);
    const upper = { source: 'x', verified: false, entries: [{ nl: ['IVRK'], en: ['CRC'] }] };
    expect(Glossary.safeParse(upper).success).toBe(false);
    expect(Glossary.safeParse({ ...upper, entries: [] }).success).toBe(false);
  });

  it('translates the vocabulary of recommendations, singular and plural', () => {
    expect(find('kinderen')).toEqual({
      nl: ['kinderen', 'kind', 'kinderrechten', 'rechten van het kind'],
      en: ['children', 'child', 'rights of the child'],
    });
    expect(find('kind')).toBe(find('kinderen'));
    expect(find('ivrk')?.en).toContain('convention on the rights of the child');
    expect(find('kinderrechtenverdrag')).toBe(find('ivrk'));
    expect(find('vn-vrouwenverdrag')?.en).toContain('cedaw');
    expect(find('antifolterverdrag')?.en).toContain('convention against torture');
    expect(find('mensenhandel')?.en).toContain('trafficking');
    expect(find('discriminatie')?.en).toEqual(['discrimination']);
    expect(find('vreemdelingenbewaring')?.en).toContain('immigration detention');
    expect(find('caribisch nederland')?.en).toContain('caribbean netherlands');
    expect(find('ouderen')?.en).toContain('older persons');
    expect(find('mensen met een beperking')?.en).toContain('persons with disabilities');
    expect(find('huiselijk geweld')?.en).toEqual(['domestic violence']);
    expect(find('politiegeweld')?.en).toContain('police violence');
    expect(find('vrijheid van meningsuiting')?.en).toContain('freedom of expression');
    expect(find('vluchteling')).toBe(find('vluchtelingen'));
    expect(find('gedetineerde')).toBe(find('gedetineerden'));
  });
});
