/**
 * The requests and answers of Woo publication: the redaction review of a document of the workspace,
 * and the public versions the public pages list. Shared by the server and the browser app.
 */
import { z } from 'zod';
import { IsoDate, Uuid, Version } from '../shared/schema.ts';
import { AddedSpan, Finding, FindingDecision } from './schema.ts';

/** The redaction review of a document: its text as the search read it, and the list. */
export const RedactionReview = z.object({
  documentId: Uuid,
  /** Whether a list exists: before the first search there is none. */
  searched: z.boolean(),
  /** The document's text now; findings and added spans are offsets into it. */
  text: z.string(),
  findings: z.array(Finding),
  added: z.array(AddedSpan),
  reviewed: z.boolean(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The document changed since the search: search again before reviewing or publishing. */
  stale: z.boolean(),
  /** The list's version (0 before the first search), carried by the next change. */
  version: z.number().int().min(0),
  published: z.object({ at: z.string(), by: z.string().nullable(), redactions: z.number().int() }).nullable(),
  abilities: z.object({ review: z.boolean(), publish: z.boolean() }),
});
export type RedactionReview = z.infer<typeof RedactionReview>;

/** The reviewer's changes: decisions per finding, the spans added by hand, and whether the review is done. */
export const RedactionUpdate = z.object({
  version: Version,
  decisions: z
    .array(z.object({ id: z.string().min(1).max(64), decision: FindingDecision.exclude(['proposed']) }))
    .max(10_000)
    .default([]),
  added: z.array(AddedSpan).max(2_000).optional(),
  reviewed: z.boolean().optional(),
});
export type RedactionUpdate = z.infer<typeof RedactionUpdate>;

export const PublishInput = z.object({ version: Version });
export type PublishInput = z.infer<typeof PublishInput>;

/** A published document as the public sees it in a list. */
export const PublicDocumentSummary = z.object({
  id: Uuid,
  kind: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  sentOn: IsoDate.nullable(),
  kamerstuk: z.string().nullable(),
  redactions: z.number().int(),
  /** The language the document is written in. */
  language: z.enum(['nl', 'en']),
});
export type PublicDocumentSummary = z.infer<typeof PublicDocumentSummary>;

/** A published document with its public text (every redaction applied). */
export const PublicDocument = PublicDocumentSummary.extend({ text: z.string() });
export type PublicDocument = z.infer<typeof PublicDocument>;
