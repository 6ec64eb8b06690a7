/**
 * Contributions to the annual human rights report (migration 0034): requests with a deadline, the
 * contributions sent to them (through the request's link without an account, or signed in), each
 * tagged to result areas (1–4) and priorities (within area 1).
 */
import { z } from 'zod';
import {
  BoundedDateTime,
  DATE_BOUNDS,
  refuseHostileText,
  Uuid,
  Versioned,
  Version,
} from '../shared/schema.ts';
import { FRAMEWORK_PRIORITIES, FrameworkYear } from './framework-schema.ts';

export const AREA_CODES = [1, 2, 3, 4] as const;
/** The area whose contributions and examples name priorities. */
export const PRIORITY_AREA = 1;

/** Limits of the contribution form (also shown on the page). */
export const CONTRIBUTION_LIMITS = {
  organisation: 300,
  contactName: 200,
  contactEmail: 254,
  title: 300,
  body: 20_000,
  perAddressPerHour: 10,
  /** The request body of the public form, in bytes. */
  bodyBytes: 128 * 1024,
} as const;

export const ContributionPriority = z.enum(FRAMEWORK_PRIORITIES);
export type ContributionPriority = z.infer<typeof ContributionPriority>;

const Text = (max: number, message: string) => z.string().trim().min(1, message).max(max);
const Deadline = BoundedDateTime(
  DATE_BOUNDS.consultation,
  'must be a date and time with its offset, e.g. 2026-03-01T17:00:00+01:00',
);

export const YearQuery = z.object({ year: FrameworkYear });
export const SecretParams = z.object({ secret: z.string().min(1).max(200) });

export const RequestAbilities = z.object({ manage: z.boolean(), submit: z.boolean() });

/** A request for contributions. `open` is derived: not closed and before its deadline. */
export const ContributionRequest = z.object({
  id: Uuid,
  year: z.number().int(),
  title: z.string(),
  instructions: z.string(),
  addressees: z.array(z.string()),
  deadline: z.string(),
  closed: z.boolean(),
  open: z.boolean(),
  contributionCount: z.number().int(),
  abilities: RequestAbilities,
  ...Versioned,
});
export type ContributionRequest = z.infer<typeof ContributionRequest>;

export const ContributionRequestList = z.object({
  year: z.number().int(),
  items: z.array(ContributionRequest),
  abilities: z.object({ manage: z.boolean() }),
});
export type ContributionRequestList = z.infer<typeof ContributionRequestList>;

/** A request as made, or with a new link: the link is in this answer only (the server keeps its hash). */
export const ContributionRequestWithLink = ContributionRequest.extend({ link: z.string() });
export type ContributionRequestWithLink = z.infer<typeof ContributionRequestWithLink>;

const Addressees = z.array(z.string().trim().min(1).max(200)).max(100);

export const ContributionRequestCreate = z
  .object({
    year: FrameworkYear,
    title: Text(300, 'enter a title'),
    instructions: z.string().trim().max(20_000).default(''),
    addressees: Addressees.default([]),
    deadline: Deadline,
  })
  .superRefine(refuseHostileText(['instructions']));
export type ContributionRequestCreate = z.infer<typeof ContributionRequestCreate>;

export const ContributionRequestUpdate = z
  .object({
    title: Text(300, 'enter a title').optional(),
    instructions: z.string().trim().max(20_000).optional(),
    addressees: Addressees.optional(),
    deadline: Deadline.optional(),
    version: Version,
  })
  .superRefine(refuseHostileText(['instructions']));
export type ContributionRequestUpdate = z.infer<typeof ContributionRequestUpdate>;

export const VersionBody = z.object({ version: Version });

/** The fields of a contribution, from the public form or signed in. */
export const ContributionInput = z
  .object({
    organisation: Text(CONTRIBUTION_LIMITS.organisation, 'enter the name of your organisation'),
    contactName: Text(CONTRIBUTION_LIMITS.contactName, 'enter the name of a contact person'),
    contactEmail: z.email({ message: 'enter a valid e-mail address' }).max(CONTRIBUTION_LIMITS.contactEmail),
    title: Text(CONTRIBUTION_LIMITS.title, 'enter a title'),
    body: Text(CONTRIBUTION_LIMITS.body, 'enter your contribution'),
    areas: z
      .array(z.number().int())
      .min(1, 'choose at least one result area')
      .max(4)
      .refine((a) => a.every((c) => (AREA_CODES as readonly number[]).includes(c)), {
        message: 'result areas are 1, 2, 3 and 4',
      })
      .refine((a) => new Set(a).size === a.length, { message: 'name each result area once' }),
    priorities: z
      .array(z.string())
      .max(FRAMEWORK_PRIORITIES.length)
      .default([])
      .refine((p) => p.every((x) => (FRAMEWORK_PRIORITIES as readonly string[]).includes(x)), {
        message: `priorities are ${FRAMEWORK_PRIORITIES.join(', ')}`,
      })
      .refine((p) => new Set(p).size === p.length, { message: 'name each priority once' }),
    /** The honeypot of the public form: a field people do not see; a bot fills it in. */
    website: z.string().max(0, 'the contribution was refused').optional(),
  })
  .refine((v) => v.priorities.length === 0 || v.areas.includes(PRIORITY_AREA), {
    message: 'priorities belong to result area 1: choose result area 1 or no priority',
    path: ['priorities'],
  })
  .superRefine(refuseHostileText(['body']));
export type ContributionInput = z.infer<typeof ContributionInput>;

/** A contribution; the contact details only for those who manage the request. */
export const Contribution = z.object({
  id: Uuid,
  requestId: Uuid,
  organisation: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  areas: z.array(z.number().int()),
  priorities: z.array(ContributionPriority),
  /** Whether a signed-in user sent it (otherwise it came through the link). */
  signedIn: z.boolean(),
  submittedAt: z.string(),
  /** The result areas it is already an example of. */
  exampleAreas: z.array(z.number().int()),
  ...Versioned,
});
export type Contribution = z.infer<typeof Contribution>;

export const ContributionRequestDetail = ContributionRequest.extend({
  contributions: z.array(Contribution),
});
export type ContributionRequestDetail = z.infer<typeof ContributionRequestDetail>;

export const ContributionReceipt = z.object({ id: Uuid, submittedAt: z.string() });

/** A label in both languages. */
const Labelled = { labelNl: z.string(), labelEn: z.string() };

/** What the public form shows: no ids, no contributions, no counts. */
export const PublicContributionForm = z.object({
  title: z.string(),
  instructions: z.string(),
  year: z.number().int(),
  deadline: z.string(),
  open: z.boolean(),
  closed: z.boolean(),
  areas: z.array(z.object({ code: z.number().int(), ...Labelled })),
  priorities: z.array(z.object({ code: ContributionPriority, ...Labelled })),
  limits: z.object({ title: z.number(), body: z.number() }),
});
export type PublicContributionForm = z.infer<typeof PublicContributionForm>;
