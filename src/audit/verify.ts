/**
 * Checks the chain of the audit trail: each row's hash must be sha256 of the previous row's hash
 * and its own content (the database function audit_event_hash, the same the insert trigger uses).
 * The first row whose hash or link does not match is the first broken link.
 */
import type { Queryable } from '../core/db.ts';

export interface ChainReport {
  rows: number;
  /** The id of the first row that breaks the chain; null when the chain is intact. */
  brokenAt: number | null;
  /** The hash of the last row: written down elsewhere, it shows later that nothing was rewritten. */
  lastHash: string | null;
}

export async function verifyAuditChain(q: Queryable): Promise<ChainReport> {
  const r = await q.query<{ rows: number; broken_at: number | null; last_hash: string | null }>(
    `with c as (
       select id, prev_hash, hash, lag(hash) over (order by id) as last_hash,
              audit_event_hash(lag(hash) over (order by id), id, at, actor_id, actor_label, action,
                               entity_type, entity_id, before, after) as expected
         from audit_events)
     select count(*)::int as rows,
            min(id) filter (where hash is distinct from expected
                               or prev_hash is distinct from coalesce(last_hash, ''))::int8 as broken_at,
            (select hash from audit_events order by id desc limit 1) as last_hash
       from c`,
  );
  const row = r.rows[0]!;
  return { rows: row.rows, brokenAt: row.broken_at, lastHash: row.last_hash };
}

/** The one line `rightsdesk audit verify` prints. */
export function describeChain(report: ChainReport): string {
  if (report.brokenAt !== null) {
    return `broken: the audit chain breaks at row ${report.brokenAt} (${report.rows} rows checked)`;
  }
  return `intact, ${report.rows} rows${report.lastHash ? ` (last hash ${report.lastHash})` : ''}`;
}
