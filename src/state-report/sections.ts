/**
 * One section of a state report with what it must answer (context.ts: the previous concluding
 * observations' recommendations it concerns, with position, lead, actions and approved progress, and
 * the follow-up priorities), the cycle's accepted consultation input, and the word counts; and the
 * edit of its text (with the version the user saw: a stale one is 409).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { updateRow } from '../core/write.ts';
import { isPrioritySection, loadPreviousCo, matchSections } from './context.ts';
import { stateReportErrors } from './errors.ts';
import { reportFacts, reportSections, sectionSummary, wasAsked, wordsOf } from './load.ts';
import { assertMayEdit, stateReportAbilities } from './policy.ts';
import { SECTIONS } from './rows.ts';
import type { SectionConsultationInput, StateReportSection, StateReportSectionUpdate } from './schema.ts';

/** The accepted submissions of the cycle's consultation rounds, the newest first. */
async function consultationInput(q: Queryable, cycleId: string): Promise<SectionConsultationInput[]> {
  const r = await q.query<{
    id: string;
    consultation_id: string;
    title: string;
    organisation_name: string;
    body: string;
    published: boolean;
    submitted_at: string;
  }>(
    `select s.id, s.consultation_id, c.title_nl as title, s.organisation_name, s.body, s.published, s.submitted_at
       from consultation_submissions s join consultations c on c.id = s.consultation_id
      where c.cycle_id = $1 and s.status = 'accepted'
      order by s.submitted_at desc, s.id`,
    [cycleId],
  );
  return r.rows.map((s) => ({
    id: s.id,
    consultationId: s.consultation_id,
    consultationTitle: s.title,
    organisationName: s.organisation_name,
    body: s.body,
    published: s.published,
    submittedAt: s.submitted_at,
  }));
}

export async function getStateReportSection(
  q: Queryable,
  actor: Actor | null,
  reportId: string,
  sectionId: string,
): Promise<StateReportSection> {
  const r = await reportFacts(q, reportId);
  const sections = await reportSections(q, reportId);
  const s = sections.find((x) => x.id === sectionId);
  if (!s) throw stateReportErrors.section_not_in_report({ id: sectionId });
  const co = await loadPreviousCo(q, r);
  const recommendations = matchSections(co, sections, r.instrument_code).get(s.key) ?? [];
  const counts = await q.query<{ requests: number; submitted: number; accepted: number }>(
    `select count(*)::int as requests,
            count(c.id) filter (where c.state in ('submitted', 'accepted', 'rejected'))::int as submitted,
            count(c.id) filter (where c.state = 'accepted')::int as accepted
       from state_report_requests rq left join state_report_contributions c on c.request_id = rq.id
      where rq.section_id = $1`,
    [s.id],
  );
  const words = wordsOf(r, sections);
  return {
    ...sectionSummary(s),
    reportId: r.id,
    requests: counts.rows[0]?.requests ?? 0,
    contributionsSubmitted: counts.rows[0]?.submitted ?? 0,
    contributionsAccepted: counts.rows[0]?.accepted ?? 0,
    priority: isPrioritySection(co, s, recommendations),
    question: s.question,
    text: s.text,
    recommendations,
    consultationInput: await consultationInput(q, r.cycle_id),
    reportWords: words.words,
    wordLimit: words.wordLimit,
    overLimit: words.overLimit,
    abilities: stateReportAbilities(actor, r, await wasAsked(q, actor, r.id)),
    updatedAt: s.updated_at,
  };
}

export async function updateStateReportSection(
  db: Db,
  actor: Actor,
  reportId: string,
  sectionId: string,
  input: StateReportSectionUpdate,
): Promise<StateReportSection> {
  await db.transaction(async (tx) => {
    const r = await reportFacts(tx, reportId);
    assertMayEdit(actor, r);
    const own = await tx.query('select 1 from state_report_sections where id = $1 and report_id = $2', [
      sectionId,
      reportId,
    ]);
    if (!own.rowCount) throw stateReportErrors.section_not_in_report({ id: sectionId });
    await updateRow(tx, actor, SECTIONS, sectionId, {
      text: input.text,
      ...(input.coParagraphs ? { coParagraphs: input.coParagraphs } : {}),
      version: input.version,
    });
  });
  return getStateReportSection(db, actor, reportId, sectionId);
}
