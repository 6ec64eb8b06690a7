import { describe, expect, it } from 'vitest';
import { Dictionary, expandQuery } from './query-expansion.ts';

const dictionary = new Dictionary().add([
  { nl: ['kinderen', 'kind'], en: ['children', 'child'] },
  { nl: ['geweld'], en: ['violence'] },
  { nl: ['huiselijk geweld'], en: ['domestic violence'] },
  { nl: ['Mensenhandel'], en: ['trafficking in persons'] },
]);

describe('Dutch words of a search with their English words', () => {
  it('translates words and prefers the longest phrase', () => {
    expect(expandQuery('kinderen', dictionary)).toEqual({
      parts: [{ text: 'kinderen', english: ['children', 'child'] }],
      alsoSearched: ['children', 'child'],
    });
    expect(expandQuery('Huiselijk geweld tegen kinderen', dictionary)).toEqual({
      parts: [
        { text: 'huiselijk geweld', english: ['domestic violence'] },
        { text: 'tegen', english: [] },
        { text: 'kinderen', english: ['children', 'child'] },
      ],
      alsoSearched: ['domestic violence', 'children', 'child'],
    });
    expect(expandQuery('MENSENHANDEL', dictionary)?.alsoSearched).toEqual(['trafficking in persons']);
  });

  it('leaves searches without Dutch words and searches in the search syntax as they are', () => {
    expect(expandQuery('children education', dictionary)).toBeNull();
    expect(expandQuery('"huiselijk geweld"', dictionary)).toBeNull();
    expect(expandQuery('kinderen -arbeid', dictionary)).toBeNull();
    expect(expandQuery('kinderen or geweld', dictionary)).toBeNull();
  });
});
