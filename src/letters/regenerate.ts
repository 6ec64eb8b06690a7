/**
 * Regenerating a document from the data as it is now. Generated sections are replaced by the new
 * content; sections edited or added by hand are kept as they are, but an edited one's `generated`
 * content is brought up to date, so the page can say what changed in the data under it. The answer
 * says per key whether the generated content changed, is unchanged, new or gone: a gone section is
 * removed, unless it was edited (then it is kept and flagged). The frame is replaced unless edited.
 * A consulted document becomes a draft again; the confirmations are kept.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { nowIso, today } from '../core/dates.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, updateRow } from '../core/write.ts';
import { insertGenerated, languageOf } from './create.ts';
import { workspaceErrors } from './errors.ts';
import { generate } from './generators/index.ts';
import type { GeneratedSection } from './generators/types.ts';
import { letterPolicy } from './policy.ts';
import type { OutgoingSectionRow } from './rows.ts';
import { saveVersion } from './versions.ts';
import type { RegenerateResult, SectionChange } from './workspace-schema.ts';
import {
  assertContentEditable,
  canonical,
  contentColumns,
  contentOf,
  documentTable,
  factsOf,
  getDocument,
  loadSections,
  lockDocument,
  sameContent,
  sectionTable,
} from './workspace.ts';

type Item = { generated: GeneratedSection } | { kept: OutgoingSectionRow };

/**
 * The order after the regeneration: the generated sections in the generator's order, each section
 * of no generated key (added by hand, or edited and gone) after the section that preceded it.
 */
function newOrder(existing: OutgoingSectionRow[], generated: GeneratedSection[]): Item[] {
  const keys = new Set(generated.map((g) => g.key));
  const after = new Map<string | null, OutgoingSectionRow[]>();
  let anchor: string | null = null;
  for (const e of existing) {
    if (keys.has(e.key)) anchor = e.key;
    else if (e.origin !== 'generated') after.set(anchor, [...(after.get(anchor) ?? []), e]);
  }
  const kept = (k: string | null): Item[] => (after.get(k) ?? []).map((row) => ({ kept: row }));
  return [...kept(null), ...generated.flatMap((g): Item[] => [{ generated: g }, ...kept(g.key)])];
}

/** Brings one section to its place and content; returns what happened to it. */
async function place(
  tx: Queryable,
  actor: Actor,
  documentId: string,
  item: Item,
  e: OutgoingSectionRow | undefined,
  position: number,
): Promise<SectionChange | null> {
  if ('kept' in item) {
    const row = item.kept;
    const gone = row.origin === 'edited';
    if (row.position !== position || row.gone !== gone)
      await updateRow(tx, actor, sectionTable, row.id, { position, gone, version: row.version });
    return gone
      ? { key: row.key, heading: row.heading, status: 'gone', outcome: 'kept', origin: row.origin }
      : null;
  }
  const g = item.generated;
  if (!e) {
    await insertGenerated(tx, actor, documentId, g, position);
    return { key: g.key, heading: g.heading, status: 'new', outcome: 'added', origin: 'generated' };
  }
  const status = sameContent(e.generated, g) ? 'unchanged' : 'changed';
  const generated = JSON.stringify(contentOf(g));
  const level = g.level ?? 1;
  const moved = e.position !== position || e.level !== level;
  // An edited section that now says exactly what the data says is generated again.
  if (e.origin === 'generated' || (e.origin === 'edited' && sameContent(e, g))) {
    if (status === 'changed' || moved || e.origin !== 'generated' || e.gone || !sameContent(e, g))
      await updateRow(tx, actor, sectionTable, e.id, {
        ...contentColumns(g),
        generated,
        origin: 'generated',
        gone: false,
        position,
        level,
        version: e.version,
      });
    return { key: g.key, heading: g.heading, status, outcome: 'replaced', origin: 'generated' };
  }
  if (status === 'changed' || moved || e.gone)
    await updateRow(tx, actor, sectionTable, e.id, {
      generated,
      gone: false,
      position,
      level,
      version: e.version,
    });
  return { key: e.key, heading: e.heading, status, outcome: 'kept', origin: e.origin };
}

export async function regenerateLetter(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
): Promise<RegenerateResult> {
  return db.transaction(async (tx) => {
    const d = await lockDocument(tx, id);
    authorize(letterPolicy.edit(actor, factsOf(d)), () => workspaceErrors.edit_forbidden());
    assertContentEditable(d);
    if (d.version !== version) throw staleEdit(documentTable.entity, d.version, version);
    const generated = await generate(tx, d.params, { actor, today: today() });
    const existing = await loadSections(tx, id);
    const byKey = new Map(existing.map((s) => [s.key, s]));
    const changes: SectionChange[] = [];
    for (const [i, item] of newOrder(existing, generated.sections).entries()) {
      const e = 'generated' in item ? byKey.get(item.generated.key) : undefined;
      const change = await place(tx, actor, id, item, e, i + 1);
      if (change) changes.push(change);
    }
    const keys = new Set(generated.sections.map((g) => g.key));
    for (const e of existing.filter((s) => s.origin === 'generated' && !keys.has(s.key))) {
      await deleteRow(tx, actor, sectionTable, e.id, e.version);
      changes.push({ key: e.key, heading: e.heading, status: 'gone', outcome: 'removed', origin: null });
    }
    const frame = d.frame_edited
      ? 'kept'
      : canonical(d.frame) === canonical(generated.frame) && d.title === generated.title
        ? 'unchanged'
        : 'changed';
    await updateRow(tx, actor, documentTable, id, {
      state: 'draft',
      generatedAt: nowIso(),
      ...(d.frame_edited
        ? {}
        : {
            title: generated.title,
            frame: JSON.stringify(generated.frame),
            language: languageOf(generated.frame),
          }),
      version: d.version,
    });
    await saveVersion(tx, actor, id, 'Opnieuw gegenereerd');
    return {
      document: await getDocument(tx, actor, id),
      changes,
      frame,
      backToDraft: d.state === 'consulted',
    };
  });
}
