/**
 * The Kingdom's membership of the UN Human Rights Council: terms, their priorities, pledges (commitments
 * of kind 'pledge'), resolutions and yearly results. Shared by the API and the browser app.
 */
import { z } from 'zod';
import { CommitmentStatus } from '../commitments/schema.ts';
import { BoundedDate, DATE_BOUNDS, Uuid, Version } from '../shared/schema.ts';

const Text = (max: number) => z.string().trim().max(max);
const Day = BoundedDate(DATE_BOUNDS.treatyFact);
const Year = z.number().int().min(2006).max(2100);

export const TERM_STATUSES = ['candidate', 'member', 'past'] as const;
export const TermStatus = z.enum(TERM_STATUSES);
export const RESOLUTION_ROLES = ['lead', 'co_sponsor'] as const;
export const ResolutionRole = z.enum(RESOLUTION_ROLES);

/** A resolution of the Council: A/HRC/RES/49/1 (session 49, resolution 1). */
export const RESOLUTION_SYMBOL = /^A\/HRC\/RES\/\d{1,3}\/\d{1,4}$/;

export const HrcAbilities = z.object({ edit: z.boolean() });

export const TermSummary = z.object({
  id: Uuid,
  startYear: z.number().int(),
  endYear: z.number().int(),
  status: TermStatus,
  electionDate: z.string().nullable(),
  votesReceived: z.number().int().nullable(),
  seats: z.number().int().nullable(),
  regionGroup: z.string().nullable(),
  notes: z.string().nullable(),
  /** Where a term of the reference data comes from; null for one recorded by hand. */
  source: z.string().nullable(),
  /** The fields the source does not state (shown as unverified until saved). */
  unverifiedFields: z.array(z.string()),
  version: Version,
  abilities: HrcAbilities,
});
export type TermSummary = z.infer<typeof TermSummary>;

/** The terms, with what the user may do with the membership (create a term). */
export const TermList = z.object({ items: z.array(TermSummary), abilities: HrcAbilities });
export type TermList = z.infer<typeof TermList>;

export const Priority = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  source: z.string().nullable(),
  version: Version,
});
export const Pledge = z.object({
  id: Uuid,
  commitmentId: Uuid,
  text: z.string(),
  status: CommitmentStatus,
  dueOn: z.string().nullable(),
});
export const Resolution = z.object({
  id: Uuid,
  title: z.string(),
  symbol: z.string(),
  session: z.number().int().nullable(),
  role: ResolutionRole,
  coreGroup: z.array(z.string()),
  adoptedOn: z.string().nullable(),
  vote: z.string().nullable(),
  version: Version,
});
export const YearResult = z.object({ id: Uuid, year: z.number().int(), text: z.string(), version: Version });

export const Term = TermSummary.extend({
  priorities: z.array(Priority),
  pledges: z.array(Pledge),
  resolutions: z.array(Resolution),
  results: z.array(YearResult),
});
export type Term = z.infer<typeof Term>;

const termFields = {
  status: TermStatus,
  electionDate: Day.nullable(),
  votesReceived: z.number().int().min(0).max(200).nullable(),
  seats: z.number().int().min(1).max(47).nullable(),
  regionGroup: Text(100).nullable(),
  notes: Text(4000).nullable(),
};

/** A term's end before its start is refused by the service (hrc.term_order), with its field. */
export const TermCreate = z.object({
  startYear: Year,
  endYear: Year,
  status: termFields.status.default('candidate'),
  electionDate: termFields.electionDate.default(null),
  votesReceived: termFields.votesReceived.default(null),
  seats: termFields.seats.default(null),
  regionGroup: termFields.regionGroup.default(null),
  notes: termFields.notes.default(null),
});
export type TermCreate = z.infer<typeof TermCreate>;

export const TermUpdate = z.object({
  startYear: Year.optional(),
  endYear: Year.optional(),
  status: termFields.status.optional(),
  electionDate: termFields.electionDate.optional(),
  votesReceived: termFields.votesReceived.optional(),
  seats: termFields.seats.optional(),
  regionGroup: termFields.regionGroup.optional(),
  notes: termFields.notes.optional(),
  version: Version,
});
export type TermUpdate = z.infer<typeof TermUpdate>;

export const PriorityCreate = z.object({
  title: Text(300).min(1, { message: 'give the title of the priority' }),
  description: Text(4000).nullable().default(null),
  position: z.number().int().min(0).max(1000).default(0),
});
export type PriorityCreate = z.infer<typeof PriorityCreate>;
export const PriorityUpdate = z.object({
  title: Text(300).min(1).optional(),
  description: Text(4000).nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  version: Version,
});
export type PriorityUpdate = z.infer<typeof PriorityUpdate>;

/** A pledge of the term: registered as a commitment of kind 'pledge', with BZ responsible. */
export const PledgeCreate = z.object({
  text: Text(8000).min(1, { message: 'give the text of the pledge' }),
  madeOn: Day.nullable().default(null),
  dueOn: Day.nullable().default(null),
});
export type PledgeCreate = z.infer<typeof PledgeCreate>;

export const ResolutionCreate = z.object({
  title: Text(500).min(1, { message: 'give the title of the resolution' }),
  /** Checked in the service, with a clear error: A/HRC/RES/49/1. */
  symbol: Text(40),
  session: z.number().int().min(1).max(999).nullable().default(null),
  role: ResolutionRole,
  coreGroup: z.array(Text(100).min(1)).max(60).default([]),
  adoptedOn: Day.nullable().default(null),
  vote: Text(200).nullable().default(null),
});
export type ResolutionCreate = z.infer<typeof ResolutionCreate>;
export const ResolutionUpdate = ResolutionCreate.partial().extend({ version: Version });
export type ResolutionUpdate = z.infer<typeof ResolutionUpdate>;

export const ResultCreate = z.object({
  year: Year,
  text: Text(8000).min(1, { message: 'give the results' }),
});
export type ResultCreate = z.infer<typeof ResultCreate>;
export const ResultUpdate = z.object({ text: Text(8000).min(1), version: Version });
export type ResultUpdate = z.infer<typeof ResultUpdate>;
