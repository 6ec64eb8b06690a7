/**
 * What an import stores beside the recommendations themselves: their provenance per source, the
 * taxonomy terms the spellings of the file map to (through the aliases), and the spellings no term
 * knows yet (kept, listed for mapping). Terms and spellings are added to those a recommendation
 * has: the same recommendation from several sources carries the tags of all of them.
 */
import type { Queryable } from '../core/db.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import { keepStateBefore } from './store-audit.ts';
import { CHUNK, contentHash, type Merged, type Upserted } from './store-upsert.ts';
import type { ImportKind, ImportSummary } from './schema.ts';

/** Every alias of the schemes an import uses, loaded once: "scheme|normalised spelling" → term id. */
export async function aliasMap(q: Queryable): Promise<Map<string, string>> {
  const r = await q.query<{ scheme: string; normalized: string; term_id: string }>(
    "select scheme, normalized, term_id from taxonomy_aliases where scheme in ('uhri_theme','uhri_group','sdg_target','sdg_goal')",
  );
  const codes = await q.query<{ scheme: string; code: string; id: string }>(
    "select scheme, code, id from taxonomy_terms where scheme in ('sdg_target','sdg_goal')",
  );
  const m = new Map(r.rows.map((a) => [`${a.scheme}|${a.normalized}`, a.term_id]));
  for (const c of codes.rows) m.set(`${c.scheme}|${c.code.toLowerCase()}`, c.id);
  return m;
}

function resolveTerm(aliases: Map<string, string>, scheme: string, spelling: string): string | undefined {
  const direct = aliases.get(`${scheme}|${normalizeTerm(spelling)}`);
  if (direct) return direct;
  // SDG targets come as "16.2 - Protect children ...": the number alone identifies them.
  const code =
    /^\s*(\d{1,2}\.[0-9a-z]{1,2})\b/i.exec(spelling)?.[1] ?? /^\s*(\d{1,2})\s*-/.exec(spelling)?.[1];
  return code ? aliases.get(`${scheme}|${code.toLowerCase()}`) : undefined;
}

/** Where the records came from. */
export interface Provenance {
  kind: ImportKind;
  fileName: string;
  importId: string | null;
  importedBy: string;
}

/**
 * Stores the sources, terms and unmapped spellings of the merged records (whose recommendation ids
 * are known by fingerprint); returns the unmapped spellings with how often they occur. The state
 * of a recommendation stored before that gains a tag is kept for the audit trail first. Records
 * whose recommendation is left alone (Merged.unchangedId) write nothing.
 */
export async function storeTags(
  tx: Queryable,
  list: Merged[],
  { ids, created }: Upserted,
  from: Provenance,
): Promise<ImportSummary['unmappedTerms']> {
  const aliases = await aliasMap(tx);
  /** The sources, as the rows of the statement below (short keys: sent as JSON). */
  const src: {
    r: string;
    k: string;
    p: string | null;
    t: string;
    rs: string[];
    po: string | null;
    d: string | null;
    h: string;
  }[] = [];
  const terms: { rec: string; term: string }[] = [];
  // The records of one recommendation often name the same term (several states, a theme that is a
  // group too): each is written once per recommendation.
  const tagged = new Set<string>();
  const tag = (rec: string, term: string) => {
    if (tagged.has(term)) return;
    tagged.add(term);
    terms.push({ rec, term });
  };
  const loose: { rec: string; scheme: string; spelling: string }[] = [];
  const unmapped = new Map<string, number>();
  // A file names the same few hundred spellings many thousand times: each is resolved once.
  const resolvedTerms = new Map<string, { term?: string | undefined; group?: string | undefined }>();
  const resolve = (scheme: string, spelling: string) => {
    const k = `${scheme}|${spelling}`;
    let r = resolvedTerms.get(k);
    if (!r) {
      r = {
        term: resolveTerm(aliases, scheme, spelling),
        // UPR Info's issue labels are one list of themes and groups of persons: "Women's rights"
        // stands for a theme and for the group women.
        group:
          from.kind === 'upr-info' && scheme === 'uhri_theme'
            ? resolveTerm(aliases, 'uhri_group', spelling)
            : undefined,
      };
      resolvedTerms.set(k, r);
    }
    return r;
  };
  for (const m of list) {
    // A recommendation left alone (its sources say what they said) only counts its unmapped spellings.
    const rec = m.unchangedId ? null : ids.get(m.fingerprint)!;
    tagged.clear();
    for (const r of m.records) {
      if (rec)
        src.push({
          r: rec,
          k: r.sourceKey,
          p: r.paragraph ?? null,
          t: r.text,
          rs: r.recommendingStates,
          po: r.position ?? null,
          d: r.reportedDate ?? (r.year ? String(r.year) : null),
          h: contentHash(r),
        });
      for (const t of r.terms) {
        const { term, group } = resolve(t.scheme, t.spelling);
        if (rec && term) tag(rec, term);
        if (rec && group) tag(rec, group);
        if (!term && !group) {
          if (rec) loose.push({ rec, scheme: t.scheme, spelling: t.spelling.trim() });
          const k = `${t.scheme}|${t.spelling.trim()}`;
          unmapped.set(k, (unmapped.get(k) ?? 0) + 1);
        }
      }
    }
  }
  // One JSON parameter per chunk (as the recommendations' values, store-upsert.ts): cheaper to send
  // than an array per column.
  for (let i = 0; i < src.length; i += CHUNK) {
    await tx.query(
      `insert into recommendation_sources (recommendation_id, kind, source_key, file_name, paragraph, import_id, imported_by,
          reported_text, reported_states, reported_position, reported_date, content_hash)
       select r, $2, k, $3, p, $4, $5, t, rs, po, d, h
         from json_to_recordset($1::json)
           as u(r uuid, k text, p text, t text, rs text[], po text, d text, h text)
       on conflict (kind, source_key) do update set recommendation_id = excluded.recommendation_id,
         file_name = excluded.file_name, paragraph = excluded.paragraph, import_id = excluded.import_id,
         imported_by = excluded.imported_by, imported_at = now(), reported_text = excluded.reported_text,
         reported_states = excluded.reported_states, reported_position = excluded.reported_position,
         reported_date = excluded.reported_date, content_hash = excluded.content_hash`,
      [JSON.stringify(src.slice(i, i + CHUNK)), from.kind, from.fileName, from.importId, from.importedBy],
    );
  }
  const existingTerms = terms.filter((x) => !created.has(x.rec));
  for (let i = 0; i < existingTerms.length; i += CHUNK * 2) {
    const c = existingTerms.slice(i, i + CHUNK * 2);
    await keepStateBefore(
      tx,
      `select distinct rec as id from (
         select * from unnest($1::uuid[], $2::uuid[]) as x(rec, term)
         except
         select rt.recommendation_id, rt.term_id from recommendation_terms rt
          where rt.recommendation_id in (select unnest($1::uuid[]))) gained`,
      [c.map((x) => x.rec), c.map((x) => x.term)],
    );
  }
  const existingLoose = loose.filter((x) => !created.has(x.rec));
  for (let i = 0; i < existingLoose.length; i += CHUNK * 2) {
    const c = existingLoose.slice(i, i + CHUNK * 2);
    await keepStateBefore(
      tx,
      `select distinct rec as id from (
         select * from unnest($1::uuid[], $2::text[], $3::text[]) as x(rec, scheme, spelling)
         except
         select u.recommendation_id, u.scheme, u.spelling from recommendation_unmapped_terms u
          where u.recommendation_id in (select unnest($1::uuid[]))) gained`,
      [c.map((x) => x.rec), c.map((x) => x.scheme), c.map((x) => x.spelling)],
    );
  }
  for (let i = 0; i < terms.length; i += CHUNK * 2) {
    const c = terms.slice(i, i + CHUNK * 2);
    await tx.query(
      `insert into recommendation_terms (recommendation_id, term_id)
       select * from unnest($1::uuid[], $2::uuid[]) on conflict do nothing`,
      [c.map((x) => x.rec), c.map((x) => x.term)],
    );
  }
  for (let i = 0; i < loose.length; i += CHUNK * 2) {
    const c = loose.slice(i, i + CHUNK * 2);
    await tx.query(
      `insert into recommendation_unmapped_terms (recommendation_id, scheme, spelling)
       select * from unnest($1::uuid[], $2::text[], $3::text[]) on conflict do nothing`,
      [c.map((x) => x.rec), c.map((x) => x.scheme), c.map((x) => x.spelling)],
    );
  }
  return [...unmapped.entries()]
    .map(([k, count]) => {
      const [scheme, spelling] = k.split('|') as [string, string];
      return { scheme, spelling, count };
    })
    .sort((a, b) => b.count - a.count);
}
