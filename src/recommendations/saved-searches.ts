/** A user's saved searches: the query string of the recommendation list under a name. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, insertRow, type TableSpec } from '../core/write.ts';
import { recommendationErrors } from './errors.ts';
import { recommendationPolicy } from './policy.ts';
import { presentSavedSearch } from './presenters.ts';
import type { SavedSearchRow } from './rows.ts';
import type { SavedSearch, SavedSearchCreate } from './schema.ts';

interface SavedSearchValues {
  userId: string;
  name: string;
  query: string;
}

const savedSearchTable: TableSpec<SavedSearchRow, SavedSearchValues> = {
  table: 'saved_searches',
  entity: 'saved_search',
  writable: ['userId', 'name', 'query'],
};

/** The query string without its "?", from a string or from the parameters of the list. */
function queryString(query: SavedSearchCreate['query']): string {
  if (typeof query === 'string') return query.replace(/^\?/, '');
  return new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
}

export async function listSavedSearches(q: Queryable, actor: Actor): Promise<SavedSearch[]> {
  const r = await q.query<SavedSearchRow>('select * from saved_searches where user_id = $1 order by name', [
    actor.id,
  ]);
  return r.rows.map(presentSavedSearch);
}

export async function saveSearch(db: Db, actor: Actor, input: SavedSearchCreate): Promise<SavedSearch> {
  return db.transaction(async (tx) => {
    const dup = await tx.query('select 1 from saved_searches where user_id = $1 and name = $2', [
      actor.id,
      input.name,
    ]);
    if (dup.rowCount) throw recommendationErrors.saved_search_name_taken({ name: input.name });
    const row = await insertRow(tx, actor, savedSearchTable, {
      userId: actor.id ?? undefined,
      name: input.name,
      query: queryString(input.query),
    });
    return presentSavedSearch(row);
  });
}

/** Deletes a saved search of the actor's, if it is still at the version the user saw. */
export async function deleteSavedSearch(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await tx.query<Pick<SavedSearchRow, 'user_id'>>(
      'select user_id from saved_searches where id = $1',
      [id],
    );
    const row = r.rows[0];
    // Someone else's saved search is as unknown as one that does not exist.
    authorize(
      row !== undefined && recommendationPolicy.deleteSavedSearch(actor, { userId: row.user_id }),
      () => recommendationErrors.saved_search_not_found({ id }),
    );
    await deleteRow(tx, actor, savedSearchTable, id, version);
  });
}
