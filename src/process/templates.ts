/** Process guides (templates): reading, creating and changing them. Their steps: steps.ts. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { getRow, insertRow, updateRow } from '../core/write.ts';
import type { Page, PageQuery } from '../shared/schema.ts';
import { assertMayCreateTemplate, assertMayEditTemplate, templateAbilities } from './policy.ts';
import { templateTable, type ProcessTemplateRow, type ProcessTemplateStepRow } from './rows.ts';
import type { Template, TemplateCreate, TemplateStep, TemplateUpdate } from './schema.ts';

export function presentStep(r: ProcessTemplateStepRow): TemplateStep {
  return {
    id: r.id,
    templateId: r.template_id,
    position: r.position,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    descriptionNl: r.description_nl,
    descriptionEn: r.description_en,
    ownerKind: r.owner_kind,
    ownerOrganisationId: r.owner_organisation_id,
    category: r.category,
    anchorPhase: r.anchor_phase,
    offsetAmount: r.offset_amount,
    offsetUnit: r.offset_unit,
    source: r.source,
    verified: r.verified,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentTemplate(
  r: ProcessTemplateRow,
  steps: readonly ProcessTemplateStepRow[],
  actor: Actor | null,
): Template {
  return {
    id: r.id,
    code: r.code,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    description: r.description,
    steps: steps.map(presentStep),
    abilities: templateAbilities(actor),
    source: r.source,
    verified: r.verified,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The steps of the templates given, in their order, per template. */
async function stepsOf(q: Queryable, templateIds: readonly string[]) {
  const r = await q.query<ProcessTemplateStepRow>(
    `select * from process_template_steps where template_id = any($1::uuid[])
      order by template_id, position, created_at`,
    [templateIds],
  );
  const byTemplate = new Map<string, ProcessTemplateStepRow[]>();
  for (const s of r.rows) byTemplate.set(s.template_id, [...(byTemplate.get(s.template_id) ?? []), s]);
  return byTemplate;
}

export async function getTemplate(q: Queryable, actor: Actor | null, id: string): Promise<Template> {
  const row = await getRow(q, templateTable, id);
  return presentTemplate(row, (await stepsOf(q, [id])).get(id) ?? [], actor);
}

export async function listTemplates(
  q: Queryable,
  actor: Actor | null,
  f: PageQuery,
): Promise<Page<Template>> {
  const total = await q.query<{ n: number }>('select count(*)::int as n from process_templates');
  const rows = await q.query<ProcessTemplateRow>(
    'select * from process_templates order by name_nl limit $1 offset $2',
    [f.pageSize, (f.page - 1) * f.pageSize],
  );
  const steps = await stepsOf(
    q,
    rows.rows.map((r) => r.id),
  );
  return {
    items: rows.rows.map((r) => presentTemplate(r, steps.get(r.id) ?? [], actor)),
    total: total.rows[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function createTemplate(db: Db, actor: Actor, input: TemplateCreate): Promise<Template> {
  const id = await db.transaction(async (tx) => {
    assertMayCreateTemplate(actor);
    return (await insertRow(tx, actor, templateTable, input)).id;
  });
  return getTemplate(db, actor, id);
}

export async function updateTemplate(
  db: Db,
  actor: Actor,
  id: string,
  input: TemplateUpdate,
): Promise<Template> {
  await db.transaction(async (tx) => {
    await getRow(tx, templateTable, id);
    assertMayEditTemplate(actor);
    await updateRow(tx, actor, templateTable, id, input);
  });
  return getTemplate(db, actor, id);
}
