/**
 * Making a state report for a cycle: its structure from the kind of report. A standard periodic
 * report has an introduction, a section per substantive article of the treaty (reference data,
 * src/reference/data/treaty-articles.json) and the annexes; a report under the simplified procedure
 * (replies to a list of issues prior to reporting) has the introduction and the annexes, and a section
 * per question once the list of issues is imported (loi-import.ts).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { insertRow } from '../core/write.ts';
import { stateReportErrors } from './errors.ts';
import { getStateReport } from './load.ts';
import { stateReportPolicy } from './policy.ts';
import { treatyArticles } from './reference.ts';
import { REPORTS, SECTIONS, type SectionWrite } from './rows.ts';
import type { StateReport, StateReportCreate, StateReportKind } from './schema.ts';

interface CycleFactsRow {
  id: string;
  label: string;
  instrument_code: string;
  short_name: string;
  body_kind: string | null;
  lead_organisation_id: string | null;
  coordinating_organisation_id: string | null;
}

export type NewSection = Omit<SectionWrite, 'reportId' | 'position'>;

export const section = (
  s: Partial<NewSection> & Pick<NewSection, 'key' | 'part' | 'heading'>,
): NewSection => ({
  number: null,
  question: null,
  articles: [],
  coParagraphs: [],
  text: '',
  ...s,
});

export const INTRO = section({ key: 'intro', part: 'intro', heading: 'Introduction' });
export const ANNEX = section({ key: 'annex-1', part: 'annex', heading: 'Annexes', number: '1' });

/** The sections a new report starts with. */
function structureOf(kind: StateReportKind, instrumentCode: string): NewSection[] {
  if (kind === 'simplified') return [INTRO, ANNEX];
  const ref = treatyArticles(instrumentCode);
  if (!ref) throw stateReportErrors.no_articles({ instrument: instrumentCode });
  return [
    INTRO,
    ...ref.articles.map((a) =>
      section({
        key: `article-${a.number}`,
        part: 'article',
        number: a.number,
        heading: `Article ${a.number}: ${a.subjectEn}`,
        articles: [a.number],
      }),
    ),
    ANNEX,
  ];
}

/** The introduction comes first (0), the annexes last (from ANNEX_POSITION), the rest between (1, 2, ...). */
export const ANNEX_POSITION = 10_000;

/** Inserts the sections in order (each audited): the body's from 1, the annexes' from ANNEX_POSITION. */
export async function insertSections(
  tx: Queryable,
  actor: Actor,
  reportId: string,
  sections: NewSection[],
): Promise<void> {
  let body = 1;
  let annex = ANNEX_POSITION;
  for (const s of sections) {
    const position = s.part === 'intro' ? 0 : s.part === 'annex' ? annex++ : body++;
    await insertRow(tx, actor, SECTIONS, { ...s, reportId, position });
  }
}

export async function createStateReport(
  db: Db,
  actor: Actor,
  input: StateReportCreate,
): Promise<StateReport> {
  const id = await db.transaction(async (tx) => {
    const found = await tx.query<CycleFactsRow>(
      `select c.id, c.label, i.code as instrument_code, i.short_name, b.kind as body_kind,
              i.lead_organisation_id, i.coordinating_organisation_id
         from cycles c join instruments i on i.id = c.instrument_id
         left join monitoring_bodies b on b.id = i.monitoring_body_id
        where c.id = $1`,
      [input.cycleId],
    );
    const cycle = found.rows[0];
    if (!cycle) throw notFound('cycle', input.cycleId);
    authorize(stateReportPolicy.create(actor, cycle), () =>
      stateReportErrors.manage_forbidden({ instrument: cycle.instrument_code }),
    );
    if (cycle.body_kind !== 'treaty_body')
      throw stateReportErrors.not_a_treaty({ instrument: cycle.instrument_code });
    const exists = await tx.query('select 1 from state_reports where cycle_id = $1', [cycle.id]);
    if (exists.rowCount) throw stateReportErrors.exists({ cycle: cycle.label });
    const sections = structureOf(input.kind, cycle.instrument_code);
    const title =
      input.kind === 'simplified'
        ? `${cycle.short_name}: ${cycle.label} (replies to the list of issues prior to reporting)`
        : `${cycle.short_name}: ${cycle.label}`;
    const report = await insertRow(tx, actor, REPORTS, {
      cycleId: cycle.id,
      kind: input.kind,
      title: title.slice(0, 500),
      createdBy: actor.id,
    });
    await insertSections(tx, actor, report.id, sections);
    return report.id;
  });
  return getStateReport(db, actor, id);
}
