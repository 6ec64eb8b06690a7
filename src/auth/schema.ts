import { z } from 'zod';
import { Role, Uuid } from '../shared/schema.ts';

export const LoginBody = z.object({
  email: z.string().trim().min(1, 'enter your e-mail address').max(320),
  password: z.string().min(1, 'enter your password').max(1000),
});

/**
 * What the signed-in user may do beyond single objects (single objects carry their own
 * `abilities`). Computed by the features' policies; the browser app shows only what is allowed.
 */
export const GlobalAbilities = z.object({
  manageUsers: z.boolean(),
  viewAudit: z.boolean(),
  manageOrganisations: z.boolean(),
  createInstruments: z.boolean(),
  editGuides: z.boolean(),
  manageMeetings: z.boolean(),
  importRecommendations: z.boolean(),
  updateExistingRecommendations: z.boolean(),
  editTaxonomy: z.boolean(),
  addDocuments: z.boolean(),
  readOutbox: z.boolean(),
  /** Assign many recommendations to a lead organisation at once (POST /api/followup/assign). */
  assignRecommendations: z.boolean(),
  /** Generate a document of the workspace (POST /api/letters) drafted by the user's own organisation, or any (admin). */
  createLetters: z.boolean(),
  setLetterSender: z.boolean(),
  /** Register commitments to parliament and import the Tweede Kamer's motions (coordinators; each object says more). */
  manageCommitments: z.boolean(),
});
export type GlobalAbilities = z.infer<typeof GlobalAbilities>;

export const Me = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  role: Role,
  organisationId: Uuid.nullable(),
  organisationCode: z.string().nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  abilities: GlobalAbilities,
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(12, 'choose a password of at least 12 characters').max(1000),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
