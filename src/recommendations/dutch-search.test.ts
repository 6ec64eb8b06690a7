import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import { uploadUprInfo } from './test-upload.ts';
import { searchDictionary } from './dutch-search.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await uploadUprInfo(t, 'dutch.csv', [
    '1,Netherlands,WEOG,EU,"Ensure that all children in the Caribbean part of the Kingdom have access to education.",Portugal,WEOG,EU,Accepted,4,"Rights of the Child",14',
    '2,Netherlands,WEOG,EU,"Step up efforts to combat domestic violence against women.",Spain,WEOG,EU,Accepted,4,"Women\'s rights",14',
    '3,Netherlands,WEOG,EU,"Combat trafficking in persons, in particular of women and children.",Chile,GRULAC,,Accepted,4,"Trafficking",14',
    '4,Netherlands,WEOG,EU,"Ratify the Optional Protocol to the Convention against Torture.",Brazil,GRULAC,,Noted,5,"Torture and other CID treatment",14',
  ]);
});
afterAll(() => t?.close());

const search = async (q: string) =>
  (await t.call(await t.as('observer'), 'GET', `/api/recommendations?q=${encodeURIComponent(q)}`)).json() as {
    total: number;
    alsoSearched: string[];
    items: { text: string }[];
  };

describe('searching English recommendations in Dutch', () => {
  it('finds them through the glossary and says which words it also searched', async () => {
    const kids = await search('kinderen');
    expect(kids.total).toBe(2);
    expect(kids.alsoSearched).toContain('children');
    const violence = await search('huiselijk geweld');
    expect(violence.items.map((i) => i.text)).toEqual([
      'Step up efforts to combat domestic violence against women.',
    ]);
    expect((await search('mensenhandel')).total).toBe(1);
    // Every Dutch word must match: children who are trafficked, not all children.
    expect((await search('mensenhandel kinderen')).total).toBe(1);
    // A Dutch word too common to search for ("voor") does not empty the result.
    expect((await search('onderwijs voor kinderen')).total).toBe(1);
  });

  it('leaves English searches as they were', async () => {
    const english = await search('children');
    expect(english.total).toBe(2);
    expect(english.alsoSearched).toEqual([]);
  });

  it('knows the Dutch labels of the taxonomy', () => {
    expect(searchDictionary().size).toBeGreaterThan(250);
  });
});
