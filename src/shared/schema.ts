/**
 * Schemas shared by the server (validation, OpenAPI) and the browser app (types).
 * This file and the other schema.ts files import nothing but zod.
 */
import { z } from 'zod';

export const Uuid = z.uuid({ message: 'must be an id (UUID), as returned by the API' });
export const IsoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });
export const Code = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

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

/** Every PATCH carries the version the user saw, so a stale edit is refused instead of lost. */
export const VersionInput = { version: z.number().int().positive() };

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
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
