/**
 * The points of a cabinet response (a workspace document of kind advisory_response or
 * concluding_response) and registering one as a commitment of kind cabinet_response_point.
 * Shared by the API and the browser app.
 */
import { z } from 'zod';
import { OrgRef } from '../instruments/schema.ts';
import { BoundedDate, DATE_BOUNDS, Uuid } from '../shared/schema.ts';
import { CommitmentStatus } from './schema.ts';

/** The kinds of workspace document that are cabinet responses. */
export const RESPONSE_KINDS = ['advisory_response', 'concluding_response'] as const;

/** One paragraph, bullet or numbered item of a section, by its index among the section's parts. */
export const ResponsePart = z.object({
  part: z.int(),
  type: z.enum(['paragraph', 'item']),
  text: z.string(),
});
export type ResponsePart = z.infer<typeof ResponsePart>;

/** A point already registered: the whole section (part null) or one of its parts. */
export const RegisteredPoint = z.object({
  commitmentId: Uuid,
  part: z.int().nullable(),
  text: z.string(),
  status: CommitmentStatus,
  organisation: OrgRef,
  dueOn: z.string().nullable(),
});
export type RegisteredPoint = z.infer<typeof RegisteredPoint>;

export const ResponseSection = z.object({
  key: z.string(),
  heading: z.string(),
  /** The recommendation the section answers (its key is "recommendation:<id>"), when it still exists. */
  recommendation: z
    .object({ id: Uuid, symbol: z.string().nullable(), paragraph: z.string().nullable() })
    .nullable(),
  /** The section's text, as the text of a point taken from the whole section. */
  text: z.string(),
  parts: z.array(ResponsePart),
  points: z.array(RegisteredPoint),
});
export type ResponseSection = z.infer<typeof ResponseSection>;

export const ResponsePoints = z.object({
  documentId: Uuid,
  title: z.string(),
  /** False for a document that is not a cabinet response: it has no points to register. */
  isResponse: z.boolean(),
  sections: z.array(ResponseSection),
  abilities: z.object({ register: z.boolean() }),
});
export type ResponsePoints = z.infer<typeof ResponsePoints>;

export const ResponsePointCreate = z.object({
  sectionKey: z.string().trim().min(1, 'pick a section').max(200),
  /** A paragraph, bullet or item of the section (ResponsePart.part); the whole section when null. */
  part: z.int().min(0).max(100_000).nullable().default(null),
  text: z.string().trim().min(1, 'give the text of the point').max(8000),
  organisationId: Uuid,
  dueOn: BoundedDate(DATE_BOUNDS.treatyFact).nullable().default(null),
});
export type ResponsePointCreate = z.infer<typeof ResponsePointCreate>;

export const ResponseIdParams = z.object({ id: Uuid });
