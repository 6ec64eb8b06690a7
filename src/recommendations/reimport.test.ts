import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { UPR_INFO_COLUMNS } from './import-upr-info.ts';

/** Re-imports: who may change existing recommendations, and the audit row of each one changed. */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const TEXT = 'Take measures to combat racial discrimination in the labour market.';
const row = (id: number, response: string, state = 'Canada', text = TEXT, issues = 'Racial discrimination') =>
  `${id},Netherlands,WEOG,EU,"${text}",${state},WEOG,,${response},4,"${issues}",1`;
const csv = (...rows: string[]) => [UPR_INFO_COLUMNS.join(','), ...rows].join('\n');

const upload = (s: Session, body: string, query = '') =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports/upr-info?fileName=upr.csv${query}`,
    headers: { 'content-type': 'text/csv', cookie: s.cookie, 'x-csrf-token': s.csrf },
    payload: body,
  });

interface AuditRow {
  action: string;
  entity_id: string;
  actor_label: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
const auditOf = async (id: string) =>
  (
    await t.db.query<AuditRow>(
      `select action, entity_id, actor_label, before, after from audit_events
        where entity_type = 'recommendation' and entity_id = $1 order by id`,
      [id],
    )
  ).rows;
const recommendation = async () =>
  (
    await t.db.query<{ id: string; position: string; recommending_states: string[]; version: number }>(
      'select id, position, recommending_states, version from recommendations where text = $1',
      [TEXT],
    )
  ).rows[0]!;
const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

describe('re-importing recommendations', () => {
  it('records one audit row per recommendation created, with its fields', async () => {
    const bzk = await t.as('coordinator');
    const res = await upload(bzk, csv(row(1, 'Accepted')));
    expect(res.json()).toMatchObject({ created: 1, committed: true });
    const rec = await recommendation();
    const audit = await auditOf(rec.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      before: null,
      after: {
        position: 'supported',
        text: TEXT,
        stateUnderReview: 'Netherlands',
        recommendingStates: ['Canada'],
      },
    });
  });

  it("refuses a coordinator of another ministry's re-import that changes a recommendation; nothing changes", async () => {
    const vws = await t.as('coordinator', 'VWS');
    const before = await recommendation();
    const audits = await count('audit_events');
    const imports = await count('imports');
    const changed = csv(row(1, 'Noted'));
    for (const query of ['', '&preview=true']) {
      const res = await upload(vws, changed, query);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'recommendation.import_changes_forbidden',
        params: { count: 1 },
      });
      expect(res.json().detail).toMatch(/would change 1 existing recommendation.*Nothing was stored/);
    }
    // Another recommending state of the same recommendation changes it too.
    expect((await upload(vws, csv(row(2, 'Accepted', 'Mexico')))).statusCode).toBe(403);
    expect(await recommendation()).toEqual(before);
    expect(await count('audit_events')).toBe(audits);
    expect(await count('imports')).toBe(imports);
    expect(await count('recommendation_sources')).toBe(1);
  });

  it('lets a coordinator of another ministry add new recommendations and re-import unchanged ones', async () => {
    const vws = await t.as('coordinator', 'VWS');
    const res = await upload(vws, csv(row(1, 'Accepted'), row(3, 'Accepted', 'Peru', 'Ratify the ICMW.')));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 0, unchanged: 1, committed: true });
  });

  it("a BZK coordinator's re-import changes the position, audited with the changed field before and after", async () => {
    const bzk = await t.as('coordinator');
    const before = await recommendation();
    const preview = await upload(bzk, csv(row(1, 'Noted')), '&preview=true');
    expect(preview.json()).toMatchObject({ created: 0, updated: 1, committed: false });
    expect((await recommendation()).position).toBe('supported');
    const res = await upload(bzk, csv(row(1, 'Noted')));
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 0, committed: true });
    const after = await recommendation();
    expect(after).toMatchObject({ position: 'noted', version: before.version + 1 });
    const audit = await auditOf(before.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toEqual({
      action: 'update',
      entity_id: before.id,
      actor_label: 'coordinator.bzk@example.org',
      before: { position: 'supported' },
      after: { position: 'noted' },
    });
    const summary = await t.db.query<{ after: { updated: number } }>(
      "select after from audit_events where action = 'import' and entity_id = $1",
      [res.json().importId],
    );
    expect(summary.rows[0]!.after.updated).toBe(1);
  });

  it('an admin may change existing recommendations too; an unchanged re-import leaves no audit row', async () => {
    const admin = await t.as('admin');
    const rec = await recommendation();
    const res = await upload(admin, csv(row(1, 'Noted'), row(2, 'Noted', 'Mexico')));
    expect(res.json()).toMatchObject({ created: 0, updated: 1 });
    const audit = await auditOf(rec.id);
    expect(audit.at(-1)).toMatchObject({
      before: { recommendingStates: ['Canada'] },
      after: { recommendingStates: ['Canada', 'Mexico'] },
    });
    const n = audit.length;
    expect((await upload(admin, csv(row(1, 'Noted'), row(2, 'Noted', 'Mexico')))).json()).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
    expect(await auditOf(rec.id)).toHaveLength(n);
  });

  it('a new tag is a change too: refused for other ministries, audited as the list before and after', async () => {
    const tagged = csv(row(1, 'Noted', 'Canada', TEXT, 'Racial discrimination,A label nobody knows'));
    const vws = await t.as('coordinator', 'VWS');
    expect((await upload(vws, tagged)).statusCode).toBe(403);
    const rec = await recommendation();
    const res = await upload(await t.as('admin'), tagged);
    expect(res.json()).toMatchObject({ updated: 1 });
    const last = (await auditOf(rec.id)).at(-1)!;
    expect(Object.keys(last.after!)).toEqual(['unmappedTerms']);
    expect(last.after!.unmappedTerms).toEqual(
      expect.arrayContaining([
        'uhri_theme:A label nobody knows',
        ...(last.before!.unmappedTerms as string[]),
      ]),
    );
  });
});

/** The rows an import writes, in full (times, versions and provenance included), in a stable order. */
const snapshot = async () => {
  const rows = async (sql: string) => (await t.db.query(sql)).rows;
  return {
    recommendations: await rows(
      "select * from recommendations where state_under_review = 'Belgium' order by fingerprint",
    ),
    sources: await rows(
      `select s.* from recommendation_sources s join recommendations r on r.id = s.recommendation_id
        where r.state_under_review = 'Belgium' order by s.source_key`,
    ),
    terms: await rows(
      `select rt.* from recommendation_terms rt join recommendations r on r.id = rt.recommendation_id
        where r.state_under_review = 'Belgium' order by rt.recommendation_id, rt.term_id`,
    ),
    unmapped: await rows(
      `select u.* from recommendation_unmapped_terms u join recommendations r on r.id = u.recommendation_id
        where r.state_under_review = 'Belgium' order by u.recommendation_id, u.spelling`,
    ),
  };
};
const auditSince = async (id: number) =>
  (
    await t.db.query<AuditRow & { entity_type: string }>(
      'select action, entity_type, entity_id, actor_label, before, after from audit_events where id > $1 order by id',
      [id],
    )
  ).rows;
const lastAuditId = async () =>
  (await t.db.query<{ id: number }>('select coalesce(max(id), 0)::int as id from audit_events')).rows[0]!.id;

describe('re-importing an unchanged file', () => {
  const belgian = (id: number, response: string, state: string, text: string, issues: string) =>
    `${id},Belgium,WEOG,EU,"${text}",${state},WEOG,,${response},3,"${issues}",2`;
  const TORTURE = 'Criminalise torture in line with the Convention against Torture.';
  const rows = [
    belgian(101, 'Accepted', 'Canada', TORTURE, 'Torture and other CID'),
    belgian(102, 'Accepted', 'Mexico', TORTURE, 'Torture and other CID'),
    belgian(103, 'Noted', 'Peru', 'Abolish the death penalty.', 'Death penalty,A label nobody knows'),
  ];

  it('changes no row and writes only the summary event, whatever the order of the rows', async () => {
    const admin = await t.as('admin');
    const first = (await upload(admin, csv(...rows))).json();
    expect(first).toMatchObject({ created: 2, committed: true });
    expect(first.unmappedTerms).toContainEqual({
      scheme: 'uhri_theme',
      spelling: 'A label nobody knows',
      count: 1,
    });
    const before = await snapshot();
    expect(before.sources.map((s) => s.content_hash)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    const since = await lastAuditId();
    const res = await upload(admin, csv(rows[2]!, rows[0]!, rows[1]!));
    expect(res.json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
      // The spellings no term knows are listed as on the first import.
      unmappedTerms: first.unmappedTerms,
    });
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(since)).toEqual([
      expect.objectContaining({ action: 'import', entity_type: 'import', entity_id: res.json().importId }),
    ]);
  });

  it('updates the one changed row and audits it with before and after; the others stay as they were', async () => {
    const admin = await t.as('admin');
    const before = await snapshot();
    const torture = before.recommendations.find((r) => r.text === TORTURE)!;
    const since = await lastAuditId();
    const changed = belgian(
      103,
      'Accepted',
      'Peru',
      'Abolish the death penalty.',
      'Death penalty,A label nobody knows',
    );
    expect((await upload(admin, csv(rows[0]!, rows[1]!, changed))).json()).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    const after = await snapshot();
    const death = after.recommendations.find((r) => r.text !== TORTURE)!;
    expect(death).toMatchObject({ position: 'supported', version: 2 });
    expect(after.recommendations.find((r) => r.text === TORTURE)).toEqual(torture);
    expect(after.sources.filter((s) => s.source_key !== '103')).toEqual(
      before.sources.filter((s) => s.source_key !== '103'),
    );
    expect(after.sources.find((s) => s.source_key === '103')).toMatchObject({
      reported_position: 'supported',
    });
    const audit = await auditSince(since);
    expect(audit.map((a) => a.action)).toEqual(['update', 'import']);
    expect(audit[0]).toMatchObject({
      entity_id: death.id,
      before: { position: 'noted' },
      after: { position: 'supported' },
    });
  });

  it('a source stored without its content hash is read again once: its hash is kept, nothing else changes', async () => {
    const admin = await t.as('admin');
    await t.db.query(
      "update recommendation_sources set content_hash = null where source_key in ('101', '102')",
    );
    const before = await snapshot();
    const since = await lastAuditId();
    const current = [
      rows[0]!,
      rows[1]!,
      belgian(103, 'Accepted', 'Peru', 'Abolish the death penalty.', 'Death penalty,A label nobody knows'),
    ];
    expect((await upload(admin, csv(...current))).json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const after = await snapshot();
    expect(after.recommendations).toEqual(before.recommendations);
    expect(after.sources.every((s) => s.content_hash)).toBe(true);
    expect((await auditSince(since)).map((a) => a.action)).toEqual(['import']);
    // From then on the file is unchanged: nothing is written.
    const kept = await snapshot();
    await upload(admin, csv(...current));
    expect(await snapshot()).toEqual(kept);
  });
});
