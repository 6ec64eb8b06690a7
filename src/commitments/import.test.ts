import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { ImportResult } from './schema.ts';

/**
 * Importing the Tweede Kamer's records (the real files in ../shared/data/tweedekamer): adopted
 * motions on human rights become open commitments of the ministry named, rejected ones are kept as
 * lapsed, a re-import updates and never duplicates, and an unchanged record writes nothing.
 */
const DATA = path.resolve(import.meta.dirname, '../../../shared/data/tweedekamer');
const FIXTURES = path.resolve(import.meta.dirname, 'tweedekamer/fixtures');
const MOTIONS = fs.readFileSync(path.join(DATA, 'zaak-moties-mensenrechten-2022-2023.json'), 'utf8');

let t: TestApp;
let coordinator: Session;
let contributor: Session;

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as('coordinator', 'VWS');
  contributor = await t.as('contributor', 'BZ');
});
afterAll(() => t?.close());

const send = (as: Session, body: string, type: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/commitments/import',
    payload: body,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': type },
  });
const rows = async () =>
  (
    await t.db.query<{
      tk_number: string;
      status: string;
      vote_outcome: string;
      code: string;
      organisation_verified: boolean;
      submitters: string[];
      seats_for: number;
      version: number;
    }>(
      `select c.*, o.code from commitments c join organisations o on o.id = c.organisation_id order by tk_number`,
    )
  ).rows;
const auditCount = async () =>
  (
    await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_events where entity_type = 'commitment'`,
    )
  ).rows[0]!.n;

describe('import of the Tweede Kamer motions', () => {
  it('a contributor may not import', async () => {
    expect((await send(contributor, MOTIONS, 'application/json')).statusCode).toBe(403);
  });

  it('stores the motions on human rights with their votes; adopted ones are open commitments', async () => {
    const res = await send(coordinator, MOTIONS, 'application/json');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ImportResult;
    const stored = await rows();
    expect(r.created).toBe(stored.length);
    expect(r.unchanged).toBe(0);
    // Each motion in the file is either stored or skipped with its reason.
    expect(r.created + r.skipped.length).toBe(33);
    const raw = JSON.parse(MOTIONS) as { Nummer: string; Besluit: { BesluitSoort: string }[] }[];
    for (const row of stored) {
      const source = raw.find((z) => z.Nummer === row.tk_number)!;
      const adopted = source.Besluit.some((b) => b.BesluitSoort === 'Stemmen - aangenomen');
      expect(row.vote_outcome).toBe(adopted ? 'adopted' : 'rejected');
      expect(row.status).toBe(adopted ? 'open' : 'lapsed');
      expect(row.submitters.length).toBeGreaterThan(0);
    }
    expect(r.openCommitments).toBe(stored.filter((x) => x.status === 'open').length);
    expect(r.openCommitments).toBeGreaterThan(10);
    const boswijk = stored.find((x) => x.tk_number === '2023Z15918')!;
    expect(boswijk).toMatchObject({ status: 'open', vote_outcome: 'adopted', code: 'BZ' });
    expect(boswijk.submitters[0]).toContain('Boswijk');
    // The budget of Foreign Affairs (V) names the ministry: verified.
    expect(stored.find((x) => x.tk_number === '2022Z14231')).toMatchObject({
      code: 'BZ',
      organisation_verified: true,
    });
    expect(r.skipped.every((s) => s.reason === 'not on human rights')).toBe(true);
  });

  it('a re-import of the same file writes nothing; a changed record is updated, not duplicated', async () => {
    const before = await rows();
    const audits = await auditCount();
    const again = (await send(coordinator, MOTIONS, 'application/json')).json() as ImportResult;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: before.length });
    expect(await auditCount()).toBe(audits);

    const changed = JSON.parse(MOTIONS) as { Nummer: string; Onderwerp: string; ApiGewijzigdOp: string }[];
    const z = changed.find((x) => x.Nummer === '2023Z15918')!;
    z.Onderwerp = `${z.Onderwerp.trim()} (gewijzigd)`;
    const third = (
      await send(coordinator, JSON.stringify(changed), 'application/json')
    ).json() as ImportResult;
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: before.length - 1 });
    const after = await rows();
    expect(after.length).toBe(before.length);
    expect(after.find((x) => x.tk_number === '2023Z15918')!.version).toBe(2);
    expect(await auditCount()).toBe(audits + 1);
  });

  it('a status a coordinator set survives a re-import of an unchanged vote', async () => {
    const id = (
      await t.db.query<{ id: string; version: number }>(
        `select id, version from commitments where tk_number = '2023Z15919'`,
      )
    ).rows[0]!;
    const bz = await t.as('coordinator', 'BZ');
    const done = await t.call(bz, 'POST', `/api/commitments/${id.id}/status`, {
      status: 'done',
      evidenceCitation: 'Kamerstuk 32 735, nr. 380',
      version: id.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const changed = JSON.parse(MOTIONS) as { Nummer: string; Onderwerp: string }[];
    changed.find((x) => x.Nummer === '2023Z15919')!.Onderwerp += ' (nader)';
    await send(coordinator, JSON.stringify(changed), 'application/json');
    expect((await rows()).find((x) => x.tk_number === '2023Z15919')!.status).toBe('done');
  });

  it('a motion removed at the source is withdrawn; one never stored is skipped', async () => {
    const raw = JSON.parse(MOTIONS) as { Nummer: string; Verwijderd?: boolean; Id: string }[];
    const removed = raw.filter((x) => x.Nummer === '2023Z15921');
    removed[0]!.Verwijderd = true;
    const unknown = { ...removed[0]!, Id: '1a2b3c4d-0000-4000-8000-000000000001', Nummer: '2023Z99999' };
    const r = (
      await send(coordinator, JSON.stringify([...removed, unknown]), 'application/json')
    ).json() as ImportResult;
    expect(r).toMatchObject({ created: 0, updated: 1 });
    expect(r.skipped).toEqual([{ record: 'Motie 2023Z99999', reason: 'removed at the source' }]);
    expect((await rows()).find((x) => x.tk_number === '2023Z15921')!.status).toBe('withdrawn');
  });

  it('a coordinator confirms the ministry an import guessed by saving it', async () => {
    const guessed = (
      await t.db.query<{ id: string; version: number; organisation_id: string }>(
        `select id, version, organisation_id from commitments where tk_number = '2023Z15921'`,
      )
    ).rows[0]!;
    const bz = await t.as('coordinator', 'BZ');
    const before = (await t.call(bz, 'GET', `/api/commitments/${guessed.id}`)).json() as {
      organisationVerified: boolean;
    };
    expect(before.organisationVerified).toBe(false);
    const res = await t.call(bz, 'PATCH', `/api/commitments/${guessed.id}`, {
      organisationId: guessed.organisation_id,
      version: guessed.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { organisationVerified: boolean }).organisationVerified).toBe(true);
  });

  it('imports the SyncFeed XML: the same motion by its Id is not duplicated', async () => {
    const before = await rows();
    const xml = fs.readFileSync(path.join(FIXTURES, 'syncfeed-moties.xml'), 'utf8');
    const res = await send(coordinator, xml, 'application/xml');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ImportResult;
    expect(r.format).toBe('syncfeed-xml');
    const after = await rows();
    expect(after.filter((x) => x.tk_number === '2023Z15918')).toHaveLength(1);
    expect(after.find((x) => x.tk_number === '2023Z15918')!.status).toBe('open');
    // Of the three motions only Boswijk's is on human rights; the other two are skipped.
    expect(after.length).toBe(before.length);
    expect(r.skipped.map((s) => s.record).sort()).toEqual(['Motie 2023D02517', 'Motie 2026Z20773']);
  });

  it('a toezegging gets its mapped status and the ministry named; an unknown ministry goes to BZK, to confirm', async () => {
    // A constructed OData answer in the shape of the Toezegging entity (no real record is published in the samples).
    const odata = (status: string, ministerie: string | null) =>
      JSON.stringify({
        '@odata.context': 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Toezegging',
        value: [
          {
            Id: 'fa9b16b4-ef85-443a-8737-000eada4a50e',
            Nummer: 'TZ202504-057',
            Tekst: 'De minister zal de Kamer jaarlijks informeren over de mensenrechtenrapportage.',
            Status: status,
            Ministerie: ministerie,
            Aanmaakdatum: '2025-04-10T00:00:00+02:00',
            DatumNakoming: '2025-12-31T00:00:00+01:00',
            Verwijderd: false,
            GewijzigdOp: '2025-04-30T00:00:00+02:00',
          },
        ],
      });
    const first = await send(coordinator, odata('Openstaand', 'Buitenlandse Zaken'), 'application/json');
    expect(first.statusCode, first.body).toBe(200);
    let tz = (await rows()).find((x) => x.tk_number === 'TZ202504-057')!;
    expect(tz).toMatchObject({ status: 'open', code: 'BZ', organisation_verified: true });
    await send(coordinator, odata('Deels Afgedaan', 'Buitenlandse Zaken'), 'application/json');
    tz = (await rows()).find((x) => x.tk_number === 'TZ202504-057')!;
    expect(tz.status).toBe('partly_done');
    await send(coordinator, odata('Afgedaan', 'Buitenlandse Zaken'), 'application/json');
    expect((await rows()).find((x) => x.tk_number === 'TZ202504-057')!.status).toBe('done');
    expect((await rows()).filter((x) => x.tk_number === 'TZ202504-057')).toHaveLength(1);

    const other = JSON.parse(odata('Vervallen', 'Ministerie van Niets')) as {
      value: { Id: string; Nummer: string }[];
    };
    other.value[0]!.Id = '0b9a2c1e-1111-4222-8333-444455556666';
    other.value[0]!.Nummer = 'TZ202504-058';
    const res = (await send(coordinator, JSON.stringify(other), 'application/json')).json() as ImportResult;
    expect(res.organisationToConfirm).toBe(1);
    expect((await rows()).find((x) => x.tk_number === 'TZ202504-058')).toMatchObject({
      status: 'lapsed',
      code: 'BZK',
      organisation_verified: false,
    });
  });

  it('refuses a file that is neither JSON nor XML, nothing saved', async () => {
    const before = (await rows()).length;
    const res = await send(coordinator, 'Dit is geen bestand van de Kamer', 'text/plain');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('tweedekamer.unknown_format');
    expect((await rows()).length).toBe(before);
  });
});
