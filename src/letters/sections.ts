/**
 * Editing a document by hand: the text of a section (marked edited; an edit back to exactly the
 * generated text makes it generated again), going back to the generated text, adding a section at
 * a position and removing one, and the frame. Each saves a version; a change of a consulted
 * document makes it a draft again. Sent and ready documents are not changed.
 */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { nowIso } from '../core/dates.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, insertRow, updateRow } from '../core/write.ts';
import { languageOf } from './create.ts';
import { workspaceErrors } from './errors.ts';
import { letterPolicy } from './policy.ts';
import type { OutgoingDocumentRow, OutgoingSectionRow, SectionContent } from './rows.ts';
import { saveVersion } from './versions.ts';
import type { FrameEdit, SectionAdd, SectionEdit, WorkspaceDocument } from './workspace-schema.ts';
import {
  assertContentEditable,
  backToDraft,
  contentColumns,
  documentTable,
  factsOf,
  getDocument,
  loadSection,
  loadSections,
  lockDocument,
  sameContent,
  sectionTable,
} from './workspace.ts';

/** The key of a section added by hand: no generator makes keys of this form. */
const ADDED_PREFIX = 'added:';

/**
 * Runs a change of the sections of a document: locks it, checks the user may edit its sections and
 * that it may change, then after the change makes a consulted document a draft and saves a version.
 */
async function changeSections(
  db: Db,
  actor: Actor,
  id: string,
  change: (tx: Queryable, d: OutgoingDocumentRow) => Promise<string>,
): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    authorize(letterPolicy.editSections(actor, factsOf(d)), () => workspaceErrors.section_edit_forbidden());
    assertContentEditable(d);
    const note = await change(tx, d);
    await backToDraft(tx, actor, d);
    await saveVersion(tx, actor, id, note);
    return getDocument(tx, actor, id);
  });
}

/** Writes new content to a section: generated again when it equals the generated text, else edited. */
const writeContent = (s: OutgoingSectionRow, content: SectionContent, actor: Actor, version: number) => {
  const origin = s.origin === 'added' ? 'added' : sameContent(content, s.generated) ? 'generated' : 'edited';
  return {
    ...contentColumns(content),
    origin,
    gone: origin === 'edited' && s.gone,
    editedBy: actor.id,
    editedAt: nowIso(),
    version,
  };
};

export function editSection(
  db: Db,
  actor: Actor,
  id: string,
  key: string,
  input: SectionEdit,
): Promise<WorkspaceDocument> {
  return changeSections(db, actor, id, async (tx) => {
    const s = await loadSection(tx, id, key);
    const content = {
      heading: input.heading ?? s.heading,
      blocks: input.blocks ?? s.blocks,
      subsections: input.subsections ?? s.subsections,
    };
    await updateRow(tx, actor, sectionTable, s.id, writeContent(s, content, actor, input.version));
    return `Sectie "${content.heading}" bewerkt`;
  });
}

export function revertSection(
  db: Db,
  actor: Actor,
  id: string,
  key: string,
  version: number,
): Promise<WorkspaceDocument> {
  return changeSections(db, actor, id, async (tx) => {
    const s = await loadSection(tx, id, key);
    if (!s.generated) throw workspaceErrors.section_not_generated();
    await updateRow(tx, actor, sectionTable, s.id, writeContent(s, s.generated, actor, version));
    return `Sectie "${s.generated.heading}" teruggezet naar de gegenereerde tekst`;
  });
}

/** The position between the sections at `index - 1` and `index` (at the start or the end when none is there). */
function positionAt(sections: OutgoingSectionRow[], index: number): number {
  const [before, after] = [sections[index - 1]?.position, sections[index]?.position];
  if (before === undefined) return after === undefined ? 1 : after - 1;
  return after === undefined ? before + 1 : (before + after) / 2;
}

export function addSection(db: Db, actor: Actor, id: string, input: SectionAdd): Promise<WorkspaceDocument> {
  return changeSections(db, actor, id, async (tx) => {
    const sections = await loadSections(tx, id);
    const index = Math.min(input.position ?? sections.length, sections.length);
    await insertRow(tx, actor, sectionTable, {
      documentId: id,
      key: `${ADDED_PREFIX}${crypto.randomUUID()}`,
      position: positionAt(sections, index),
      level: input.level,
      ...contentColumns(input),
      origin: 'added',
      generated: null,
      gone: false,
      editedBy: actor.id,
      editedAt: nowIso(),
    });
    return `Sectie "${input.heading}" toegevoegd`;
  });
}

/** Removes a section added by hand, or an edited one the data no longer produces. */
export function removeSection(
  db: Db,
  actor: Actor,
  id: string,
  key: string,
  version: number,
): Promise<WorkspaceDocument> {
  return changeSections(db, actor, id, async (tx) => {
    const s = await loadSection(tx, id, key);
    if (s.origin !== 'added' && !s.gone) throw workspaceErrors.section_not_removable();
    await deleteRow(tx, actor, sectionTable, s.id, version);
    return `Sectie "${s.heading}" verwijderd`;
  });
}

/** Changes the frame (addressee and subject, or a memo's fields): a regeneration keeps it from then on. */
export function editFrame(db: Db, actor: Actor, id: string, input: FrameEdit): Promise<WorkspaceDocument> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    authorize(letterPolicy.edit(actor, factsOf(d)), () => workspaceErrors.edit_forbidden());
    assertContentEditable(d);
    if (input.frame.kind !== d.frame.kind) throw workspaceErrors.frame_kind({ expected: d.frame.kind });
    await updateRow(tx, actor, documentTable, id, {
      frame: JSON.stringify(input.frame),
      frameEdited: true,
      title: input.title ?? (input.frame.kind === 'letter' ? d.title : input.frame.title),
      language: languageOf(input.frame),
      state: d.state === 'consulted' ? 'draft' : d.state,
      version: input.version,
    });
    await saveVersion(tx, actor, id, 'Kader bewerkt');
    return getDocument(tx, actor, id);
  });
}
