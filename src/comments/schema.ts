/**
 * Comments on a recommendation, cluster or action. Shared by the API and the browser app.
 *
 * Mentions: "@" followed directly by a user's e-mail address, e.g. "@jan.jansen@minvws.nl".
 * The address is unique per user (case-insensitive), so a mention never names two people; the
 * browser's autocomplete inserts it. A mention of an address that is no active user is refused.
 */
import { z } from 'zod';
import { Uuid, Version } from '../shared/schema.ts';

export const COMMENT_MAX = 8000;
/** How many users the autocomplete offers at most. */
export const MENTIONABLE_LIMIT = 10;

export const CommentKind = z.enum(['recommendation', 'cluster', 'action']);
export type CommentKind = z.infer<typeof CommentKind>;

/**
 * Finds the mentions in a text: "@" not preceded by a letter, digit or address character, then an
 * e-mail address. Shared by the server (who to notify) and the browser (what to highlight).
 */
export const MENTION_PATTERN =
  /(?<![\w.+@-])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** The distinct addresses mentioned in a text, lower-cased, in order of first appearance. */
export function mentionedAddresses(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(MENTION_PATTERN)) seen.add(m[1]!.toLowerCase());
  return [...seen];
}

const Body = z
  .string()
  .trim()
  .min(1, { message: 'write a comment' })
  .max(COMMENT_MAX, { message: `a comment holds at most ${COMMENT_MAX} characters` });

export const CommentQuery = z.object({ kind: CommentKind, id: Uuid });
export type CommentQuery = z.infer<typeof CommentQuery>;

export const CommentCreate = z.object({ kind: CommentKind, id: Uuid, body: Body });
export type CommentCreate = z.infer<typeof CommentCreate>;

export const CommentEdit = z.object({ body: Body, version: Version });
export type CommentEdit = z.infer<typeof CommentEdit>;

export const MentionableQuery = z.object({ q: z.string().trim().max(200).default('') });

/** A user as a comment shows them: name and the code of their organisation. */
export const CommentUser = z.object({ id: Uuid, name: z.string(), organisationCode: z.string().nullable() });
export type CommentUser = z.infer<typeof CommentUser>;

/** A user the autocomplete offers, with the address that the mention is written with. */
export const Mentionable = CommentUser.extend({ email: z.string() });
export type Mentionable = z.infer<typeof Mentionable>;

export const CommentAbilities = z.object({ edit: z.boolean(), delete: z.boolean() });

export const Comment = z.object({
  id: Uuid,
  kind: CommentKind,
  subjectId: Uuid,
  /** Empty once deleted. */
  body: z.string(),
  author: CommentUser.nullable(),
  mentions: z.array(Mentionable),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  version: Version,
  abilities: CommentAbilities,
});
export type Comment = z.infer<typeof Comment>;

export const CommentThread = z.object({
  kind: CommentKind,
  subjectId: Uuid,
  /** Oldest first. */
  items: z.array(Comment),
  /** Whether the user may write in this thread (contributors and up). */
  canComment: z.boolean(),
});
export type CommentThread = z.infer<typeof CommentThread>;
