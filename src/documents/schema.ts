import { z } from 'zod';
import {
  BoundedDate,
  DATE_BOUNDS,
  PageQuery,
  Provenance,
  Uuid,
  VersionInput,
  Versioned,
} from '../shared/schema.ts';

export const DocumentKind = z.enum([
  'state_report',
  'list_of_issues',
  'replies',
  'concluding_observations',
  'follow_up_report',
  'summary_record',
  'upr_wg_report',
  'upr_addendum',
  'evaluation_report',
  'advisory_report',
  'cabinet_response',
  'letter_to_parliament',
  'memo',
  'other',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** What the current user may do with one document. */
export const DocumentAbilities = z.object({
  /** Change its fields, or move it to another instrument or cycle. */
  edit: z.boolean(),
  /** Make it public, or internal again. */
  publish: z.boolean(),
});
export type DocumentAbilities = z.infer<typeof DocumentAbilities>;

export const Document = z.object({
  id: Uuid,
  symbol: z.string().nullable(),
  title: z.string(),
  kind: DocumentKind,
  date: z.string().nullable(),
  language: z.string(),
  instrumentId: Uuid.nullable(),
  cycleId: Uuid.nullable(),
  url: z.string().nullable(),
  public: z.boolean(),
  /** The user who filed it; null for documents filed before authors were recorded. */
  createdBy: Uuid.nullable(),
  ...Provenance,
  ...Versioned,
  abilities: DocumentAbilities,
});
export type Document = z.infer<typeof Document>;

export const DocumentCreate = z.object({
  symbol: z.string().trim().min(1).max(100).nullable().optional(),
  title: z.string().trim().min(1, 'enter a title').max(1000),
  kind: DocumentKind,
  date: BoundedDate(DATE_BOUNDS.treatyFact).nullable().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'use a two-letter language code such as "en" or "nl"')
    .optional(),
  instrumentId: Uuid.nullable().optional(),
  cycleId: Uuid.nullable().optional(),
  url: z.url({ message: 'must be a web address starting with http:// or https://' }).nullable().optional(),
  public: z.boolean().optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type DocumentCreate = z.infer<typeof DocumentCreate>;
export const DocumentUpdate = DocumentCreate.partial().extend(VersionInput);
export type DocumentUpdate = z.infer<typeof DocumentUpdate>;
export const DocumentQuery = PageQuery.extend({
  instrumentId: Uuid.optional(),
  cycleId: Uuid.optional(),
  kind: DocumentKind.optional(),
  q: z.string().max(200).optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;
