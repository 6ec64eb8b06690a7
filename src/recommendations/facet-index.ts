import type { Db, Queryable } from '../core/db.ts';

/**
 * The facet values of every recommendation, kept in the server's memory, so that a search counts
 * the facets of its hits (and applies its facet filters) without reading their rows again.
 *
 * A recommendation is known by its small number `n` (migration 0024). Each facet value
 * ("state" = "Brazil", "term" = a term id) has a code; a recommendation holds the codes of its
 * values, all rows' codes packed in one array. The database tells which recommendations changed:
 * each committed transaction's changes are in search_changes, by transaction id. The index
 * remembers the oldest transaction still running when it last read (its snapshot's xmin) and reads
 * the log again from there, so a change committed after that read is never missed; reading a change
 * twice does no harm. 250,000 recommendations take 12 to 25 MB (the array of codes grows by doubling).
 */

/** The facets the index knows, each with the SQL of its value in a row `r` of recommendations. */
const SINGLE: [string, string][] = [
  ['mechanism', 'r.mechanism'],
  ['year', 'r.year::text'],
  ['position', 'r.position'],
  ['state', 'r.state_under_review'],
  ['followUp', 'r.follow_up::text'],
  ['status', 'r.status'],
  ['body', 'r.body_code'],
  ['lead', 'r.lead_organisation_id::text'],
  ['instrument', 'r.instrument_id::text'],
  ['cycle', 'r.cycle_id::text'],
  // The status of the latest approved progress (migration 0020), for the dashboards.
  ['progress', 'ps.latest_status'],
];
/** Facets with several values per recommendation, as text joined by U+001E. */
const MULTI: [string, string][] = [
  ['recommendingState', 'array_to_string(r.recommending_states, chr(30))'],
  ['term', 'tags.terms'],
];
export const INDEXED_FACETS = [...SINGLE, ...MULTI].map(([name]) => name);

/**
 * Recommendations as one line of text each, fields separated by U+001F: reading 250,000 rows of one
 * column is several times faster than of thirteen. `tags` is joined by `tagsOf`: all tags grouped
 * once for a full load, a recommendation's own for a few.
 */
const lines = (tagsOf: string, where = '') =>
  `select concat_ws(chr(31), r.n, ${[
    ...SINGLE.map(([, sql]) => `coalesce(${sql}, '')`),
    ...MULTI.map(([, sql]) => `coalesce(${sql}, '')`),
  ].join(', ')}) as line
     from recommendations r left join ${tagsOf} on tags.recommendation_id = r.id
     left join recommendation_progress_summary ps on ps.recommendation_id = r.id ${where}`;
const ALL_LINES = lines(`(select recommendation_id, string_agg(term_id::text, chr(30)) as terms
                            from recommendation_terms group by recommendation_id) tags`);
const SOME_LINES = lines(
  `lateral (select r.id as recommendation_id, string_agg(t.term_id::text, chr(30)) as terms
              from recommendation_terms t where t.recommendation_id = r.id) tags`,
  'where r.n = any($1::int[])',
);
interface Line {
  line: string;
}

/** Log entries are kept a day; an index that has not read the log for half a day reads everything. */
const LOG_KEPT = "interval '1 day'";
const RELOAD_AFTER_MS = 12 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

export interface IndexCounts {
  /** The recommendations counted (hits that pass the filters), in the order given. */
  ns: Int32Array;
  /** Where each of `ns` is in the hits given (for their ranks). */
  at: Int32Array;
  /** Per facet, its values with their counts (values counted 0 left out). */
  counts: Map<string, Map<string, number>>;
}

export class FacetIndex {
  private readonly codes = new Map<string, number>();
  private readonly facetOf: string[] = [];
  private readonly valueOf: string[] = [];
  /** Per n: where its codes start in `data`, how many, and whether it exists. */
  private start = new Int32Array(1024);
  private length = new Uint16Array(1024);
  private live = new Uint8Array(1024);
  private data = new Int32Array(1 << 16);
  private used = 0;
  private garbage = 0;
  private maxN = 0;
  /** The search generation (migration 0012) the index is up to date with; -1 before the first load. */
  generation = -1;
  private xmin = '0';
  private readAt = 0;
  private prunedAt = 0;
  private syncing: Promise<void> | null = null;
  /** The time the last full load took, for `npm run bench`. */
  loadMs = 0;

  private code(facet: string, value: string): number {
    const key = `${facet}\u0000${value}`;
    let c = this.codes.get(key);
    if (c === undefined) {
      c = this.facetOf.length;
      this.codes.set(key, c);
      this.facetOf.push(facet);
      this.valueOf.push(value);
    }
    return c;
  }

  /** The code of a value, or -1 when no recommendation has ever had it. */
  codeOf(facet: string, value: string): number {
    return this.codes.get(`${facet}\u0000${value}`) ?? -1;
  }

  private grow(n: number) {
    if (n < this.start.length) return;
    const size = Math.max(n + 1, this.start.length * 2);
    const grown = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, make: (s: number) => T) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = grown(this.start, (s) => new Int32Array(s));
    this.length = grown(this.length, (s) => new Uint16Array(s));
    this.live = grown(this.live, (s) => new Uint8Array(s));
  }

  /** Stores a line of ROWS; returns its number. */
  private set(line: string): number {
    const fields = line.split('\u001f');
    const n = Number(fields[0]);
    const codes: number[] = [];
    SINGLE.forEach(([name], i) => {
      const v = fields[i + 1]!;
      if (v !== '') codes.push(this.code(name, v));
    });
    MULTI.forEach(([name], i) => {
      const v = fields[SINGLE.length + i + 1]!;
      if (v !== '') for (const x of v.split('\u001e')) codes.push(this.code(name, x));
    });
    this.grow(n);
    // Its old codes become garbage (and are not copied should the array be compacted now).
    this.remove(n);
    if (this.used + codes.length > this.data.length) this.compactOrGrow(codes.length);
    this.start[n] = this.used;
    this.length[n] = codes.length;
    this.live[n] = 1;
    this.data.set(codes, this.used);
    this.used += codes.length;
    if (n > this.maxN) this.maxN = n;
    return n;
  }

  private remove(n: number) {
    if (n >= this.live.length || !this.live[n]) return;
    this.live[n] = 0;
    this.garbage += this.length[n]!;
    this.length[n] = 0;
  }

  /** Makes room for `more` codes: drops the codes of replaced rows, or takes a larger array. */
  private compactOrGrow(more: number) {
    const keep = this.used - this.garbage;
    const data = new Int32Array(Math.max(1 << 16, (keep + more) * 2));
    let at = 0;
    for (let n = 0; n <= this.maxN; n++) {
      if (!this.live[n]) continue;
      const s = this.start[n]!;
      const len = this.length[n]!;
      data.set(this.data.subarray(s, s + len), at);
      this.start[n] = at;
      at += len;
    }
    this.data = data;
    this.used = at;
    this.garbage = 0;
  }

  private reset() {
    this.start = new Int32Array(1024);
    this.length = new Uint16Array(1024);
    this.live = new Uint8Array(1024);
    this.data = new Int32Array(1 << 16);
    this.used = this.garbage = this.maxN = 0;
  }

  /** Brings the index up to `generation` (read by the caller): reads what changed since. */
  async sync(q: Queryable, generation: number): Promise<void> {
    while (this.generation !== generation) {
      if (!this.syncing) this.syncing = this.read(q).finally(() => (this.syncing = null));
      await this.syncing;
      // A newer generation than asked means the index is as new as the caller needs.
      if (this.generation > generation) return;
    }
  }

  private async read(q: Queryable): Promise<void> {
    const now = Date.now();
    if (this.generation < 0 || now - this.readAt > RELOAD_AFTER_MS) return this.loadAll(q);
    const r = await q.query<{ xmin: string; generation: number; changed: number[] }>(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, (select n from search_generation) as generation,
              array(select distinct n from search_changes where txid >= $1::bigint) as changed`,
      [this.xmin],
    );
    const { xmin, generation, changed } = r.rows[0]!;
    if (changed.includes(0)) return this.loadAll(q);
    if (changed.length) {
      const rows = await q.query<Line>(SOME_LINES, [changed]);
      const seen = new Set<number>();
      for (const { line } of rows.rows) seen.add(this.set(line));
      for (const n of changed) if (!seen.has(n)) this.remove(n);
    }
    this.xmin = xmin;
    this.generation = Number(generation);
    this.readAt = now;
    if (now - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await q.query(`delete from search_changes where at < now() - ${LOG_KEPT}`);
    }
  }

  private async loadAll(q: Queryable): Promise<void> {
    const t = performance.now();
    const r = await q.query<{ xmin: string; generation: number }>(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, (select n from search_generation) as generation`,
    );
    // All lines as one text: PGlite hands over one value much faster than 250,000 rows.
    const all = await q.query<{ lines: string | null }>(
      `select string_agg(line, chr(10)) as lines from (${ALL_LINES}) x`,
    );
    this.reset();
    for (const line of all.rows[0]?.lines?.split('\n') ?? []) this.set(line);
    this.xmin = r.rows[0]!.xmin;
    this.generation = Number(r.rows[0]!.generation);
    this.readAt = Date.now();
    this.loadMs = performance.now() - t;
  }

  /** Whether the index holds recommendation n (hits it does not know need a newer index). */
  has(n: number): boolean {
    return n < this.live.length && this.live[n] === 1;
  }

  /**
   * The recommendations of `ns` (every recommendation when null) that have all the `required`
   * codes, with where each is in `ns`. An unknown required value (code -1) matches nothing.
   */
  select(ns: Int32Array | null, required: number[]): { ns: Int32Array; at: Int32Array } {
    const passing: number[] = [];
    const at: number[] = [];
    const { start, length, data, live } = this;
    const visit = (n: number, i: number) => {
      if (!live[n]) return;
      const s = start[n]!;
      const e = s + length[n]!;
      for (const c of required) {
        let found = false;
        for (let j = s; j < e; j++)
          if (data[j] === c) {
            found = true;
            break;
          }
        if (!found) return;
      }
      passing.push(n);
      at.push(i);
    };
    if (!required.includes(-1)) {
      if (ns) ns.forEach(visit);
      else for (let n = 0; n <= this.maxN; n++) visit(n, n);
    }
    return { ns: Int32Array.from(passing), at: Int32Array.from(at) };
  }

  /** Counts the facet values of the recommendations `ns` (found by `select`). */
  tally(ns: Int32Array): Map<string, Map<string, number>> {
    const perCode = new Int32Array(this.facetOf.length);
    const { start, length, data } = this;
    for (const n of ns) for (let j = start[n]!, e = j + length[n]!; j < e; j++) perCode[data[j]!]!++;
    const counts = new Map<string, Map<string, number>>(INDEXED_FACETS.map((f) => [f, new Map()]));
    for (let c = 0; c < perCode.length; c++)
      if (perCode[c]) counts.get(this.facetOf[c]!)!.set(this.valueOf[c]!, perCode[c]!);
    return counts;
  }

  count(ns: Int32Array | null, required: number[]): IndexCounts {
    const found = this.select(ns, required);
    return { ...found, counts: this.tally(found.ns) };
  }

  /**
   * Counts the recommendations `ns` per value of the facet `group` (only the values `keep` accepts;
   * a recommendation without one counts under null, one with several under each) and of the
   * single-valued facet `by` (null when it has none).
   */
  crossCount(
    ns: Int32Array,
    group: string,
    keep: (value: string) => boolean,
    by: string,
  ): { key: string | null; by: string | null; n: number }[] {
    const counts = new Map<string, number>();
    const add = (key: string | null, value: string | null) => {
      const k = JSON.stringify([key, value]);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    };
    const { start, length, data, facetOf, valueOf } = this;
    for (const n of ns) {
      const s = start[n]!;
      const e = s + length[n]!;
      let value: string | null = null;
      for (let j = s; j < e; j++) if (facetOf[data[j]!] === by) value = valueOf[data[j]!]!;
      let grouped = false;
      for (let j = s; j < e; j++) {
        const c = data[j]!;
        if (facetOf[c] === group && keep(valueOf[c]!)) {
          add(valueOf[c]!, value);
          grouped = true;
        }
      }
      if (!grouped) add(null, value);
    }
    return [...counts].map(([k, n]) => {
      const [key, v] = JSON.parse(k) as [string | null, string | null];
      return { key, by: v, n };
    });
  }

  /** The year of recommendation n, or null (for ordering hits as SQL does). */
  year(n: number): number | null {
    const s = this.start[n]!;
    for (let i = s; i < s + this.length[n]!; i++) {
      const c = this.data[i]!;
      if (this.facetOf[c] === 'year') return Number(this.valueOf[c]);
    }
    return null;
  }
}

/** One index per database (tests open many databases in one process); none inside a transaction. */
const indexes = new WeakMap<Db, FacetIndex>();
export function facetIndexOf(q: Queryable): FacetIndex | null {
  if (!('transaction' in q)) return null;
  const db = q as Db;
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new FacetIndex()));
  return index;
}
