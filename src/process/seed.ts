/**
 * The default process template "Handreiking statenrapportage": the steps of preparing a state
 * report as the Dutch practice describes them (lead ministry per treaty, coordination by BZK,
 * contributions of the ministries and of Aruba, Curaçao and Sint Maarten, at least one consultation
 * round with civil society per cycle, the College voor de Rechten van de Mens, interdepartmental
 * approval, the council of ministers). The steps come from the seed documents; their offsets are
 * suggestions that nobody has verified (source field, verified = false).
 *
 * Idempotent and non-destructive: the template is inserted only when no template with its code
 * exists, so steps a coordinator has edited are never overwritten. Every insert is audited.
 */
import { systemActor, type Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { recordChanges, type Change } from '../core/write.ts';
import type { ProcessTemplateRow, ProcessTemplateStepRow } from './rows.ts';

export const DEFAULT_TEMPLATE_CODE = 'handreiking-statenrapportage';

const SOURCES =
  'Kabinetsreactie op de jaarlijkse rapportage CRM 2022 (nota, juli 2024); Kabinetsbrief ontwikkelingen rond rapportages onder mensenrechtenverdragen (nota, 6 februari 2026)';
const SUGGESTED = `Steps: ${SOURCES}. Offset: unverified suggestion, adjust per treaty.`;

interface SeedStep {
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  owner: 'lead_ministry' | 'coordinating_ministry';
  category: string;
  months: number;
}

export const DEFAULT_STEPS: SeedStep[] = [
  {
    titleNl: 'Rapportage inplannen in het netwerk van verdragscoördinatoren',
    titleEn: 'Plan the report in the network of treaty coordinators',
    descriptionNl:
      'Het interdepartementale netwerk (voorzitter BZK, met de Caribische landen van het Koninkrijk) bespreekt minimaal eenmaal per jaar de aankomende rapportages.',
    descriptionEn:
      'The interdepartmental network (chaired by BZK, with the Caribbean countries of the Kingdom) discusses upcoming reports at least once a year.',
    owner: 'coordinating_ministry',
    category: 'planning',
    months: -12,
  },
  {
    titleNl: 'Bijdragen opvragen bij de betrokken ministeries',
    titleEn: 'Request contributions from the ministries concerned',
    descriptionNl: 'Het leidend ministerie vraagt de beleidsverantwoordelijke departementen om hun bijdrage.',
    descriptionEn:
      'The lead ministry asks the ministries responsible for the policies concerned for their input.',
    owner: 'lead_ministry',
    category: 'contributions',
    months: -6,
  },
  {
    titleNl: 'Bijdragen van Aruba, Curaçao en Sint Maarten opvragen',
    titleEn: 'Request input from Aruba, Curaçao and Sint Maarten',
    descriptionNl: 'De Caribische landen van het Koninkrijk leveren hun deel van het rapport aan.',
    descriptionEn: 'The Caribbean countries of the Kingdom provide their part of the report.',
    owner: 'lead_ministry',
    category: 'kingdom',
    months: -6,
  },
  {
    titleNl: 'Consultatie maatschappelijk middenveld',
    titleEn: 'Consult civil society',
    descriptionNl:
      'Het kabinet zet in op ten minste één consultatieronde met het maatschappelijk middenveld per rapportagecyclus.',
    descriptionEn:
      'The government commits to at least one consultation round with civil society per reporting cycle.',
    owner: 'lead_ministry',
    category: 'consultation',
    months: -5,
  },
  {
    titleNl: 'College voor de Rechten van de Mens raadplegen',
    titleEn: 'Consult the Netherlands Institute for Human Rights (CRM)',
    descriptionNl: 'Het conceptrapport voorleggen aan het College voor de Rechten van de Mens.',
    descriptionEn: 'Submit the draft report to the Netherlands Institute for Human Rights.',
    owner: 'lead_ministry',
    category: 'nhri',
    months: -4,
  },
  {
    titleNl: 'Conceptrapport opstellen',
    titleEn: 'Draft the report',
    descriptionNl: 'Het leidend ministerie verwerkt de bijdragen en consultaties in een conceptrapport.',
    descriptionEn: 'The lead ministry turns the contributions and consultations into a draft report.',
    owner: 'lead_ministry',
    category: 'drafting',
    months: -3,
  },
  {
    titleNl: 'Interdepartementale afstemming en akkoord',
    titleEn: 'Interdepartmental approval',
    descriptionNl: 'Afstemming van het concept met de betrokken departementen (bijvoorbeeld via de CBJ).',
    descriptionEn: 'Agree the draft with the ministries concerned (for example in the CBJ).',
    owner: 'lead_ministry',
    category: 'approval',
    months: -2,
  },
  {
    titleNl: 'Bespreking in de ministerraad',
    titleEn: 'Council of ministers (ministerraad)',
    descriptionNl: 'Agendering van het rapport voor de ministerraad.',
    descriptionEn: 'Put the report on the agenda of the council of ministers.',
    owner: 'lead_ministry',
    category: 'council',
    months: -1,
  },
  {
    titleNl: 'Rapport indienen bij het verdragscomité',
    titleEn: 'Submit the report',
    descriptionNl: 'Het rapport indienen bij het toezichthoudend comité.',
    descriptionEn: 'Submit the report to the monitoring body.',
    owner: 'lead_ministry',
    category: 'submission',
    months: 0,
  },
  {
    titleNl: 'Rapport ter informatie aan de Staten-Generaal',
    titleEn: 'Send the report to Parliament for information',
    descriptionNl: 'Het ingediende rapport aan de Tweede en Eerste Kamer zenden.',
    descriptionEn: 'Send the submitted report to the House of Representatives and the Senate.',
    owner: 'lead_ministry',
    category: 'parliament',
    months: 1,
  },
];

export interface ProcessSeedReport {
  process_templates: number;
  process_template_steps: number;
}

/** Inserts the default template with its steps unless a template with its code exists. */
export async function seedProcessTemplates(
  q: Queryable,
  actor: Actor = systemActor('seed'),
): Promise<ProcessSeedReport> {
  const tpl = await q.query<ProcessTemplateRow>(
    `insert into process_templates (code, name_nl, name_en, description, source, verified)
     values ($1, $2, $3, $4, $5, false) on conflict (code) do nothing returning *`,
    [
      DEFAULT_TEMPLATE_CODE,
      'Handreiking statenrapportage',
      'Guide to preparing a state report',
      'De stappen van de voorbereiding van een statenrapport, met een standaardtermijn ten opzichte van de uiterste indieningsdatum.',
      SOURCES,
    ],
  );
  const row = tpl.rows[0];
  if (!row) return { process_templates: 0, process_template_steps: 0 };
  const steps = await q.query<ProcessTemplateStepRow>(
    `insert into process_template_steps (template_id, position, title_nl, title_en, description_nl,
       description_en, owner_kind, category, anchor_phase, offset_amount, offset_unit, source, verified)
     select $1, s.position, s.title_nl, s.title_en, s.description_nl, s.description_en, s.owner_kind,
            s.category, 'report_due', s.months, 'months', $2, false
       from jsonb_to_recordset($3::jsonb) as s(position int, title_nl text, title_en text,
            description_nl text, description_en text, owner_kind text, category text, months int)
     returning *`,
    [
      row.id,
      SUGGESTED,
      JSON.stringify(
        DEFAULT_STEPS.map((s, i) => ({
          position: i + 1,
          title_nl: s.titleNl,
          title_en: s.titleEn,
          description_nl: s.descriptionNl,
          description_en: s.descriptionEn,
          owner_kind: s.owner,
          category: s.category,
          months: s.months,
        })),
      ),
    ],
  );
  const created = [...steps.rows].sort((a, b) => a.position - b.position);
  const changes: Change[] = [
    { action: 'create', entityType: 'process_template', entityId: row.id, after: row },
    ...created.map((step) => ({
      action: 'create',
      entityType: 'process_template_step',
      entityId: step.id,
      after: step,
    })),
  ];
  await recordChanges(q, actor, changes);
  return { process_templates: 1, process_template_steps: created.length };
}
