import { z } from 'zod';
import { BoundedDate, DATE_BOUNDS, PageQuery, Uuid, VersionInput, Versioned } from '../shared/schema.ts';

export const Participant = z.object({
  id: Uuid,
  organisationId: Uuid.nullable(),
  organisationCode: z.string().nullable(),
  organisationNameNl: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  personName: z.string().nullable(),
});
export type Participant = z.infer<typeof Participant>;

export const ParticipantInput = z
  .object({
    organisationId: Uuid.nullable().optional(),
    personName: z.string().trim().max(200).nullable().optional(),
  })
  .refine((p) => Boolean(p.organisationId) || Boolean(p.personName), {
    message: 'name an organisation or a person for each participant',
  });

export const AGENDA_ORIGINS = [
  'manual',
  'standard',
  'report_due',
  'follow_up_due',
  'overdue_tasks',
  'consultation',
] as const;
export const AgendaOrigin = z.enum(AGENDA_ORIGINS);
export type AgendaOrigin = z.infer<typeof AgendaOrigin>;

export const AgendaItem = z.object({
  id: Uuid,
  position: z.number().int(),
  title: z.string(),
  notes: z.string().nullable(),
  origin: AgendaOrigin,
  cycleId: Uuid.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** What the current user may do with a meeting: plan it, its participants, agenda, minutes and decisions. */
export const MeetingAbilities = z.object({ edit: z.boolean() });
export type MeetingAbilities = z.infer<typeof MeetingAbilities>;

export const Meeting = z.object({
  id: Uuid,
  title: z.string(),
  date: z.string(),
  location: z.string().nullable(),
  minutes: z.string().nullable(),
  participants: z.array(Participant),
  agenda: z.array(AgendaItem),
  /** Decisions recorded as tasks. */
  decisionCount: z.number().int(),
  abilities: MeetingAbilities,
  ...Versioned,
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingCreate = z.object({
  title: z.string().trim().min(1, 'enter a title').max(300),
  date: BoundedDate(DATE_BOUNDS.meeting),
  location: z.string().trim().max(300).nullable().optional(),
  minutes: z.string().max(50_000).nullable().optional(),
  participants: z.array(ParticipantInput).max(200).optional(),
});
export type MeetingCreate = z.infer<typeof MeetingCreate>;
export const MeetingUpdate = MeetingCreate.partial().extend(VersionInput);
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;
export type ParticipantInput = z.infer<typeof ParticipantInput>;
export const MeetingQuery = PageQuery.extend({
  /** 'upcoming': today or later; 'past': before today. */
  when: z.enum(['upcoming', 'past']).optional(),
});
export type MeetingQuery = z.infer<typeof MeetingQuery>;

export const ProposedItem = z.object({
  title: z.string(),
  notes: z.string().nullable(),
  origin: AgendaOrigin,
  cycleId: Uuid.nullable(),
});
export type ProposedItem = z.infer<typeof ProposedItem>;

export const AgendaProposal = z.object({
  /** The period the proposal looks at: from the meeting date to twelve months later. */
  from: z.string(),
  until: z.string(),
  items: z.array(ProposedItem),
});
export type AgendaProposal = z.infer<typeof AgendaProposal>;
export const ProposalQuery = z.object({ lang: z.enum(['nl', 'en']).default('nl') });
export type ProposalLang = z.infer<typeof ProposalQuery>['lang'];

export const AgendaSave = z.object({
  ...VersionInput,
  items: z
    .array(
      z.object({
        title: z.string().trim().min(1, 'enter a title for each agenda item').max(500),
        notes: z.string().max(10_000).nullable().optional(),
        origin: AgendaOrigin.optional(),
        cycleId: Uuid.nullable().optional(),
      }),
    )
    .max(100),
});
export type AgendaSave = z.infer<typeof AgendaSave>;

export const DecisionCreate = z.object({
  title: z.string().trim().min(1, 'describe the decision').max(300),
  description: z.string().max(5000).nullable().optional(),
  ownerOrganisationId: Uuid,
  dueDate: BoundedDate(DATE_BOUNDS.dueDate),
  cycleId: Uuid.nullable().optional(),
});
export type DecisionCreate = z.infer<typeof DecisionCreate>;
