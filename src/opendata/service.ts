/**
 * What the open data holds, read only from what is public: recommendations with a row in
 * recommendation_publications (and of them only what src/followup/public-followup.ts shows: the
 * recorded position, the lead ministry, the approved progress), the public versions of documents
 * (outgoing_publications, as src/woo/public.ts), and the treaty overview (reference data). Never a
 * draft, a file, an evidence link or the name of whoever wrote, approved or published anything.
 * Each row has exactly the columns of its dataset (datasets.ts), named as there.
 */
import type { Queryable } from '../core/db.ts';
import { treatyOverview } from '../instruments/overview.ts';
import type { OpenRow } from './schema.ts';

/** The stable public URLs of what the open data names, absolute from the installation's base URL. */
export const publicUrls = (base: string) => ({
  /** The recommendation's page on the public portal (src/portal). */
  recommendation: (id: string) => `${base}/openbaar/aanbevelingen/${id}`,
  /** The public version's page on the public portal (src/portal). */
  document: (id: string) => `${base}/openbaar/documenten/${id}`,
  documentFile: (id: string, ext: 'docx' | 'pdf') => `${base}/api/public/letters/${id}/file.${ext}`,
  download: (file: string) => `${base}/api/open-data/${file}`,
});

const terms = (label: string) =>
  `coalesce((select array_agg(${label} order by t.code) from recommendation_terms rt
              join taxonomy_terms t on t.id = rt.term_id
             where rt.recommendation_id = r.id and t.scheme = 'uhri_theme' and ${label} is not null), '{}')`;

/**
 * The published recommendations, the latest published first; one when `id` is given. The latest
 * approved progress is the one public-followup.ts lists first (own updates and the clusters').
 */
const RECOMMENDATIONS = `
  select r.id::text as id, r.symbol, r.mechanism, r.body_code, r.state_under_review,
         r.recommending_states, r.upr_session, r.year, r.paragraph, r.text, r.text_nl,
         ${terms('t.label_en')} as themes, ${terms('t.label_nl')} as themes_nl,
         pos.position, pos.appreciation as position_appreciation, pos.explanation as position_explanation,
         pos.updated_at::date::text as position_date,
         o.code as lead_ministry_code, o.name_nl as lead_ministry_name_nl, o.name_en as lead_ministry_name_en,
         pr.status as progress_status, pr.progress_date::text as progress_date, pr.text as progress_text,
         p.published_at
    from recommendation_publications p
    join recommendations r on r.id = p.recommendation_id
    left join organisations o on o.id = r.lead_organisation_id
    left join recommendation_positions pos on pos.id = r.id
    left join lateral (
      select pu.status, pu.text, coalesce(pu.period_end, pu.period_start, pu.approved_at::date) as progress_date
        from recommendation_progress pu
       where pu.for_recommendation = r.id and pu.state = 'approved'
       order by coalesce(pu.period_end, pu.period_start, pu.approved_at::date) desc, pu.approved_at desc, pu.id
       limit 1) pr on true`;

type RecommendationRow = Omit<OpenRow, 'url'> & { id: string };

export async function publishedRecommendations(
  q: Queryable,
  base: string,
  opts: { id?: string; limit?: number } = {},
): Promise<OpenRow[]> {
  const url = publicUrls(base);
  const r = await q.query<RecommendationRow>(
    `${RECOMMENDATIONS} ${opts.id ? 'where p.recommendation_id = $1' : ''}
      order by p.published_at desc, r.id ${opts.limit ? `limit ${Math.trunc(opts.limit)}` : ''}`,
    opts.id ? [opts.id] : [],
  );
  return r.rows.map(({ id, ...row }) => ({ id, url: url.recommendation(id), ...row }));
}

interface DocumentRow {
  id: string;
  title: string;
  kind: string;
  language: string;
  sent_on: string | null;
  kamerstuk: string | null;
  redactions: number;
  published_at: string;
}

/** The published documents (their public versions), the latest first. */
export async function publishedDocuments(q: Queryable, base: string, limit?: number): Promise<OpenRow[]> {
  const url = publicUrls(base);
  const r = await q.query<DocumentRow>(
    `select d.id::text as id, p.title, d.kind, p.language, d.sent_on::text as sent_on, d.kamerstuk,
            p.redactions, p.published_at
       from outgoing_publications p join outgoing_documents d on d.id = p.document_id
      order by p.published_at desc, d.id ${limit ? `limit ${Math.trunc(limit)}` : ''}`,
  );
  return r.rows.map((d) => ({
    id: d.id,
    url: url.document(d.id),
    title: d.title,
    kind: d.kind,
    language: d.language,
    sent_on: d.sent_on,
    kamerstuk: d.kamerstuk,
    redactions: d.redactions,
    published_at: d.published_at,
    docx_url: url.documentFile(d.id, 'docx'),
    pdf_url: url.documentFile(d.id, 'pdf'),
    html_url: url.document(d.id),
  }));
}

/** The treaty overview (src/instruments/overview.ts) as rows of the treaties dataset. */
export async function treaties(q: Queryable): Promise<OpenRow[]> {
  return (await treatyOverview(q)).map((t) => ({
    id: t.instrumentId,
    code: t.code,
    name_nl: t.nameNl,
    name_en: t.nameEn,
    kind: t.kind,
    system: t.system,
    monitoring_body_code: t.monitoringBody?.code ?? null,
    lead_ministry_code: t.lead?.code ?? null,
    lead_ministry_name_nl: t.lead?.nameNl ?? null,
    lead_ministry_name_en: t.lead?.nameEn ?? null,
    last_report_date: t.lastReport?.date ?? null,
    last_report_date_precision: t.lastReport?.date ? t.lastReport.datePrecision : null,
    last_report_symbol: t.lastReport?.symbol ?? null,
    last_report_cycle: t.lastReport?.cycleLabel ?? null,
    next_due_kind: t.nextDue?.kind ?? null,
    next_due_date: t.nextDue?.date ?? null,
    next_due_date_precision: t.nextDue ? (t.nextDue.datePrecision ?? 'day') : null,
    next_due_overdue: t.nextDue?.overdue ?? null,
    next_due_derived: t.nextDue?.derived ?? null,
    next_due_cycle: t.nextDue?.cycleLabel ?? null,
  }));
}

/** Who publishes the open data: the coordinating ministry (BZK), or the app's name when it is not known. */
export async function publisher(q: Queryable): Promise<{ nl: string; en: string }> {
  const r = await q.query<{ nl: string; en: string }>(
    "select name_nl as nl, name_en as en from organisations where code = 'BZK'",
  );
  return r.rows[0] ?? { nl: 'Rightsdesk', en: 'Rightsdesk' };
}

/** When each dataset last changed: its latest publication (the treaties: none of their own). */
export async function modifiedPerDataset(q: Queryable) {
  const r = await q.query<{ recommendations: string | null; documents: string | null }>(
    `select (select max(published_at) from recommendation_publications) as recommendations,
            (select max(published_at) from outgoing_publications) as documents`,
  );
  return { ...r.rows[0]!, treaties: null };
}
