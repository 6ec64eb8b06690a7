import crypto from 'node:crypto';
import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { recordAudit } from '../core/audit.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { AppError, badRequest, forbidden, notFound } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import { assertMayEditInstrument, ownersOfRow } from '../instruments/policy.ts';
import type { Page } from '../shared/schema.ts';
import type { CheckedFile } from './files.ts';
import {
  SUBMISSION_LIMITS,
  type Attachment,
  type Consultation,
  type ConsultationStatus,
  type PublicConsultation,
  type Submission,
} from './schema.ts';

export const consultationTable: TableSpec = {
  table: 'consultations',
  entity: 'consultation',
  writable: [
    'cycleId',
    'titleNl',
    'titleEn',
    'descriptionNl',
    'descriptionEn',
    'opensAt',
    'closesAt',
    'usageSummary',
  ],
};
export const submissionTable: TableSpec = {
  table: 'consultation_submissions',
  entity: 'consultation_submission',
  writable: [
    'consultationId',
    'organisationName',
    'contactName',
    'contactEmail',
    'body',
    'consentToPublish',
    'status',
    'rejectionReason',
    'published',
    'usageNote',
    'clientHash',
  ],
};

export function consultationStatus(opensAt: string, closesAt: string, now = new Date()): ConsultationStatus {
  if (now < new Date(opensAt)) return 'planned';
  if (now < new Date(closesAt)) return 'open';
  return 'closed';
}

const SELECT = `c.*, cy.label as cycle_label, cy.instrument_id, i.code as instrument_code,
  i.short_name as instrument_short_name, i.lead_organisation_id, i.coordinating_organisation_id,
  (select count(*)::int from consultation_submissions s where s.consultation_id = c.id) as submission_count`;
const FROM =
  'consultations c join cycles cy on cy.id = c.cycle_id join instruments i on i.id = cy.instrument_id';

function mayEdit(actor: Actor | null, row: Record<string, unknown>): boolean {
  if (!actor) return false;
  try {
    assertMayEditInstrument(actor, ownersOfRow(row));
    return true;
  } catch {
    return false;
  }
}

function toConsultation(row: Record<string, unknown>, actor: Actor | null): Consultation {
  const c = camelize<Record<string, unknown>>(row);
  return {
    id: String(c.id),
    cycleId: String(c.cycleId),
    cycleLabel: String(c.cycleLabel),
    instrumentId: String(c.instrumentId),
    instrumentCode: String(c.instrumentCode),
    instrumentShortName: String(c.instrumentShortName),
    titleNl: String(c.titleNl),
    titleEn: String(c.titleEn),
    descriptionNl: String(c.descriptionNl),
    descriptionEn: String(c.descriptionEn),
    opensAt: String(c.opensAt),
    closesAt: String(c.closesAt),
    status: consultationStatus(String(c.opensAt), String(c.closesAt)),
    usageSummary: (c.usageSummary as string | null) ?? null,
    submissionCount: Number(c.submissionCount),
    mayEdit: mayEdit(actor, row),
    version: Number(c.version),
    createdAt: String(c.createdAt),
    updatedAt: String(c.updatedAt),
  };
}

async function consultationRow(q: Queryable, id: string): Promise<Record<string, unknown>> {
  const r = await q.query<Record<string, unknown>>(`select ${SELECT} from ${FROM} where c.id = $1`, [id]);
  const row = r.rows[0];
  if (!row) throw notFound('consultation', id);
  return row;
}

export async function getConsultation(q: Queryable, actor: Actor | null, id: string): Promise<Consultation> {
  return toConsultation(await consultationRow(q, id), actor);
}

/** The public page: the consultation with the accepted submissions whose authors agreed to publication. */
export async function getPublicConsultation(
  q: Queryable,
  actor: Actor | null,
  id: string,
): Promise<PublicConsultation> {
  const c = await getConsultation(q, actor, id);
  const subs = await q.query<Record<string, unknown>>(
    `select id, organisation_name, body, usage_note, submitted_at from consultation_submissions
      where consultation_id = $1 and published order by submitted_at`,
    [id],
  );
  const files = await attachmentsOf(
    q,
    subs.rows.map((s) => String(s.id)),
  );
  return {
    ...c,
    published: subs.rows.map((s) => ({
      id: String(s.id),
      organisationName: String(s.organisation_name),
      body: String(s.body),
      usageNote: (s.usage_note as string | null) ?? null,
      submittedAt: String(s.submitted_at),
      attachments: files.get(String(s.id)) ?? [],
    })),
  };
}

export async function listConsultations(
  q: Queryable,
  actor: Actor | null,
  f: {
    page: number;
    pageSize: number;
    cycleId?: string | undefined;
    instrumentId?: string | undefined;
    status?: ConsultationStatus | undefined;
  },
): Promise<Page<Consultation>> {
  const where = new Where()
    .addIf(f.cycleId, 'c.cycle_id = ?', f.cycleId)
    .addIf(f.instrumentId, 'cy.instrument_id = ?', f.instrumentId);
  if (f.status === 'planned') where.add('c.opens_at > now()');
  if (f.status === 'open') where.add('c.opens_at <= now() and c.closes_at > now()');
  if (f.status === 'closed') where.add('c.closes_at <= now()');
  return pageOf(q, {
    select: SELECT,
    from: FROM,
    where,
    orderBy: 'c.opens_at desc, c.id',
    page: f.page,
    pageSize: f.pageSize,
    map: (row) => toConsultation(row, actor),
  });
}

async function instrumentOfCycle(q: Queryable, cycleId: string) {
  const r = await q.query<Record<string, unknown>>(
    'select i.* from cycles cy join instruments i on i.id = cy.instrument_id where cy.id = $1',
    [cycleId],
  );
  if (!r.rows[0])
    throw badRequest(`No reporting cycle with id "${cycleId}" exists. Pick a cycle from the list.`);
  return r.rows[0];
}

function checkDates(opensAt: string, closesAt: string) {
  if (new Date(closesAt) <= new Date(opensAt))
    throw badRequest(
      `The closing date (${closesAt}) must come after the opening date (${opensAt}). Correct one of the two.`,
    );
}

export async function createConsultation(
  db: Db,
  actor: Actor,
  input: { cycleId: string; opensAt: string; closesAt: string } & Record<string, unknown>,
) {
  checkDates(input.opensAt, input.closesAt);
  const id = await db.transaction(async (tx) => {
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, input.cycleId)));
    return String((await insertRow(tx, actor, consultationTable, input)).id);
  });
  return getConsultation(db, actor, id);
}

export async function updateConsultation(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number; opensAt?: string; closesAt?: string },
) {
  await db.transaction(async (tx) => {
    const row = await consultationRow(tx, id);
    assertMayEditInstrument(actor, ownersOfRow(row));
    checkDates(input.opensAt ?? String(row.opens_at), input.closesAt ?? String(row.closes_at));
    await updateRow(tx, actor, consultationTable, id, input);
  });
  return getConsultation(db, actor, id);
}

// ---- The public form: token, client hash, spam limit, submission ----

const TOKEN_HOURS = 6;

/** A secret of this installation (for form tokens and address hashes), created on first use. */
async function installationSecret(q: Queryable): Promise<string> {
  await q.query(
    `insert into app_settings (key, value) values ('consultation_secret', to_jsonb($1::text))
     on conflict (key) do nothing`,
    [crypto.randomBytes(32).toString('hex')],
  );
  const r = await q.query<{ value: string }>(
    "select value #>> '{}' as value from app_settings where key = 'consultation_secret'",
  );
  return r.rows[0]!.value;
}

const hmac = (secret: string, data: string) =>
  crypto.createHmac('sha256', secret).update(data).digest('base64url');

/** A keyed hash of a client address: the same address gives the same hash, the address cannot be read back. */
export async function clientHash(q: Queryable, address: string): Promise<string> {
  return hmac(await installationSecret(q), `addr:${address}`).slice(0, 32);
}

/**
 * The form token the public page fetches before it shows the form. A form on another site cannot
 * read it (no CORS), so a cross-site post has no valid token and is refused.
 */
export async function issueFormToken(q: Queryable, consultationId: string, now = Date.now()) {
  await consultationRow(q, consultationId);
  const secret = await installationSecret(q);
  const payload = `${consultationId}.${now}`;
  return {
    token: `${now}.${hmac(secret, `form:${payload}`)}`,
    expiresAt: new Date(now + TOKEN_HOURS * 3600_000).toISOString(),
  };
}

export async function checkFormToken(q: Queryable, consultationId: string, token: string, now = Date.now()) {
  const [issued, mac] = token.split('.');
  const at = Number(issued);
  const secret = await installationSecret(q);
  const expected = hmac(secret, `form:${consultationId}.${issued}`);
  const valid =
    Number.isFinite(at) &&
    typeof mac === 'string' &&
    mac.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected));
  if (!valid)
    throw new AppError(
      403,
      'form_token',
      'The form token is not valid for this consultation. Open the consultation page and submit the form there.',
    );
  if (at > now + 60_000 || now - at > TOKEN_HOURS * 3600_000)
    throw new AppError(
      403,
      'form_token',
      'The form has expired. Reload the consultation page and submit again (your text is not saved yet).',
    );
}

/** Throws 429 when this address made the maximum number of submissions in the past hour. */
export async function checkSubmissionLimit(q: Queryable, hash: string): Promise<void> {
  const r = await q.query<{ n: number; oldest: string | null }>(
    `select count(*)::int as n, min(submitted_at) as oldest from consultation_submissions
      where client_hash = $1 and submitted_at > now() - interval '1 hour'`,
    [hash],
  );
  const { n, oldest } = r.rows[0]!;
  if (n >= SUBMISSION_LIMITS.perAddressPerHour) {
    const wait = Math.max(60, Math.ceil((new Date(oldest!).getTime() + 3600_000 - Date.now()) / 1000));
    const err = new AppError(
      429,
      'submission_rate_limited',
      `Too many submissions from your address: at most ${SUBMISSION_LIMITS.perAddressPerHour} per hour. ` +
        `Try again in ${Math.ceil(wait / 60)} minute(s).`,
    );
    (err as AppError & { retryAfter?: number }).retryAfter = wait;
    throw err;
  }
}

/** Refuses a submission outside the opening period, with the dates in the message. */
export function assertOpen(c: { opensAt: string; closesAt: string }, now = new Date()) {
  const status = consultationStatus(c.opensAt, c.closesAt, now);
  if (status === 'planned')
    throw new AppError(
      409,
      'consultation_not_open',
      `This consultation is not open yet: it opens on ${c.opensAt}. Nothing was saved.`,
    );
  if (status === 'closed')
    throw new AppError(
      409,
      'consultation_closed',
      `This consultation closed on ${c.closesAt}: submissions are no longer accepted. Nothing was saved.`,
    );
}

export const publicActor = (hash: string): Actor => ({
  id: null,
  label: `public:${hash.slice(0, 16)}`,
  organisationCode: null,
  // Only ever passed to the audit trail; never to a permission check.
  role: 'observer',
  organisationId: null,
});

export async function createSubmission(
  db: Db,
  consultationId: string,
  hash: string,
  fields: {
    organisationName: string;
    contactName: string;
    contactEmail: string;
    body: string;
    consentToPublish: boolean;
  },
  files: CheckedFile[],
) {
  const actor = publicActor(hash);
  return db.transaction(async (tx) => {
    const c = await tx.query<{ opens_at: string; closes_at: string }>(
      'select opens_at, closes_at from consultations where id = $1 for update',
      [consultationId],
    );
    if (!c.rows[0]) throw notFound('consultation', consultationId);
    // Checked again at the moment of saving: an upload may have taken a while.
    assertOpen({ opensAt: c.rows[0].opens_at, closesAt: c.rows[0].closes_at });
    await checkSubmissionLimit(tx, hash);
    const row = await insertRow(tx, actor, submissionTable, {
      ...fields,
      consultationId,
      clientHash: hash,
    });
    const id = String(row.id);
    const attachments: Attachment[] = [];
    for (const f of files) {
      const a = await tx.query<{ id: string }>(
        `insert into consultation_attachments (submission_id, file_name, media_type, size_bytes, sha256, content)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [id, f.fileName, f.mediaType, f.sizeBytes, f.sha256, f.content],
      );
      const meta = {
        id: a.rows[0]!.id,
        fileName: f.fileName,
        mediaType: f.mediaType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
      };
      attachments.push(meta);
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'consultation_attachment',
        entityId: meta.id,
        after: { ...meta, submissionId: id },
      });
    }
    return { id, submittedAt: String(row.submitted_at), attachments };
  });
}

async function attachmentsOf(q: Queryable, submissionIds: string[]): Promise<Map<string, Attachment[]>> {
  const out = new Map<string, Attachment[]>();
  if (!submissionIds.length) return out;
  const r = await q.query<Record<string, unknown>>(
    `select id, submission_id, file_name, media_type, size_bytes, sha256 from consultation_attachments
      where submission_id = any($1::uuid[]) order by created_at, file_name`,
    [submissionIds],
  );
  for (const a of r.rows) {
    const list = out.get(String(a.submission_id)) ?? [];
    list.push({
      id: String(a.id),
      fileName: String(a.file_name),
      mediaType: String(a.media_type),
      sizeBytes: Number(a.size_bytes),
      sha256: String(a.sha256),
    });
    out.set(String(a.submission_id), list);
  }
  return out;
}

function toSubmission(row: Record<string, unknown>, attachments: Attachment[]): Submission {
  const { clientHash: _hidden, ...s } = camelize<Submission & { clientHash: string }>(row);
  void _hidden;
  return { ...s, attachments };
}

async function assertModerator(q: Queryable, actor: Actor, consultationId: string) {
  const row = await consultationRow(q, consultationId);
  if (!mayEdit(actor, row))
    throw forbidden(
      `Only an administrator or a coordinator of the lead or coordinating organisation of ${String(
        row.instrument_code,
      )} may read and moderate the submissions of this consultation.`,
    );
  return row;
}

export async function listSubmissions(
  q: Queryable,
  actor: Actor,
  consultationId: string,
  f: { page: number; pageSize: number; status?: string | undefined },
): Promise<Page<Submission>> {
  await assertModerator(q, actor, consultationId);
  const page = await pageOf(q, {
    select: '*',
    from: 'consultation_submissions',
    where: new Where().add('consultation_id = ?', consultationId).addIf(f.status, 'status = ?', f.status),
    orderBy: 'submitted_at, id',
    page: f.page,
    pageSize: f.pageSize,
    map: (row) => row,
  });
  const files = await attachmentsOf(
    q,
    page.items.map((r) => String(r.id)),
  );
  return { ...page, items: page.items.map((r) => toSubmission(r, files.get(String(r.id)) ?? [])) };
}

export async function moderateSubmission(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    version: number;
    status?: 'received' | 'accepted' | 'rejected' | undefined;
    rejectionReason?: string | null | undefined;
    published?: boolean | undefined;
    usageNote?: string | null | undefined;
  },
): Promise<Submission> {
  return db.transaction(async (tx) => {
    const before = await getRow(tx, submissionTable, id);
    await assertModerator(tx, actor, String(before.consultation_id));
    const status = input.status ?? (before.status as string);
    const published = input.published ?? (status === 'accepted' ? Boolean(before.published) : false);
    if (published && !before.consent_to_publish)
      throw badRequest('This submission may not be published: its author did not consent to publication.');
    if (published && status !== 'accepted') throw badRequest('Accept the submission before you publish it.');
    const rejectionReason =
      status === 'rejected' ? (input.rejectionReason ?? (before.rejection_reason as string | null)) : null;
    if (status === 'rejected' && !rejectionReason?.trim())
      throw badRequest('Give the reason for rejecting this submission.');
    const after = await updateRow(tx, actor, submissionTable, id, {
      version: input.version,
      status,
      published,
      rejectionReason,
      ...(input.usageNote !== undefined ? { usageNote: input.usageNote } : {}),
    });
    const files = await attachmentsOf(tx, [id]);
    return toSubmission(after, files.get(id) ?? []);
  });
}

/** An attachment's bytes: public when its submission is published, else for the moderators only. */
export async function getAttachment(q: Queryable, actor: Actor | null, id: string) {
  const r = await q.query<Record<string, unknown>>(
    `select a.file_name, a.media_type, a.sha256, a.content, s.published, s.consultation_id
       from consultation_attachments a join consultation_submissions s on s.id = a.submission_id
      where a.id = $1`,
    [id],
  );
  const a = r.rows[0];
  if (!a) throw notFound('attachment', id);
  if (!a.published) {
    if (!actor) throw new AppError(401, 'unauthenticated', 'Log in first: this attachment is not published.');
    await assertModerator(q, actor, String(a.consultation_id));
  }
  return {
    fileName: String(a.file_name),
    mediaType: String(a.media_type),
    sha256: String(a.sha256),
    content: Buffer.from(a.content as Uint8Array),
  };
}
