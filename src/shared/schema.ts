/**
 * Schemas shared by the server (validation, OpenAPI) and the browser app (types).
 * This file and the other schema.ts files import nothing but zod.
 */
import { z } from 'zod';

export const Uuid = z.uuid({ message: 'must be an id (UUID), as returned by the API' });
export const IsoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });

/**
 * Bounds of dates, by what makes sense for each kind of field (a date outside is refused with the
 * range it must be in):
 * - facts of treaties and organisations (ratification, phases of a cycle, overrides of a derived
 *   deadline, documents, validity of an organisation): 1945 (the UN Charter) to 2100;
 * - meetings of the network: ten years back (minutes of past meetings) to five years ahead;
 * - due dates of tasks and of meeting decisions: five years back to ten years ahead;
 * - opening and closing of a public consultation: five years back to five years ahead.
 * Bounds relative to today move with the current year (UTC), from 1 January to 31 December.
 */
export const DATE_BOUNDS = {
  treatyFact: { from: 1945, to: 2100 },
  meeting: { yearsBack: 10, yearsAhead: 5 },
  dueDate: { yearsBack: 5, yearsAhead: 10 },
  consultation: { yearsBack: 5, yearsAhead: 5 },
} as const;
type DateBound = { from: number; to: number } | { yearsBack: number; yearsAhead: number };

/** The first and last year a bound allows, today. */
export function yearsOf(b: DateBound): { from: number; to: number } {
  if ('from' in b) return b;
  const year = new Date().getUTCFullYear();
  return { from: year - b.yearsBack, to: year + b.yearsAhead };
}

const inYears = (b: DateBound) => (value: string, ctx: z.RefinementCtx) => {
  const { from, to } = yearsOf(b);
  const year = new Date(value).getUTCFullYear();
  if (!(year >= from && year <= to))
    ctx.addIssue({ code: 'custom', message: `must be between ${from}-01-01 and ${to}-12-31` });
};

/** A date (YYYY-MM-DD) within the bounds of its kind of field. */
export const BoundedDate = (b: DateBound) => IsoDate.superRefine(inYears(b));
/** A date and time with its offset within the bounds of its kind of field. */
export const BoundedDateTime = (b: DateBound, message: string) =>
  z.iso.datetime({ offset: true, message }).superRefine(inYears(b));

export const Code = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

export type TextProblem = 'control_character' | 'broken_text' | 'direction_override';

// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const DIRECTION_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * What no text input may hold: control characters (NUL and the rest of C0 and C1; tab and line
 * breaks only where the text may span lines), half of a surrogate pair, and the characters that
 * override the direction of text (they make a name read differently than it is stored).
 */
export function textProblem(s: string, lineBreaks: boolean): TextProblem | null {
  if ((lineBreaks ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(s)) return 'control_character';
  if (!s.isWellFormed()) return 'broken_text';
  if (DIRECTION_OVERRIDE.test(s)) return 'direction_override';
  return null;
}

const TEXT_PROBLEM_MESSAGE: Record<TextProblem, string> = {
  control_character: 'contains a control character (such as NUL)',
  broken_text: 'is not valid text (half of a character pair)',
  direction_override: 'contains a character that reverses the direction of the text',
};

/** For a form that is not JSON (multipart): checks every text field, `multiLine` ones may span lines. */
export const refuseHostileText =
  (multiLine: readonly string[] = []) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v !== 'string') continue;
      const problem = textProblem(v, multiLine.includes(key));
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: TEXT_PROBLEM_MESSAGE[problem] });
    }
  };

export const Role = z.enum(['admin', 'coordinator', 'contributor', 'observer']);
export type Role = z.infer<typeof Role>;

export const Provenance = {
  source: z.string().max(500).nullable(),
  verified: z.boolean(),
};

export const Versioned = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** The largest value of a PostgreSQL integer: every integer input stays below it (no overflow in SQL). */
export const INT4_MAX = 2147483647;
/** A version number as the API returns it. */
export const Version = z.number().int().positive().max(INT4_MAX);
/** A version number in a query string (?version=3). */
export const VersionParam = z.coerce.number().int().positive().max(INT4_MAX);

/** Every PATCH carries the version the user saw, so a stale edit is refused instead of lost. */
export const VersionInput = { version: Version };

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const IdParams = z.object({ id: Uuid });

/** application/problem+json (RFC 9457). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  /** The values the message mentions; with `code` they give the message in the user's language. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
