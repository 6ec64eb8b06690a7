/**
 * The public submission: anyone may send input while a round is open, at most a few times an
 * hour from one address. Everything is checked before one transaction saves the submission and
 * its files; the audit trail names the submitter by a hash of the address only, and keeps the
 * personal data of the form (names, e-mail, text) only as hashes, so that it can be erased.
 */
import type { Actor } from '../core/actor.ts';
import { nowIso } from '../core/dates.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { insertRow } from '../core/write.ts';
import { saveAttachments } from './attachments.ts';
import { queueReceipt } from './receipt.ts';
import { consultationErrors } from './errors.ts';
import type { CheckedFile } from './files.ts';
import { submissionTable, type SubmissionFieldsInput } from './rows.ts';
import { SUBMISSION_LIMITS, submissionReference } from './schema.ts';
import { assertOpen } from './status.ts';
import { refusedUploads } from './refusals.ts';

/** Throws 429 when this address made the maximum number of submissions in the past hour. */
export async function checkSubmissionLimit(q: Queryable, hash: string): Promise<void> {
  const r = await q.query<{ n: number; oldest: string | null }>(
    `select count(*)::int as n, min(submitted_at) as oldest from consultation_submissions
      where client_hash = $1 and submitted_at > now() - interval '1 hour'`,
    [hash],
  );
  // Refused uploads of the address count too (refusals.ts).
  const saved = r.rows[0]!;
  const refused = refusedUploads(hash);
  const n = saved.n + refused.n;
  const oldest =
    [saved.oldest, refused.oldest]
      .filter((d) => d !== null)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
  if (n >= SUBMISSION_LIMITS.perAddressPerHour) {
    const retryAfter = Math.max(
      60,
      Math.ceil((Date.parse(oldest!) + 3600_000 - Date.parse(nowIso())) / 1000),
    );
    throw consultationErrors.rate_limited(
      { max: SUBMISSION_LIMITS.perAddressPerHour, minutes: Math.ceil(retryAfter / 60) },
      { retryAfter },
    );
  }
}

/** The seconds after which a refused submission may be tried again, when the error says so. */
export const retryAfterOf = (err: unknown): number | undefined => {
  const details = (err as { details?: { retryAfter?: unknown } } | null)?.details;
  return typeof details?.retryAfter === 'number' ? details.retryAfter : undefined;
};

/** The submitter in the audit trail: a hash of the address. Never passed to a permission check. */
export const publicActor = (hash: string): Actor => ({
  id: null,
  label: `public:${hash.slice(0, 16)}`,
  role: 'observer',
  organisationId: null,
  organisationCode: null,
});

export async function createSubmission(
  db: Db,
  consultationId: string,
  hash: string,
  fields: SubmissionFieldsInput,
  files: readonly CheckedFile[],
  opts: { emailReceipt: boolean } = { emailReceipt: false },
) {
  const actor = publicActor(hash);
  return db.transaction(async (tx) => {
    const c = await tx.query<{ opens_at: string; closes_at: string; title_nl: string; title_en: string }>(
      'select opens_at, closes_at, title_nl, title_en from consultations where id = $1 for update',
      [consultationId],
    );
    if (!c.rows[0]) throw notFound('consultation', consultationId);
    // Checked again at the moment of saving: an upload may have taken a while.
    assertOpen({ opensAt: c.rows[0].opens_at, closesAt: c.rows[0].closes_at });
    await checkSubmissionLimit(tx, hash);
    const row = await insertRow(tx, actor, submissionTable, { ...fields, consultationId, clientHash: hash });
    const attachments = await saveAttachments(tx, actor, row.id, files);
    const reference = submissionReference(row.id);
    if (opts.emailReceipt) {
      await queueReceipt(tx, actor, {
        submissionId: row.id,
        reference,
        to: row.contact_email,
        contactName: row.contact_name,
        titleNl: c.rows[0].title_nl,
        titleEn: c.rows[0].title_en,
        submittedAt: row.submitted_at,
      });
    }
    return { id: row.id, reference, emailed: opts.emailReceipt, submittedAt: row.submitted_at, attachments };
  });
}
