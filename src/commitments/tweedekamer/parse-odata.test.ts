import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { reportAbsent, sharedFile } from '../../recommendations/parse/shared-data.ts';
import { parseOData } from './parse-odata.ts';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw JSON in tests

const ZAAK = 'data/tweedekamer/zaak-moties-mensenrechten-2022-2023.json';
const DOCS = 'data/tweedekamer/document-moties-2023-sample.json';
const PM = 'data/tweedekamer/besluit-stemming-zaak-kamerstukdossier-2026-excerpt.json';

function refused(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the 33 motions on human rights (Zaak with ZaakActor, Besluit, Stemming)', () => {
  const file = sharedFile(ZAAK);
  if (!file) return reportAbsent(ZAAK);
  const text = fs.readFileSync(file, 'utf8');
  const raw = JSON.parse(text) as J[];
  const parsed = parseOData(text);

  it('reads every motion without a warning', () => {
    expect(raw).toHaveLength(33);
    expect(parsed.format).toBe('odata-json');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.motions.map((m) => m.tkId)).toEqual(raw.map((z) => z.Id));
  });

  it('gives each its submitters, outcome and seats as the raw votes add up', () => {
    for (const z of raw) {
      const m = parsed.motions.find((x) => x.tkId === z.Id)!;
      const besluit = z.Besluit[z.Besluit.length - 1];
      let voor = 0;
      let tegen = 0;
      for (const s of besluit.Stemming) {
        if (s.Soort === 'Voor') voor += s.FractieGrootte;
        if (s.Soort === 'Tegen') tegen += s.FractieGrootte;
      }
      expect(m.number).toBe(z.Nummer);
      expect(m.subject).toBe(z.Onderwerp.trim());
      expect(m.dossierTitle).toBe(z.Titel.trim());
      expect(m.kabinetsappreciatie).toBe(z.Kabinetsappreciatie);
      expect(m.date).toBe(z.GestartOp.slice(0, 10));
      expect(m.outcome).toBe(besluit.BesluitSoort === 'Stemmen - aangenomen' ? 'adopted' : 'rejected');
      expect(m.decision).toMatchObject({
        id: besluit.Id,
        kind: besluit.BesluitSoort,
        votingKind: 'Met handopsteken',
      });
      expect([m.decision!.seatsFor, m.decision!.seatsAgainst]).toEqual([voor, tegen]);
      // the tally tkmoties kept beside the record agrees
      expect([m.decision!.seatsFor, m.decision!.seatsAgainst]).toEqual([
        besluit.Stats.Voor,
        besluit.Stats.Tegen,
      ]);
      expect(m.decision!.votes).toHaveLength(besluit.Stemming.length);
      expect([...m.submitters].sort()).toEqual(
        z.ZaakActor.map((a: J) => `${a.ActorNaam} (${a.ActorFractie})`).sort(),
      );
      expect(m.changedAt).toBe(new Date(z.ApiGewijzigdOp).toISOString());
      expect(m.deleted).toBe(false);
    }
    expect(parsed.motions.filter((m) => m.outcome === 'adopted')).toHaveLength(22);
  });

  it('puts first the member the subject names first', () => {
    const byNumber = (n: string) => parsed.motions.find((m) => m.number === n)!;
    expect(byNumber('2022Z04314').submitters).toEqual(['F.P. Wassenberg (PvdD)', 'C. Teunissen (PvdD)']);
    expect(byNumber('2022Z19875').submitters[0]).toBe('S.R.T. van Baarle (DENK)');
    expect(byNumber('2022Z20062').submitters).toEqual([
      'A.H. (Agnes) Mulder (CDA)',
      'D.G.M. Ceder (ChristenUnie)',
    ]);
    expect(byNumber('2023Z15918')).toMatchObject({
      submitters: ['D.G. Boswijk (CDA)'],
      outcome: 'adopted',
      dossierTitle: 'Mensenrechten in het buitenlands beleid',
      kamerstuk: null,
    });
  });
});

describe('the 10 Document records of motions', () => {
  const file = sharedFile(DOCS);
  if (!file) return reportAbsent(DOCS);
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseOData(text);

  it('reads the Kamerstuk from the "kst-" identifier of the text, else the Volgnummer alone', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.motions.map((m) => [m.number, m.kamerstuk, m.ondernummer])).toEqual([
      ['2023D03544', { dossier: 31288, toevoeging: null, nr: 1013 }, 1013],
      ['2023D02517', { dossier: 36284, toevoeging: null, nr: 6 }, 6],
      ['2023D02613', { dossier: 21501, toevoeging: '32', nr: 1506 }, 1506],
      ['2023D03620', { dossier: 34334, toevoeging: null, nr: 27 }, 27],
      ['2023D02329', { dossier: 31015, toevoeging: null, nr: 268 }, 268],
      ['2023D02564', { dossier: 36200, toevoeging: 'IV', nr: 49 }, 49],
      ['2023D02522', { dossier: 36284, toevoeging: null, nr: 11 }, 11],
      ['2023D03598', { dossier: 36200, toevoeging: 'VIII', nr: 190 }, 190],
      ['2023D02298', { dossier: 35765, toevoeging: null, nr: 15 }, 15],
      ['2023D04837', null, 24],
    ]);
  });

  it('keeps the subject, dossier title, year and date, and has no decision', () => {
    const m = parsed.motions.find((x) => x.number === '2023D02517')!;
    expect(m).toMatchObject({
      tkId: '6bb7e6cc-90e0-457c-9458-086902122ec9',
      dossierTitle: 'Slavernijverleden',
      vergaderjaar: '2022-2023',
      date: '2023-01-25',
      decision: null,
      outcome: null,
    });
    expect(m.subject.startsWith('Motie van het lid Leijten over')).toBe(true);
  });

  it('warns when the Volgnummer and the text disagree', () => {
    const records = JSON.parse(text) as J[];
    const changed = { ...records[1], Volgnummer: 7 };
    const p = parseOData([changed]);
    expect(p.motions[0]!.kamerstuk).toEqual({ dossier: 36284, toevoeging: null, nr: 6 });
    expect(p.warnings).toEqual([
      { record: 'Document 2023D02517', message: expect.stringContaining('Volgnummer 7') },
    ]);
  });
});

describe('the parl-monitor excerpt (Besluit with its Zaak and Kamerstukdossier)', () => {
  const file = sharedFile(PM);
  if (!file) return reportAbsent(PM);
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseOData(text);
  const byNumber = (n: string) => parsed.motions.find((m) => m.number === n)!;

  it('reads the dossier of each Zaak', () => {
    expect(parsed.motions.map((m) => [m.number, m.kamerstuk])).toEqual([
      ['2026Z20773', { dossier: 37020, toevoeging: 'IX', nr: null }],
      ['2026Z21728', { dossier: 21501, toevoeging: '02', nr: null }],
      ['2026Z06890', { dossier: 24587, toevoeging: null, nr: null }],
    ]);
    expect(byNumber('2026Z21728').dossierTitle).toBe('Raad Algemene Zaken en Raad Buitenlandse Zaken');
  });

  it('leaves the vote declared a mistake out of the seats', () => {
    const m = byNumber('2026Z20773');
    const denk = m.decision!.votes.find((v) => v.actor === 'DENK')!;
    expect(denk).toEqual({ actor: 'DENK', party: 'DENK', choice: 'tegen', partySize: 3, mistake: true });
    expect(m.decision!.votes).toHaveLength(17);
    expect(m).toMatchObject({ outcome: 'rejected', decision: { seatsFor: 69, seatsAgainst: 78 } });
    expect(byNumber('2026Z06890').decision).toMatchObject({ seatsFor: 40, seatsAgainst: 110 });
  });

  it('takes the roll call count from the text when the record has no votes, and says so', () => {
    const m = byNumber('2026Z21728');
    expect(m).toMatchObject({
      outcome: 'adopted',
      decision: {
        votingKind: 'Hoofdelijk',
        text: 'Aangenomen (90-36).',
        votes: [],
        seatsFor: 90,
        seatsAgainst: 36,
      },
      kabinetsappreciatie: 'Geen (expliciete) appreciatie',
      date: '2026-10-08',
    });
    expect(parsed.warnings).toEqual([
      {
        record: 'Zaak 2026Z21728, besluit 65d66131-e28d-4817-bdc7-5c651e761f98',
        message: expect.stringContaining('90-36'),
      },
    ]);
  });

  it('counts each member once in a roll call with votes, and warns when the text disagrees', () => {
    const body = JSON.parse(text) as J;
    const rollCall = structuredClone(body.value[1]);
    const member = (naam: string, soort: string, vergissing = false) => ({
      Id: `id-${naam}`,
      Soort: soort,
      FractieGrootte: 20,
      ActorNaam: naam,
      ActorFractie: 'X',
      Vergissing: vergissing,
      Persoon_Id: `p-${naam}`,
    });
    rollCall.Stemming = [
      member('A', 'Voor'),
      member('B', 'Voor'),
      member('C', 'Tegen'),
      member('D', 'Tegen', true),
    ];
    const p = parseOData({ value: [rollCall] });
    expect(p.motions[0]!.decision).toMatchObject({ seatsFor: 2, seatsAgainst: 1 });
    expect(p.warnings).toEqual([
      {
        record: expect.stringContaining('2026Z21728'),
        message: 'de stemmen tellen 2-1, de besluittekst zegt 90-36.',
      },
    ]);
  });
});

describe('decisions, dates and toezeggingen', () => {
  const zaak = (besluiten: J[], extra: J = {}): J => ({
    Id: 'z1',
    Nummer: '2024Z00001',
    Soort: 'Motie',
    Onderwerp: 'Motie van het lid Test over iets ',
    GestartOp: '2024-03-30T23:30:00Z',
    Besluit: besluiten,
    ...extra,
  });
  const besluit = (id: string, soort: string, when: string): J => ({
    Id: id,
    BesluitSoort: soort,
    StemmingsSoort: 'Met handopsteken',
    GewijzigdOp: when,
    Stemming: [{ Id: `${id}-s`, Soort: 'Voor', FractieGrootte: 80, ActorNaam: 'P', ActorFractie: 'P' }],
  });

  it('counts the last voting decision, not an earlier one nor one without a vote', () => {
    const p = parseOData([
      zaak([
        besluit('b2', 'Stemmen - aangenomen', '2024-04-09T16:00:00+02:00'),
        besluit('b1', 'Stemmen - verworpen', '2024-04-02T16:00:00+02:00'),
        {
          Id: 'b3',
          BesluitSoort: 'Aangehouden',
          StemmingsSoort: null,
          GewijzigdOp: '2024-05-01T10:00:00+02:00',
        },
        { ...besluit('b4', 'Stemmen - verworpen', '2024-06-01T10:00:00+02:00'), Verwijderd: true },
      ]),
    ]);
    expect(p.motions[0]!.decision!.id).toBe('b2');
    expect(p.motions[0]!.outcome).toBe('adopted');
  });

  it('takes the ondernummer of a Zaak from its expanded motion Document, the dossier from Kamerstukdossier', () => {
    const p = parseOData([
      zaak([], {
        Kamerstukdossier: [{ Nummer: 35300, Toevoeging: 'V', Titel: 'Begroting' }],
        Document: [
          { Id: 'd0', Soort: 'Brief regering', Volgnummer: 1 },
          { Id: 'd1', Soort: 'Motie (gewijzigd/nader)', Volgnummer: 33 },
        ],
        Verwijderd: true,
      }),
    ]);
    expect(p.motions[0]).toMatchObject({
      kamerstuk: { dossier: 35300, toevoeging: 'V', nr: 33 },
      ondernummer: 33,
      dossierTitle: 'Begroting',
      deleted: true,
    });
  });

  it('gives the day in Dutch time', () => {
    const p = parseOData([zaak([])]);
    expect(p.motions[0]!.date).toBe('2024-03-31');
    expect(p.motions[0]!.decision).toBeNull();
  });

  it('reads a Toezegging (constructed around the real number TZ202504-057)', () => {
    const p = parseOData({
      '@odata.context': 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Toezegging',
      value: [
        {
          Id: 'fa9b16b4-ef85-443a-8737-000eada4a50e',
          Nummer: 'TZ202504-057',
          Tekst: 'Constructed text for the test. ',
          Status: 'Openstaand',
          Aanmaakdatum: '2025-04-15T22:30:00Z',
          DatumNakoming: null,
          Ministerie: 'Buitenlandse Zaken',
          Naam: 'Achternaam, I.',
          Functie: 'Minister van Buitenlandse Zaken',
          KamerbriefNakoming: [{ Id: 'd1' }, { Id: 'd2' }],
          Verwijderd: false,
          ApiGewijzigdOp: '2025-04-16T08:00:00.1234567Z',
        },
        { Id: 't2', Nummer: 'TZ202504-058', Tekst: 'x', Status: 'Misschien', Ministerie: 'BZ' },
      ],
    });
    expect(p.toezeggingen[0]).toEqual({
      tkId: 'fa9b16b4-ef85-443a-8737-000eada4a50e',
      number: 'TZ202504-057',
      text: 'Constructed text for the test.',
      status: 'Openstaand',
      madeOn: '2025-04-16',
      dueOn: null,
      ministry: 'Buitenlandse Zaken',
      madeBy: { name: 'Achternaam, I.', function: 'Minister van Buitenlandse Zaken' },
      fulfilledBy: ['d1', 'd2'],
      deleted: false,
      changedAt: '2025-04-16T08:00:00.123Z',
    });
    expect(p.toezeggingen[1]!.status).toBeNull();
    expect(p.warnings).toEqual([
      { record: 'Toezegging TZ202504-058', message: expect.stringContaining('Misschien') },
    ]);
  });
});

describe('malformed input', () => {
  it('refuses what is no OData at all', () => {
    expect(refused(() => parseOData('not json', 'x.json'))).toMatchObject({
      status: 400,
      code: 'tweedekamer.not_odata',
      params: { fileName: 'x.json', reason: 'geen geldige JSON' },
    });
    expect(refused(() => parseOData('{"hello": "world"}')).code).toBe('tweedekamer.not_odata');
    expect(refused(() => parseOData('[1, 2, "drie"]')).code).toBe('tweedekamer.not_odata');
    expect(refused(() => parseOData(42)).code).toBe('tweedekamer.not_odata');
  });

  it('accepts an empty page', () => {
    expect(parseOData('{"value": []}')).toEqual({
      format: 'odata-json',
      motions: [],
      toezeggingen: [],
      warnings: [],
    });
  });

  it('warns about each record it cannot read, naming it, and reads the rest', () => {
    const p = parseOData({
      value: [
        'a string',
        { Nummer: '2024Z1' },
        { Id: 'x', Foo: 1 },
        { Id: 'z2', Nummer: '2024Z00002', Soort: 'Wetgeving', Onderwerp: 'Wet' },
        { Id: 'd9', DocumentNummer: '2024D00009', Soort: 'Brief regering' },
        { Id: 'b9', BesluitSoort: 'Stemmen - aangenomen' },
        {
          Id: 'z3',
          Nummer: '2024Z00003',
          Onderwerp: 'Motie van het lid A over B',
          GestartOp: 'gisteren',
          ApiGewijzigdOp: 12,
          Besluit: [
            {
              Id: 'b1',
              BesluitSoort: 'Stemmen - aangenomen',
              StemmingsSoort: 'Met handopsteken',
              BesluitTekst: 'Aangenomen (80-70).',
              Stemming: [
                { Id: 's1', Soort: 'Voor', FractieGrootte: 76, ActorNaam: 'P', ActorFractie: 'P' },
                { Id: 's2', Soort: 'Misschien', FractieGrootte: 74, ActorNaam: 'Q', ActorFractie: 'Q' },
                'junk',
              ],
            },
          ],
        },
      ],
    });
    expect(p.motions.map((m) => m.number)).toEqual(['2024Z00003']);
    expect(p.motions[0]).toMatchObject({
      date: null,
      outcome: 'adopted',
      decision: { seatsFor: 76, seatsAgainst: 0 },
    });
    expect(p.warnings.map((w) => w.record)).toEqual([
      'element 1',
      'element 2',
      'element 3 (x)',
      'Zaak 2024Z00002',
      'Document 2024D00009',
      'Besluit b9',
      'Zaak 2024Z00003, besluit b1, stemming s2',
      'Zaak 2024Z00003, besluit b1',
      'Zaak 2024Z00003',
      'Zaak 2024Z00003',
    ]);
  });
});
