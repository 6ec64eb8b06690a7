import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { uprInfoPresent } from '../test/upr-info.ts';
import { loadModel } from './model.ts';
import type { ImportSuggestions, RecommendationSuggestions } from './schema.ts';
import { importCsv, untaggedUprInfoCsv } from './test-fixtures.ts';

/**
 * Suggested tags on recommendations imported without tags: eight real recommendations to the
 * Netherlands from the UPR Info export, imported with the `issues` column emptied.
 */
const present = uprInfoPresent('the tagging suggestion tests');
/** How the audit and the decisions name the coordinator of BZK that t.as makes. */
const BZK_LABEL = 'coordinator.bzk@example.org';

describe.runIf(present)('suggested tags', () => {
  let t: TestApp;
  let bzk: Session;
  let importId: string;
  let created: number;
  let recIds: string[];
  const version = () => loadModel().version;

  beforeAll(async () => {
    t = await testApp();
    bzk = await t.as('coordinator', 'BZK');
    const summary = await importCsv(t, 'nl-untagged.csv', untaggedUprInfoCsv('Netherlands', 0, 8));
    importId = summary.importId!;
    created = summary.created;
    const ids = await t.db.query<{ id: string }>(
      `select distinct recommendation_id as id from recommendation_sources where import_id = $1 order by 1`,
      [importId],
    );
    recIds = ids.rows.map((r) => r.id);
  }, 120_000);
  afterAll(() => t?.close());

  const suggestionsOf = async (id: string, who: Session = bzk) => {
    const res = await t.call(who, 'GET', `/api/recommendations/${id}/suggestions`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RecommendationSuggestions;
  };
  const decide = (id: string, body: object, who: Session = bzk) =>
    t.call(who, 'POST', `/api/recommendations/${id}/suggestions`, body);
  const tagsOf = async (id: string) =>
    (
      await t.db.query<{
        term_id: string;
        suggested_by_model: string | null;
        accepted_by: string | null;
        accepted_by_label: string | null;
        accepted_at: string | null;
      }>('select * from recommendation_terms where recommendation_id = $1', [id])
    ).rows;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params)).rows[0]!.n;

  it('imported the recommendations without tags', async () => {
    expect(created).toBeGreaterThan(3);
    expect(recIds).toHaveLength(created);
    expect(
      await count('select 1 from recommendation_terms where recommendation_id = any($1)', [recIds]),
    ).toBe(0);
  });

  it('suggests taxonomy terms with Dutch and English labels, best first', async () => {
    const s = await suggestionsOf(recIds[0]!);
    expect(s.modelVersion).toBe(version());
    expect(s.tagCount).toBe(0);
    expect(s.abilities.decide).toBe(true);
    expect(s.items.length).toBeGreaterThan(0);
    for (const item of s.items) {
      expect(['uhri_theme', 'uhri_group', 'sdg_target', 'sdg_goal']).toContain(item.scheme);
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(1);
      const term = await t.db.query<{ code: string; label_en: string; label_nl: string | null }>(
        'select code, label_en, label_nl from taxonomy_terms where id = $1',
        [item.termId],
      );
      expect(term.rows[0]).toEqual({ code: item.code, label_en: item.labelEn, label_nl: item.labelNl });
    }
    const scores = s.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // One suggestion per term, however many labels of the model led to it.
    expect(new Set(s.items.map((i) => i.termId)).size).toBe(s.items.length);
    // The model's UPR Info issue labels come out as the UHRI terms they are aliases of.
    const all = await Promise.all(recIds.map((id) => suggestionsOf(id)));
    expect(all.flatMap((x) => x.items).some((i) => i.vocabularies.includes('upr-info-issue'))).toBe(true);
  });

  it('tells a coordinator of another ministry they may not decide', async () => {
    const vws = await t.as('coordinator', 'VWS');
    expect((await suggestionsOf(recIds[0]!, vws)).abilities.decide).toBe(false);
  });

  it('accepts a suggestion: a tag that names the model version and who accepted it, audited', async () => {
    const id = recIds[0]!;
    const [first] = (await suggestionsOf(id)).items;
    const res = await decide(id, { termId: first!.termId, modelVersion: version(), status: 'accepted' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      recommendationId: id,
      termId: first!.termId,
      status: 'accepted',
      modelVersion: version(),
      score: first!.score,
      decidedBy: BZK_LABEL,
    });
    const tags = await tagsOf(id);
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({
      term_id: first!.termId,
      suggested_by_model: version(),
      accepted_by: bzk.userId,
      accepted_by_label: BZK_LABEL,
    });
    expect(tags[0]!.accepted_at).toBeTruthy();
    const detail = (await t.call(bzk, 'GET', `/api/recommendations/${id}`)).json();
    expect(detail.terms.map((x: { id: string }) => x.id)).toEqual([first!.termId]);
    const audit = await t.db.query<{ actor_id: string; action: string; before: unknown; after: unknown }>(
      `select actor_id, action, before, after from audit_events
        where entity_type = 'recommendation' and entity_id = $1 and action = 'update'`,
      [id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_id: bzk.userId,
      before: { terms: [] },
      after: {
        terms: [`${first!.scheme}:${first!.code}`],
        acceptedSuggestions: [
          { term: `${first!.scheme}:${first!.code}`, termId: first!.termId, modelVersion: version() },
        ],
        acceptedBy: BZK_LABEL,
      },
    });
    const after = await suggestionsOf(id);
    expect(after.tagCount).toBe(1);
    expect(after.items.map((i) => i.termId)).not.toContain(first!.termId);
  });

  it('refuses a second decision on the same suggestion with 409', async () => {
    const id = recIds[0]!;
    const termId = (await tagsOf(id))[0]!.term_id;
    for (const status of ['accepted', 'rejected']) {
      const res = await decide(id, { termId, modelVersion: version(), status });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('suggestion.already_decided');
    }
    expect(await tagsOf(id)).toHaveLength(1);
  });

  it('rejects a suggestion: audited, and not suggested again', async () => {
    const id = recIds[1]!;
    const [first] = (await suggestionsOf(id)).items;
    const res = await decide(id, { termId: first!.termId, modelVersion: version(), status: 'rejected' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'rejected', termId: first!.termId });
    expect(await tagsOf(id)).toHaveLength(0);
    expect((await suggestionsOf(id)).items.map((i) => i.termId)).not.toContain(first!.termId);
    const audit = await t.db.query<{ after: Record<string, unknown> }>(
      `select after from audit_events where entity_type = 'suggestion_decision' and entity_id = $1`,
      [res.json().id],
    );
    expect(audit.rows[0]?.after).toMatchObject({
      recommendationId: id,
      termId: first!.termId,
      status: 'rejected',
      modelVersion: version(),
      decidedByLabel: BZK_LABEL,
    });
    const again = await decide(id, { termId: first!.termId, modelVersion: version(), status: 'accepted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('suggestion.already_decided');
  });

  it('refuses a decision on the suggestions of another model version, a term not suggested, and bad bodies', async () => {
    const id = recIds[2]!;
    const [first] = (await suggestionsOf(id)).items;
    const decisions = () => count('select 1 from suggestion_decisions where recommendation_id = $1', [id]);
    const stale = await decide(id, { termId: first!.termId, modelVersion: '0.old', status: 'accepted' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'suggestion.model_changed', params: { sent: '0.old' } });
    const priority = await t.db.query<{ id: string }>(
      "select id from taxonomy_terms where scheme = 'nl_priority' limit 1",
    );
    const notSuggested = await decide(id, {
      termId: priority.rows[0]!.id,
      modelVersion: version(),
      status: 'accepted',
    });
    expect(notSuggested.statusCode).toBe(400);
    expect(notSuggested.json().code).toBe('suggestion.not_suggested');
    for (const body of [
      {},
      { termId: 'not-an-id', modelVersion: version(), status: 'accepted' },
      { termId: first!.termId, modelVersion: version(), status: 'maybe' },
      { termId: first!.termId, status: 'accepted' },
    ]) {
      const res = await decide(id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation');
    }
    expect(await decisions()).toBe(0);
    expect(await tagsOf(id)).toHaveLength(0);
  });

  it('answers 404 for unknown recommendations, terms and imports', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const get = await t.call(bzk, 'GET', `/api/recommendations/${unknown}/suggestions`);
    expect(get.statusCode).toBe(404);
    const onUnknown = await decide(unknown, { termId: unknown, modelVersion: version(), status: 'accepted' });
    expect(onUnknown.statusCode).toBe(404);
    const unknownTerm = await decide(recIds[2]!, {
      termId: unknown,
      modelVersion: version(),
      status: 'rejected',
    });
    expect(unknownTerm.statusCode).toBe(404);
    expect((await t.call(bzk, 'GET', `/api/imports/${unknown}/suggestions`)).statusCode).toBe(404);
    const bulk = await t.call(bzk, 'POST', `/api/imports/${unknown}/suggestions/accept`, {
      modelVersion: version(),
    });
    expect(bulk.statusCode).toBe(404);
  });

  it('refuses roles that may not tag, and changes nothing', async () => {
    const vws = await t.as('coordinator', 'VWS');
    const contributor = await t.as('contributor');
    const id = recIds[2]!;
    const [first] = (await suggestionsOf(id)).items;
    const body = { termId: first!.termId, modelVersion: version(), status: 'accepted' };
    const byVws = await decide(id, body, vws);
    expect(byVws.statusCode).toBe(403);
    expect(byVws.json().code).toBe('suggestion.decide_forbidden');
    expect((await decide(id, body, contributor)).statusCode).toBe(403);
    const bulk = await t.call(vws, 'POST', `/api/imports/${importId}/suggestions/accept`, {
      modelVersion: version(),
    });
    expect(bulk.statusCode).toBe(403);
    expect(bulk.json().code).toBe('suggestion.decide_forbidden');
    expect(await tagsOf(id)).toHaveLength(0);
    expect(await count('select 1 from suggestion_decisions where decided_by <> $1', [bzk.userId])).toBe(0);
  });

  it("lists the import's new recommendations with their suggestions, a page at a time", async () => {
    const res = await t.call(bzk, 'GET', `/api/imports/${importId}/suggestions?pageSize=3&page=1`);
    expect(res.statusCode, res.body).toBe(200);
    const page1 = res.json() as ImportSuggestions;
    expect(page1).toMatchObject({
      importId,
      fileName: 'nl-untagged.csv',
      total: created,
      untagged: created - 1,
      page: 1,
      pageSize: 3,
      modelVersion: version(),
      abilities: { decide: true },
    });
    expect(page1.items).toHaveLength(3);
    const page2 = (await t.call(bzk, 'GET', `/api/imports/${importId}/suggestions?pageSize=3&page=2`)).json();
    const seen = [...page1.items, ...page2.items].map((i: { id: string }) => i.id);
    expect(new Set(seen).size).toBe(6);
    expect(seen.every((id) => recIds.includes(id))).toBe(true);
    const tagged = [...page1.items, ...page2.items].find((i) => i.id === recIds[0]);
    expect(tagged?.tagCount ?? 1).toBe(1);
    expect(page1.items.some((i) => i.suggestions.length > 0)).toBe(true);
    const bad = await t.call(bzk, 'GET', `/api/imports/${importId}/suggestions?pageSize=0`);
    expect(bad.statusCode).toBe(400);
  });

  it("tags the import's new recommendations that have none, in one go, one audit row each", async () => {
    const untaggedBefore = await count(
      `select 1 from unnest($1::uuid[]) r(id)
        where not exists (select 1 from recommendation_terms rt where rt.recommendation_id = r.id)`,
      [recIds],
    );
    const auditBefore = await count(
      "select 1 from audit_events where entity_type = 'recommendation' and action = 'update'",
    );
    const stale = await t.call(bzk, 'POST', `/api/imports/${importId}/suggestions/accept`, {
      modelVersion: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const bad = await t.call(bzk, 'POST', `/api/imports/${importId}/suggestions/accept`, {});
    expect(bad.statusCode).toBe(400);
    const res = await t.call(bzk, 'POST', `/api/imports/${importId}/suggestions/accept`, {
      modelVersion: version(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({
      recommendations: created,
      untagged: untaggedBefore,
      modelVersion: version(),
    });
    expect(result.tagged).toBeGreaterThan(0);
    expect(result.tagged + result.withoutSuggestions).toBe(untaggedBefore);
    const added = await t.db.query<{
      recommendation_id: string;
      suggested_by_model: string;
      accepted_by: string;
    }>(
      `select recommendation_id, suggested_by_model, accepted_by from recommendation_terms
        where recommendation_id = any($1) and recommendation_id <> $2`,
      [recIds, recIds[0]],
    );
    expect(added.rows).toHaveLength(result.tagsAdded);
    expect(new Set(added.rows.map((r) => r.recommendation_id)).size).toBe(result.tagged);
    expect(added.rows.every((r) => r.suggested_by_model === version() && r.accepted_by === bzk.userId)).toBe(
      true,
    );
    // The rejected suggestion stayed rejected.
    const rejected = await t.db.query<{ term_id: string }>(
      "select term_id from suggestion_decisions where recommendation_id = $1 and status = 'rejected'",
      [recIds[1]],
    );
    expect(
      await count('select 1 from recommendation_terms where recommendation_id = $1 and term_id = $2', [
        recIds[1],
        rejected.rows[0]!.term_id,
      ]),
    ).toBe(0);
    // The first recommendation had a tag already: left alone.
    expect(await tagsOf(recIds[0]!)).toHaveLength(1);
    const auditAfter = await count(
      "select 1 from audit_events where entity_type = 'recommendation' and action = 'update'",
    );
    expect(auditAfter - auditBefore).toBe(result.tagged);
    // Done once: a second run finds nothing left to tag.
    const again = (
      await t.call(bzk, 'POST', `/api/imports/${importId}/suggestions/accept`, { modelVersion: version() })
    ).json();
    expect(again).toMatchObject({ tagged: 0, tagsAdded: 0, untagged: result.withoutSuggestions });
  });
});
