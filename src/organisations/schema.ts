import { z } from 'zod';
import {
  BoundedDate,
  Code,
  DATE_BOUNDS,
  PageQuery,
  Provenance,
  Uuid,
  VersionInput,
  Versioned,
} from '../shared/schema.ts';

export const OrganisationKind = z.enum([
  'ministry',
  'kingdom_country',
  'public_body',
  'nhri',
  'advisory_council',
  'cso',
  'parliament',
  'ombudsman',
  'other',
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;
/** The kinds in the order the browser app offers them. */
export const ORGANISATION_KINDS: readonly OrganisationKind[] = OrganisationKind.options;

export const Organisation = z.object({
  id: Uuid,
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  kind: OrganisationKind,
  parentId: Uuid.nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** True while today lies within validFrom..validTo. */
  current: z.boolean(),
  ...Provenance,
  ...Versioned,
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationCreate = z.object({
  code: Code,
  nameNl: z.string().trim().min(1, 'enter the Dutch name').max(300),
  nameEn: z.string().trim().min(1, 'enter the English name').max(300),
  kind: OrganisationKind,
  parentId: Uuid.nullable().optional(),
  validFrom: BoundedDate(DATE_BOUNDS.treatyFact).nullable().optional(),
  validTo: BoundedDate(DATE_BOUNDS.treatyFact).nullable().optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;
export const OrganisationUpdate = OrganisationCreate.partial().extend(VersionInput);
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const OrganisationQuery = PageQuery.extend({
  kind: OrganisationKind.optional(),
  q: z.string().max(200).optional(),
  current: z.enum(['true', 'false']).optional(),
});
export type OrganisationQuery = z.infer<typeof OrganisationQuery>;
