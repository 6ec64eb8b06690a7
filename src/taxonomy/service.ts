import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/actor.ts';
import { notFound } from '../core/errors.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { Page } from '../shared/schema.ts';
import { addAliases } from './aliases.ts';
import { normalizeTerm } from './normalize.ts';
import { assertMayEditTaxonomy } from './policy.ts';
import { presentTerm } from './presenter.ts';
import type { TermRow, TermWithAliasesRow } from './rows.ts';
import type { Scheme, Term, TermCreate, TermQuery, TermUpdate } from './schema.ts';

export const termTable: TableSpec<TermRow, Omit<TermCreate, 'aliases'>> = {
  table: 'taxonomy_terms',
  entity: 'taxonomy_term',
  writable: [
    'scheme',
    'code',
    'labelEn',
    'labelNl',
    'labelNlSource',
    'labelNlVerified',
    'parentId',
    'sortOrder',
    'source',
    'verified',
  ],
};

/** A term with its aliases, other than the one of its English label. */
const SELECT = `t.*, coalesce((select array_agg(a.alias order by a.alias) from taxonomy_aliases a
  where a.term_id = t.id and a.normalized <> lower(t.label_en)), '{}') as aliases`;

export async function listTerms(q: Queryable, f: TermQuery): Promise<Page<Term>> {
  const where = new Where()
    .addIf(f.scheme, 't.scheme = ?', f.scheme)
    .addIf(f.parentId, 't.parent_id = ?', f.parentId);
  if (f.q) {
    where.add(
      `(t.code ilike ? or t.label_en ilike ? or t.label_nl ilike ?
        or exists (select 1 from taxonomy_aliases a where a.term_id = t.id and a.normalized like ?))`,
      `%${f.q}%`,
      `%${f.q}%`,
      `%${f.q}%`,
      `%${normalizeTerm(f.q)}%`,
    );
  }
  return pageOf(q, {
    select: SELECT,
    from: 'taxonomy_terms t',
    where,
    orderBy: 't.scheme, t.sort_order, t.code',
    page: f.page,
    pageSize: f.pageSize,
    map: (r: TermWithAliasesRow) => presentTerm(r),
  });
}

export async function getTerm(q: Queryable, id: string): Promise<Term> {
  const r = await q.query<TermWithAliasesRow>(`select ${SELECT} from taxonomy_terms t where t.id = $1`, [id]);
  if (!r.rows[0]) throw notFound('taxonomy_term', id);
  return presentTerm(r.rows[0]);
}

/** Adds a term; its English label and the aliases given become spellings that stand for it. */
export async function createTerm(db: Db, actor: Actor, input: TermCreate): Promise<Term> {
  assertMayEditTaxonomy(actor);
  const { aliases = [], ...fields } = input;
  return db.transaction(async (tx) => {
    const row = await insertRow(tx, actor, termTable, fields);
    await addAliases(tx, actor, row, [input.labelEn, ...aliases]);
    return getTerm(tx, row.id);
  });
}

/**
 * Changes a term; a new English label also becomes one of its spellings. A Dutch label that the
 * user changes without naming its source is theirs: it loses the source of the reference data
 * (so that a later seed leaves it alone) and is unverified unless they say otherwise.
 */
export async function updateTerm(db: Db, actor: Actor, id: string, input: TermUpdate): Promise<Term> {
  assertMayEditTaxonomy(actor);
  return db.transaction(async (tx) => {
    const before = await getRow(tx, termTable, id);
    const ownLabel =
      input.labelNl !== undefined && input.labelNl !== before.label_nl && input.labelNlSource === undefined;
    const fields: TermUpdate = ownLabel
      ? { ...input, labelNlSource: null, labelNlVerified: input.labelNlVerified ?? false }
      : input;
    const row = await updateRow(tx, actor, termTable, id, fields);
    if (input.labelEn !== undefined) await addAliases(tx, actor, row, [input.labelEn]);
    return getTerm(tx, id);
  });
}

/** Adds a spelling to a term (and tags the recommendations imported with that spelling). */
export async function createAlias(db: Db, actor: Actor, id: string, alias: string): Promise<Term> {
  assertMayEditTaxonomy(actor);
  return db.transaction(async (tx) => {
    const term = await getRow(tx, termTable, id, true);
    await addAliases(tx, actor, term, [alias]);
    return getTerm(tx, id);
  });
}

/** Finds the term a spelling stands for, through the aliases; null when the term is not known yet. */
export async function resolveTerm(q: Queryable, scheme: Scheme, spelling: string): Promise<Term | null> {
  const r = await q.query<{ term_id: string }>(
    'select term_id from taxonomy_aliases where scheme = $1 and normalized = $2',
    [scheme, normalizeTerm(spelling)],
  );
  if (r.rows[0]) return getTerm(q, r.rows[0].term_id);
  const byCode = await q.query<{ id: string }>(
    'select id from taxonomy_terms where scheme = $1 and lower(code) = lower($2)',
    [scheme, spelling.trim()],
  );
  return byCode.rows[0] ? getTerm(q, byCode.rows[0].id) : null;
}

export async function resolveOrFail(q: Queryable, scheme: Scheme, spelling: string): Promise<Term> {
  const t = await resolveTerm(q, scheme, spelling);
  if (!t) throw notFound(`${scheme} term for`, spelling);
  return t;
}
