import type { Queryable } from '../core/db.ts';
import type { Counts } from './facets.ts';
import type { RecommendationPage } from './schema.ts';

/**
 * Results of recent searches (their total and facet counts; the pages shown), kept while no write
 * has changed what a search shows. Validity comes from the database: migration 0012 moves
 * `search_generation.n` on at the commit of every transaction that changes recommendations, their
 * terms and sources, or the labels they are counted by, so every server on the same database sees
 * the change. A search reads the counter (a one-row table) first and reuses what is stored under the
 * same value; otherwise it computes the result and stores it under the value it read. The data read
 * afterwards is never older than that value (a commit moves the counter and the data at once), so a
 * result is never kept under a counter newer than its data. Searches that ask for the same result at
 * once share one computation.
 */
interface Entry<F> {
  generation: number;
  value: F;
}

export class SearchCache<F> {
  /** Entries kept; the one used longest ago is dropped first. */
  private readonly maxEntries: number;
  constructor(maxEntries = 500) {
    this.maxEntries = maxEntries;
  }
  private readonly entries = new Map<string, Entry<F>>();
  private readonly running = new Map<string, Promise<F>>();
  hits = 0;
  misses = 0;
  /** RIGHTSDESK_SEARCH_CACHE=false computes every search (for measuring). */
  readonly enabled = process.env.RIGHTSDESK_SEARCH_CACHE !== 'false';

  /** The counter as this statement sees it. */
  static async generation(q: Queryable): Promise<number> {
    const r = await q.query<{ n: number }>('select n from search_generation');
    return r.rows[0]?.n ?? 0;
  }

  /**
   * The counter and the newest audit id, as one statement sees them, for a search of published
   * recommendations only. Publishing and withdrawing (src/followup/publish.ts) change no
   * recommendation, so they do not move the counter; they write audit rows, whose ids follow the
   * commits (taken under a lock held to the commit, migration 0008). A result kept under both is never
   * reused after a publication or a withdrawal.
   */
  static async publishedVersion(q: Queryable): Promise<{ generation: number; audit: number }> {
    const r = await q.query<{ n: number | null; a: number | null }>(
      'select (select n from search_generation) as n, (select max(id) from audit_events) as a',
    );
    return { generation: Number(r.rows[0]?.n ?? 0), audit: Number(r.rows[0]?.a ?? 0) };
  }

  /** The result for `key` at `generation` (read before): from the cache, or computed by `compute`. */
  async get(key: string, generation: number, compute: () => Promise<F>): Promise<F> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    this.misses++;
    const flight = `${generation}|${key}`;
    let p = this.running.get(flight);
    if (!p) {
      p = compute().finally(() => this.running.delete(flight));
      this.running.set(flight, p);
      void p.then(
        (value) => this.store(key, generation, value),
        () => undefined,
      );
    }
    return p;
  }

  private store(key: string, generation: number, value: F) {
    const old = this.entries.get(key);
    if (old && old.generation > generation) return;
    this.entries.delete(key);
    this.entries.set(key, { generation, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The kept results of searches, per database (tests open many databases in one process). */
interface Caches {
  counts: SearchCache<Counts>;
  pages: SearchCache<RecommendationPage['items']>;
}
const caches = new WeakMap<Queryable, Caches>();
export function cachesOf(q: Queryable): Caches {
  let c = caches.get(q);
  if (!c) caches.set(q, (c = { counts: new SearchCache(500), pages: new SearchCache(500) }));
  return c;
}
