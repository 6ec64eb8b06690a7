/**
 * Writing a contribution to a state report: saved as a draft (typed in the app or read from an
 * uploaded .docx), submitted (after the deadline it is accepted and marked late, never refused),
 * accepted or rejected by whoever manages the report, and merged into the section's text: each
 * merged contribution's text appended as paragraphs (a submitted one is accepted by the merge).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { amsterdamToday, nowIso } from '../core/dates.ts';
import { notFound, staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { stateReportContributionErrors as E } from './contributions-errors.ts';
import { contributionPolicy } from './contributions-policy.ts';
import {
  assertOpenReport,
  loadRequest,
  presentRequest,
  type RequestJoined,
} from './contributions-requests.ts';
import { CONTRIBUTIONS, type StateReportContributionRow } from './contributions-rows.ts';
import { reportFacts } from './load.ts';
import { assertMayManage } from './policy.ts';
import type { StateReportFactsRow } from './rows.ts';
import type {
  ContributionDecision,
  ContributionMerge,
  ContributionMerged,
  ContributionSave,
  StateReportContribution,
  StateReportRequest,
} from './contributions-schema.ts';
import { presentContribution } from './contributions-requests.ts';
import { countWords } from './words.ts';

/** The text column of a section (the table is the core's, src/state-report/): what a merge writes. */
interface SectionRow {
  id: string;
  report_id: string;
  text: string;
  version: number;
}
const SECTIONS: TableSpec<SectionRow, { text: string }> = {
  table: 'state_report_sections',
  entity: 'state_report_section',
  writable: ['text'],
};

/** The request with its report, locked, for a change of its contribution by its organisation. */
async function forWriting(tx: Queryable, actor: Actor, requestId: string) {
  await tx.query('select id from state_report_requests where id = $1 for update', [requestId]);
  const request = await loadRequest(tx, requestId);
  const report = await reportFacts(tx, request.report_id);
  authorize(contributionPolicy.write(actor, request.organisation_id), () =>
    E.contribution_write_forbidden({ organisation: request.organisation_name }),
  );
  assertOpenReport(report);
  const c = request.contribution;
  if (c && c.state !== 'draft') throw E.contribution_not_editable({ state: c.state });
  return { request, report, contribution: c };
}

async function answer(tx: Queryable, actor: Actor, report: StateReportFactsRow, requestId: string) {
  return presentRequest(actor, report, await loadRequest(tx, requestId));
}

/** Saves the draft (made on the first save; later saves carry its version). */
async function saveDraft(
  tx: Queryable,
  actor: Actor,
  w: { request: RequestJoined; contribution: StateReportContributionRow | null },
  fields: { text: string; source: 'app' | 'docx'; fileName: string | null },
  version: number | undefined,
) {
  const c = w.contribution;
  if (!c)
    return insertRow(tx, actor, CONTRIBUTIONS, {
      requestId: w.request.id,
      ...fields,
      state: 'draft',
      late: false,
      authorId: actor.id,
    });
  // A second first save (no version) of an existing draft is stale: someone saved in between.
  if (version === undefined) throw staleEdit(CONTRIBUTIONS.entity, c.version, 0);
  return updateRow(tx, actor, CONTRIBUTIONS, c.id, { ...fields, authorId: actor.id, version });
}

export async function saveContribution(
  db: Db,
  actor: Actor,
  requestId: string,
  input: ContributionSave,
): Promise<StateReportRequest> {
  return db.transaction(async (tx) => {
    const w = await forWriting(tx, actor, requestId);
    await saveDraft(tx, actor, w, { text: input.text, source: 'app', fileName: null }, input.version);
    return answer(tx, actor, w.report, requestId);
  });
}

/** Reads an uploaded .docx as text (zip checks first, src/core/zip.ts) and saves it as the draft. */
export async function uploadContributionDocx(
  db: Db,
  actor: Actor,
  requestId: string,
  bytes: Uint8Array,
  fileName: string | undefined,
): Promise<StateReportRequest> {
  const name = fileName ?? 'contribution.docx';
  // Who may write is checked before the file is read, and again in the transaction that saves.
  const request = await loadRequest(db, requestId);
  authorize(contributionPolicy.write(actor, request.organisation_id), () =>
    E.contribution_write_forbidden({ organisation: request.organisation_name }),
  );
  const { docxText } = await import('../recommendations/parse/extract.ts');
  const text = (await docxText(bytes, name))
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) throw E.contribution_docx_empty({ file: name });
  return db.transaction(async (tx) => {
    const w = await forWriting(tx, actor, requestId);
    const version = w.contribution?.version;
    await saveDraft(tx, actor, w, { text, source: 'docx', fileName: name }, version);
    return answer(tx, actor, w.report, requestId);
  });
}

/** Submits the draft; after the deadline (Amsterdam date) it is marked late, not refused. */
export async function submitContribution(
  db: Db,
  actor: Actor,
  requestId: string,
  version: number,
): Promise<StateReportRequest> {
  return db.transaction(async (tx) => {
    const w = await forWriting(tx, actor, requestId);
    const c = w.contribution;
    if (!c || !c.text.trim()) throw E.contribution_empty();
    await updateRow(tx, actor, CONTRIBUTIONS, c.id, {
      state: 'submitted',
      submittedAt: nowIso(),
      late: amsterdamToday() > w.request.deadline,
      version,
    });
    return answer(tx, actor, w.report, requestId);
  });
}

async function contributionWithReport(tx: Queryable, id: string) {
  const r = await tx.query<
    StateReportContributionRow & { report_id: string; section_id: string; organisation_id: string }
  >(
    `select c.*, rq.report_id, rq.section_id, rq.organisation_id from state_report_contributions c
       join state_report_requests rq on rq.id = c.request_id where c.id = $1 for update of c`,
    [id],
  );
  if (!r.rows[0]) throw notFound(CONTRIBUTIONS.entity, id);
  return r.rows[0];
}

/** Accepts or rejects a submitted contribution. */
export async function decideContribution(
  db: Db,
  actor: Actor,
  id: string,
  input: ContributionDecision,
): Promise<StateReportContribution> {
  return db.transaction(async (tx) => {
    const c = await contributionWithReport(tx, id);
    const report = await reportFacts(tx, c.report_id);
    assertMayManage(actor, report);
    assertOpenReport(report);
    if (c.state !== 'submitted') throw E.contribution_not_submitted({ state: c.state });
    const row = await updateRow(tx, actor, CONTRIBUTIONS, id, {
      state: input.decision,
      decidedBy: actor.id,
      decidedAt: nowIso(),
      version: input.version,
    });
    return presentContribution(actor, report, c.organisation_id, row);
  });
}

/** Appends a text to a section's text as paragraphs (a blank line between). */
export const appendParagraphs = (text: string, more: string): string =>
  [text.trim(), more.replace(/\r\n?/g, '\n').trim()].filter(Boolean).join('\n\n');

/**
 * Merges contributions into the section's text, in the order given: each accepted (or submitted:
 * then accepted by the merge) contribution's text appended as paragraphs; one whose text the
 * section already holds is not appended twice.
 */
export async function mergeContributions(
  db: Db,
  actor: Actor,
  reportId: string,
  sectionId: string,
  input: ContributionMerge,
): Promise<ContributionMerged> {
  return db.transaction(async (tx) => {
    const report = await reportFacts(tx, reportId, true);
    assertMayManage(actor, report);
    assertOpenReport(report);
    const s = await tx.query<SectionRow>(
      'select id, report_id, text, version from state_report_sections where id = $1 and report_id = $2 for update',
      [sectionId, reportId],
    );
    const section = s.rows[0];
    if (!section) throw notFound(SECTIONS.entity, sectionId);
    if (section.version !== input.sectionVersion)
      throw staleEdit(SECTIONS.entity, section.version, input.sectionVersion);
    let text = section.text;
    for (const id of input.contributionIds) {
      const c = await contributionWithReport(tx, id);
      if (c.section_id !== sectionId) throw E.contribution_other_section({ id });
      if (c.state !== 'accepted' && c.state !== 'submitted') throw E.contribution_not_accepted({ id });
      if (c.state === 'submitted')
        await updateRow(tx, actor, CONTRIBUTIONS, id, {
          state: 'accepted',
          decidedBy: actor.id,
          decidedAt: nowIso(),
          version: c.version,
        });
      if (!text.includes(c.text.trim())) text = appendParagraphs(text, c.text);
    }
    const row =
      text === section.text
        ? section
        : await updateRow(tx, actor, SECTIONS, sectionId, { text, version: section.version });
    return {
      sectionId,
      text: row.text,
      words: countWords(row.text),
      version: row.version,
      merged: input.contributionIds,
    };
  });
}
