/**
 * Creating a document of the workspace: its generator turns the parameters and the data into a
 * frame and sections, which are stored as generated; the first version is saved with them.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { nowIso, today } from '../core/dates.ts';
import { authorize } from '../core/policy.ts';
import { insertRow } from '../core/write.ts';
import { assertAssignable } from '../organisations/assignable.ts';
import { workspaceErrors } from './errors.ts';
import { REPORT_MINISTRY_CODE } from '../report/policy.ts';
import { generate } from './generators/index.ts';
import { isReportKind, type OutgoingKind } from './kinds.ts';
import type { Frame, GeneratedSection } from './generators/types.ts';
import { letterPolicy } from './policy.ts';
import { saveVersion } from './versions.ts';
import type { WorkspaceCreate, WorkspaceDocument } from './workspace-schema.ts';
import { contentColumns, contentOf, documentTable, getDocument, sectionTable } from './workspace.ts';

/** The language of a document: a letter says it, a memo is Dutch. */
export const languageOf = (frame: Frame): 'nl' | 'en' => (frame.kind === 'letter' ? frame.language : 'nl');

/** Inserts a generated section at a position. */
export async function insertGenerated(
  tx: Queryable,
  actor: Actor,
  documentId: string,
  s: GeneratedSection,
  position: number,
): Promise<void> {
  await insertRow(tx, actor, sectionTable, {
    documentId,
    key: s.key,
    position,
    level: s.level ?? 1,
    ...contentColumns(s),
    origin: 'generated',
    generated: JSON.stringify(contentOf(s)),
    gone: false,
  });
}

/** Who drafts a document when the request names no one: the report's kinds are BZ's, the others the actor's. */
async function defaultOwner(q: Queryable, actor: Actor, kind: OutgoingKind): Promise<string | null> {
  if (!isReportKind(kind)) return actor.organisationId;
  const r = await q.query<{ id: string }>('select id from organisations where code = $1', [
    REPORT_MINISTRY_CODE,
  ]);
  return r.rows[0]?.id ?? actor.organisationId;
}

export async function createLetter(db: Db, actor: Actor, input: WorkspaceCreate): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const kind = input.params.kind;
    const owner = input.ownerOrganisation ?? (await defaultOwner(tx, actor, kind));
    if (!owner) throw workspaceErrors.owner_required();
    authorize(letterPolicy.createKind(actor, owner, kind), () =>
      isReportKind(kind) ? workspaceErrors.report_forbidden() : workspaceErrors.create_forbidden(),
    );
    await assertAssignable(tx, owner);
    const generated = await generate(tx, input.params, { actor, today: today() });
    const doc = await insertRow(tx, actor, documentTable, {
      kind: input.params.kind,
      title: generated.title,
      params: JSON.stringify(input.params),
      frame: JSON.stringify(generated.frame),
      frameEdited: false,
      state: 'draft',
      language: languageOf(generated.frame),
      ownerOrganisationId: owner,
      generatedAt: nowIso(),
      createdBy: actor.id,
    });
    for (const [i, s] of generated.sections.entries()) await insertGenerated(tx, actor, doc.id, s, i + 1);
    await saveVersion(tx, actor, doc.id, 'Aangemaakt');
    return getDocument(tx, actor, doc.id);
  });
}
