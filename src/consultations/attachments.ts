/** Attachments of submissions: saved with the submission, listed with it, downloaded one at a time. */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { personalHash, recordChanges } from '../core/write.ts';
import { consultationErrors } from './errors.ts';
import type { CheckedFile } from './files.ts';
import { consultationPolicy } from './policy.ts';
import { ownersOf, presentAttachment } from './presenters.ts';
import type { AttachmentRow } from './rows.ts';
import { consultationRow } from './rows.ts';
import type { Attachment } from './schema.ts';

/** The attachments of the submissions given, per submission. */
export async function attachmentsOf(
  q: Queryable,
  submissionIds: string[],
): Promise<Map<string, Attachment[]>> {
  const out = new Map<string, Attachment[]>();
  if (!submissionIds.length) return out;
  const r = await q.query<AttachmentRow>(
    `select id, submission_id, file_name, media_type, size_bytes, sha256 from consultation_attachments
      where submission_id = any($1::uuid[]) order by created_at, file_name`,
    [submissionIds],
  );
  for (const a of r.rows) {
    const list = out.get(a.submission_id) ?? [];
    list.push(presentAttachment(a));
    out.set(a.submission_id, list);
  }
  return out;
}

/**
 * Saves the files of a submission in the caller's transaction: one insert for all of them, and
 * one audit row per file (its type, size and checksum; never its bytes, and its name only as a
 * hash, since a name may be personal) in one statement.
 */
export async function saveAttachments(
  tx: Queryable,
  actor: Actor,
  submissionId: string,
  files: readonly CheckedFile[],
): Promise<Attachment[]> {
  if (!files.length) return [];
  const rows: AttachmentRow[] = files.map((f) => ({
    id: crypto.randomUUID(),
    submission_id: submissionId,
    file_name: f.fileName,
    media_type: f.mediaType,
    size_bytes: f.sizeBytes,
    sha256: f.sha256,
  }));
  const vals: unknown[] = [];
  const tuples = rows.map((a, i) => {
    vals.push(a.id, a.submission_id, a.file_name, a.media_type, a.size_bytes, a.sha256, files[i]!.content);
    const n = vals.length;
    return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  await tx.query(
    `insert into consultation_attachments (id, submission_id, file_name, media_type, size_bytes, sha256, content)
     values ${tuples.join(', ')}`,
    vals,
  );
  const attachments = rows.map(presentAttachment);
  await recordChanges(
    tx,
    actor,
    attachments.map((a) => ({
      action: 'create',
      entityType: 'consultation_attachment',
      entityId: a.id,
      after: { ...a, fileName: personalHash(a.fileName), submissionId },
    })),
  );
  return attachments;
}

/** An attachment's bytes: public when its submission is published, else for the moderators only. */
export async function getAttachment(q: Queryable, actor: Actor | null, id: string) {
  const r = await q.query<{
    file_name: string;
    media_type: string;
    sha256: string;
    content: Uint8Array;
    published: boolean;
    consultation_id: string;
  }>(
    `select a.file_name, a.media_type, a.sha256, a.content, s.published, s.consultation_id
       from consultation_attachments a join consultation_submissions s on s.id = a.submission_id
      where a.id = $1`,
    [id],
  );
  const a = r.rows[0];
  if (!a) throw notFound('attachment', id);
  if (!a.published) {
    if (!actor) throw consultationErrors.attachment_unpublished();
    const owners = ownersOf(await consultationRow(q, a.consultation_id));
    authorize(consultationPolicy.downloadAttachment(actor, owners, a.published), () =>
      consultationErrors.moderate_forbidden({ instrument: owners.code ?? '' }),
    );
  }
  return {
    fileName: a.file_name,
    mediaType: a.media_type,
    sha256: a.sha256,
    content: Buffer.from(a.content),
  };
}
