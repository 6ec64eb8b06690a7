/**
 * Dutch texts: the model learnt from English ones and reads a Dutch text with the English words of
 * its Dutch terms, so that an advisory council's recommendation gets the tags an English one would.
 */
import { describe, expect, it } from 'vitest';
import { isDutch, textForModel } from './dutch.ts';
import { loadModel } from './model.ts';

const labels = (text: string) =>
  loadModel()
    .suggest(text)
    .map((s) => `${s.vocabulary}:${s.label}`);

describe('Dutch texts', () => {
  it('tells Dutch from English', () => {
    expect(isDutch('Het kabinet moet huiselijk geweld en geweld tegen vrouwen krachtiger bestrijden.')).toBe(
      true,
    );
    expect(
      isDutch('Ensure that all children have access to education in the Caribbean part of the Kingdom.'),
    ).toBe(false);
    // Two Dutch names in an English text do not make it Dutch.
    expect(
      isDutch('Strengthen the Nationaal Preventiemechanisme of the Netherlands and its independence.'),
    ).toBe(false);
  });

  it('adds the English words of the Dutch terms, and leaves an English text as it is', () => {
    const english = 'Combat domestic violence against women.';
    expect(textForModel(english)).toBe(english);
    const dutch = 'Zorg ervoor dat kinderen met een handicap dezelfde toegang tot onderwijs hebben.';
    const read = textForModel(dutch);
    expect(read.startsWith(dutch)).toBe(true);
    expect(read).toContain('children');
  });

  it('suggests for a Dutch text the tags of its concern', () => {
    const children = labels(
      'Zorg ervoor dat kinderen met een handicap dezelfde toegang tot onderwijs hebben als andere kinderen.',
    );
    expect(children).toEqual(
      expect.arrayContaining(['uhri-group:children', 'upr-info-issue:Rights of the Child']),
    );
    expect(children).toContain('uhri-group:persons-with-disabilities');
    const violence = labels(
      'Het kabinet moet huiselijk geweld en geweld tegen vrouwen krachtiger bestrijden.',
    );
    expect(violence).toEqual(expect.arrayContaining(['uhri-group:women', "upr-info-issue:Women's rights"]));
    expect(violence).not.toContain('uhri-group:persons-with-disabilities');
  });
});
