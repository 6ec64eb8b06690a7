import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyAppreciation, parseAdvisory } from './advisory.ts';
import { detectKind } from './index.ts';
import { reportAbsent, sharedFile } from './shared-data.ts';

describe('a cabinet response in its PDF layout (fixture): explicit appreciations', () => {
  const text = fs.readFileSync(
    path.join(import.meta.dirname, 'fixtures/kabinetsreactie-advies-layout.txt'),
    'utf8',
  );
  const doc = parseAdvisory(text);

  it('reads each recommendation with the cabinet position', () => {
    expect(detectKind(text)).toBe('advisory');
    expect(doc.title).toBe(
      'Kabinetsreactie op het advies «Mensenrechten dichtbij» van de Adviesraad Internationale Vraagstukken',
    );
    expect(doc.adviceTitle).toBe('Mensenrechten dichtbij');
    expect(doc.recommendations.map((r) => [r.paragraph, r.position])).toEqual([
      ['Aanbeveling 1', 'agrees'],
      ['Aanbeveling 2', 'partly_agrees'],
      ['Aanbeveling 3', 'disagrees'],
      ['Aanbeveling 4', 'disagrees'],
      ['Aanbeveling 5', null],
    ]);
    expect(doc.warnings).toEqual([
      'Aanbeveling 5: the appreciation does not say explicitly whether the cabinet agrees.',
    ]);
  });

  it('cleans the text: hyphenation, real hyphens, page footers, the signature', () => {
    const [r1, r2, r3, r4, r5] = doc.recommendations;
    expect(r1!.positionExplanation).toBe(
      'Het kabinet neemt deze aanbeveling over. In 2025 wordt een nieuw actieplan opgesteld, waarbij ook de ' +
        'adviezen van de Mensenrechtenraad en het College voor de Rechten van de Mens worden betrokken.',
    );
    expect(r2!.text).toBe(
      'Versterk de follow-up van aanbevelingen van verdragscomités en rapporteer daarover jaarlijks aan de Kamer.',
    );
    expect(r2!.positionExplanation).not.toContain('Tweede Kamer, vergaderjaar');
    expect(r3!.text).toBe('Richt een afzonderlijk ministerie voor mensenrechten op.');
    expect(r3!.sourceLine).toBe(26);
    expect(r4!.text).toBe(
      'Betrek gemeenten, zoals die in Noord-Holland, bij de uitvoering van het actieplan.',
    );
    expect(r5!.positionExplanation).toBe(
      'De AIV wijst terecht op het belang van mensenrechteneducatie. Het kabinet verkent de mogelijkheden in het funderend onderwijs.',
    );
  });

  it('classifies only explicit wording', () => {
    expect(classifyAppreciation('Het kabinet onderschrijft deze aanbeveling.')).toBe('agrees');
    expect(classifyAppreciation('Het kabinet deelt de analyse van de AIV.')).toBe('agrees');
    expect(classifyAppreciation('Conform het AIV-advies zal de cursus worden opengesteld.')).toBe('agrees');
    expect(classifyAppreciation('Het kabinet neemt de aanbevelingen van de AIV over.')).toBe('agrees');
    expect(classifyAppreciation('Het kabinet deelt de mening van de AIV niet.')).toBe('disagrees');
    expect(classifyAppreciation('Het kabinet onderschrijft de aanbeveling gedeeltelijk.')).toBe(
      'partly_agrees',
    );
    expect(classifyAppreciation('Het kabinet beraadt zich nog op deze aanbeveling.')).toBe('pending');
    expect(classifyAppreciation('Het kabinet komt hierop terug in de beleidsbrief.')).toBe('pending');
    expect(classifyAppreciation('Het kabinet zal bezien of een wetswijziging nodig is.')).toBe('pending');
    // the first sentence with a position decides
    expect(
      classifyAppreciation('Het kabinet neemt deze aanbeveling over. Het zal bezien of meer nodig is.'),
    ).toBe('agrees');
    // "niet over" and "neemt ... over" that are no position
    expect(classifyAppreciation('Gemeenten beschikken niet over voldoende middelen.')).toBeNull();
    expect(classifyAppreciation('Het kabinet neemt een besluit over de middelen.')).toBeNull();
    expect(
      classifyAppreciation(
        'Het kabinet deelt de analyse dat niet alle rechten even snel worden gerealiseerd.',
      ),
    ).toBe('agrees');
    expect(classifyAppreciation('Het kabinet neemt deze aanbeveling over.')).toBe('agrees');
    expect(classifyAppreciation('Het kabinet neemt de aanbeveling gedeeltelijk over.')).toBe('partly_agrees');
    expect(classifyAppreciation('Het kabinet neemt deze aanbeveling niet over.')).toBe('disagrees');
    expect(classifyAppreciation('Het kabinet ziet geen aanleiding de wet te wijzigen.')).toBe('disagrees');
    expect(classifyAppreciation('De AIV stelt terecht dat dit belangrijk is.')).toBeNull();
  });
});

describe('a cabinet response in the layout of the real one to AIV advice 122 (fixture)', () => {
  // " • Aanbeveling 1 – ...", "• Aanbeveling 2 ..." with the title running on after a blank line,
  // lines of spaces, a Kamerstuk footer between two recommendations, the signature
  const text = fs.readFileSync(
    path.join(import.meta.dirname, 'fixtures/advisory-kabinetsreactie-aiv-layout.txt'),
    'utf8',
  );
  const doc = parseAdvisory(text);
  const by = new Map(doc.recommendations.map((r) => [r.paragraph, r]));

  it('reads each recommendation with its number and the position of the cabinet', () => {
    expect(detectKind(text)).toBe('advisory');
    expect(doc.recommendations.map((r) => [r.paragraph, r.position])).toEqual([
      ['Aanbeveling 1', 'agrees'], // "neemt deze aanbeveling over"
      ['Aanbeveling 2', 'partly_agrees'], // "neemt deze aanbeveling gedeeltelijk over"
      ['Aanbeveling 3', 'disagrees'], // "neemt deze aanbeveling niet over"
      ['Aanbeveling 4', 'agrees'], // "onderschrijft deze aanbeveling"
      ['Aanbeveling 5', 'agrees'], // "beschikken niet over" is no refusal; "onderschrijft daarom"
      ['Aanbeveling 6', 'pending'], // "beraadt zich nog", "komt hierop terug"
      ['Aanbeveling 7', null], // "neemt een besluit over" is no position
      ['Aanbeveling 8', 'agrees'], // "deelt de opvatting", "Conform het advies"
      ['Aanbeveling 9', null], // no appreciation follows it
    ]);
    expect(doc.warnings).toEqual([
      'Aanbeveling 7: the appreciation does not say explicitly whether the cabinet agrees.',
      'Aanbeveling 9: no appreciation by the cabinet follows it.',
    ]);
  });

  it('keeps the text and the appreciation of each, without the footer or the signature', () => {
    expect(by.get('Aanbeveling 2')).toMatchObject({
      text: 'Versterk de opvolging van aanbevelingen van verdragscomités en rapporteer daarover jaarlijks aan de Staten-Generaal.',
      positionExplanation:
        'Het kabinet neemt deze aanbeveling gedeeltelijk over. Het kabinet zal jaarlijks rapporteren, maar ziet de ' +
        'coördinatie van de opvolging als een taak van de afzonderlijke ministeries.',
      sourceLine: 19,
    });
    expect(by.get('Aanbeveling 6')!.text).toBe(
      'Ratificeer het Facultatief Protocol bij het Internationaal Verdrag inzake economische, sociale en culturele rechten.',
    );
    expect(by.get('Aanbeveling 7')!.positionExplanation).toBe(
      'De AIV wijst terecht op het belang van mensenrechteneducatie. Het kabinet neemt een besluit over de ' +
        'verdeling van de middelen bij de Voorjaarsnota.',
    );
    expect(by.get('Aanbeveling 8')!.text).toBe(
      'Maak de appreciatie van aanbevelingen van verdragscomités openbaar.',
    );
    expect(by.get('Aanbeveling 9')!.text).toBe(
      'Betrek het maatschappelijk middenveld bij elke verdragsrapportage.',
    );
    for (const r of doc.recommendations) {
      expect(`${r.text} ${r.positionExplanation ?? ''}`).not.toMatch(/Tweede Kamer|Voorbeeld|Minister van/);
    }
  });
});

const AIV = 'seeds/kabinetsreactie-aiv-advies-122.txt';
const CRM = 'seeds/nota-kabinetsreactie-crm-jaarrapportage-2022.txt';

describe('the real cabinet response to AIV advice 122', () => {
  const file = sharedFile(AIV);
  if (!file) return reportAbsent(AIV);
  const text = fs.readFileSync(file, 'utf8');
  const doc = parseAdvisory(text);
  const by = new Map(doc.recommendations.map((r) => [r.paragraph, r]));

  it('finds the ten recommendations with their text', () => {
    expect(detectKind(text)).toBe('advisory');
    expect(doc.recommendations.map((r) => r.paragraph)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Aanbeveling ${i + 1}`),
    );
    expect(by.get('Aanbeveling 1')!.text).toBe(
      'Verdedig onverkort het behoud van rechtsstaat, democratie en mensenrechten.',
    );
    // the title runs on after a blank line in the middle of the sentence
    expect(by.get('Aanbeveling 2')!.text).toBe(
      'Zet in het buitenlands beleid de basisbeginselen van mensenrechten, zoals internationaal geformuleerd, ' +
        'blijvend centraal: menselijke waardigheid, universaliteit, gelijkheid/nondiscriminatie en ondeelbaarheid. ' +
        'Hieronder vallen ook de principes van vrijheid en het tegengaan van straffeloosheid en corruptie.',
    );
    expect(by.get('Aanbeveling 9')!.text).toBe(
      'Erken dat in Nederland – en in het Westen – tekortkomingen bestaan in de naleving van mensenrechten.',
    );
    expect(by.get('Aanbeveling 10')!.sourceLine).toBe(223);
  });

  it('keeps the appreciation with each recommendation, without the page footer or the signature', () => {
    expect(by.get('Aanbeveling 2')!.positionExplanation).toBeUndefined();
    expect(doc.warnings).toContain('Aanbeveling 2: no appreciation by the cabinet follows it.');
    expect(by.get('Aanbeveling 3')!.positionExplanation).toContain(
      'Ook zal er geen onderscheid worden gemaakt tussen de verschillende categorieën van recht',
    );
    expect(by.get('Aanbeveling 9')!.positionExplanation).not.toContain('Tweede Kamer');
    expect(by.get('Aanbeveling 10')!.positionExplanation).not.toContain('Hoekstra');
    // "Conform het AIV-advies zal ..." (4, 10), "zal worden opgevolgd" (6), "Conform het advies van de
    // AIV" (7), "deelt de mening van de AIV" (8); the others say nothing explicit ("De AIV stelt terecht")
    expect(doc.recommendations.map((r) => [r.paragraph, r.position])).toEqual([
      ['Aanbeveling 1', null],
      ['Aanbeveling 2', null],
      ['Aanbeveling 3', null],
      ['Aanbeveling 4', 'agrees'],
      ['Aanbeveling 5', null],
      ['Aanbeveling 6', 'agrees'],
      ['Aanbeveling 7', 'agrees'],
      ['Aanbeveling 8', 'agrees'],
      ['Aanbeveling 9', null],
      ['Aanbeveling 10', 'agrees'],
    ]);
  });
});

describe('the real memo on the cabinet response to the CRM annual report 2022', () => {
  const file = sharedFile(CRM);
  if (!file) return reportAbsent(CRM);
  const text = fs.readFileSync(file, 'utf8');
  const doc = parseAdvisory(text);

  it('joins the numbered recommendations with the appreciations under "Aanbeveling N:"', () => {
    expect(detectKind(text)).toBe('advisory');
    expect(doc.title).toBe(
      'Kabinetsreactie op de jaarlijkse rapportage van het College voor de Rechten van de Mens 2022',
    );
    expect(doc.recommendations.map((r) => [r.paragraph, r.heading])).toEqual([
      ['Aanbeveling 1', 'creatie van een vaste infrastructuur'],
      ['Aanbeveling 2', 'benutting vaste infrastructuur voor monitoring van opvolging van aanbevelingen'],
      ['Aanbeveling 3', 'opstarten nationale dialoog'],
      ['Aanbeveling 4', 'Ook doet het CRM één aanbeveling aan het parlement, luidende'],
    ]);
    expect(doc.recommendations[0]!.text).toBe(
      'Creëer een vaste infrastructuur binnen de Rijksoverheid, waarmee een uniforme en structurele aanpak van ' +
        'de voorbereiding van verdragsrapportages wordt gewaarborgd en een nationale dialoog wordt gestimuleerd.',
    );
    expect(doc.recommendations[0]!.positionExplanation).toMatch(
      /^Het kabinet houdt vast aan het interministerieel systeem/,
    );
    expect(doc.recommendations[2]!.positionExplanation).toMatch(/per rapportagecyclus\. Hoe er per verdrag/);
    expect(doc.recommendations[2]!.positionExplanation).not.toContain('Tijdslijn');
    expect(doc.recommendations[3]!.positionExplanation).toBeUndefined();
  });
});
