/** Reading the Human Rights Council membership: the terms, and one term with all it holds. */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { hrcAbilities } from './policy.ts';
import type { PriorityRow, ResolutionRow, ResultRow, TermRow } from './rows.ts';
import type { Term, TermList, TermSummary } from './schema.ts';

function summary(actor: Actor | null, r: TermRow): TermSummary {
  return {
    id: r.id,
    startYear: r.start_year,
    endYear: r.end_year,
    status: r.status,
    electionDate: r.election_date,
    votesReceived: r.votes_received,
    seats: r.seats,
    regionGroup: r.region_group,
    notes: r.notes,
    source: r.source,
    unverifiedFields: r.unverified_fields,
    version: r.version,
    abilities: hrcAbilities(actor),
  };
}

export async function listTerms(q: Queryable, actor: Actor | null): Promise<TermList> {
  const r = await q.query<TermRow>('select * from hrc_terms order by start_year desc, end_year desc');
  return { items: r.rows.map((row) => summary(actor, row)), abilities: hrcAbilities(actor) };
}

export async function getTerm(q: Queryable, actor: Actor | null, id: string): Promise<Term> {
  const t = (await q.query<TermRow>('select * from hrc_terms where id = $1', [id])).rows[0];
  if (!t) throw notFound('hrc_term', id);
  const [priorities, pledges, resolutions, results] = await Promise.all([
    q.query<PriorityRow>('select * from hrc_priorities where term_id = $1 order by position, title, id', [
      id,
    ]),
    q.query<{
      id: string;
      commitment_id: string;
      text: string;
      status: Term['pledges'][number]['status'];
      due_on: string | null;
    }>(
      `select p.id, p.commitment_id, c.text, c.status, c.due_on from hrc_pledges p
         join commitments c on c.id = p.commitment_id where p.term_id = $1 order by p.created_at, p.id`,
      [id],
    ),
    q.query<ResolutionRow>(
      'select * from hrc_resolutions where term_id = $1 order by adopted_on nulls last, symbol, id',
      [id],
    ),
    q.query<ResultRow>('select * from hrc_results where term_id = $1 order by year', [id]),
  ]);
  return {
    ...summary(actor, t),
    priorities: priorities.rows.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      position: p.position,
      source: p.source,
      version: p.version,
    })),
    pledges: pledges.rows.map((p) => ({
      id: p.id,
      commitmentId: p.commitment_id,
      text: p.text,
      status: p.status,
      dueOn: p.due_on,
    })),
    resolutions: resolutions.rows.map((r) => ({
      id: r.id,
      title: r.title,
      symbol: r.symbol,
      session: r.session,
      role: r.role,
      coreGroup: r.core_group,
      adoptedOn: r.adopted_on,
      vote: r.vote,
      version: r.version,
    })),
    results: results.rows.map((r) => ({ id: r.id, year: r.year, text: r.text, version: r.version })),
  };
}
