/**
 * Reading the public submission form: the origin check, the multipart body (fields as text, files
 * checked by content) and the fields' validation. Nothing is saved here.
 */
import type { FastifyRequest } from 'fastify';
import { consultationErrors } from './errors.ts';
import { checkFile, type CheckedFile } from './files.ts';
import { SUBMISSION_LIMITS, SubmissionFields } from './schema.ts';
import type { SubmissionFieldsInput } from './rows.ts';

/** Refuses a body that is not a form with files (multipart/form-data). */
export function assertMultipart(req: FastifyRequest): void {
  if (!req.isMultipart()) throw consultationErrors.multipart_required();
}

/**
 * Refuses a form posted from another site (the browser sends Origin with every cross-site POST),
 * with the error of the form's feature.
 */
export function assertSameOrigin(
  req: FastifyRequest,
  crossSite: () => Error = () => consultationErrors.cross_site(),
): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return null;
    }
  };
  const host = hostOf(origin);
  if (host === null || host !== hostOf(`${req.protocol}://${req.headers.host ?? ''}`)) throw crossSite();
}

/** Reads the multipart form: fields as text, files checked by content. */
export async function readForm(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  const files: CheckedFile[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (!part.filename && buf.length === 0) continue; // an empty file input
        files.push(await checkFile(part.filename, buf));
      } else {
        if (part.valueTruncated) throw consultationErrors.field_too_long({ field: part.fieldname });
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw consultationErrors.upload_too_large({ mb: SUBMISSION_LIMITS.maxFileBytes / 1024 / 1024 });
    if (code === 'FST_FILES_LIMIT')
      throw consultationErrors.too_many_files({ max: SUBMISSION_LIMITS.maxFiles });
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw consultationErrors.too_many_fields();
    throw err;
  }
  return { fields, files };
}

/** A field of the form that is not valid, named as the API names it ("body.contactEmail"). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The form's fields, validated. A wrong form is refused with one entry per wrong field (the error
 * handler sends `details.fields` as the problem's `errors`).
 */
export function parseFields(fields: Record<string, string>): {
  formToken: string;
  fields: SubmissionFieldsInput;
} {
  const parsed = SubmissionFields.safeParse(fields);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((i) => ({
      path: `body.${i.path.join('.')}`,
      message: i.message,
    }));
    const summary = errors.map((e) => `${e.path} ${e.message}`).join('; ');
    throw consultationErrors.submission_invalid({ summary }, { fields: errors });
  }
  const d = parsed.data;
  return {
    formToken: d.formToken,
    fields: {
      organisationName: d.organisationName,
      contactName: d.contactName,
      contactEmail: d.contactEmail,
      body: d.body,
      consentToPublish: d.consentToPublish === 'yes',
    },
  };
}
