import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, type Actor } from '../core/audit.ts';
import { AppError } from '../core/errors.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import { fingerprint } from './fingerprint.ts';
import type { ImportKind, ImportRecord, ImportSummary, RowError } from './schema.ts';

/** Rows per INSERT statement: large enough to be fast, small enough for PGlite's memory. */
const CHUNK = 2000;

export class ImportRejected extends AppError {
  readonly summary: ImportSummary;
  constructor(summary: ImportSummary) {
    const first = summary.errors
      .slice(0, 5)
      .map((e) => `row ${e.row}: ${e.message}`)
      .join('; ');
    super(
      400,
      'import_invalid',
      `${summary.errors.length} row(s) cannot be imported (${first}${summary.errors.length > 5 ? '; …' : ''}). ` +
        'Nothing was stored. Correct the file, or choose to import only the valid rows.',
      {},
      summary,
    );
    this.summary = summary;
  }
}

interface Merged {
  fingerprint: string;
  first: ImportRecord;
  states: Set<string>;
  records: ImportRecord[];
}

/** Loads every alias of the schemes once: normalised spelling → term id. */
async function aliasMap(q: Queryable): Promise<Map<string, string>> {
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

/**
 * Stores what an importer read, in one transaction: all or nothing. Records whose source key is
 * known update the recommendation they made before; records with the same fingerprint (the same
 * recommendation from another source or another recommending state) become one recommendation
 * with several sources. Taxonomy spellings are mapped through the aliases; unknown ones are kept.
 * With rowErrors and importValidRows false, nothing is stored and ImportRejected is thrown.
 */
export async function storeRecords(
  db: Db,
  actor: Actor,
  input: {
    kind: ImportKind;
    fileName: string;
    sha256: string;
    records: ImportRecord[];
    rowErrors: RowError[];
    totalRows: number;
    importValidRows?: boolean;
    dryRun?: boolean;
    /** More work in the same transaction once the records are stored (e.g. linking them to a cycle). */
    afterStore?: (tx: Queryable) => Promise<void>;
  },
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    importId: null,
    kind: input.kind,
    fileName: input.fileName,
    totalRows: input.totalRows,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: input.rowErrors.length,
    sources: input.records.length,
    unmappedTerms: [],
    errors: input.rowErrors,
    committed: false,
  };
  if (input.rowErrors.length && !input.importValidRows) {
    if (input.dryRun) return summary;
    throw new ImportRejected(summary);
  }
  if (!input.records.length) {
    throw new AppError(400, 'import_empty', `${input.fileName} holds no recommendations to import.`, {}, summary);
  }

  const run = async (tx: Queryable) => {
    const aliases = await aliasMap(tx);
    // Source keys seen before keep pointing at their recommendation.
    const known = new Map<string, { id: string; fingerprint: string }>();
    const keys = input.records.map((r) => r.sourceKey);
    for (let i = 0; i < keys.length; i += 10000) {
      const r = await tx.query<{ source_key: string; id: string; fingerprint: string }>(
        `select s.source_key, r.id, r.fingerprint from recommendation_sources s
           join recommendations r on r.id = s.recommendation_id
          where s.kind = $1 and s.source_key = any($2::text[])`,
        [input.kind, keys.slice(i, i + 10000)],
      );
      for (const row of r.rows) known.set(row.source_key, { id: row.id, fingerprint: row.fingerprint });
    }
    const merged = new Map<string, Merged>();
    for (const rec of input.records) {
      const fp = known.get(rec.sourceKey)?.fingerprint ?? fingerprint(rec);
      const m = merged.get(fp);
      if (m) {
        rec.recommendingStates.forEach((s) => m.states.add(s));
        m.records.push(rec);
      } else {
        merged.set(fp, {
          fingerprint: fp,
          first: rec,
          states: new Set(rec.recommendingStates),
          records: [rec],
        });
      }
    }
    const unmapped = new Map<string, number>();
    const list = [...merged.values()];
    const ids = new Map<string, string>();
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      const col = <T>(f: (m: Merged) => T) => chunk.map(f);
      const r = await tx.query<{ id: string; fingerprint: string; inserted: boolean; changed: boolean }>(
        `insert into recommendations as r (fingerprint, mechanism, body_code, state_under_review, symbol, paragraph, text,
            recommending_states, position, year, upr_session, action_category, follow_up, text_nl, position_explanation)
         select f, m, b, s, sy, p, t, rs::text[],
                po, y, us, ac, fu, tn, pe
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::int[], $11::int[], $12::int[], $13::bool[], $14::text[], $15::text[])
                as u(f, m, b, s, sy, p, t, rs, po, y, us, ac, fu, tn, pe)
         on conflict (fingerprint) do update set
           recommending_states = (select coalesce(array_agg(distinct x order by x), '{}')
                                    from unnest(r.recommending_states || excluded.recommending_states) x),
           position = coalesce(excluded.position, r.position),
           paragraph = coalesce(r.paragraph, excluded.paragraph),
           symbol = coalesce(r.symbol, excluded.symbol),
           body_code = coalesce(r.body_code, excluded.body_code),
           year = coalesce(excluded.year, r.year),
           upr_session = coalesce(excluded.upr_session, r.upr_session),
           action_category = coalesce(excluded.action_category, r.action_category),
           follow_up = r.follow_up or excluded.follow_up,
           text = excluded.text,
           text_nl = coalesce(excluded.text_nl, r.text_nl),
           position_explanation = coalesce(excluded.position_explanation, r.position_explanation),
           version = r.version + 1,
           updated_at = now()
         where r.text is distinct from excluded.text
            or (excluded.text_nl is not null and r.text_nl is distinct from excluded.text_nl)
            or (excluded.position_explanation is not null and r.position_explanation is distinct from excluded.position_explanation)
            or r.position is distinct from coalesce(excluded.position, r.position)
            or not (r.recommending_states @> excluded.recommending_states)
            or r.year is distinct from coalesce(excluded.year, r.year)
            or r.action_category is distinct from coalesce(excluded.action_category, r.action_category)
            or (excluded.follow_up and not r.follow_up)
            or (r.paragraph is null and excluded.paragraph is not null)
            or (r.symbol is null and excluded.symbol is not null)
         returning r.id, r.fingerprint, (xmax = 0) as inserted, true as changed`,
        [
          col((m) => m.fingerprint),
          col((m) => m.first.mechanism),
          col((m) => m.first.bodyCode ?? null),
          col((m) => m.first.stateUnderReview),
          col((m) => m.first.symbol ?? null),
          col((m) => m.first.paragraph ?? null),
          col((m) => m.first.text.trim()),
          col((m) => arrayLiteral([...m.states].sort())),
          col((m) => m.records.find((x) => x.position)?.position ?? null),
          col((m) => m.first.year ?? null),
          col((m) => m.first.uprSession ?? null),
          col((m) => m.first.actionCategory ?? null),
          col((m) => m.records.some((x) => x.followUp)),
          col((m) => m.records.find((x) => x.textNl)?.textNl ?? null),
          col((m) => m.records.find((x) => x.positionExplanation)?.positionExplanation ?? null),
        ],
      );
      for (const row of r.rows) {
        ids.set(row.fingerprint, row.id);
        if (row.inserted) summary.created++;
        else summary.updated++;
      }
      const missing = chunk.filter((m) => !ids.has(m.fingerprint)).map((m) => m.fingerprint);
      if (missing.length) {
        const existing = await tx.query<{ id: string; fingerprint: string }>(
          'select id, fingerprint from recommendations where fingerprint = any($1::text[])',
          [missing],
        );
        for (const row of existing.rows) ids.set(row.fingerprint, row.id);
        summary.unchanged += existing.rows.length;
      }
    }

    // Provenance, terms and unmapped spellings.
    const importRow = input.dryRun
      ? null
      : (
          await tx.query<{ id: string }>(
            `insert into imports (kind, file_name, sha256, status, total_rows, created_by, created_by_label)
             values ($1, $2, $3, 'committed', $4, $5, $6) returning id`,
            [input.kind, input.fileName, input.sha256, input.totalRows, actor.id, actor.label],
          )
        ).rows[0]!;
    const src: { rec: string; key: string; par: string | null }[] = [];
    const terms: { rec: string; term: string }[] = [];
    const loose: { rec: string; scheme: string; spelling: string }[] = [];
    for (const m of list) {
      const rec = ids.get(m.fingerprint)!;
      for (const r of m.records) {
        src.push({ rec, key: r.sourceKey, par: r.paragraph ?? null });
        for (const t of r.terms) {
          const term = resolveTerm(aliases, t.scheme, t.spelling);
          if (term) terms.push({ rec, term });
          else {
            loose.push({ rec, scheme: t.scheme, spelling: t.spelling.trim() });
            const k = `${t.scheme}|${t.spelling.trim()}`;
            unmapped.set(k, (unmapped.get(k) ?? 0) + 1);
          }
        }
      }
    }
    for (let i = 0; i < src.length; i += CHUNK) {
      const c = src.slice(i, i + CHUNK);
      await tx.query(
        `insert into recommendation_sources (recommendation_id, kind, source_key, file_name, paragraph, import_id, imported_by)
         select r, $2, k, $3, p, $4, $5 from unnest($1::uuid[], $6::text[], $7::text[]) as u(r, k, p)
         on conflict (kind, source_key) do update set recommendation_id = excluded.recommendation_id,
           file_name = excluded.file_name, paragraph = excluded.paragraph, import_id = excluded.import_id,
           imported_by = excluded.imported_by, imported_at = now()`,
        [
          c.map((x) => x.rec),
          input.kind,
          input.fileName,
          importRow?.id ?? null,
          actor.label,
          c.map((x) => x.key),
          c.map((x) => x.par),
        ],
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
    summary.unmappedTerms = [...unmapped.entries()]
      .map(([k, count]) => {
        const [scheme, spelling] = k.split('|') as [string, string];
        return { scheme, spelling, count };
      })
      .sort((a, b) => b.count - a.count);
    if (importRow) {
      summary.importId = importRow.id;
      summary.committed = true;
      await tx.query(
        `update imports set created_count = $2, updated_count = $3, unchanged_count = $4, skipped_count = $5,
                report = $6, finished_at = now() where id = $1`,
        [
          importRow.id,
          summary.created,
          summary.updated,
          summary.unchanged,
          summary.skipped,
          JSON.stringify({ errors: summary.errors.slice(0, 1000), unmappedTerms: summary.unmappedTerms }),
        ],
      );
      await recordAudit(tx, actor, {
        action: 'import',
        entityType: 'import',
        entityId: importRow.id,
        after: {
          kind: input.kind,
          fileName: input.fileName,
          sha256: input.sha256,
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
          skipped: summary.skipped,
        },
      });
    }
    await input.afterStore?.(tx);
  };

  if (input.dryRun) {
    // A preview runs the whole import and rolls it back: the counts are exact, nothing stays.
    await db
      .transaction(async (tx) => {
        await run(tx);
        throw new PreviewDone();
      })
      .catch((err) => {
        if (!(err instanceof PreviewDone)) throw err;
      });
    return summary;
  }
  await db.transaction(run);
  return summary;
}

class PreviewDone extends Error {}

/** A PostgreSQL array literal of texts: {"a","b \\"c\\""}. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
