/**
 * Files attached to a progress update as evidence: uploaded (checked by content, as the attachments
 * of consultation submissions are), listed with the update, downloaded one at a time and removed.
 * Only the update's author adds or removes files, and only while it is a draft: an approved update's
 * files are part of its history.
 */
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { getRow, recordChanges } from '../core/write.ts';
import { checkFile, type CheckedFile } from '../consultations/files.ts';
import { followUpErrors } from './errors.ts';
import { followUpPolicy } from './policy.ts';
import { progressTable, type ProgressRow } from './rows.ts';
import { PROGRESS_FILE_LIMITS, type ProgressFile } from './schema.ts';

const MB = PROGRESS_FILE_LIMITS.maxFileBytes / 1024 / 1024;

/** The multipart limits of an upload (one request holds at most the files an update may hold). */
export const UPLOAD_LIMITS = {
  fileSize: PROGRESS_FILE_LIMITS.maxFileBytes,
  files: PROGRESS_FILE_LIMITS.maxFiles,
  fields: 5,
  parts: PROGRESS_FILE_LIMITS.maxFiles + 5,
  headerPairs: 100,
};

/**
 * Reads the files of a multipart upload, each checked by its content; refuses the whole upload at
 * the first wrong file (nothing is saved then).
 */
export async function readFiles(req: FastifyRequest): Promise<CheckedFile[]> {
  if (!req.isMultipart()) throw followUpErrors.files_multipart();
  const files: CheckedFile[] = [];
  let current = '';
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      current = part.filename;
      const buf = await part.toBuffer();
      if (!part.filename && buf.length === 0) continue; // an empty file input
      files.push(await checkFile(part.filename, buf));
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw followUpErrors.file_too_large({ fileName: current, mb: MB });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw followUpErrors.files_too_many({ max: PROGRESS_FILE_LIMITS.maxFiles });
    throw err;
  }
  if (!files.length) throw followUpErrors.files_none();
  return files;
}

/** The update (locked in a transaction) when the actor may add or remove its files; 404, 409 (approved) or 403 otherwise. */
async function getUpdateForFiles(q: Queryable, actor: Actor, id: string, lock = true): Promise<ProgressRow> {
  const row = await getRow(q, progressTable, id, lock);
  if (row.state === 'approved') throw followUpErrors.files_approved();
  authorize(followUpPolicy.editProgress(actor, { createdBy: row.created_by, state: row.state }), () =>
    followUpErrors.files_forbidden(),
  );
  return row;
}

/** Refuses an upload before its files are read when the actor may not add files to the update. */
export async function assertMayAttach(q: Queryable, actor: Actor, id: string): Promise<void> {
  await getUpdateForFiles(q, actor, id, false);
}

const presentFile = (f: {
  id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
}): ProgressFile => ({ id: f.id, fileName: f.file_name, mediaType: f.media_type, sizeBytes: f.size_bytes });

/** The files of an update, oldest first (without their bytes). */
export async function listProgressFiles(q: Queryable, id: string): Promise<ProgressFile[]> {
  const r = await q.query<{ id: string; file_name: string; media_type: string; size_bytes: number }>(
    `select id, file_name, media_type, size_bytes from progress_update_files
      where progress_update_id = $1 order by created_at, file_name`,
    [id],
  );
  return r.rows.map(presentFile);
}

/**
 * Attaches checked files to an update: one insert for all of them and one audit row per file (its
 * name, type, size and checksum; never its bytes). Returns all the update's files.
 */
export async function addProgressFiles(
  db: Db,
  actor: Actor,
  id: string,
  files: readonly CheckedFile[],
): Promise<ProgressFile[]> {
  return db.transaction(async (tx) => {
    await getUpdateForFiles(tx, actor, id);
    const held = await tx.query<{ n: number }>(
      'select count(*)::int as n from progress_update_files where progress_update_id = $1',
      [id],
    );
    if (held.rows[0]!.n + files.length > PROGRESS_FILE_LIMITS.maxFiles)
      throw followUpErrors.files_too_many({ max: PROGRESS_FILE_LIMITS.maxFiles });
    const vals: unknown[] = [];
    const ids = files.map(() => crypto.randomUUID());
    const tuples = files.map((f, i) => {
      vals.push(ids[i], id, f.fileName, f.mediaType, f.sizeBytes, f.sha256, f.content, actor.id);
      const n = vals.length;
      return `(${Array.from({ length: 8 }, (_, k) => `$${n - 7 + k}`).join(', ')})`;
    });
    await tx.query(
      `insert into progress_update_files
         (id, progress_update_id, file_name, media_type, size_bytes, sha256, content, created_by)
       values ${tuples.join(', ')}`,
      vals,
    );
    await recordChanges(
      tx,
      actor,
      files.map((f, i) => ({
        action: 'create',
        entityType: 'progress_update_file',
        entityId: ids[i]!,
        after: {
          id: ids[i]!,
          progressUpdateId: id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
        },
      })),
    );
    return listProgressFiles(tx, id);
  });
}

interface FileRow {
  id: string;
  progress_update_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
}

async function fileRow(q: Queryable, id: string, fileId: string, content: boolean) {
  const r = await q.query<FileRow & { content?: Uint8Array }>(
    `select id, progress_update_id, file_name, media_type, size_bytes, sha256${content ? ', content' : ''}
       from progress_update_files where id = $1 and progress_update_id = $2`,
    [fileId, id],
  );
  if (!r.rows[0]) throw notFound('progress_update_file', fileId);
  return r.rows[0];
}

/** A file's bytes, for any signed-in user (as the update itself is). */
export async function getProgressFile(q: Queryable, id: string, fileId: string) {
  const f = await fileRow(q, id, fileId, true);
  return {
    fileName: f.file_name,
    mediaType: f.media_type,
    sha256: f.sha256,
    content: Buffer.from(f.content!),
  };
}

/** Removes a file of a draft (its author only); audited with what it was, without its bytes. */
export async function deleteProgressFile(db: Db, actor: Actor, id: string, fileId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await getUpdateForFiles(tx, actor, id);
    const f = await fileRow(tx, id, fileId, false);
    await tx.query('delete from progress_update_files where id = $1', [fileId]);
    await recordChanges(tx, actor, [
      {
        action: 'delete',
        entityType: 'progress_update_file',
        entityId: fileId,
        before: { ...presentFile(f), progressUpdateId: id, sha256: f.sha256 },
      },
    ]);
  });
}
