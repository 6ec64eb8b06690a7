/**
 * Requests for contributions to a state report: made by whoever manages the report for several
 * sections and organisations at once (every pair; a pair already asked is left as it was), each
 * organisation checked to exist and not to have ended (src/organisations/assignable.ts) before
 * anything is written, and announced in the inbox of the organisation's users. Read back per
 * request, as the signed-in user's organisation's list, and as the progress per section.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { amsterdamToday } from '../core/dates.ts';
import { errors, notFound } from '../core/errors.ts';
import { authorize, hasRole } from '../core/policy.ts';
import { insertRow, recordChanges } from '../core/write.ts';
import { dutchDate } from '../letters/dates.ts';
import { NOTIFICATION_ENTITY } from '../notifications/inbox.ts';
import { assertAssignable } from '../organisations/assignable.ts';
import { stateReportContributionErrors as E } from './contributions-errors.ts';
import { contributionAbilities, contributionPolicy } from './contributions-policy.ts';
import { requestLink } from './contributions-reminders.ts';
import { REQUESTS, type StateReportContributionRow } from './contributions-rows.ts';
import type {
  ContributionRequestsCreate,
  ContributionRequestsCreated,
  StateReportContribution,
  StateReportRequest,
  StateReportRequestList,
} from './contributions-schema.ts';
import { stateReportErrors } from './errors.ts';
import { reportFacts } from './load.ts';
import { assertMayManage } from './policy.ts';
import type { StateReportFactsRow } from './rows.ts';
import { countWords } from './words.ts';

/** A submitted report's contributions no longer change. */
export function assertOpenReport(report: StateReportFactsRow): void {
  if (report.submitted_on !== null) throw stateReportErrors.submitted({ date: report.submitted_on });
}

/** A request joined with what the API shows of it. */
export interface RequestJoined {
  id: string;
  report_id: string;
  report_title: string;
  section_id: string;
  section_key: string;
  section_number: string | null;
  section_heading: string;
  section_question: string | null;
  organisation_id: string;
  organisation_code: string;
  organisation_name: string;
  deadline: string;
  message: string;
  created_at: string;
  updated_at: string;
  version: number;
  contribution: (StateReportContributionRow & { author_name: string | null }) | null;
}

const REQUEST_SELECT = `
  select rq.id, rq.report_id, sr.title as report_title, rq.section_id, s.key as section_key,
         s.number as section_number, s.heading as section_heading, s.question as section_question,
         rq.organisation_id, o.code as organisation_code, o.name_nl as organisation_name,
         rq.deadline::text as deadline, rq.message, rq.created_at, rq.updated_at, rq.version
    from state_report_requests rq
    join state_reports sr on sr.id = rq.report_id
    join state_report_sections s on s.id = rq.section_id
    join organisations o on o.id = rq.organisation_id`;

export async function loadRequests(q: Queryable, where: string, params: unknown[]): Promise<RequestJoined[]> {
  const r = await q.query<Omit<RequestJoined, 'contribution'>>(
    `${REQUEST_SELECT} where ${where} order by s.position, o.code, rq.id`,
    params,
  );
  if (r.rows.length === 0) return [];
  const c = await q.query<StateReportContributionRow & { author_name: string | null }>(
    `select c.*, u.name as author_name from state_report_contributions c left join users u on u.id = c.author_id
      where c.request_id = any($1::uuid[])`,
    [r.rows.map((x) => x.id)],
  );
  const byRequest = new Map(c.rows.map((x) => [x.request_id, x]));
  return r.rows.map((x) => ({ ...x, contribution: byRequest.get(x.id) ?? null }));
}

export async function loadRequest(q: Queryable, id: string): Promise<RequestJoined> {
  const [row] = await loadRequests(q, 'rq.id = $1', [id]);
  if (!row) throw notFound('state_report_request', id);
  return row;
}

export function presentContribution(
  actor: Actor | null,
  report: StateReportFactsRow,
  organisationId: string,
  c: StateReportContributionRow & { author_name?: string | null },
): StateReportContribution {
  return {
    id: c.id,
    requestId: c.request_id,
    text: c.text,
    words: countWords(c.text),
    source: c.source,
    fileName: c.file_name,
    state: c.state,
    submittedAt: c.submitted_at,
    late: c.late,
    author: c.author_id ? { id: c.author_id, name: c.author_name ?? '' } : null,
    decidedAt: c.decided_at,
    abilities: contributionAbilities(actor, report, organisationId, c),
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function presentRequest(
  actor: Actor | null,
  report: StateReportFactsRow,
  r: RequestJoined,
  today = amsterdamToday(),
): StateReportRequest {
  const c = r.contribution;
  // A draft is the organisation's own until submitted: others who do not manage the report do not read it.
  const showDraft =
    contributionPolicy.write(actor, r.organisation_id) || contributionPolicy.manage(actor, report);
  const shown = c && (c.state !== 'draft' || showDraft) ? c : null;
  return {
    id: r.id,
    reportId: r.report_id,
    reportTitle: r.report_title,
    section: {
      id: r.section_id,
      key: r.section_key,
      number: r.section_number,
      heading: r.section_heading,
      question: r.section_question,
    },
    organisation: { id: r.organisation_id, code: r.organisation_code, name: r.organisation_name },
    deadline: r.deadline,
    overdue: r.deadline < today && (c === null || c.state === 'draft'),
    message: r.message,
    contribution: shown ? presentContribution(actor, report, r.organisation_id, shown) : null,
    abilities: { write: contributionAbilities(actor, report, r.organisation_id, c).write },
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const mayRead = (actor: Actor) =>
  authorize(hasRole(actor, 'observer'), () => errors.role_forbidden({ role: actor.role }));

/** Announces new requests in the inbox of the organisations' coordinators and contributors. */
async function announce(tx: Queryable, actor: Actor, report: StateReportFactsRow, rows: RequestJoined[]) {
  if (rows.length === 0) return 0;
  const items = rows.map((r) => ({
    key: `${r.id}:requested`,
    organisation_id: r.organisation_id,
    title: `Verzoek om bijdrage: ${r.section_heading}`,
    body: `${report.title}: ${r.organisation_code} wordt gevraagd bij te dragen aan "${r.section_heading}", uiterlijk ${dutchDate(r.deadline)}.`,
    link: requestLink(r.id),
    due: r.deadline,
  }));
  const created = await tx.query<{ id: string; user_id: string; subject_key: string }>(
    `insert into notifications (user_id, kind, subject_type, subject_key, title, body, link, due_date)
     select u.id, 'near', 'state_report_request', x.key, x.title, x.body, x.link, x.due
       from jsonb_to_recordset($1::jsonb) as x(key text, organisation_id uuid, title text, body text, link text, due date)
       join users u on u.organisation_id = x.organisation_id and u.active and u.role in ('coordinator', 'contributor')
     on conflict (user_id, subject_type, subject_key, kind) do nothing
     returning id, user_id, subject_key`,
    [JSON.stringify(items)],
  );
  await recordChanges(
    tx,
    actor,
    created.rows.map((n) => ({
      action: 'create',
      entityType: NOTIFICATION_ENTITY,
      entityId: n.id,
      after: n,
    })),
  );
  return created.rows.length;
}

export async function createContributionRequests(
  db: Db,
  actor: Actor,
  reportId: string,
  input: ContributionRequestsCreate,
): Promise<ContributionRequestsCreated> {
  return db.transaction(async (tx) => {
    const report = await reportFacts(tx, reportId, true);
    assertMayManage(actor, report);
    assertOpenReport(report);
    const today = amsterdamToday();
    if (input.deadline < today) throw E.request_deadline_past({ deadline: input.deadline, today });
    const sections = await tx.query<{ id: string }>(
      'select id from state_report_sections where report_id = $1 and id = any($2::uuid[])',
      [reportId, input.sectionIds],
    );
    const known = new Set(sections.rows.map((s) => s.id));
    const unknown = input.sectionIds.find((id) => !known.has(id));
    if (unknown) throw E.request_section_unknown({ id: unknown });
    await assertAssignable(tx, input.organisationIds, {
      unknown: (id) => E.request_organisation_unknown({ id }),
      ended: (o) => E.request_organisation_ended({ code: o.code, name: o.name_nl, validTo: o.valid_to }),
    });
    const asked = await tx.query<{ section_id: string; organisation_id: string }>(
      `select section_id, organisation_id from state_report_requests
        where section_id = any($1::uuid[]) and organisation_id = any($2::uuid[])`,
      [input.sectionIds, input.organisationIds],
    );
    const pair = (s: string, o: string) => `${s}/${o}`;
    const already = new Set(asked.rows.map((a) => pair(a.section_id, a.organisation_id)));
    const ids: string[] = [];
    for (const sectionId of input.sectionIds)
      for (const organisationId of input.organisationIds) {
        if (already.has(pair(sectionId, organisationId))) continue;
        const row = await insertRow(tx, actor, REQUESTS, {
          reportId,
          sectionId,
          organisationId,
          deadline: input.deadline,
          message: input.message,
          createdBy: actor.id,
        });
        ids.push(row.id);
      }
    const created = ids.length ? await loadRequests(tx, 'rq.id = any($1::uuid[])', [ids]) : [];
    const notified = await announce(tx, actor, report, created);
    return {
      created: created.map((r) => presentRequest(actor, report, r, today)),
      existing: asked.rows.map((a) => ({ sectionId: a.section_id, organisationId: a.organisation_id })),
      notified,
    };
  });
}

/** One request, for its organisation's users, those who manage the report, and observers. */
export async function getContributionRequest(db: Db, actor: Actor, id: string): Promise<StateReportRequest> {
  mayRead(actor);
  const row = await loadRequest(db, id);
  return presentRequest(actor, await reportFacts(db, row.report_id), row);
}

/** The requests to the signed-in user's organisation, the open ones first by deadline. */
export async function listMyContributionRequests(db: Db, actor: Actor): Promise<StateReportRequestList> {
  mayRead(actor);
  if (!actor.organisationId) return { items: [] };
  const rows = await loadRequests(db, 'rq.organisation_id = $1', [actor.organisationId]);
  const reports = new Map<string, StateReportFactsRow>();
  for (const id of new Set(rows.map((r) => r.report_id))) reports.set(id, await reportFacts(db, id));
  const today = amsterdamToday();
  const items = rows.map((r) => presentRequest(actor, reports.get(r.report_id)!, r, today));
  const done = (i: StateReportRequest) => (i.contribution && i.contribution.state !== 'draft' ? 1 : 0);
  items.sort((a, b) => done(a) - done(b) || a.deadline.localeCompare(b.deadline));
  return { items };
}
