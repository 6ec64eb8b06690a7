import { z } from 'zod';
import { DatePrecision } from '../cycles/schema.ts';
import { Code, PageQuery, Provenance, Uuid, VersionInput, Versioned } from '../shared/schema.ts';

export const InstrumentSystem = z.enum(['UN', 'CoE']);
export const InstrumentKind = z.enum(['treaty', 'optional_protocol', 'mechanism']);
export const RatificationStatus = z.enum(['party', 'signatory', 'not_party', 'not_applicable']);
export const Procedure = z.enum(['standard', 'simplified']);

export const MonitoringBody = z.object({
  id: Uuid,
  code: z.string(),
  nameEn: z.string(),
  nameNl: z.string(),
  system: z.enum(['UN', 'CoE', 'national']),
  kind: z.enum([
    'treaty_body',
    'upr',
    'coe_body',
    'advisory_council',
    'nhri',
    'parliament',
    'special_procedure',
  ]),
  ...Provenance,
  ...Versioned,
});
export type MonitoringBody = z.infer<typeof MonitoringBody>;

export const OrgRef = z.object({ id: Uuid, code: z.string(), nameNl: z.string(), nameEn: z.string() });
export type OrgRef = z.infer<typeof OrgRef>;

/** What the current user may do with an instrument (src/instruments/policy.ts). */
export const InstrumentAbilities = z.object({ edit: z.boolean() });
export type InstrumentAbilities = z.infer<typeof InstrumentAbilities>;

export const Instrument = z.object({
  id: Uuid,
  code: z.string(),
  shortName: z.string(),
  nameEn: z.string(),
  nameNl: z.string(),
  system: InstrumentSystem,
  kind: InstrumentKind,
  parentId: Uuid.nullable(),
  monitoringBody: z.object({ id: Uuid, code: z.string(), nameEn: z.string(), nameNl: z.string() }).nullable(),
  ratificationStatus: RatificationStatus,
  ratificationYear: z.number().int().nullable(),
  periodicityYears: z.number().nullable(),
  procedure: Procedure.nullable(),
  lead: OrgRef.nullable(),
  coordinating: OrgRef.nullable(),
  leadSource: z.string().nullable(),
  leadVerified: z.boolean(),
  /** Who confirmed the lead ministry, and when (null until someone confirms it in the app). */
  leadVerifiedBy: z.object({ id: Uuid, name: z.string() }).nullable(),
  leadVerifiedAt: z.string().nullable(),
  appliesTo: z.array(z.string()),
  /** Fields whose value is not verified yet: shown as such until a coordinator confirms them. */
  unverifiedFields: z.array(z.string()),
  sortOrder: z.number().int(),
  ...Provenance,
  ...Versioned,
  abilities: InstrumentAbilities,
});
export type Instrument = z.infer<typeof Instrument>;

export const InstrumentCreate = z.object({
  code: Code,
  shortName: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1, 'enter the English name').max(400),
  nameNl: z.string().trim().min(1, 'enter the Dutch name').max(400),
  system: InstrumentSystem,
  kind: InstrumentKind,
  parentId: Uuid.nullable().optional(),
  monitoringBodyId: Uuid.nullable().optional(),
  ratificationStatus: RatificationStatus.optional(),
  ratificationYear: z.number().int().min(1945).max(2100).nullable().optional(),
  periodicityYears: z.number().positive().max(20).nullable().optional(),
  procedure: Procedure.nullable().optional(),
  leadOrganisationId: Uuid.nullable().optional(),
  coordinatingOrganisationId: Uuid.nullable().optional(),
  leadSource: z.string().max(500).nullable().optional(),
  leadVerified: z.boolean().optional(),
  appliesTo: z.array(z.string().max(10)).max(10).optional(),
  unverifiedFields: z.array(z.string().max(60)).max(30).optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type InstrumentCreate = z.infer<typeof InstrumentCreate>;
export const InstrumentUpdate = InstrumentCreate.partial().extend(VersionInput);
export type InstrumentUpdate = z.infer<typeof InstrumentUpdate>;

export const InstrumentQuery = PageQuery.extend({
  system: InstrumentSystem.optional(),
  kind: InstrumentKind.optional(),
  q: z.string().max(200).optional(),
});
export type InstrumentQuery = z.infer<typeof InstrumentQuery>;

/** One row of the treaty overview: what the annual letter to parliament lists per instrument. */
export const OverviewRow = z.object({
  instrumentId: Uuid,
  code: z.string(),
  shortName: z.string(),
  nameEn: z.string(),
  nameNl: z.string(),
  system: InstrumentSystem,
  kind: InstrumentKind,
  ratificationStatus: RatificationStatus,
  monitoringBody: z.object({ code: z.string(), nameEn: z.string(), nameNl: z.string() }).nullable(),
  lead: OrgRef.nullable(),
  leadVerified: z.boolean(),
  lastReport: z
    .object({
      date: z.string().nullable(),
      datePrecision: DatePrecision,
      symbol: z.string().nullable(),
      cycleLabel: z.string(),
      verified: z.boolean(),
    })
    .nullable(),
  currentPhase: z
    .object({
      kind: z.string(),
      date: z.string().nullable(),
      datePrecision: DatePrecision.nullable(),
      cycleLabel: z.string(),
    })
    .nullable(),
  nextDue: z
    .object({
      kind: z.string(),
      date: z.string(),
      datePrecision: DatePrecision.nullable(),
      overdue: z.boolean(),
      /** Derived by the rules per body (src/cycles/rules.ts), or an override of such a date. */
      derived: z.boolean(),
      cycleLabel: z.string(),
    })
    .nullable(),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const MonitoringBodyCreate = z.object({
  code: Code,
  nameEn: z.string().trim().min(1).max(300),
  nameNl: z.string().trim().min(1).max(300),
  system: z.enum(['UN', 'CoE', 'national']),
  kind: MonitoringBody.shape.kind,
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type MonitoringBodyCreate = z.infer<typeof MonitoringBodyCreate>;
export const MonitoringBodyUpdate = MonitoringBodyCreate.partial().extend(VersionInput);
export type MonitoringBodyUpdate = z.infer<typeof MonitoringBodyUpdate>;

/** Confirming an instrument's lead ministry: the version of the instrument the user saw. */
export const LeadConfirmation = z.object({ ...VersionInput });
export type LeadConfirmation = z.infer<typeof LeadConfirmation>;
