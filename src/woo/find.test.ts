import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData, phoneKey } from './find.ts';
import { Finding } from './schema.ts';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS), 'utf8');
/** What the published memos print where a civil servant's name was. */
const ANONYMISED = 'Bescherming persoonlijke levenssfeer';

const found = (text: string, names: string[] = []) =>
  findPersonalData(text, { names }).map((f) => `${f.kind}:${f.source}:${f.text}`);

/** A memo with every written form of phone number and e-mail address, and the traps around them. */
const SYNTHETIC_MEMO = `Aan
Minister van Binnenlandse Zaken en Koninkrijksrelaties

Van: Minister van BZK
Via\tBZK/DGDOO
Opgesteld door: Jan de Vries (DCZ)
Contactpersoon
Directie Constitutionele Zaken
Behandeld door: J.M. Bakker en Piet Jansen

Datum 06-12-2024, 10.30 uur; Onze referentie 2026-0000061160; plandatum 1 maart 2025.

Aanleiding
Zie Kamerstuk 35 300 V, nr. 33 en paragraaf 5.1.2 van de nota. Het budget is € 1.250.000 (2024-2025).
De Directie Constitutionele Zaken overlegde met mevrouw Van Dam en de heer De Vries. Van de
aanbevelingen is de helft overgenomen. Het Devriesland-project en de Vriesland-weg blijven staan.

Bereikbaar via 06-12345678, 06 1234 5678, 070 123 4567, 070-1234567, +31 (0)70 123 45 67,
+31 6 12345678, +297 582 1234 (Aruba), +599 9 123 4567 (Curaçao), +599 717 8000 (Bonaire) en
jan.devries@minbzk.nl of P.Jansen@rijksoverheid.nl.`;

describe('findPersonalData on the synthetic memo', () => {
  const findings = findPersonalData(SYNTHETIC_MEMO, { names: ['Jan de Vries'] });

  it('finds every name, number and address, in the order of the text', () => {
    expect(findings.map((f) => `${f.kind}:${f.source}:${f.text}`)).toEqual([
      'name:known:Jan de Vries',
      'name:pattern:J.M. Bakker',
      'name:pattern:Piet Jansen',
      'name:pattern:mevrouw Van Dam',
      'name:known:de heer De Vries',
      'phone:pattern:06-12345678',
      'phone:pattern:06 1234 5678',
      'phone:pattern:070 123 4567',
      'phone:pattern:070-1234567',
      'phone:pattern:+31 (0)70 123 45 67',
      'phone:pattern:+31 6 12345678',
      'phone:pattern:+297 582 1234',
      'phone:pattern:+599 9 123 4567',
      'phone:pattern:+599 717 8000',
      'email:pattern:jan.devries@minbzk.nl',
      'email:pattern:P.Jansen@rijksoverheid.nl',
    ]);
  });

  it('reports positions that point at the text, with valid, proposed findings under 5.1.2e', () => {
    for (const f of findings) {
      expect(SYNTHETIC_MEMO.slice(f.start, f.end)).toBe(f.text);
      expect(Finding.parse(f)).toEqual(f);
      expect(f).toMatchObject({ ground: '5.1.2e', decision: 'proposed' });
    }
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it.each([
    '06-12-2024',
    '2026-0000061160',
    '1 maart 2025',
    '35 300 V, nr. 33',
    '5.1.2',
    '€ 1.250.000',
    '2024-2025',
    'Directie Constitutionele Zaken',
    'Minister van BZK',
    'BZK/DGDOO',
    'Devriesland',
    'Vriesland',
    'Van de\naanbevelingen',
  ])('leaves "%s" alone', (trap) => {
    const at = SYNTHETIC_MEMO.indexOf(trap);
    expect(at).toBeGreaterThanOrEqual(0);
    const touching = findings.filter((f) => f.start < at + trap.length && f.end > at);
    expect(touching).toEqual([]);
  });

  it('gives the same ids to the same text, and other ids at other positions', () => {
    const again = findPersonalData(SYNTHETIC_MEMO, { names: ['Jan de Vries'] });
    expect(again.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    const shifted = findPersonalData(`\n${SYNTHETIC_MEMO}`, { names: ['Jan de Vries'] });
    expect(shifted[0]!.text).toBe(findings[0]!.text);
    expect(shifted[0]!.id).not.toBe(findings[0]!.id);
  });
});

describe('phone numbers', () => {
  it.each([
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['0612345678', '+31612345678'],
    ['06 12 34 56 78', '+31612345678'],
    ['070 123 4567', '+31701234567'],
    ['070-1234567', '+31701234567'],
    ['(070) 123 4567', '+31701234567'],
    ['+31 (0)70 123 45 67', '+31701234567'],
    ['+31 6 12345678', '+31612345678'],
    ['0031 70 123 4567', '+31701234567'],
    ['+297 582 1234', '+2975821234'],
    ['+599 9 123 4567', '+59991234567'],
    ['+599 717 8000', '+5997178000'],
    ['+1 721 542 1234', '+17215421234'],
    ['+32 2 123 45 67', '+3221234567'],
  ])('reads %s as %s', (written, key) => {
    expect(phoneKey(written)).toBe(key);
    expect(found(`Bel ${written}.`)).toEqual([`phone:pattern:${written}`]);
  });

  it.each([
    '06-12-2024',
    '06-12-2024 10.30',
    '2024',
    '35 300 V, nr. 33',
    '€ 1.250.000',
    '0,5 miljoen',
    '09.00-17.00 uur',
    '070 123',
    '+31 70 123',
    '+297 582 12345',
    '0800-1234',
    'ref. 2026-0000061160',
    'BZ2626980',
    '§ 5.1.2',
    'IBAN NL91 ABNA 0417 1643 00',
  ])('finds no number in "%s"', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds a number followed by other figures, and knows a number in any written form', () => {
    expect(found('Tel. 070 123 4567 2025 gemeld')).toEqual(['phone:pattern:070 123 4567']);
    expect(found(`Tabel: ${'0 1 '.repeat(5000)}, 06-12345678`)).toEqual(['phone:pattern:06-12345678']);
    const known = findPersonalData('Bel +31 (0)6 1234 5678.', { names: [], phones: ['06-12345678'] });
    expect(known.map((f) => `${f.source}:${f.text}`)).toEqual(['known:+31 (0)6 1234 5678']);
  });
});

describe('names the app knows', () => {
  const names = ['Jan de Vries', 'José García', 'Anna van der Berg', 'Piet Jansen'];

  it('finds a name in any case, with or without accents, across a line break', () => {
    expect(found('Met JOSE GARCIA, José García en jose\ngarcia.', names)).toEqual([
      'name:known:JOSE GARCIA',
      'name:known:José García',
      'name:known:jose\ngarcia',
    ]);
  });

  it('finds the forms with initials, a form of address or the surname with its tussenvoegsel', () => {
    const text =
      'J. de Vries, J.M. de Vries, de heer De Vries, mevrouw Van der Berg, dhr. Jansen, De Vries, A. van der Berg.';
    expect(found(text, names)).toEqual([
      'name:known:J. de Vries',
      'name:known:J.M. de Vries',
      'name:known:de heer De Vries',
      'name:known:mevrouw Van der Berg',
      'name:known:dhr. Jansen',
      'name:known:De Vries',
      'name:known:A. van der Berg',
    ]);
  });

  it('does not find a name inside another word, nor a surname without tussenvoegsel alone', () => {
    expect(found('De Vriesland, Jansens, Garcíaplein, Jansen en Jantje Jansen', names)).toEqual([]);
  });

  it('marks a known e-mail address as known, in any case', () => {
    const findings = findPersonalData('Mail J.deVries@MinBZK.nl of info@rijksoverheid.nl', {
      names: [],
      emails: ['j.devries@minbzk.nl'],
    });
    expect(findings.map((f) => `${f.source}:${f.text}`)).toEqual([
      'known:J.deVries@MinBZK.nl',
      'pattern:info@rijksoverheid.nl',
    ]);
  });
});

describe('names by the layout of a memo', () => {
  it.each([
    ['Opgesteld door: Jan de Vries', ['Jan de Vries']],
    ['Opgesteld door\n\nA.B. van Dam\n', ['A.B. van Dam']],
    ['Contactpersoon: mr. dr. X', []],
    ['Contactpersoon\tKarin Smit-Bakker (DMM/MR)', ['Karin Smit-Bakker']],
    ['Behandeld door: P. Jansen, K. de Wit en L. Bos', ['P. Jansen', 'K. de Wit', 'L. Bos']],
    ['Van:\tEmma Visser', ['Emma Visser']],
    ['Van: Minister van BZK', []],
    ['Van\tDirecteur-generaal Koninkrijksrelaties', []],
    ['Opgesteld door: Directie Constitutionele Zaken', []],
    ['Opgesteld door: BZK/DGDOO', []],
    ['Van Dam en Visser schreven het stuk.', []],
    ['Het stuk is opgesteld door Jan Visser.', []],
    ['Via\nVan\nKopie aan\n', []],
    ['Opgesteld door\n\n' + ANONYMISED, []],
    ['Van: DG Openbaar Bestuur en Democratische Rechtsstaat', []],
    ['Van: Jan de Vries, directie DCZ', ['Jan de Vries']],
  ])('in "%s" finds %j', (text, expected) => {
    expect(findPersonalData(text, { names: [] }).map((f) => f.text)).toEqual(expected);
  });

  it('finds a name after a form of address, with its title, but not a lower-case phrase', () => {
    expect(
      found('Gesproken met dhr. Visser, mevr. J. Jansen en mevrouw Van Dam over de heer des huizes.'),
    ).toEqual(['name:pattern:dhr. Visser', 'name:pattern:mevr. J. Jansen', 'name:pattern:mevrouw Van Dam']);
  });

  it('finds a name the layout gave away wherever else the text has it', () => {
    const text =
      'Opgesteld door: Karin Smit-Bakker\n\nVragen over de kern aan Karin Smit-Bakker of aan mevrouw Smit-Bakker.';
    expect(found(text)).toEqual([
      'name:pattern:Karin Smit-Bakker',
      'name:pattern:Karin Smit-Bakker',
      'name:pattern:mevrouw Smit-Bakker',
    ]);
  });

  it('merges a known name with the pattern around it into one known finding', () => {
    const findings = findPersonalData('Opgesteld door: de heer J. de Vries\n', { names: ['Jan de Vries'] });
    expect(findings.map((f) => `${f.kind}:${f.source}:${f.text}`)).toEqual([
      'name:known:de heer J. de Vries',
    ]);
  });
});

describe('the published seed documents', () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));

  it('are all read', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.startsWith('nota-')).length).toBeGreaterThanOrEqual(3);
  });

  // The published versions are already anonymised: anything found in them is a false finding.
  it.each(files)('%s holds no personal data any more', (file) => {
    expect(found(seed(file), ['Jan de Vries', 'Anna van der Berg'])).toEqual([]);
  });

  it('finds the names put back into the memo on the human-rights report', () => {
    const original = seed('nota-rapportage-mensenrechten-2025.txt');
    const people = ['Marieke van den Heuvel', 'Joost Bakker', 'Sanne de Graaf', 'Ruben Ouali'];
    let k = 0;
    const restored = original.replaceAll(ANONYMISED, () => people[k++]!);
    expect(k).toBe(4);
    // The author after "Opgesteld door" is found by the layout alone.
    expect(found(restored)).toEqual(['name:pattern:Ruben Ouali']);
    // With the app's users, the names in the block of Aan, Van and Via are found too.
    expect(found(restored, people)).toEqual(people.map((p) => `name:known:${p}`));
  });
});
