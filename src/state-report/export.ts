/**
 * The export of a state report to the document workspace (src/letters/): the report in the UN's
 * layout (kind 'state_report') and the Dutch cover memo to the minister ('state_report_memo'). The
 * first export makes both (createLetter) and records them on the report; a later one regenerates
 * them (regenerateLetter: a section edited in the workspace is kept), so the workspace keeps their
 * versions and moves them draft → consulted → ready → sent. Over the word limit the export goes on;
 * the memo and the answer say so.
 */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { updateRow } from '../core/write.ts';
import { createLetter } from '../letters/create.ts';
import type { OutgoingParams } from '../letters/kinds.ts';
import { regenerateLetter } from '../letters/regenerate.ts';
import { reportFacts } from './load.ts';
import { assertMayManage } from './policy.ts';
import { REPORTS } from './rows.ts';
import type { StateReportExported } from './contributions-schema.ts';
import { exportReport } from './export-data.ts';

/** Makes the document, or regenerates it when the report has one; returns its id and whether it is new. */
async function makeOrRegenerate(
  db: Db,
  actor: Actor,
  existing: string | null,
  params: OutgoingParams,
  owner: string | undefined,
): Promise<{ id: string; created: boolean }> {
  if (existing) {
    const d = await db.query<{ version: number }>('select version from outgoing_documents where id = $1', [
      existing,
    ]);
    if (d.rows[0]) {
      await regenerateLetter(db, actor, existing, d.rows[0].version);
      return { id: existing, created: false };
    }
  }
  const doc = await createLetter(db, actor, { params, ...(owner ? { ownerOrganisation: owner } : {}) });
  return { id: doc.id, created: true };
}

export async function exportStateReport(
  db: Db,
  actor: Actor,
  reportId: string,
): Promise<StateReportExported> {
  const report = await reportFacts(db, reportId);
  assertMayManage(actor, report);
  // The documents are drafted by the treaty's lead ministry (else its coordinating one, else the actor's).
  const owner = report.lead_organisation_id ?? report.coordinating_organisation_id ?? undefined;
  const letter = await makeOrRegenerate(
    db,
    actor,
    report.letter_id,
    { kind: 'state_report', report: reportId },
    owner,
  );
  const memo = await makeOrRegenerate(
    db,
    actor,
    report.memo_id,
    { kind: 'state_report_memo', report: reportId },
    owner,
  );
  if (letter.id !== report.letter_id || memo.id !== report.memo_id)
    await db.transaction(async (tx) => {
      const now = await reportFacts(tx, reportId, true);
      await updateRow(tx, actor, REPORTS, reportId, {
        letterId: letter.id,
        memoId: memo.id,
        version: now.version,
      });
    });
  const data = await exportReport(db, reportId);
  return {
    letterId: letter.id,
    memoId: memo.id,
    created: letter.created || memo.created,
    words: data.words,
    wordLimit: data.limit.words,
    overLimit: data.words > data.limit.words,
  };
}
