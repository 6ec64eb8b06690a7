import { z } from 'zod';
import { Code, PageQuery, Provenance, Uuid, VersionInput, Versioned } from '../shared/schema.ts';

export const Scheme = z.enum(['sdg_goal', 'sdg_target', 'uhri_theme', 'uhri_group', 'nl_priority']);
export type Scheme = z.infer<typeof Scheme>;

export const Term = z.object({
  id: Uuid,
  scheme: Scheme,
  code: z.string(),
  labelEn: z.string(),
  labelNl: z.string().nullable(),
  /** Where the Dutch label comes from (a translation for the UN themes and groups: no official Dutch exists). */
  labelNlSource: z.string().nullable(),
  labelNlVerified: z.boolean(),
  parentId: Uuid.nullable(),
  sortOrder: z.number().int(),
  aliases: z.array(z.string()),
  ...Provenance,
  ...Versioned,
});
export type Term = z.infer<typeof Term>;

export const TermCreate = z.object({
  scheme: Scheme,
  code: Code,
  labelEn: z.string().trim().min(1, 'enter the English label').max(500),
  labelNl: z.string().trim().max(500).nullable().optional(),
  labelNlSource: z.string().trim().max(500).nullable().optional(),
  labelNlVerified: z.boolean().optional(),
  parentId: Uuid.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  aliases: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type TermCreate = z.infer<typeof TermCreate>;
export const TermUpdate = TermCreate.omit({ scheme: true, aliases: true }).partial().extend(VersionInput);
export type TermUpdate = z.infer<typeof TermUpdate>;
export const AliasCreate = z.object({ alias: z.string().trim().min(1, 'enter the alias').max(500) });
export const TermQuery = PageQuery.extend({
  scheme: Scheme.optional(),
  q: z.string().max(200).optional(),
  parentId: Uuid.optional(),
});
export type TermQuery = z.infer<typeof TermQuery>;
export const ResolveQuery = z.object({ scheme: Scheme, term: z.string().min(1).max(500) });
