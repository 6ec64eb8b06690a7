/**
 * Importing the list of issues (prior to reporting) into a report under the simplified procedure:
 * the file is parsed first (src/state-report/parse; a text without numbered questions is a 422 that
 * says what was found, and nothing is written), then in one transaction the list is registered as a
 * document (src/documents: the row with its symbol, else a new one, unverified) and each question
 * becomes a section with its sub-questions, the articles of its heading and the paragraphs of the
 * previous concluding observations it refers to. The questions of an earlier import are replaced,
 * but only while none of them has text or a request for contributions (409 otherwise).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { deleteRow, insertRow, updateRow } from '../core/write.ts';
import { documentTable } from '../documents/service.ts';
import { parseListOfIssuesFile } from './parse/list-of-issues.ts';
import type { LoiParseResult, LoiQuestion } from './parse/types.ts';
import { loadPreviousCo } from './context.ts';
import { insertSections, section, type NewSection } from './create.ts';
import { stateReportErrors } from './errors.ts';
import { getStateReport, reportFacts } from './load.ts';
import { assertMayEdit } from './policy.ts';
import { REPORTS, SECTIONS, type StateReportFactsRow, type StateReportSectionRow } from './rows.ts';
import type { ListOfIssuesImported } from './schema.ts';

const CO_REF = /^(.+\/CO\/\d{1,2}(?:-\d{1,2})?) para\. (.+)$/;

/** The concluding observations' number in a symbol ("CCPR/C/NLD/CO/5" → 5, ".../CO/5-6" → 6). */
const coNumber = (symbol: string) => Number(/\/CO\/(?:\d{1,2}-)?(\d{1,2})$/.exec(symbol)?.[1] ?? 0);

/**
 * A question's references as the section keeps them: a paragraph of the previous concluding
 * observations as its number ("9", "19 (b)"); one of older observations as the whole reference.
 */
export function coParagraphsOf(q: LoiQuestion, previous: string | null): string[] {
  const out: string[] = [];
  for (const ref of q.coReferences) {
    const m = CO_REF.exec(ref);
    if (!m) continue; // a symbol without a paragraph names no paragraph to answer
    const value = previous && m[1]!.toUpperCase() === previous.toUpperCase() ? m[2]! : ref;
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** The previous concluding observations: those of the earlier cycle, else the latest the list names. */
function previousSymbol(parsed: LoiParseResult, fromCycle: string | null): string | null {
  if (fromCycle) return fromCycle;
  const named = parsed.sections
    .flatMap((s) => s.questions.flatMap((q) => q.coReferences))
    .map((r) => CO_REF.exec(r)?.[1] ?? r)
    .filter((s) => /\/CO\//.test(s));
  return named.sort((a, b) => coNumber(b) - coNumber(a))[0] ?? null;
}

function questionSections(parsed: LoiParseResult, previous: string | null): NewSection[] {
  return parsed.sections.flatMap((s) =>
    s.questions.map((q) =>
      section({
        key: `question-${q.number}`,
        part: 'question',
        number: String(q.number),
        heading: s.heading.slice(0, 500) || `Question ${q.number}`,
        question: q.text,
        articles: s.articles.map(String),
        coParagraphs: coParagraphsOf(q, previous),
      }),
    ),
  );
}

/** The document of the list of issues: the register's row with its symbol, else a new one. */
async function registerDocument(
  tx: Queryable,
  actor: Actor,
  r: StateReportFactsRow,
  parsed: LoiParseResult,
  fileName: string,
): Promise<string> {
  if (parsed.symbol) {
    const found = await tx.query<{ id: string }>('select id from documents where upper(symbol) = upper($1)', [
      parsed.symbol,
    ]);
    if (found.rows[0]) return found.rows[0].id;
  }
  const row = await insertRow(tx, actor, documentTable, {
    symbol: parsed.symbol ?? null,
    title: (parsed.title ?? fileName).slice(0, 500),
    kind: 'list_of_issues',
    date: parsed.date ?? null,
    language: 'en',
    instrumentId: r.instrument_id,
    cycleId: r.cycle_id,
    public: true,
    source: `Geïmporteerd uit ${fileName}`,
    verified: false,
    createdBy: actor.id,
  });
  return row.id;
}

/** Removes the questions of an earlier import, refused while one has text or requests. */
async function removeQuestions(tx: Queryable, actor: Actor, reportId: string): Promise<void> {
  const old = await tx.query<StateReportSectionRow & { requests: number }>(
    `select s.*, (select count(*)::int from state_report_requests rq where rq.section_id = s.id) as requests
       from state_report_sections s where s.report_id = $1 and s.part = 'question' order by s.position`,
    [reportId],
  );
  const inUse = old.rows.filter((s) => s.text.trim() !== '' || s.requests > 0);
  if (inUse.length)
    throw stateReportErrors.questions_in_use({
      sections: inUse.map((s) => `question ${s.number ?? s.key}`).join(', '),
    });
  for (const s of old.rows) await deleteRow(tx, actor, SECTIONS, s.id, s.version);
}

export async function importListOfIssues(
  db: Db,
  actor: Actor,
  reportId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<ListOfIssuesImported> {
  // Checked before the file is read, so that a user who may not import learns that first.
  const before = await reportFacts(db, reportId);
  assertMayEdit(actor, before);
  if (before.kind !== 'simplified') throw stateReportErrors.loi_not_simplified();
  const parsed = await parseListOfIssuesFile(bytes, fileName);
  if (parsed.committee && before.body_code && parsed.committee !== before.body_code)
    throw stateReportErrors.loi_other_committee({
      symbol: parsed.symbol ?? fileName,
      instrument: before.instrument_code,
    });
  const co = await loadPreviousCo(db, before);
  const previous = previousSymbol(parsed, co?.symbol ?? null);
  const sections = questionSections(parsed, previous);

  const documentId = await db.transaction(async (tx) => {
    const r = await reportFacts(tx, reportId, true);
    assertMayEdit(actor, r);
    await removeQuestions(tx, actor, reportId);
    const docId = await registerDocument(tx, actor, r, parsed, fileName);
    await insertSections(tx, actor, reportId, sections);
    await updateRow(tx, actor, REPORTS, reportId, { loiDocumentId: docId, version: r.version });
    return docId;
  });
  return {
    report: await getStateReport(db, actor, reportId),
    documentId,
    symbol: parsed.symbol ?? null,
    questions: sections.length,
    warnings: parsed.warnings,
  };
}
