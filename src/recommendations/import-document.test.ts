import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { importFile } from './importers.ts';
import { searchRecommendations } from './service.ts';
import { reportAbsent, sharedFile } from './parse/shared-data.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(here, 'parse', 'fixtures', name)));
const actor = systemActor('test');

let db: Db;
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
});
afterAll(() => db?.close());
const n = async (sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

describe('document import', () => {
  it('stores the recommendations of concluding observations with their follow-up priorities', async () => {
    const s = await importFile(
      db,
      actor,
      'document',
      'E_C.12_NLD_CO_7.txt',
      fixture('e-c12-nld-co-7-layout.txt'),
    );
    expect(s).toMatchObject({ created: 9, committed: true });
    const rows = await db.query<{
      paragraph: string;
      follow_up: boolean;
      body_code: string;
      mechanism: string;
    }>(
      "select paragraph, follow_up, body_code, mechanism from recommendations where symbol = 'E/C.12/NLD/CO/7' order by paragraph",
    );
    expect(rows.rows.filter((r) => r.follow_up).map((r) => r.paragraph)).toEqual([
      'para 5 (a)',
      'para 7',
      'para 9 (b)',
    ]);
    expect(new Set(rows.rows.map((r) => `${r.mechanism}:${r.body_code}`))).toEqual(
      new Set(['treaty_body:CESCR']),
    );
    const again = await importFile(db, actor, 'document', 'copy.txt', fixture('e-c12-nld-co-7-layout.txt'));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 9 });
    expect(await n("select count(*)::int as n from recommendations where symbol = 'E/C.12/NLD/CO/7'")).toBe(
      9,
    );
  });

  it('links the recommendations to their cycle and sets the follow-up due date from the follow-up paragraph', async () => {
    const cycle = await db.query<{ id: string; instrument: string }>(
      `select c.id, i.code as instrument from cycle_phases p join cycles c on c.id = p.cycle_id
         join instruments i on i.id = c.instrument_id where p.symbol = 'E/C.12/NLD/CO/7'`,
    );
    expect(cycle.rows[0]!.instrument).toBe('ICESCR');
    const cycleId = cycle.rows[0]!.id;
    const due = await db.query<{ date: string; date_precision: string; source: string }>(
      "select date, date_precision, source from cycle_phases where cycle_id = $1 and kind = 'follow_up_due'",
      [cycleId],
    );
    // The concluding observations are dated "2025" (the year only): 24 months later is 2027.
    expect(due.rows).toEqual([
      { date: '2027-01-01', date_precision: 'year', source: 'E/C.12/NLD/CO/7 (follow-up paragraph)' },
    ]);
    const found = await searchRecommendations(db, { page: 1, pageSize: 50, cycleId });
    expect(found.total).toBe(9);
    // One audit row per recommendation created, linked to its cycle and instrument.
    const audited = await db.query<{ id: string }>(
      `select entity_id as id from audit_events
        where entity_type = 'recommendation' and action = 'create' and after ->> 'cycleId' = $1`,
      [cycleId],
    );
    expect(audited.rows.map((r) => r.id).sort()).toEqual(found.items.map((r) => r.id).sort());
    expect(found.facets.instrument).toEqual([expect.objectContaining({ label: 'ICESCR', count: 9 })]);
  });

  it('finds paragraph references and symbols exactly', async () => {
    const search = (q: string) => searchRecommendations(db, { page: 1, pageSize: 50, q });
    const para5 = await search('para 5');
    expect(para5.items.map((r) => `${r.symbol} ${r.paragraph}`).sort()).toEqual([
      'E/C.12/NLD/CO/7 para 5 (a)',
      'E/C.12/NLD/CO/7 para 5 (b)',
      'E/C.12/NLD/CO/7 para 5 (c)',
    ]);
    expect((await search('para. 9 (b)')).items.map((r) => r.paragraph)).toEqual(['para 9 (b)']);
    expect((await search('E/C.12/NLD/CO/7')).total).toBe(9);
    expect((await search('E/C.12/NLD')).total).toBe(9);
  });

  it('takes the kind the user names instead of guessing it', async () => {
    const advisory = fixture('kabinetsreactie-advies-layout.txt');
    const auto = await importFile(db, actor, 'document', 'advies.txt', advisory, { dryRun: true });
    expect(auto.created).toBeGreaterThan(0);
    // Read as concluding observations, the same text holds no recommendation paragraphs.
    await expect(
      importFile(db, actor, 'document', 'advies.txt', advisory, {
        dryRun: true,
        documentKind: 'treaty-body',
      }),
    ).rejects.toThrow(/holds no recommendations/);
  });

  it("stores the cabinet's position and its explanation from a cabinet response", async () => {
    const s = await importFile(
      db,
      actor,
      'document',
      'kabinetsreactie.txt',
      fixture('kabinetsreactie-advies-layout.txt'),
    );
    expect(s.created).toBeGreaterThan(0);
    const r = await db.query<{
      paragraph: string;
      position: string | null;
      position_explanation: string | null;
      mechanism: string;
    }>(
      "select paragraph, position, position_explanation, mechanism from recommendations where mechanism = 'advisory_council' order by paragraph",
    );
    expect(r.rows.length).toBe(s.created);
    expect(r.rows.some((x) => x.position !== null && (x.position_explanation ?? '').length > 20)).toBe(true);
  });

  it('registers the document and links its recommendations to it: found by symbol, by its earlier import, or made', async () => {
    const docs = () =>
      db.query<{ id: string; title: string; kind: string; verified: boolean; symbol: string | null }>(
        "select id, title, kind, verified, symbol from documents where kind in ('advisory_report', 'concluding_observations') order by created_at",
      );
    const linkedTo = (id: string) =>
      n('select count(*)::int as n from recommendations where document_id = $1', [id]);
    // The concluding observations imported first: their register row was made, with their symbol and cycle.
    const co = (await docs()).rows.find((d) => d.symbol === 'E/C.12/NLD/CO/7')!;
    expect(co).toMatchObject({ kind: 'concluding_observations', verified: false });
    expect(await linkedTo(co.id)).toBe(9);
    const cycle = await db.query<{ cycle_id: string | null }>(
      'select cycle_id from documents where id = $1',
      [co.id],
    );
    expect(cycle.rows[0]!.cycle_id).not.toBeNull();
    // A cabinet response without a symbol: registered under the name of the advice it answers.
    const advisory = (await docs()).rows.filter((d) => d.kind === 'advisory_report');
    expect(advisory.map((d) => d.title)).toEqual(['Mensenrechten dichtbij']);
    const linked = await linkedTo(advisory[0]!.id);
    expect(linked).toBe(
      await n("select count(*)::int as n from recommendations where mechanism = 'advisory_council'"),
    );
    // The same files again: no second register row, the links stay.
    await importFile(
      db,
      actor,
      'document',
      'kabinetsreactie-2.txt',
      fixture('kabinetsreactie-advies-layout.txt'),
    );
    await importFile(db, actor, 'document', 'E_C.12_NLD_CO_7.txt', fixture('e-c12-nld-co-7-layout.txt'));
    expect((await docs()).rows.length).toBe(2);
    expect(await linkedTo(advisory[0]!.id)).toBe(linked);
    // The link is on the record: the register row's creation and the recommendations' documentId.
    const audit = await n(
      "select count(*)::int as n from audit_events where entity_type = 'recommendation' and after ->> 'documentId' = $1",
      [co.id],
    );
    expect(audit).toBe(9);
    expect(
      await n(
        "select count(*)::int as n from audit_events where entity_type = 'document' and entity_id = $1",
        [co.id],
      ),
    ).toBe(1);
  });

  it('refuses a file that is no recognisable document, storing nothing', async () => {
    const before = await n('select count(*)::int as n from recommendations');
    await expect(
      importFile(db, actor, 'document', 'notes.txt', new TextEncoder().encode('Shopping list: bread, milk.')),
    ).rejects.toThrow(/cannot be imported as document: Cannot tell what kind of document/);
    await expect(
      importFile(db, actor, 'document', 'x.pdf', new TextEncoder().encode('%PDF-1.4 garbage')),
    ).rejects.toThrow(/damaged/);
    expect(await n('select count(*)::int as n from recommendations')).toBe(before);
  });

  const real = sharedFile('data/un-documents/A-HRC-8-31-netherlands-upr-2008.txt');
  if (!real) reportAbsent('data/un-documents/A-HRC-8-31-netherlands-upr-2008.txt');
  else
    it('imports the real UPR Working Group report on the Netherlands (2008): 31 paragraphs, 41 recommendations with their states', async () => {
      const s = await importFile(
        db,
        actor,
        'document',
        'A-HRC-8-31.txt',
        new Uint8Array(fs.readFileSync(real)),
      );
      // 9 paragraphs join the recommendations of several states: one record per part.
      expect(s).toMatchObject({ created: 41, committed: true });
      const r = await db.query<{
        paragraph: string;
        recommending_states: string[];
        position: string;
        mechanism: string;
      }>(
        "select paragraph, recommending_states, position, mechanism from recommendations where symbol = 'A/HRC/8/31' order by string_to_array(paragraph, '.')::int[], text",
      );
      expect(r.rows).toHaveLength(41);
      expect(new Set(r.rows.map((x) => x.paragraph)).size).toBe(31);
      expect(r.rows[0]!.paragraph).toBe('78.1');
      // 78.1: France, then Brazil, then the Russian Federation, each with its own part.
      expect(r.rows.filter((x) => x.paragraph === '78.1').map((x) => x.recommending_states)).toEqual(
        expect.arrayContaining([['France'], ['Brazil'], ['Russian Federation']]),
      );
      expect(
        r.rows.every(
          (x) => x.mechanism === 'upr' && x.position === 'pending' && x.recommending_states.length > 0,
        ),
      ).toBe(true);
    });
});
