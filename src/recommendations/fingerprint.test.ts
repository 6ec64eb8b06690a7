import { describe, expect, it } from 'vitest';
import { bareText, comparable, fingerprint, matchText, similarity } from './fingerprint.ts';
import { FUZZY_THRESHOLD } from './merge-match.ts';
import { uprCycleOfSymbol, uprSessionInText } from './upr-sessions.ts';

const sim = (a: string, b: string) => similarity(comparable(matchText(a)), comparable(matchText(b)));

describe('the identity of a recommendation', () => {
  it('takes the closing state attributions off, and keeps groups within the text', () => {
    expect(bareText('Ratify the ICMW (Argentina) (Côte d’Ivoire).', ['Argentina', "Côte d'Ivoire"])).toBe(
      'Ratify the ICMW',
    );
    expect(bareText('Defend the family (Iran (Islamic Republic of));', ['Iran (Islamic Republic of)'])).toBe(
      'Defend the family',
    );
    expect(bareText('Accede to the Convention (ICRMW) and report (Peru)', ['Peru'])).toBe(
      'Accede to the Convention (ICRMW) and report',
    );
    // A text without recommending states keeps its closing group: it is not an attribution.
    expect(bareText('Ratify the Optional Protocol (OP-CAT).', [])).toBe(
      'Ratify the Optional Protocol (OP-CAT)',
    );
    // Nor is a closing group that names no state, even when the source names recommending states.
    expect(bareText('Ratify the Optional Protocol (OP-CAT).', ['Peru'])).toBe(
      'Ratify the Optional Protocol (OP-CAT)',
    );
    expect(bareText('Protect children against violence (2)', ['Austria'])).toBe(
      'Protect children against violence (2)',
    );
  });

  it('compares words: quotes, dashes, case and the openings one source adds do not count', () => {
    expect(matchText('Recommended that lawmakers discharge their “responsibility”.')).toBe(
      matchText('Lawmakers discharge their "responsibility"'),
    );
    expect(matchText('To ensure proper representation of minorities')).toBe(
      matchText('Ensure proper representation of minorities.'),
    );
    expect(matchText('anti‐terrorism')).toBe(matchText('anti-terrorism'));
  });

  it('is the same for the same recommendation in one UPR cycle, from a session or a report symbol', () => {
    const text = 'Take necessary steps to establish a national human rights institution.';
    const fromUprInfo = fingerprint({ stateUnderReview: 'Netherlands', uprSession: 1, text });
    const fromReport = fingerprint({
      stateUnderReview: 'Netherlands',
      symbol: 'A/HRC/8/31',
      text: 'Take necessary steps to establish a national human rights institution (New Zealand)',
      recommendingStates: ['New Zealand'],
    });
    expect(fromReport).toBe(fromUprInfo);
    expect(fingerprint({ stateUnderReview: 'Netherlands', uprSession: 13, text })).not.toBe(fromUprInfo);
    expect(fingerprint({ stateUnderReview: 'Belgium', uprSession: 1, text })).not.toBe(fromUprInfo);
  });

  it('takes a typo or a dropped word as the same, and two recommendations joined in one as another', () => {
    const icerd =
      'Implement all the articles of the International Convention on the Elimination of All Forms of Racial Discrimination';
    expect(sim(icerd, icerd.replace('the International', 'International'))).toBeGreaterThanOrEqual(
      FUZZY_THRESHOLD,
    );
    expect(sim(icerd, icerd.replace('Elimination', 'Elimnation'))).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(
      sim(
        'Take legal measures to deal with intolerance and initiate an awareness-raising campaign for the society at large to ensure a more generalized tolerance',
        'Initiate an awareness-raising campaign for the society at large to ensure a more generalized tolerance.',
      ),
    ).toBeLessThan(FUZZY_THRESHOLD);
  });
});

describe('UPR sessions and cycles', () => {
  it('maps report symbols to their cycle', () => {
    expect(uprCycleOfSymbol('A/HRC/8/31')).toBe(1);
    expect(uprCycleOfSymbol('A/HRC/21/15')).toBe(2);
    expect(uprCycleOfSymbol('A/HRC/36/15')).toBe(3);
    expect(uprCycleOfSymbol('A/HRC/52/15')).toBe(4);
    expect(uprCycleOfSymbol('A/HRC/WG.6/1/NLD/1')).toBe(1);
    expect(uprCycleOfSymbol('A/HRC/20/1')).toBeNull();
    expect(uprCycleOfSymbol('CRC/C/NLD/CO/5-6')).toBeNull();
  });

  it('reads the Working Group session a report names', () => {
    expect(
      uprSessionInText(
        'The Working Group on the Universal Periodic Review, established in accordance with Human Rights Council resolution 5/1 of 18 June 2007, held its first session from 7 to 18 April 2008.',
      ),
    ).toBe(1);
    expect(uprSessionInText('The Working Group on the Universal Periodic Review held its 13th session')).toBe(
      13,
    );
    expect(
      uprSessionInText(
        'The Working Group on the Universal Periodic Review, established …, held its twenty-eighth session',
      ),
    ).toBe(28);
    expect(
      uprSessionInText('The Working Group on the Universal Periodic Review held its fortieth session'),
    ).toBe(40);
    expect(uprSessionInText('No session here.')).toBeNull();
  });
});
