import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { findPersonalData } from './find.ts';
import { applyRedactions, assertReviewed } from './redact.ts';
import { type Finding, RedactionList } from './schema.ts';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const ANONYMISED = 'Bescherming persoonlijke levenssfeer';

const listOf = (findings: Finding[], extra: Partial<RedactionList> = {}): RedactionList =>
  RedactionList.parse({ findings, added: [], reviewed: false, ...extra });

/** The text with the given spans cut out, to compare what a redaction left with the original. */
function withoutSpans(text: string, spans: { start: number; end: number }[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    pieces.push(text.slice(at, s.start));
    at = s.end;
  }
  return [...pieces, text.slice(at)];
}

/** A memo with the personal data of its authors and contacts, and figures that must stay. */
const MEMO = `Van: Minister van BZK
Opgesteld door: Jan de Vries (DCZ)
Behandeld door: J.M. Bakker en Piet Jansen

Datum 06-12-2024; Kamerstuk 35 300 V, nr. 33; budget € 1.250.000; zie paragraaf 5.1.2.
De Directie Constitutionele Zaken sprak met mevrouw Van Dam en met José García (Curaçao).
Bereikbaar via 06-12345678, 070 123 4567, +31 (0)70 123 45 67, +297 582 1234, +599 9 123 4567,
jan.devries@minbzk.nl en J.Bakker@rijksoverheid.nl.`;

describe('applyRedactions', () => {
  const known = {
    names: ['Jan de Vries', 'Jose Garcia'],
    emails: ['jan.devries@minbzk.nl'],
    phones: ['0701234567'],
  };
  const findings = findPersonalData(MEMO, known);

  it('removes every finding of the memo and changes nothing else', () => {
    expect(findings.map((f) => f.text)).toEqual([
      'Jan de Vries',
      'J.M. Bakker',
      'Piet Jansen',
      'mevrouw Van Dam',
      'José García',
      '06-12345678',
      '070 123 4567',
      '+31 (0)70 123 45 67',
      '+297 582 1234',
      '+599 9 123 4567',
      'jan.devries@minbzk.nl',
      'J.Bakker@rijksoverheid.nl',
    ]);
    const redacted = applyRedactions(MEMO, listOf(findings));
    for (const f of findings) expect(redacted).not.toContain(f.text);
    for (const forbidden of [
      'Vries',
      'Bakker',
      'Jansen',
      'Dam',
      'Garc',
      '1234',
      '4567',
      '@',
      '+31',
      '+297',
      '+599',
    ]) {
      expect(redacted).not.toContain(forbidden);
    }
    expect(redacted.split('[5.1.2e]')).toEqual(withoutSpans(MEMO, findings));
    for (const kept of [
      'Minister van BZK',
      'Directie Constitutionele Zaken',
      '35 300 V, nr. 33',
      '€ 1.250.000',
      '5.1.2.',
    ]) {
      expect(redacted).toContain(kept);
    }
  });

  it('redacts what is proposed or decided redact, and leaves what is decided keep', () => {
    const text = 'Opgesteld door: Jan Visser\nContact: jan.visser@minbzk.nl, 06-12345678\n';
    const [name, email, phone] = findPersonalData(text, { names: [] });
    const list = listOf([
      { ...name!, decision: 'keep' },
      { ...email!, decision: 'redact' },
      { ...phone!, decision: 'proposed' },
    ]);
    expect(applyRedactions(text, list)).toBe('Opgesteld door: Jan Visser\nContact: [5.1.2e], [5.1.2e]\n');
  });

  it('marks a span added by hand with its own ground, and names both grounds where spans overlap', () => {
    const text = 'Het standpunt van dhr. Visser over het Verenigd Koninkrijk blijft intern.';
    const [visser] = findPersonalData(text, { names: [] });
    const relations = text.indexOf('het Verenigd Koninkrijk');
    const added = [
      { start: relations, end: relations + 'het Verenigd Koninkrijk'.length, ground: '5.1.2a' as const },
      { start: visser!.start + 5, end: visser!.end + ' over'.length, ground: '5.2.1' as const },
    ];
    expect(applyRedactions(text, listOf([visser!], { added }))).toBe(
      'Het standpunt van [5.1.2e, 5.2.1] [5.1.2a] blijft intern.',
    );
  });

  it('returns the text unchanged when nothing is to be redacted', () => {
    expect(applyRedactions('Geen persoonsgegevens.', listOf([]))).toBe('Geen persoonsgegevens.');
  });

  it('refuses a list made for another text, or a span outside the text', () => {
    const text = 'Opgesteld door: Jan Visser\n';
    const [name] = findPersonalData(text, { names: [] });
    expect(() => applyRedactions(`X${text}`, listOf([name!]))).toThrow(/does not match the text/);
    const outside = listOf([], { added: [{ start: 5, end: 500, ground: '5.1.2e' }] });
    expect(() => applyRedactions(text, outside)).toThrow(/outside the text, which has 27 characters/);
  });
});

describe('assertReviewed', () => {
  const findings = findPersonalData('Opgesteld door: Jan Visser\nBel 06-12345678 of 070 123 4567.', {
    names: [],
  });

  it('refuses publication while findings are still proposed, saying how many', () => {
    expect(findings.length).toBe(3);
    const list = listOf([{ ...findings[0]!, decision: 'keep' }, findings[1]!, findings[2]!], {
      reviewed: true,
    });
    let error: unknown;
    try {
      assertReviewed(list);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: 'woo.review_unfinished', params: { proposed: 2 } });
    expect((error as AppError).message).toMatch(/2 findings are still proposed/);
  });

  it('refuses publication when every finding is decided but the review is not marked finished', () => {
    const decided = findings.map((f) => ({ ...f, decision: 'redact' as const }));
    expect(() => assertReviewed(listOf(decided))).toThrow(/not marked as finished/);
  });

  it('allows publication when every finding is decided and the review is finished', () => {
    const decided = findings.map((f) => ({ ...f, decision: 'redact' as const }));
    expect(() => assertReviewed(listOf(decided, { reviewed: true }))).not.toThrow();
  });
});

describe('the memo on the human-rights report with its names put back', () => {
  const original = readFileSync(new URL('nota-rapportage-mensenrechten-2025.txt', SEEDS), 'utf8');
  const people = ['Marieke van den Heuvel', 'Joost Bakker', 'Sanne de Graaf', 'Ruben Ouali'];
  let k = 0;
  const restored = original.replaceAll(ANONYMISED, () => people[k++]!);

  it('contains none of the names once redacted, and is otherwise the published memo', () => {
    const list = listOf(findPersonalData(restored, { names: people }));
    const redacted = applyRedactions(restored, list);
    for (const p of people) expect(redacted).not.toContain(p);
    // The published version has a fixed phrase where the redaction has its marker: the rest is equal.
    expect(redacted.replaceAll('[5.1.2e]', ANONYMISED)).toBe(original);
  });
});
