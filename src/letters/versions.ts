/**
 * The versions of a document: each saved state is kept (create, regenerate, an edit of a section or
 * of the frame, a change of state) with who saved it, when and why; one version is read whole, and
 * two are compared side by side, per section key in plain text.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { insertRow } from '../core/write.ts';
import { workspaceErrors } from './errors.ts';
import type { OutgoingVersionRow, Snapshot } from './rows.ts';
import type { Block } from './schema.ts';
import type { Comparison, VersionDetail, VersionSummary } from './workspace-schema.ts';
import { canonical, contentOf, loadSections, versionTable } from './workspace.ts';

/**
 * Saves the document as it is now (after the change, in the change's transaction) as its next
 * version. The caller holds the lock of the document row, so numbers do not collide.
 */
export async function saveVersion(
  tx: Queryable,
  actor: Actor,
  documentId: string,
  note: string,
): Promise<number> {
  const d = await tx.query<{
    title: string;
    frame: Snapshot['frame'];
    state: Snapshot['state'];
    next: number;
  }>(
    `select title, frame, state,
            coalesce((select max(number) from outgoing_versions where document_id = d.id), 0) + 1 as next
       from outgoing_documents d where id = $1`,
    [documentId],
  );
  const doc = d.rows[0];
  if (!doc) throw workspaceErrors.not_found({ id: documentId });
  const sections = await loadSections(tx, documentId);
  const snapshot: Snapshot = {
    title: doc.title,
    frame: doc.frame,
    state: doc.state,
    sections: sections.map((s) => ({ key: s.key, level: s.level, origin: s.origin, ...contentOf(s) })),
  };
  await insertRow(tx, actor, versionTable, {
    documentId,
    number: doc.next,
    snapshot: JSON.stringify(snapshot),
    savedBy: actor.id,
    note: note.slice(0, 500),
  });
  return doc.next;
}

type VersionJoined = OutgoingVersionRow & { saved_by_name: string | null };

const summary = (v: VersionJoined): VersionSummary => ({
  number: v.number,
  savedBy: v.saved_by ? { id: v.saved_by, name: v.saved_by_name ?? '' } : null,
  savedAt: v.saved_at,
  note: v.note,
  state: v.snapshot.state,
});

async function assertDocument(q: Queryable, id: string): Promise<void> {
  const r = await q.query('select 1 from outgoing_documents where id = $1', [id]);
  if (!r.rows[0]) throw workspaceErrors.not_found({ id });
}

const SELECT = `select v.*, u.name as saved_by_name from outgoing_versions v left join users u on u.id = v.saved_by`;

/** The versions of a document, newest first. */
export async function listVersions(q: Queryable, documentId: string): Promise<VersionSummary[]> {
  await assertDocument(q, documentId);
  const r = await q.query<VersionJoined>(`${SELECT} where v.document_id = $1 order by v.number desc`, [
    documentId,
  ]);
  return r.rows.map(summary);
}

async function loadVersion(q: Queryable, documentId: string, number: number): Promise<VersionJoined> {
  await assertDocument(q, documentId);
  const r = await q.query<VersionJoined>(`${SELECT} where v.document_id = $1 and v.number = $2`, [
    documentId,
    number,
  ]);
  if (!r.rows[0]) throw workspaceErrors.version_not_found({ number });
  return r.rows[0];
}

export async function getVersion(q: Queryable, documentId: string, number: number): Promise<VersionDetail> {
  const v = await loadVersion(q, documentId, number);
  return { ...summary(v), title: v.snapshot.title, frame: v.snapshot.frame, sections: v.snapshot.sections };
}

/** A block as plain text: paragraphs, numbered and bulleted items on lines of their own, tables by row. */
function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return b.text;
    case 'numbered':
      return b.items.map((t, i) => `${i + 1}. ${t}`).join('\n');
    case 'bullets':
      return b.items.map((t) => `• ${t}`).join('\n');
    case 'table':
      return [
        ...(b.caption ? [b.caption] : []),
        b.columns.join(' | '),
        ...b.rows.map((r) => r.join(' | ')),
      ].join('\n');
  }
}

/** The text of a section's blocks and subsections, with the headings of its subsections. */
export function sectionText(s: {
  blocks: Block[];
  subsections: { heading: string; blocks: Block[] }[];
}): string {
  return [
    ...s.blocks.map(blockText),
    ...s.subsections.flatMap((sub) => [sub.heading, ...sub.blocks.map(blockText)]),
  ].join('\n\n');
}

/** Two versions side by side: the sections of both, in the order of the later one, then those it lost. */
export async function compareVersions(
  q: Queryable,
  documentId: string,
  fromNumber: number,
  toNumber: number,
): Promise<Comparison> {
  const [from, to] = [
    await loadVersion(q, documentId, fromNumber),
    await loadVersion(q, documentId, toNumber),
  ];
  const side = (s: Snapshot['sections'][number] | undefined) =>
    s ? { heading: s.heading, text: sectionText(s) } : null;
  const byKey = (v: VersionJoined) => new Map(v.snapshot.sections.map((s) => [s.key, s]));
  const [a, b] = [byKey(from), byKey(to)];
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  return {
    from: summary(from),
    to: summary(to),
    titleDiffers: from.snapshot.title !== to.snapshot.title,
    frameDiffers: canonical(from.snapshot.frame) !== canonical(to.snapshot.frame),
    sections: keys.map((key) => {
      const [x, y] = [side(a.get(key)), side(b.get(key))];
      return { key, from: x, to: y, differs: canonical(x) !== canonical(y) };
    }),
  };
}
