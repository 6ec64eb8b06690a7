import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const termCount = async () =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from taxonomy_terms')).rows[0]!.n;

describe('global taxonomy edits: the coordinating ministry and administrators only', () => {
  it('refuses a coordinator of another ministry, and changes nothing', async () => {
    const vws = await t.as('coordinator', 'VWS');
    const before = await termCount();
    const created = await t.call(vws, 'POST', '/api/taxonomy/terms', {
      scheme: 'nl_priority',
      code: 'vws-own',
      labelEn: 'A priority of our own',
    });
    expect(created.statusCode).toBe(403);
    expect(created.json().code).toBe('taxonomy.edit_forbidden');
    expect(await termCount()).toBe(before);

    const term = (await t.call(null, 'GET', '/api/taxonomy/terms?scheme=nl_priority&pageSize=1')).json()
      .items[0];
    const renamed = await t.call(vws, 'PATCH', `/api/taxonomy/terms/${term.id}`, {
      version: term.version,
      labelEn: 'Renamed by VWS',
    });
    expect(renamed.statusCode).toBe(403);
    expect(renamed.json().code).toBe('taxonomy.edit_forbidden');
    const alias = await t.call(vws, 'POST', `/api/taxonomy/terms/${term.id}/aliases`, {
      alias: 'our spelling',
    });
    expect(alias.statusCode).toBe(403);
    expect(alias.json().code).toBe('taxonomy.edit_forbidden');
    const after = (await t.call(null, 'GET', `/api/taxonomy/terms/${term.id}`)).json();
    expect(after).toMatchObject({ labelEn: term.labelEn, version: term.version, aliases: term.aliases });
  });

  it('lets a BZK coordinator and an administrator add and change terms and aliases', async () => {
    const bzk = await t.as('coordinator', 'BZK');
    const admin = await t.as('admin');
    const created = await t.call(bzk, 'POST', '/api/taxonomy/terms', {
      scheme: 'nl_priority',
      code: 'bzk-new',
      labelEn: 'Housing for everyone',
      labelNl: 'Wonen voor iedereen',
    });
    expect(created.statusCode, created.body).toBe(201);
    const renamed = await t.call(admin, 'PATCH', `/api/taxonomy/terms/${created.json().id}`, {
      version: created.json().version,
      labelEn: 'Affordable housing',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // The old label stays a spelling of the term.
    expect(renamed.json().aliases).toContain('Housing for everyone');
    const alias = await t.call(bzk, 'POST', `/api/taxonomy/terms/${created.json().id}/aliases`, {
      alias: 'Right to housing',
    });
    expect(alias.statusCode, alias.body).toBe(201);
    expect(alias.json().aliases).toContain('Right to housing');
  });

  it('the global abilities say who may edit the taxonomies', async () => {
    const me = async (role: 'coordinator' | 'admin' | 'contributor', org = 'BZK') =>
      (await t.call(await t.as(role, org), 'GET', '/api/auth/me')).json().abilities.editTaxonomy;
    expect(await me('coordinator', 'BZK')).toBe(true);
    expect(await me('admin')).toBe(true);
    expect(await me('coordinator', 'VWS')).toBe(false);
    expect(await me('contributor')).toBe(false);
  });
});

describe('mapping an unmapped spelling', () => {
  it('tags the recommendations imported with it and audits each of them and the term', async () => {
    const bzk = await t.as('coordinator', 'BZK');
    const recs = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, state_under_review, text, fingerprint)
       values ('upr', 'Netherlands', 'Protect digital rights.', 'fp-tax-test-1'),
              ('upr', 'Netherlands', 'Protect privacy online.', 'fp-tax-test-2') returning id`,
    );
    const [recId, otherId] = recs.rows.map((r) => r.id) as [string, string];
    await t.db.query(
      `insert into recommendation_unmapped_terms (recommendation_id, scheme, spelling)
       values ($1, 'uhri_theme', $2), ($3, 'uhri_theme', $4)`,
      [recId, 'Digital Rights &amp; Privacy', otherId, 'digital rights and privacy'],
    );
    const created = await t.call(bzk, 'POST', '/api/taxonomy/terms', {
      scheme: 'uhri_theme',
      code: 'digital-privacy',
      labelEn: 'Privacy online',
    });
    expect(created.statusCode, created.body).toBe(201);
    const termId = created.json().id as string;
    const mapped = await t.call(bzk, 'POST', `/api/taxonomy/terms/${termId}/aliases`, {
      alias: 'Digital rights & privacy',
    });
    expect(mapped.statusCode, mapped.body).toBe(201);
    const tags = await t.db.query('select 1 from recommendation_terms where term_id = $1', [termId]);
    expect(tags.rowCount).toBe(2);
    const left = await t.db.query(
      'select 1 from recommendation_unmapped_terms where recommendation_id = any($1)',
      [[recId, otherId]],
    );
    expect(left.rowCount).toBe(0);
    const perRecommendation = await t.db.query(
      `select entity_id from audit_events where entity_type = 'recommendation' and entity_id = any($1)`,
      [[recId, otherId]],
    );
    expect(perRecommendation.rowCount).toBe(2);

    const audit = await t.db.query<{ entity_type: string; before: unknown; after: unknown }>(
      `select entity_type, before, after from audit_events
        where (entity_type = 'recommendation' and entity_id = $1) or (entity_type = 'taxonomy_term' and entity_id = $2)
        order by id`,
      [recId, termId],
    );
    const recAudit = audit.rows.find((r) => r.entity_type === 'recommendation');
    expect(recAudit).toMatchObject({
      before: { unmappedTerms: [{ scheme: 'uhri_theme', spelling: 'Digital Rights &amp; Privacy' }] },
      after: { terms: [{ id: termId, code: 'digital-privacy' }] },
    });
    expect(audit.rows.at(-1)).toMatchObject({
      entity_type: 'taxonomy_term',
      before: { aliases: ['Privacy online'] },
      after: { aliases: ['Digital rights & privacy', 'Privacy online'] },
    });
  });
});
