import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { readUprInfo } from './import-upr-info.ts';
import { importFile } from './importers.ts';
import { storeRecords } from './store.ts';

/**
 * One record per recommendation: the UPR Info extract and the 2008 UPR report on the Netherlands
 * describe the same recommendations in their own words; imported one after the other they make one
 * record each, with both sources and what each says; a coordinator merges and splits what the
 * matching got wrong.
 */
const DATA = path.resolve('../shared/data');
const UPR_INFO = path.join(DATA, 'upr-info/upr-recommendations-sessions-01-16.csv');
const REPORT = path.join(DATA, 'un-documents/A-HRC-8-31-netherlands-upr-2008.txt');
const present = fs.existsSync(UPR_INFO) && fs.existsSync(REPORT);
if (!present && process.env.CI !== 'true')
  console.warn(`Skipping the one-record tests: ${DATA} is absent (a clone without ../shared).`);

let t: TestApp;
let bzk: Session;
beforeAll(async () => {
  if (!present && process.env.CI !== 'true') return;
  t = await testApp();
  bzk = await t.as('coordinator');
});
afterAll(() => t?.close());

/** The UPR Info rows on the Netherlands (all its sessions), imported as the extract would be. */
async function importUprInfo() {
  const read = readUprInfo(fs.readFileSync(UPR_INFO));
  const records = read.records.filter((r) => r.stateUnderReview === 'Netherlands');
  return storeRecords(t.db, systemActor('test'), {
    kind: 'upr-info',
    fileName: 'upr-recommendations-sessions-01-16.csv',
    sha256: 'x',
    records,
    rowErrors: [],
    totalRows: records.length,
  });
}

const importReport = async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/imports/document?fileName=A-HRC-8-31-netherlands-upr-2008.txt',
    headers: { 'content-type': 'application/octet-stream', cookie: bzk.cookie, 'x-csrf-token': bzk.csrf },
    payload: fs.readFileSync(REPORT),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { created: number; updated: number; unchanged: number };
};

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;

/** The report's sources (one per recommendation it makes) and how many share a record with UPR Info. */
const reportMerged = () =>
  count(
    `select count(*)::int as n from recommendation_sources d
      where d.kind = 'document' and exists (select 1 from recommendation_sources u
        where u.recommendation_id = d.recommendation_id and u.kind = 'upr-info')`,
  );

interface Detail {
  id: string;
  version: number;
  position: string | null;
  recommendingStates: string[];
  recommendingStateCodes: string[];
  sources: {
    kind: string;
    sourceKey: string;
    reportedPosition: string | null;
    reportedDate: string | null;
  }[];
  disagreements: string[];
  abilities: { merge: boolean; split: boolean };
}
const detail = async (id: string, s: Session | null = bzk) => {
  const res = await t.call(s, 'GET', `/api/recommendations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const idOfSource = async (kind: string, key: string) =>
  (
    await t.db.query<{ id: string }>(
      'select recommendation_id as id from recommendation_sources where kind = $1 and source_key = $2',
      [kind, key],
    )
  ).rows[0]!.id;

describe.skipIf(!present && process.env.CI !== 'true')('one record per recommendation', () => {
  it('merges the same recommendations whichever source comes first', async () => {
    const db = await testDb();
    try {
      await seedReferenceData(db);
      const actor = systemActor('test');
      await importFile(db, actor, 'document', 'A-HRC-8-31.txt', new Uint8Array(fs.readFileSync(REPORT)));
      const read = readUprInfo(fs.readFileSync(UPR_INFO));
      const records = read.records.filter((r) => r.stateUnderReview === 'Netherlands');
      await storeRecords(db, actor, {
        kind: 'upr-info',
        fileName: 'upr.csv',
        sha256: 'x',
        records,
        rowErrors: [],
        totalRows: records.length,
      });
      const merged = await db.query<{ n: number }>(
        `select count(*)::int as n from recommendation_sources d
          where d.kind = 'document' and exists (select 1 from recommendation_sources u
            where u.recommendation_id = d.recommendation_id and u.kind = 'upr-info')`,
      );
      expect(merged.rows[0]!.n).toBe(34);
      // The report said "pending"; UPR Info knows the response: it fills in, the report's stays with it.
      const pos = await db.query<{ position: string; reported: string }>(
        `select r.position, s.reported_position as reported from recommendations r
           join recommendation_sources s on s.recommendation_id = r.id
          where s.kind = 'document' and s.source_key = 'A/HRC/8/31#78.2'`,
      );
      expect(pos.rows).toEqual([{ position: 'noted', reported: 'pending' }]);
    } finally {
      await db.close();
    }
  });

  it('merges the 2008 report with its UPR Info rows', async () => {
    await importUprInfo();
    // UPR Info rows on the Netherlands belong to the UPR cycle of their session (1: 2008, 13: 2012).
    const linked = await t.db.query<{ sequence: number; n: number }>(
      `select c.sequence, count(*)::int as n from recommendations r join cycles c on c.id = r.cycle_id
         join instruments i on i.id = r.instrument_id and i.code = 'UPR' group by c.sequence order by c.sequence`,
    );
    expect(linked.rows.map((r) => r.sequence)).toEqual([1, 2]);
    expect(linked.rows[0]!.n).toBe(46);
    expect(
      await count(
        "select count(*)::int as n from recommendations where mechanism = 'upr' and cycle_id is null",
      ),
    ).toBe(0);
    const before = await count('select count(*)::int as n from recommendations');
    const summary = await importReport();
    // 41 recommendations (31 paragraphs, 9 of which join the recommendations of several states).
    expect(await count("select count(*)::int as n from recommendation_sources where kind = 'document'")).toBe(
      41,
    );
    // 34 describe a UPR Info row (33 with the same bare text, 1 with a dropped "the"); of the other 7,
    // 5 join two UPR Info recommendations in one part and 2 reword one beyond the threshold.
    expect(await reportMerged()).toBe(34);
    expect(summary.created).toBe(7);
    expect(await count('select count(*)::int as n from recommendations')).toBe(before + 7);
    // The report's own recommendations are filed under its UPR session and cycle, as UPR Info's are.
    expect(
      await count(
        "select count(*)::int as n from recommendations where symbol = 'A/HRC/8/31' and (upr_session <> 1 or upr_cycle <> 1)",
      ),
    ).toBe(0);
    // Parts of one paragraph keep its reference.
    expect(
      await count(
        "select count(*)::int as n from recommendation_sources where source_key like 'A/HRC/8/31#78.1%'",
      ),
    ).toBeGreaterThanOrEqual(3);
  });

  it('keeps each source’s position where they disagree, without overwriting', async () => {
    const id = await idOfSource('document', 'A/HRC/8/31#78.2');
    const d = await detail(id);
    expect(d.position).toBe('noted');
    expect(d.sources.map((s) => [s.kind, s.reportedPosition]).sort()).toEqual([
      ['document', 'pending'],
      ['upr-info', 'noted'],
    ]);
    expect(d.disagreements).toContain('position');
    expect(d.recommendingStates).toEqual(['Egypt']);
    expect(d.recommendingStateCodes).toEqual(['EGY']);
    expect(d.abilities).toEqual({ merge: true, split: true });
    const observer = await detail(id, await t.as('observer'));
    expect(observer.abilities).toEqual({ merge: false, split: false });
    // The report names "Turkey", UPR Info "Turkey" too: one state, by its UN name and code.
    const tr = await detail(await idOfSource('document', 'A/HRC/8/31#78.13'));
    expect(tr.recommendingStates).toEqual(['Türkiye']);
    expect(tr.recommendingStateCodes).toEqual(['TUR']);
  });

  it('does not duplicate on a re-import of either source', async () => {
    const before = await count('select count(*)::int as n from recommendations');
    const again = await importReport();
    expect(again).toMatchObject({ created: 0, updated: 0 });
    const upr = await importUprInfo();
    expect(upr).toMatchObject({ created: 0, updated: 0 });
    expect(await count('select count(*)::int as n from recommendations')).toBe(before);
    expect(await reportMerged()).toBe(34);
  });

  it('merges two records and splits them again, audited and reversible', async () => {
    // The report's continuation "International Covenant on ... Netherlands Antilles" is UPR Info's
    // "Consider withdrawal of reservations with respect to the International Covenant ...".
    const keepId = await idOfSource('upr-info', '3716');
    const otherId = await idOfSource('document', 'A/HRC/8/31#78.10-2');
    expect(otherId).not.toBe(keepId);
    await t.db.query('update recommendations set status = $2 where id = $1', [otherId, 'assigned']);
    const keep = await detail(keepId);
    const other = await detail(otherId);
    const body = { otherId, version: keep.version, otherVersion: other.version };

    // Only the coordinating ministry and administrators: another coordinator gets 403, nothing changes.
    const vws = await t.as('coordinator', 'VWS');
    const refused = await t.call(vws, 'POST', `/api/recommendations/${keepId}/merge`, body);
    expect(refused.statusCode).toBe(403);
    expect((await detail(otherId)).version).toBe(other.version);

    const merged = await t.call(bzk, 'POST', `/api/recommendations/${keepId}/merge`, body);
    expect(merged.statusCode, merged.body).toBe(200);
    const after = (merged.json() as { recommendation: Detail }).recommendation;
    expect(after.sources.map((s) => s.sourceKey)).toContain('A/HRC/8/31#78.10-2');
    expect(await count('select count(*)::int as n from recommendations where id = $1', [otherId])).toBe(0);
    const audit = await t.db.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_events where entity_type = 'recommendation' and entity_id = any($1)
        order by id desc limit 3`,
      [[keepId, otherId]],
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['delete', 'merge', 'update']);
    // A stale version is refused.
    const stale = await t.call(bzk, 'POST', `/api/recommendations/${keepId}/split`, {
      sourceKind: 'document',
      sourceKey: 'A/HRC/8/31#78.10-2',
      version: keep.version,
    });
    expect(stale.statusCode).toBe(409);

    // Taking the merged source out again restores the absorbed record, with its id and status.
    const split = await t.call(bzk, 'POST', `/api/recommendations/${keepId}/split`, {
      sourceKind: 'document',
      sourceKey: 'A/HRC/8/31#78.10-2',
      version: after.version,
    });
    expect(split.statusCode, split.body).toBe(200);
    expect((split.json() as { otherId: string }).otherId).toBe(otherId);
    const restored = await t.db.query<{ status: string }>(
      'select status from recommendations where id = $1',
      [otherId],
    );
    expect(restored.rows[0]?.status).toBe('assigned');
    expect((await detail(otherId)).sources.map((s) => s.sourceKey)).toEqual(['A/HRC/8/31#78.10-2']);
    expect((await detail(keepId)).sources.every((s) => s.kind === 'upr-info')).toBe(true);
    const events = await t.db.query<{ action: string }>(
      `select action from audit_events where entity_type = 'recommendation' and entity_id = any($1)
        order by id desc limit 3`,
      [[keepId, otherId]],
    );
    expect(events.rows.map((r) => r.action).sort()).toEqual(['create', 'split', 'update']);

    // A source an import matched becomes a record of its own, from what it says.
    const matched = await idOfSource('document', 'A/HRC/8/31#78.2');
    const m = await detail(matched);
    const own = await t.call(bzk, 'POST', `/api/recommendations/${matched}/split`, {
      sourceKind: 'document',
      sourceKey: 'A/HRC/8/31#78.2',
      version: m.version,
    });
    expect(own.statusCode, own.body).toBe(200);
    const newId = (own.json() as { otherId: string }).otherId;
    const split2 = await detail(newId);
    expect(split2.position).toBe('pending');
    expect(split2.sources.map((s) => s.kind)).toEqual(['document']);
    // A re-import keeps it apart.
    await importReport();
    expect(await idOfSource('document', 'A/HRC/8/31#78.2')).toBe(newId);

    // The source whose words and position the record had taken out: the record says what is left.
    const both = await idOfSource('upr-info', '3727');
    const b = await detail(both);
    expect(b.position).toBe('noted');
    const out = await t.call(bzk, 'POST', `/api/recommendations/${both}/split`, {
      sourceKind: 'upr-info',
      sourceKey: '3727',
      version: b.version,
    });
    expect(out.statusCode, out.body).toBe(200);
    const left = (out.json() as { recommendation: Detail & { text: string } }).recommendation;
    expect(left.position).toBe('pending');
    expect(left.text).toMatch(/\(Egypt\)$/);
    expect(left.sources.map((s) => s.kind)).toEqual(['document']);
  });
});
