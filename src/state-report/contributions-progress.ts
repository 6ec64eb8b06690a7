/**
 * The progress of the contributions to a state report: per section the organisations asked, with
 * the deadline, the state of their contribution ('requested' while nothing is saved) and whether it
 * came late or is overdue; counted per organisation and in total.
 */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { errors } from '../core/errors.ts';
import { authorize, hasRole } from '../core/policy.ts';
import { amsterdamToday } from '../core/dates.ts';
import { reportFacts } from './load.ts';
import type { StateReportProgress } from './contributions-schema.ts';

interface CellRow {
  section_id: string;
  section_key: string;
  section_number: string | null;
  section_heading: string;
  request_id: string | null;
  organisation_id: string | null;
  code: string | null;
  name: string | null;
  deadline: string | null;
  state: 'draft' | 'submitted' | 'accepted' | 'rejected' | null;
  late: boolean | null;
  submitted_at: string | null;
  contribution_id: string | null;
}

type Counts = StateReportProgress['totals'];
const zero = (): Counts => ({
  requested: 0,
  draft: 0,
  submitted: 0,
  accepted: 0,
  rejected: 0,
  late: 0,
  overdue: 0,
});

export async function getStateReportProgress(
  db: Db,
  actor: Actor,
  reportId: string,
): Promise<StateReportProgress> {
  authorize(hasRole(actor, 'observer'), () => errors.role_forbidden({ role: actor.role }));
  await reportFacts(db, reportId);
  const r = await db.query<CellRow>(
    `select s.id as section_id, s.key as section_key, s.number as section_number, s.heading as section_heading,
            rq.id as request_id, o.id as organisation_id, o.code, o.name_nl as name, rq.deadline::text as deadline,
            c.state, c.late, c.submitted_at, c.id as contribution_id
       from state_report_sections s
       left join state_report_requests rq on rq.section_id = s.id
       left join organisations o on o.id = rq.organisation_id
       left join state_report_contributions c on c.request_id = rq.id
      where s.report_id = $1
      order by s.position, s.key, o.code`,
    [reportId],
  );
  const today = amsterdamToday();
  const sections = new Map<string, StateReportProgress['sections'][number]>();
  const organisations = new Map<string, StateReportProgress['organisations'][number]>();
  const totals = zero();
  for (const x of r.rows) {
    let s = sections.get(x.section_id);
    if (!s) {
      s = {
        id: x.section_id,
        key: x.section_key,
        number: x.section_number,
        heading: x.section_heading,
        requests: [],
      };
      sections.set(x.section_id, s);
    }
    if (!x.request_id || !x.organisation_id || !x.deadline) continue;
    const state = x.state ?? 'requested';
    const overdue = x.deadline < today && (state === 'requested' || state === 'draft');
    const organisation = { id: x.organisation_id, code: x.code!, name: x.name! };
    s.requests.push({
      requestId: x.request_id,
      organisation,
      deadline: x.deadline,
      state,
      late: x.late ?? false,
      overdue,
      submittedAt: x.submitted_at,
      contributionId: x.contribution_id,
    });
    let o = organisations.get(organisation.id);
    if (!o) {
      o = { ...organisation, counts: zero() };
      organisations.set(organisation.id, o);
    }
    for (const counts of [o.counts, totals]) {
      counts[state] += 1;
      if (x.late) counts.late += 1;
      if (overdue) counts.overdue += 1;
    }
  }
  return {
    reportId,
    sections: [...sections.values()],
    organisations: [...organisations.values()].sort((a, b) => a.code.localeCompare(b.code)),
    totals,
  };
}
