/**
 * What a section of a state report must answer: the recommendations of the previous concluding
 * observations of the same instrument (the latest earlier cycle that has them), each with its
 * position, lead, actions and latest approved progress, and whether the treaty body chose it for
 * follow-up (recommendations.follow_up, or its paragraph in the cycle's follow_up_paragraphs).
 * A section lists them by the paragraphs it refers to (co_paragraphs); an article's section without
 * them by the article their text names, else by a theme whose label shares a word with the
 * article's subject; the introduction lists those no other section does.
 */
import type { Queryable } from '../core/db.ts';
import { articlesOf } from './parse/references.ts';
import { treatyArticles } from './reference.ts';
import type { StateReportFactsRow, StateReportSectionRow } from './rows.ts';
import type { SectionRecommendation } from './schema.ts';

export interface PreviousCo {
  cycleId: string;
  symbol: string | null;
  /** The paragraph numbers chosen for follow-up. */
  priorityParagraphs: Set<string>;
  recommendations: (SectionRecommendation & { number: string; sub: string | null; articles: number[] })[];
}

interface RecRow {
  id: string;
  symbol: string | null;
  paragraph: string | null;
  text: string;
  follow_up: boolean;
  position: string | null;
  explanation: string | null;
  lead_id: string | null;
  lead_code: string | null;
  lead_name_nl: string | null;
  lead_name_en: string | null;
  themes: string[];
  progress_status: string | null;
  progress_text: string | null;
  progress_approved_at: string | null;
}

/** "para 19 (b)" → ["19", "b"]; "19" → ["19", null]; a reference to other observations ("CCPR/C/NLD/CO/4 para. 5") → null */
export function paragraphParts(p: string | null): [string, string | null] | null {
  const m = /^(?:paras?\.?\s*)?(\d{1,3})(?:\s*\(([a-z]{1,4})\))?$/i.exec((p ?? '').trim());
  return m ? [m[1]!, m[2] ?? null] : null;
}

/** The numbers of the paragraphs a phase's follow_up_paragraphs names ("9, 19 and 29" → 9, 19, 29). */
const priorityNumbers = (text: string | null): Set<string> =>
  new Set([...(text ?? '').matchAll(/\d{1,3}/g)].map((m) => m[0]));

/** The previous cycle's concluding observations and their recommendations (null when there are none). */
export async function loadPreviousCo(q: Queryable, report: StateReportFactsRow): Promise<PreviousCo | null> {
  const prev = await q.query<{ id: string; symbol: string | null; follow_up_paragraphs: string | null }>(
    `select c.id, co.symbol,
            (select string_agg(p.follow_up_paragraphs, ', ') from cycle_phases p
              where p.cycle_id = c.id and p.follow_up_paragraphs is not null) as follow_up_paragraphs
       from cycles c
       left join cycle_phases co on co.cycle_id = c.id and co.kind = 'concluding_observations'
      where c.instrument_id = $1 and c.sequence < $2
        and (co.id is not null or exists (select 1 from recommendations r where r.cycle_id = c.id))
      order by c.sequence desc limit 1`,
    [report.instrument_id, report.cycle_sequence],
  );
  const cycle = prev.rows[0];
  if (!cycle) return null;
  const rows = await q.query<RecRow>(
    `select r.id, r.symbol, r.paragraph, r.text, r.follow_up,
            coalesce(p.position, p.appreciation, r.position) as position,
            coalesce(p.explanation, r.position_explanation) as explanation,
            o.id as lead_id, o.code as lead_code, o.name_nl as lead_name_nl, o.name_en as lead_name_en,
            coalesce((select array_agg(t.label_en order by t.label_en) from recommendation_terms rt
                        join taxonomy_terms t on t.id = rt.term_id
                       where rt.recommendation_id = r.id and t.scheme = 'uhri_theme'), '{}') as themes,
            pr.status as progress_status, pr.text as progress_text, pr.approved_at as progress_approved_at
       from recommendations r
       left join recommendation_positions p on p.id = r.id
       left join organisations o on o.id = r.lead_organisation_id
       left join lateral (
         select x.status, x.text, x.approved_at from recommendation_progress x
          where x.for_recommendation = r.id and x.state = 'approved'
          order by coalesce(x.period_end, x.approved_at::date) desc, x.approved_at desc limit 1) pr on true
      where r.cycle_id = $1 and r.mechanism = 'treaty_body'`,
    [cycle.id],
  );
  const actions = await q.query<{
    recommendation_id: string;
    id: string;
    title: string;
    owner_code: string;
    end_date: string | null;
  }>(
    `select ar.recommendation_id, a.id, a.title, o.code as owner_code, a.end_date
       from action_recommendations ar join actions a on a.id = ar.action_id
       join organisations o on o.id = a.owner_organisation_id
       join recommendations r on r.id = ar.recommendation_id
      where r.cycle_id = $1
      order by a.end_date nulls last, a.title`,
    [cycle.id],
  );
  const priority = priorityNumbers(cycle.follow_up_paragraphs);
  const recommendations = rows.rows.map((r) => {
    const [number, sub] = paragraphParts(r.paragraph) ?? ['', null];
    return {
      id: r.id,
      symbol: r.symbol,
      paragraph: r.paragraph,
      text: r.text,
      themes: r.themes,
      matchedBy: 'paragraph' as const,
      priority: r.follow_up || (number !== '' && priority.has(number)),
      position: r.position,
      positionExplanation: r.explanation,
      lead: r.lead_id
        ? { id: r.lead_id, code: r.lead_code!, nameNl: r.lead_name_nl!, nameEn: r.lead_name_en! }
        : null,
      actions: actions.rows
        .filter((a) => a.recommendation_id === r.id)
        .map((a) => ({ id: a.id, title: a.title, ownerCode: a.owner_code, endDate: a.end_date })),
      progress: r.progress_status
        ? { status: r.progress_status, text: r.progress_text ?? '', approvedAt: r.progress_approved_at }
        : null,
      number,
      sub,
      articles: articlesOf(r.text),
    };
  });
  recommendations.sort(
    (a, b) => Number(a.number) - Number(b.number) || (a.sub ?? '').localeCompare(b.sub ?? ''),
  );
  for (const r of recommendations) if (r.priority && r.number) priority.add(r.number);
  return { cycleId: cycle.id, symbol: cycle.symbol, priorityParagraphs: priority, recommendations };
}

/** "19" matches paragraphs 19, 19 (a), 19 (b) ...; "19 (b)" only 19 (b). */
function paragraphMatches(ref: string, number: string, sub: string | null): boolean {
  const parts = paragraphParts(ref);
  if (!parts) return false;
  return parts[0] === number && (parts[1] === null || parts[1] === sub);
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 5),
  );

type Section = Pick<StateReportSectionRow, 'key' | 'part' | 'number' | 'articles' | 'co_paragraphs'>;

/** The recommendations one section lists, without the introduction's unassigned ones. */
function matchSection(co: PreviousCo, section: Section, instrumentCode: string): SectionRecommendation[] {
  const strip = ({ number: _n, sub: _s, articles: _a, ...r }: PreviousCo['recommendations'][number]) => r;
  if (section.co_paragraphs.length > 0)
    return co.recommendations
      .filter((r) => section.co_paragraphs.some((p) => paragraphMatches(p, r.number, r.sub)))
      .map((r) => ({ ...strip(r), matchedBy: 'paragraph' }));
  if (section.part !== 'article' || !section.number) return [];
  const article = Number(section.number);
  const byArticle = co.recommendations.filter((r) => r.articles.includes(article));
  if (byArticle.length) return byArticle.map((r) => ({ ...strip(r), matchedBy: 'article' }));
  const subject = treatyArticles(instrumentCode)?.articles.find((a) => a.number === section.number);
  if (!subject) return [];
  const subjectWords = words(subject.subjectEn);
  return co.recommendations
    .filter((r) => r.themes.some((t) => [...words(t)].some((w) => subjectWords.has(w))))
    .map((r) => ({ ...strip(r), matchedBy: 'theme' }));
}

/** The recommendations each section of a report lists, by section key. */
export function matchSections(
  co: PreviousCo | null,
  sections: Section[],
  instrumentCode: string,
): Map<string, SectionRecommendation[]> {
  const out = new Map<string, SectionRecommendation[]>();
  if (!co) {
    for (const s of sections) out.set(s.key, []);
    return out;
  }
  const listed = new Set<string>();
  for (const s of sections) {
    const recs = matchSection(co, s, instrumentCode);
    for (const r of recs) listed.add(r.id);
    out.set(s.key, recs);
  }
  const intro = sections.find((s) => s.part === 'intro' && s.co_paragraphs.length === 0);
  if (intro)
    out.set(
      intro.key,
      co.recommendations
        .filter((r) => !listed.has(r.id))
        .map(({ number: _n, sub: _s, articles: _a, ...r }) => ({ ...r, matchedBy: 'unassigned' as const })),
    );
  return out;
}

/** A section concerns a follow-up priority: a paragraph it refers to, or a recommendation it lists, is one. */
export function isPrioritySection(
  co: PreviousCo | null,
  section: Pick<StateReportSectionRow, 'co_paragraphs'>,
  listed: SectionRecommendation[],
): boolean {
  if (!co) return false;
  return (
    section.co_paragraphs.some((p) => co.priorityParagraphs.has(paragraphParts(p)?.[0] ?? '')) ||
    listed.some((r) => r.priority && r.matchedBy !== 'unassigned')
  );
}
