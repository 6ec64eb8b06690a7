import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { reportAbsent, sharedFile } from '../../recommendations/parse/shared-data.ts';
import { parseSyncFeed, TK_NS } from './parse-syncfeed.ts';

const fixture = (name: string): string =>
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const MOTIES = fixture('syncfeed-moties.xml');
const CONSTRUCTED = fixture('syncfeed-constructed.xml');

type Node = Record<string, unknown>;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => !n.startsWith('@'),
});

function refused(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const entry = (inner: string): string =>
  `<entry><title>t</title><content type="application/xml">${inner}</content></entry>`;
const feed = (...entries: string[]): string =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${entries.join('')}</feed>`;

describe('the SyncFeed fixture made from the JSON records', () => {
  const parsed = parseSyncFeed(MOTIES);
  const byNumber = (n: string) => parsed.motions.find((m) => m.number === n)!;

  it('joins zaak, zaakActor, besluit and stemming by their refs', () => {
    expect(parsed.format).toBe('syncfeed-xml');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.motions.map((m) => m.number)).toEqual(['2023Z15918', '2026Z20773', '2023D02517']);
    expect(byNumber('2023Z15918')).toMatchObject({
      tkId: '0f4d1f4b-2363-4ae3-92b9-7a1afede77c3',
      subject:
        'Motie van het lid Boswijk over een structureel interdepartementaal afstemmingsoverleg op het gebied van mensenrechten',
      dossierTitle: 'Mensenrechten in het buitenlands beleid',
      date: '2023-09-25',
      submitters: ['D.G. Boswijk (CDA)'],
      kabinetsappreciatie: 'Oordeel Kamer',
      outcome: 'adopted',
      deleted: false,
      changedAt: '2023-10-03T14:13:37.688Z',
    });
  });

  it('gives the same seats as the JSON records it was made from', () => {
    const zaak = sharedFile('data/tweedekamer/zaak-moties-mensenrechten-2022-2023.json');
    const m = byNumber('2023Z15918');
    expect(m.decision).toMatchObject({ seatsFor: 123, seatsAgainst: 26, votingKind: 'Met handopsteken' });
    if (zaak) {
      const raw = (JSON.parse(fs.readFileSync(zaak, 'utf8')) as Node[]).find(
        (z) => z.Nummer === '2023Z15918',
      )!;
      const besluit = (raw.Besluit as Node[])[0]!;
      expect(m.decision!.votes.length).toBe((besluit.Stemming as Node[]).length);
    }
    const ergin = byNumber('2026Z20773');
    expect(ergin.kamerstuk).toEqual({ dossier: 37020, toevoeging: 'IX', nr: null });
    expect(ergin.decision).toMatchObject({ seatsFor: 69, seatsAgainst: 78, text: 'Verworpen.' });
    expect(ergin.decision!.votes.filter((v) => v.mistake).map((v) => v.actor)).toEqual(['DENK']);
    expect(byNumber('2023D02517')).toMatchObject({
      kamerstuk: null,
      ondernummer: 6,
      vergaderjaar: '2022-2023',
    });
  });
});

describe('the constructed SyncFeed fixture: a toezegging and a deletion', () => {
  const parsed = parseSyncFeed(CONSTRUCTED);

  it('reads the toezegging with what is known of it, and warns that it has no text', () => {
    expect(parsed.toezeggingen).toEqual([
      {
        tkId: 'fa9b16b4-ef85-443a-8737-000eada4a50e',
        number: 'TZ202504-057',
        text: '',
        status: null,
        madeOn: null,
        dueOn: null,
        ministry: null,
        madeBy: { name: null, function: null },
        fulfilledBy: [],
        deleted: false,
        changedAt: '2025-04-30T00:00:00.000Z',
      },
    ]);
    expect(parsed.warnings).toEqual([
      { record: 'Toezegging TZ202504-057', message: 'toezegging zonder tekst.' },
    ]);
  });

  it('gives a deleted zaak as a deleted motion, so a re-import can mark it', () => {
    expect(parsed.motions).toMatchObject([
      { tkId: 'b3c1fabb-701f-4e70-884a-5fd7cbe5a15b', deleted: true, decision: null },
    ]);
  });

  it('reads every field of a toezegging, nil and repeated elements too', () => {
    const t = `<toezegging xmlns="${TK_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="fa9b16b4-ef85-443a-8737-000eada4a50e" verwijderd="false" bijgewerkt="2025-05-01T10:00:00Z">
      <aanmaakdatum>2025-04-15T22:30:00Z</aanmaakdatum><nummer>TZ202504-057</nummer>
      <initialen>I.</initialen><achternaam>Achternaam</achternaam><functie>Minister van Buitenlandse Zaken</functie>
      <status>Deels Afgedaan</status><datumNakoming xsi:nil="true"/>
      <kamerbriefNakoming>Kamerstuk 36 000 V, nr. 1</kamerbriefNakoming><kamerbriefNakoming>Kamerstuk 36 000 V, nr. 2</kamerbriefNakoming>
      <ministerie>Buitenlandse Zaken</ministerie><tekst>Constructed &amp; text.</tekst></toezegging>`;
    const p = parseSyncFeed(feed(entry(t)));
    expect(p.warnings).toEqual([]);
    expect(p.toezeggingen[0]).toMatchObject({
      text: 'Constructed & text.',
      status: 'Deels Afgedaan',
      madeOn: '2025-04-16',
      dueOn: null,
      ministry: 'Buitenlandse Zaken',
      madeBy: { name: 'I. Achternaam', function: 'Minister van Buitenlandse Zaken' },
      fulfilledBy: ['Kamerstuk 36 000 V, nr. 1', 'Kamerstuk 36 000 V, nr. 2'],
    });
  });
});

describe('the fixtures use only what the XSDs declare', () => {
  const dir = sharedFile('data/tweedekamer/xsd');
  if (!dir) return reportAbsent('data/tweedekamer/xsd');

  /** The names of xs:element and xs:attribute declarations in one .xsd, at any depth. */
  function declared(file: string): { elements: Set<string>; attributes: Set<string> } {
    const elements = new Set<string>();
    const attributes = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (typeof v !== 'object' || v === null) return;
      for (const [k, child] of Object.entries(v as Node)) {
        if (k === 'xs:element')
          for (const e of child as Node[]) if (e['@name']) elements.add(String(e['@name']));
        if (k === 'xs:attribute')
          for (const a of child as Node[]) if (a['@name']) attributes.add(String(a['@name']));
        walk(child);
      }
    };
    walk(xml.parse(fs.readFileSync(path.join(dir!, file), 'utf8').replace(/^\uFEFF/, '')));
    return { elements, attributes };
  }
  const base = declared('tkData-v1-0-base.xsd');

  it.each([
    ['syncfeed-moties.xml', MOTIES],
    ['syncfeed-constructed.xml', CONSTRUCTED],
  ])('%s', (_name, text) => {
    const doc = xml.parse(text) as Node;
    const entries = ((doc.feed as Node[])[0]!.entry as Node[]) ?? [];
    expect(entries.length).toBeGreaterThan(0);
    const kinds = new Set<string>();
    for (const e of entries) {
      const content = (e.content as Node[])[0]!;
      const [kind, ...others] = Object.keys(content).filter((k) => !k.startsWith('@'));
      expect(others).toEqual([]);
      const node = (content[kind!] as Node[])[0]!;
      kinds.add(kind!);
      // the entity is declared as a top-level element of its own schema file
      const schema = declared(`tkData-v1-0-${kind!.toLowerCase()}.xsd`);
      expect(schema.elements.has(kind!), kind).toBe(true);
      expect(node['@xmlns']).toBe(TK_NS);
      for (const k of Object.keys(node)) {
        if (k.startsWith('@xmlns')) continue;
        if (k.startsWith('@')) {
          expect(base.attributes.has(k.slice(1)) || k === '@id', `${kind} ${k}`).toBe(true);
          continue;
        }
        expect(schema.elements.has(k), `<${kind}><${k}>`).toBe(true);
        for (const child of node[k] as unknown[]) {
          if (typeof child !== 'object' || child === null) continue;
          for (const a of Object.keys(child)) {
            if (a === '#text') continue;
            expect(['@ref', '@xsi:nil'], `<${kind}><${k} ${a}>`).toContain(a);
          }
        }
      }
      for (const required of ['@id', '@verwijderd', '@bijgewerkt'])
        expect(node[required], `${kind} ${required}`).toBeTruthy();
    }
    expect(kinds.size).toBeGreaterThan(0);
  });

  it('catches an element the schema does not declare', () => {
    expect(declared('tkData-v1-0-zaak.xsd').elements.has('indiener')).toBe(false);
    expect(declared('tkData-v1-0-toezegging.xsd').elements.has('kamerbriefNakoming')).toBe(true);
  });
});

describe('malformed SyncFeed input', () => {
  it('refuses what is no XML or no feed', () => {
    expect(refused(() => parseSyncFeed('<feed><entry></feed>', 'x.xml'))).toMatchObject({
      code: 'tweedekamer.not_syncfeed',
      params: { fileName: 'x.xml' },
    });
    expect(refused(() => parseSyncFeed('{"value": []}')).code).toBe('tweedekamer.not_syncfeed');
    expect(refused(() => parseSyncFeed('<rss><channel/></rss>')).params.reason).toBe('geen Atom-<feed>');
    const bomb = '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">]><feed>&a;</feed>';
    expect(refused(() => parseSyncFeed(bomb)).params.reason).toBe('een DOCTYPE is niet toegestaan');
  });

  it('warns about each entry it cannot read and reads the rest', () => {
    const ok = `<zaak xmlns="${TK_NS}" id="11111111-1111-4111-8111-111111111111" verwijderd="false" bijgewerkt="2024-01-02T10:00:00Z"><nummer>2024Z00001</nummer><soort>Motie</soort><onderwerp>Motie van het lid A over B</onderwerp><gestartOp>morgen</gestartOp></zaak>`;
    const p = parseSyncFeed(
      feed(
        entry(''),
        entry(
          `<zaak xmlns="http://example.org/other" id="x" verwijderd="false" bijgewerkt="2024-01-01T00:00:00Z"/>`,
        ),
        entry(`<zaak xmlns="${TK_NS}" verwijderd="false" bijgewerkt="2024-01-01T00:00:00Z"/>`),
        entry(`<geheim xmlns="${TK_NS}" id="g" verwijderd="false" bijgewerkt="2024-01-01T00:00:00Z"/>`),
        entry(`<persoon xmlns="${TK_NS}" id="p" verwijderd="false" bijgewerkt="2024-01-01T00:00:00Z"/>`),
        entry(
          `<zaak xmlns="${TK_NS}" id="w" verwijderd="false" bijgewerkt="2024-01-01T00:00:00Z"><soort>Wetgeving</soort></zaak>`,
        ),
        entry(
          `<besluit xmlns="${TK_NS}" id="b" verwijderd="false" bijgewerkt="2024-01-01T00:00:00Z"><zaak ref="99999999-9999-4999-8999-999999999999"/></besluit>`,
        ),
        entry(ok),
      ),
    );
    expect(p.motions.map((m) => [m.number, m.date])).toEqual([['2024Z00001', null]]);
    expect(p.warnings.map((w) => w.record)).toEqual([
      'entry 1 (t)',
      'entry 2 (t)',
      'entry 3 (t)',
      'entry 4 (t) g',
      'Besluit b',
      'Zaak 2024Z00001',
    ]);
  });
});
