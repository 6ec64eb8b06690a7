/**
 * Personal access tokens and service accounts (src/tokens): requests, answers, and the lists the
 * browser app shows. Imports nothing but zod and other schema files.
 */
import { z } from 'zod';
import { IsoDate, Uuid, Version } from '../shared/schema.ts';

/** What a token may do: read only (GET), or read and write within its user's rights. */
export const TokenScope = z.enum(['read', 'write']);
export type TokenScope = z.infer<typeof TokenScope>;
export const TOKEN_SCOPES = TokenScope.options;

/** A token lives at most this many days (its expiry date is required). */
export const MAX_TOKEN_DAYS = 366;

export const AccessToken = z.object({
  id: Uuid,
  userId: Uuid,
  name: z.string(),
  /** The first characters of the token ("rd_ab12"), to recognise it; the token itself is never shown again. */
  prefix: z.string(),
  scope: TokenScope,
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  /** active, expired or revoked, as of the answer. */
  status: z.enum(['active', 'expired', 'revoked']),
  version: Version,
  abilities: z.object({ revoke: z.boolean() }),
});
export type AccessToken = z.infer<typeof AccessToken>;

/** A token just made: the only answer that carries the token itself. */
export const CreatedAccessToken = AccessToken.extend({ token: z.string() });
export type CreatedAccessToken = z.infer<typeof CreatedAccessToken>;

export const TokenCreate = z.object({
  name: z.string().trim().min(1, 'enter a name').max(100),
  /** The last day the token works (YYYY-MM-DD), at most a year ahead. */
  expiresOn: IsoDate,
  scope: TokenScope,
});
export type TokenCreate = z.infer<typeof TokenCreate>;

/** The signed-in user's own tokens, with what they may do here. */
export const TokenList = z.object({
  items: z.array(AccessToken),
  abilities: z.object({ create: z.boolean(), manageServiceAccounts: z.boolean() }),
});
export type TokenList = z.infer<typeof TokenList>;

/** The roles a service account may have (never administrator). */
export const ServiceAccountRole = z.enum(['observer', 'contributor', 'coordinator']);
export type ServiceAccountRole = z.infer<typeof ServiceAccountRole>;
export const SERVICE_ACCOUNT_ROLES = ServiceAccountRole.options;

export const ServiceAccount = z.object({
  id: Uuid,
  name: z.string(),
  role: ServiceAccountRole,
  organisationId: Uuid,
  organisationCode: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  tokens: z.array(AccessToken),
});
export type ServiceAccount = z.infer<typeof ServiceAccount>;

export const ServiceAccountCreate = z.object({
  name: z.string().trim().min(1, 'enter a name').max(200),
  role: ServiceAccountRole,
  organisationId: Uuid,
});
export type ServiceAccountCreate = z.infer<typeof ServiceAccountCreate>;

export const ServiceAccountList = z.object({ items: z.array(ServiceAccount) });
export type ServiceAccountList = z.infer<typeof ServiceAccountList>;
