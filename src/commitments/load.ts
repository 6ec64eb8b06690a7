/** Reading commitments: one with its links and evidence, and the register with its filters. */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { notFound } from '../core/errors.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { Page } from '../shared/schema.ts';
import { commitmentAbilities } from './policy.ts';
import type { CommitmentRow } from './rows.ts';
import type { Commitment, CommitmentQuery, CommitmentSummary, OverdueSummary } from './schema.ts';

type ListRow = CommitmentRow & { org_code: string; org_name_nl: string; org_name_en: string };

const SELECT = 'c.*, o.code as org_code, o.name_nl as org_name_nl, o.name_en as org_name_en';
const FROM = 'commitments c join organisations o on o.id = c.organisation_id';

/** Still to be done: open or partly done. */
export const PENDING = `c.status in ('open', 'partly_done')`;

export const isOverdue = (r: Pick<CommitmentRow, 'status' | 'due_on'>, on = today()) =>
  (r.status === 'open' || r.status === 'partly_done') && r.due_on !== null && r.due_on < on;

function summary(actor: Actor | null, r: ListRow): CommitmentSummary {
  return {
    id: r.id,
    kind: r.kind,
    text: r.text,
    citation: r.citation,
    source: r.citation_type
      ? {
          type: r.citation_type,
          dossier: r.dossier,
          toevoeging: r.toevoeging,
          ondernummer: r.ondernummer,
          kamer: r.kamer,
          vergaderjaar: r.vergaderjaar,
          handelingenNr: r.handelingen_nr,
          handelingenItem: r.handelingen_item,
        }
      : null,
    organisation: { id: r.organisation_id, code: r.org_code, nameNl: r.org_name_nl, nameEn: r.org_name_en },
    organisationVerified: r.organisation_verified,
    madeOn: r.made_on,
    dueOn: r.due_on,
    status: r.status,
    overdue: isOverdue(r),
    tkNumber: r.tk_number,
    voteOutcome: r.vote_outcome,
    version: r.version,
    updatedAt: r.updated_at,
    abilities: commitmentAbilities(actor, { organisationId: r.organisation_id }),
  };
}

export function listCommitments(
  q: Queryable,
  actor: Actor | null,
  f: CommitmentQuery,
): Promise<Page<CommitmentSummary>> {
  const where = new Where()
    .addIf(f.status, 'c.status = ?', f.status)
    .addIf(f.kind, 'c.kind = ?', f.kind)
    .addIf(f.organisationId, 'c.organisation_id = ?', f.organisationId)
    .addIf(
      f.q,
      `(c.text ilike ? or c.citation ilike ? or c.tk_number ilike ? or array_to_string(c.submitters, ' ') ilike ?)`,
      ...Array<string>(4).fill(`%${f.q?.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`),
    );
  if (f.overdue === 'true') where.add(`${PENDING} and c.due_on < ?`, today());
  if (f.overdue === 'false') where.add(`not (${PENDING} and c.due_on is not null and c.due_on < ?)`, today());
  return pageOf<CommitmentSummary, ListRow>(q, {
    select: SELECT,
    from: FROM,
    where,
    orderBy: `(${PENDING}) desc, c.due_on nulls last, c.made_on desc nulls last, c.id`,
    page: f.page,
    pageSize: f.pageSize,
    map: (r) => summary(actor, r),
  });
}

export async function getCommitment(q: Queryable, actor: Actor | null, id: string): Promise<Commitment> {
  const r = await q.query<ListRow>(`select ${SELECT} from ${FROM} where c.id = $1`, [id]);
  const row = r.rows[0];
  if (!row) throw notFound('commitment', id);
  const [recs, actions, docs, evidenceDoc, evidenceOut, response] = await Promise.all([
    q.query<{ id: string; symbol: string | null; paragraph: string | null; text: string }>(
      `select r.id, r.symbol, r.paragraph, r.text from commitment_recommendations cr
         join recommendations r on r.id = cr.recommendation_id where cr.commitment_id = $1
        order by r.symbol, r.paragraph, r.id`,
      [id],
    ),
    q.query<{ id: string; title: string }>(
      `select a.id, a.title from commitment_actions ca join actions a on a.id = ca.action_id
        where ca.commitment_id = $1 order by a.title, a.id`,
      [id],
    ),
    q.query<{ id: string; title: string; symbol: string | null }>(
      `select d.id, d.title, d.symbol from commitment_documents cd join documents d on d.id = cd.document_id
        where cd.commitment_id = $1 order by d.title, d.id`,
      [id],
    ),
    row.evidence_document_id
      ? q.query<{ id: string; title: string }>('select id, title from documents where id = $1', [
          row.evidence_document_id,
        ])
      : null,
    row.evidence_outgoing_id
      ? q.query<{ id: string; title: string; kamerstuk: string | null }>(
          'select id, title, kamerstuk from outgoing_documents where id = $1',
          [row.evidence_outgoing_id],
        )
      : null,
    row.source_outgoing_id
      ? q.query<{ title: string; heading: string | null }>(
          `select d.title, s.heading from outgoing_documents d
             left join outgoing_sections s on s.document_id = d.id and s.key = $2 where d.id = $1`,
          [row.source_outgoing_id, row.source_section_key],
        )
      : null,
  ]);
  const from = response?.rows[0];
  return {
    ...summary(actor, row),
    statusNote: row.status_note,
    evidence: {
      document: evidenceDoc?.rows[0] ?? null,
      outgoingDocument: evidenceOut?.rows[0] ?? null,
      citation: row.evidence_citation,
    },
    tkId: row.tk_id,
    submitters: row.submitters,
    seatsFor: row.seats_for,
    seatsAgainst: row.seats_against,
    kabinetsappreciatie: row.kabinetsappreciatie,
    madeBy: row.made_by,
    recommendations: recs.rows,
    actions: actions.rows,
    documents: docs.rows,
    responseSource:
      from && row.source_outgoing_id && row.source_section_key
        ? {
            documentId: row.source_outgoing_id,
            title: from.title,
            sectionKey: row.source_section_key,
            heading: from.heading,
            part: row.source_part,
          }
        : null,
    createdAt: row.created_at,
  };
}

/** What is overdue, per responsible organisation: the view on the register page and the dashboard's count. */
export async function overdueSummary(q: Queryable): Promise<OverdueSummary> {
  const r = await q.query<{ organisation_id: string; code: string; n: number; oldest: string }>(
    `select o.id as organisation_id, o.code, count(*)::int as n, min(c.due_on)::text as oldest
       from commitments c join organisations o on o.id = c.organisation_id
      where ${PENDING} and c.due_on < $1
      group by o.id, o.code order by n desc, o.code`,
    [today()],
  );
  return {
    total: r.rows.reduce((s, x) => s + x.n, 0),
    organisations: r.rows.map((x) => ({
      organisationId: x.organisation_id,
      code: x.code,
      count: x.n,
      since: x.oldest,
    })),
  };
}
