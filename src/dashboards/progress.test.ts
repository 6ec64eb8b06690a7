import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { countsOfAll, countsOfSearch } from './progress.ts';
import { indexedHits } from '../recommendations/service.ts';
import { DashboardGroup, type ProgressDashboard } from './schema.ts';

/**
 * The progress dashboard: a search's recommendations counted by the status of their latest
 * approved update, per group; its downloads hold the same numbers.
 */
let t: TestApp;
let s: Session;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  s = await t.as('coordinator', 'VWS');
  const ids = async (sql: string) =>
    Object.fromEntries((await t.db.query<{ k: string; id: string }>(sql)).rows.map((r) => [r.k, r.id]));
  Object.assign(id, await ids("select code as k, id from organisations where code in ('VWS', 'JenV')"));
  Object.assign(id, await ids("select code as k, id from instruments where code in ('CAT', 'CRC')"));
  const user = (await t.as('contributor', 'VWS')).userId;
  const approver = s.userId;
  const theme = (
    await t.db.query<{ id: string }>(
      "select id from taxonomy_terms where scheme = 'uhri_theme' order by code limit 1",
    )
  ).rows[0]!.id;
  id.theme = theme;
  // key, instrument, lead, updates [status, state, period end]
  const rows: [string, string, string | null, [string, string, string][]][] = [
    [
      'a',
      'CAT',
      'JenV',
      [
        ['in_progress', 'approved', '2024-06-30'],
        ['implemented', 'approved', '2025-06-30'],
      ],
    ],
    [
      'b',
      'CAT',
      'JenV',
      [
        ['in_progress', 'approved', '2025-06-30'],
        ['implemented', 'draft', '2025-09-30'],
      ],
    ],
    ['c', 'CRC', 'VWS', [['not_started', 'approved', '2025-01-31']]],
    ['d', 'CRC', 'VWS', []],
    ['e', 'CRC', null, []],
  ];
  for (const [key, instrument, lead, updates] of rows) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, instrument_id, lead_organisation_id, state_under_review, text, fingerprint)
       values ('treaty_body', $1, $2, $3, 'Netherlands', $4, $5) returning id`,
      [
        instrument,
        id[instrument],
        lead ? id[lead] : null,
        `Recommendation ${key} on detention`,
        `dashboard-${key}`,
      ],
    );
    id[key] = r.rows[0]!.id;
    for (const [status, state, end] of updates)
      await t.db.query(
        `insert into progress_updates (recommendation_id, status, text, period_end, state, created_by, approved_by, approved_at)
         values ($1, $2, 'Voortgang', $3, $4, $5, case when $4 = 'approved' then $6::uuid end,
                 case when $4 = 'approved' then now() end)`,
        [id[key], status, end, state, user, approver],
      );
  }
  await t.db.query(
    'insert into recommendation_terms (recommendation_id, term_id) values ($1, $3), ($2, $3)',
    [id.a, id.c, theme],
  );
  // A recommendation outside the search (another mechanism): never counted below.
  await t.db.query(
    `insert into recommendations (mechanism, instrument_id, state_under_review, text, fingerprint)
     values ('upr', $1, 'Netherlands', 'Other', 'dashboard-upr')`,
    [id.CAT],
  );
});
afterAll(() => t?.close());

const get = async (qs: string) => {
  const res = await t.call(s, 'GET', `/api/dashboards/progress?mechanism=treaty_body&${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ProgressDashboard;
};
const row = (d: ProgressDashboard, key: string | null) => d.rows.find((r) => r.key === key)!;

describe('progress dashboard', () => {
  it('counts each recommendation once, by its latest approved update (drafts never count)', async () => {
    const d = await get('groupBy=instrument');
    expect(d.total).toBe(5);
    expect(d.totals).toMatchObject({ implemented: 1, in_progress: 1, not_started: 1, none: 2 });
    expect(row(d, id.CAT!)).toMatchObject({
      label: 'CAT',
      total: 2,
      counts: { implemented: 1, in_progress: 1 },
    });
    expect(row(d, id.CRC!)).toMatchObject({ total: 3, counts: { not_started: 1, none: 2 } });
  });

  it('per ministry, with the unassigned last; per theme; the search filters apply', async () => {
    const m = await get('groupBy=ministry');
    expect(m.rows.map((r) => [r.label, r.total])).toEqual([
      ['JenV', 2],
      ['VWS', 2],
      ['Not assigned', 1],
    ]);
    expect(m.rows.at(-1)!.labelNl).toBe('Niet toegewezen');
    const th = await get('groupBy=theme');
    expect(row(th, id.theme!)).toMatchObject({ total: 2, counts: { implemented: 1, not_started: 1 } });
    expect(row(th, null).total).toBe(3);
    const filtered = await get(`groupBy=ministry&leadOrganisationId=${id.VWS}`);
    expect(filtered.total).toBe(2);
    expect(filtered.rows.map((r) => r.label)).toEqual(['VWS']);
  });

  it('the .csv and .xlsx hold the numbers of the table', async () => {
    const csv = await t.call(
      s,
      'GET',
      '/api/dashboards/progress.csv?mechanism=treaty_body&groupBy=instrument&lang=nl',
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="voortgang-instrument-.*\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Instrument;Niet gestart;In uitvoering;Gedeeltelijk uitgevoerd;Uitgevoerd;Niet uitgevoerd;Niet meer relevant;Nog geen voortgang;Totaal',
    );
    expect(lines).toContain('CRC;1;0;0;0;0;0;2;3');
    expect(lines.at(-1)).toBe('Alle aanbevelingen;1;1;0;1;0;0;2;5');

    const xlsx = await t.call(
      s,
      'GET',
      '/api/dashboards/progress.xlsx?mechanism=treaty_body&groupBy=instrument&lang=en',
    );
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Instrument');
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    const crc = [2, 3, 4].map(values).find((v) => v[0] === 'CRC');
    expect(crc).toEqual(['CRC', 1, 0, 0, 0, 0, 0, 2, 3]);
  });

  it('without a filter, the counters give what a pass over all recommendations gives', async () => {
    // A cluster's approved progress counts for its member, and one more theme tag, so that every
    // kind of row is there: progressed and not, in a group and in none.
    const owner = id.VWS!;
    const cluster = await t.db.query<{ id: string }>(
      `insert into clusters (title, owner_organisation_id, created_by) values ('Dashboard', $1, $2) returning id`,
      [owner, s.userId],
    );
    await t.db.query('insert into cluster_members (cluster_id, recommendation_id) values ($1, $2)', [
      cluster.rows[0]!.id,
      id.d,
    ]);
    const contributor = (await t.as('contributor', 'VWS')).userId;
    await t.db.query(
      `insert into progress_updates (cluster_id, status, text, period_end, state, created_by, approved_by, approved_at)
       values ($1, 'partially_implemented', 'Cluster', '2025-08-31', 'approved', $2, $3, now())`,
      [cluster.rows[0]!.id, contributor, s.userId],
    );
    await t.db.query('insert into recommendation_terms (recommendation_id, term_id) values ($1, $2)', [
      id.d,
      id.theme,
    ]);
    const sorted = (rows: { key: string | null; status: string; n: number; total: boolean }[]) =>
      rows
        .filter((r) => r.n > 0)
        .map((r) => `${String(r.total)} ${r.key ?? '-'} ${r.status} ${r.n}`)
        .sort();
    for (const groupBy of DashboardGroup.options) {
      const all = sorted(await countsOfAll(t.db, groupBy));
      expect(all, groupBy).toEqual(sorted(await countsOfSearch(t.db, { groupBy })));
      // The hits' terms read by their ids, or all the scheme's tags joined at once, count the same.
      expect(all, groupBy).toEqual(sorted(await countsOfSearch(t.db, { groupBy }, 'look-up')));
      expect(all, groupBy).toEqual(sorted(await countsOfSearch(t.db, { groupBy }, 'join')));
      expect(all.length, groupBy).toBeGreaterThan(2);
      // With a filter or a text query the facet index counts (progress status held beside the other
      // facet values); SQL, forced, counts the same.
      for (const filter of [
        { mechanism: 'treaty_body' as const },
        { q: 'detention' },
        { q: 'recommendation detention', mechanism: 'treaty_body' as const },
      ]) {
        const f = { groupBy, ...filter };
        expect(await indexedHits(t.db, f), groupBy).not.toBeNull();
        const indexed = sorted(await countsOfSearch(t.db, f));
        expect(indexed.length, `${groupBy} ${JSON.stringify(filter)}`).toBeGreaterThan(1);
        expect(indexed, `${groupBy} ${JSON.stringify(filter)}`).toEqual(
          sorted(await countsOfSearch(t.db, f, 'join')),
        );
        expect(indexed, `${groupBy} ${JSON.stringify(filter)}`).toEqual(
          sorted(await countsOfSearch(t.db, f, 'look-up')),
        );
      }
    }
    const d = await t.call(s, 'GET', '/api/dashboards/progress?groupBy=theme');
    const theme = (d.json() as ProgressDashboard).rows.find((r) => r.key === id.theme)!;
    expect(theme).toMatchObject({
      total: 3,
      counts: { implemented: 1, not_started: 1, partially_implemented: 1 },
    });
  });
});
