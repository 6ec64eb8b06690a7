import { describe, expect, it } from 'vitest';
import { features, stem, words } from './tokenize.ts';

describe('the suggestion model tokeniser', () => {
  it('stems the forms of a word to one', () => {
    expect(['ratify', 'ratifies', 'ratified'].map(stem)).toEqual(['ratify', 'ratify', 'ratify']);
    expect(['rights', 'right'].map(stem)).toEqual(['right', 'right']);
    expect(stem('protecting')).toBe(stem('protected'));
    expect(stem('status')).toBe('status');
  });

  it('lower-cases, drops accents, stop words, numbers and single letters', () => {
    expect(words("Ratify the Women’s Convention of 1979 in Côte d'Ivoire")).toEqual([
      'ratify',
      'women',
      'convention',
      'cote',
      'ivoir',
    ]);
  });

  it('gives words and pairs of neighbouring words', () => {
    expect(features('Abolish the death penalty')).toEqual([
      'abolish',
      'death',
      'penalty',
      'abolish death',
      'death penalty',
    ]);
    expect(features('')).toEqual([]);
  });
});
