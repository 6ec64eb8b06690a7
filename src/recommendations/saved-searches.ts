import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, type Actor } from '../core/audit.ts';
import { conflict, notFound } from '../core/errors.ts';
import { camelize } from '../core/sql.ts';

interface SavedSearch {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

export async function listSavedSearches(q: Queryable, actor: Actor): Promise<SavedSearch[]> {
  const r = await q.query<Record<string, unknown>>(
    'select id, name, query, created_at from saved_searches where user_id = $1 order by name',
    [actor.id],
  );
  return r.rows.map((x) => camelize<SavedSearch>(x));
}

export async function saveSearch(db: Db, actor: Actor, name: string, query: string): Promise<SavedSearch> {
  return db.transaction(async (tx) => {
    const dup = await tx.query('select 1 from saved_searches where user_id = $1 and name = $2', [
      actor.id,
      name,
    ]);
    if (dup.rowCount)
      throw conflict(`You already have a saved search called "${name}": choose another name.`);
    const r = await tx.query<Record<string, unknown>>(
      'insert into saved_searches (user_id, name, query) values ($1, $2, $3) returning id, name, query, created_at',
      [actor.id, name, query.replace(/^\?/, '')],
    );
    const saved = camelize<SavedSearch>(r.rows[0]!);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'saved_search',
      entityId: saved.id,
      after: saved,
    });
    return saved;
  });
}

export async function deleteSavedSearch(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const r = await tx.query<Record<string, unknown>>(
      'delete from saved_searches where id = $1 and user_id = $2 returning id, name, query',
      [id, actor.id],
    );
    if (!r.rows[0]) throw notFound('saved search of yours', id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'saved_search',
      entityId: id,
      before: r.rows[0],
    });
  });
}
