/**
 * Who may do what with comments: every signed-in user reads them; contributors and up write them
 * (observers only read); the author edits their own comment, and the author or an administrator
 * deletes it. A deleted comment is changed by no one.
 */
import type { Actor } from '../core/actor.ts';
import { hasRole, isAdmin } from '../core/policy.ts';

interface CommentFacts {
  authorId: string | null;
  deletedAt: string | null;
}

const isAuthor = (actor: Actor | null, c: CommentFacts) =>
  actor !== null && actor.id !== null && actor.id === c.authorId;

export const commentPolicy = {
  create: (actor: Actor | null): boolean => hasRole(actor, 'contributor'),
  edit: (actor: Actor | null, c: CommentFacts): boolean => c.deletedAt === null && isAuthor(actor, c),
  delete: (actor: Actor | null, c: CommentFacts): boolean =>
    c.deletedAt === null && (isAuthor(actor, c) || isAdmin(actor)),
};

export const commentAbilities = (actor: Actor | null, c: CommentFacts) => ({
  edit: commentPolicy.edit(actor, c),
  delete: commentPolicy.delete(actor, c),
});
