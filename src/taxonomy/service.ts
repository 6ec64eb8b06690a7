import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, type Actor } from '../core/audit.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { conflict, notFound } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import { normalizeTerm } from './normalize.ts';
import type { Scheme, Term } from './schema.ts';

export const termTable: TableSpec = {
  table: 'taxonomy_terms',
  entity: 'taxonomy_term',
  writable: ['scheme', 'code', 'labelEn', 'labelNl', 'parentId', 'sortOrder', 'source', 'verified'],
};

const SELECT = `t.*, coalesce((select array_agg(a.alias order by a.alias) from taxonomy_aliases a
  where a.term_id = t.id and a.normalized <> $NORM), '{}') as aliases`;
const select = () => SELECT.replace('$NORM', 'lower(t.label_en)');
const toTerm = (r: Record<string, unknown>) => camelize<Term>(r);

export async function listTerms(
  q: Queryable,
  f: {
    page: number;
    pageSize: number;
    scheme?: Scheme | undefined;
    q?: string | undefined;
    parentId?: string | undefined;
  },
) {
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
    select: select(),
    from: 'taxonomy_terms t',
    where,
    orderBy: 't.scheme, t.sort_order, t.code',
    page: f.page,
    pageSize: f.pageSize,
    map: toTerm,
  });
}

export async function getTerm(q: Queryable, id: string): Promise<Term> {
  await getRow(q, termTable, id);
  const r = await q.query<Record<string, unknown>>(
    `select ${select()} from taxonomy_terms t where t.id = $1`,
    [id],
  );
  return toTerm(r.rows[0]!);
}

/** Adds an alias; an alias already used by another term of the scheme is refused. */
export async function addAlias(tx: Queryable, actor: Actor, termId: string, scheme: string, alias: string) {
  const normalized = normalizeTerm(alias);
  const existing = await tx.query<{ term_id: string }>(
    'select term_id from taxonomy_aliases where scheme = $1 and normalized = $2',
    [scheme, normalized],
  );
  if (existing.rows[0]) {
    if (existing.rows[0].term_id === termId) return;
    throw conflict(`"${alias}" already stands for another term of this taxonomy: edit that term instead.`);
  }
  await tx.query(
    'insert into taxonomy_aliases (term_id, scheme, alias, normalized) values ($1, $2, $3, $4)',
    [termId, scheme, alias, normalized],
  );
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'taxonomy_alias',
    entityId: termId,
    after: { alias, normalized },
  });
  await applyAlias(tx, actor, termId, scheme, normalized);
}

/**
 * Recommendations that an import left with a spelling nobody knew get the term once that spelling
 * becomes one of its aliases: the spelling moves from the unmapped list to the tags.
 */
async function applyAlias(tx: Queryable, actor: Actor, termId: string, scheme: string, normalized: string) {
  const spellings = await tx.query<{ spelling: string }>(
    'select distinct spelling from recommendation_unmapped_terms where scheme = $1',
    [scheme],
  );
  const matching = spellings.rows.map((r) => r.spelling).filter((sp) => normalizeTerm(sp) === normalized);
  if (!matching.length) return;
  const moved = await tx.query<{ recommendation_id: string }>(
    `delete from recommendation_unmapped_terms where scheme = $1 and spelling = any($2::text[])
     returning recommendation_id`,
    [scheme, matching],
  );
  await tx.query(
    `insert into recommendation_terms (recommendation_id, term_id)
     select distinct r, $2::uuid from unnest($1::uuid[]) as r on conflict do nothing`,
    [moved.rows.map((m) => m.recommendation_id), termId],
  );
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'recommendation_terms',
    entityId: termId,
    before: { scheme, unmappedSpellings: matching, recommendations: moved.rows.length },
    after: { termId, tagged: moved.rows.length },
  });
}

export async function createTerm(
  db: Db,
  actor: Actor,
  input: Record<string, unknown> & { scheme: Scheme; labelEn: string; aliases?: string[] | undefined },
) {
  const id = await db.transaction(async (tx) => {
    const row = await insertRow(tx, actor, termTable, input);
    for (const alias of [input.labelEn, ...(input.aliases ?? [])])
      await addAlias(tx, actor, String(row.id), input.scheme, alias);
    return String(row.id);
  });
  return getTerm(db, id);
}

export async function updateTerm(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  await db.transaction(async (tx) => {
    const row = await updateRow(tx, actor, termTable, id, input);
    if (typeof input.labelEn === 'string') await addAlias(tx, actor, id, String(row.scheme), input.labelEn);
  });
  return getTerm(db, id);
}

export async function createAlias(db: Db, actor: Actor, id: string, alias: string) {
  await db.transaction(async (tx) => {
    const term = await getRow(tx, termTable, id);
    await addAlias(tx, actor, id, String(term.scheme), alias);
  });
  return getTerm(db, id);
}

/** Finds the term a spelling stands for, through the aliases; null when the term is not known yet. */
export async function resolveTerm(q: Queryable, scheme: Scheme, spelling: string): Promise<Term | null> {
  const r = await q.query<{ term_id: string }>(
    'select term_id from taxonomy_aliases where scheme = $1 and normalized = $2',
    [scheme, normalizeTerm(spelling)],
  );
  if (!r.rows[0]) {
    const byCode = await q.query<{ id: string }>(
      'select id from taxonomy_terms where scheme = $1 and lower(code) = lower($2)',
      [scheme, spelling.trim()],
    );
    return byCode.rows[0] ? getTerm(q, byCode.rows[0].id) : null;
  }
  return getTerm(q, r.rows[0].term_id);
}

export async function resolveOrFail(q: Queryable, scheme: Scheme, spelling: string) {
  const t = await resolveTerm(q, scheme, spelling);
  if (!t) throw notFound(`${scheme} term for`, spelling);
  return t;
}
