/**
 * The follow-up of one recommendation as the API shows it: who is responsible, the position recorded
 * in Rightsdesk with its history, what the sources reported, and what the actor may do.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import type { OrgRef } from '../instruments/schema.ts';
import type { Position } from '../recommendations/schema.ts';
import { followUpAbilities } from './policy.ts';
import { loadResponsible } from './responsible.ts';
import type { PositionHistoryRow, PositionRow } from './rows.ts';
import { POSITIONS_BY_MECHANISM, type FollowUp, type PositionEntry } from './schema.ts';

interface OrgRow {
  id: string;
  code: string;
  name_nl: string;
  name_en: string;
}

const orgRefOf = (o: OrgRow): OrgRef => ({ id: o.id, code: o.code, nameNl: o.name_nl, nameEn: o.name_en });

const userRef = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** The follow-up of a recommendation; 404 (recommendation.not_found) when it does not exist. */
export async function getFollowUp(q: Queryable, actor: Actor | null, id: string): Promise<FollowUp> {
  const r = await loadResponsible(q, id);
  const orgIds = [r.leadOrganisationId, ...r.coResponsibleIds].filter((o): o is string => Boolean(o));
  const orgs = await q.query<OrgRow>(
    'select id, code, name_nl, name_en from organisations where id = any($1::uuid[])',
    [orgIds],
  );
  const byId = new Map(orgs.rows.map((o) => [o.id, o]));
  const ref = (orgId: string) => {
    const o = byId.get(orgId);
    return o ? orgRefOf(o) : null;
  };
  // The co-responsible listed by code, so that the list reads the same every time.
  const coResponsible = r.coResponsibleIds
    .map(ref)
    .filter((o): o is OrgRef => o !== null)
    .sort((a, b) => a.code.localeCompare(b.code));

  const current = await q.query<PositionRow & { recorded_by_name: string | null }>(
    `select p.*, u.name as recorded_by_name
       from recommendation_positions p left join users u on u.id = p.recorded_by
      where p.id = $1`,
    [id],
  );
  const history = await q.query<PositionHistoryRow & { recorded_by_name: string | null }>(
    `select h.*, u.name as recorded_by_name
       from recommendation_position_history h left join users u on u.id = h.recorded_by
      where h.recommendation_id = $1
      order by h.recorded_at desc, h.id`,
    [id],
  );
  const p = current.rows[0];
  return {
    recommendationId: r.id,
    mechanism: r.mechanism,
    version: r.version,
    lead: r.leadOrganisationId ? ref(r.leadOrganisationId) : null,
    coResponsible,
    kingdomCountries: r.kingdomCountries,
    position: p
      ? {
          position: p.position,
          appreciation: p.appreciation,
          explanation: p.explanation,
          recordedBy: userRef(p.recorded_by, p.recorded_by_name),
          recordedAt: p.updated_at,
          version: p.version,
        }
      : null,
    positionOptions: [...POSITIONS_BY_MECHANISM[r.mechanism]],
    sourcePositions: await sourcePositions(q, id),
    history: history.rows.map((h): PositionEntry => ({
      position: h.position,
      appreciation: h.appreciation,
      explanation: h.explanation,
      recordedBy: userRef(h.recorded_by, h.recorded_by_name),
      recordedAt: h.recorded_at,
    })),
    abilities: followUpAbilities(actor, r),
  };
}

/**
 * What the sources report as the position: each source that names one; when none does but the
 * recommendation carries a position (imported before sources kept their own), that position,
 * attributed to the recommendation's first source.
 */
async function sourcePositions(q: Queryable, id: string): Promise<FollowUp['sourcePositions']> {
  const reported = await q.query<{ position: Position; kind: string; file_name: string | null }>(
    `select s.reported_position as position, s.kind, s.file_name
       from recommendation_sources s
      where s.recommendation_id = $1 and s.reported_position is not null
      order by s.imported_at, s.id`,
    [id],
  );
  if (reported.rows.length > 0)
    return reported.rows.map((s) => ({ position: s.position, kind: s.kind, fileName: s.file_name }));
  const own = await q.query<{ position: Position | null; kind: string | null; file_name: string | null }>(
    `select r.position, s.kind, s.file_name
       from recommendations r
       left join lateral (select kind, file_name from recommendation_sources
                           where recommendation_id = r.id order by imported_at, id limit 1) s on true
      where r.id = $1`,
    [id],
  );
  const row = own.rows[0];
  if (!row?.position) return [];
  return [{ position: row.position, kind: row.kind ?? 'recommendation', fileName: row.file_name }];
}
