/** Routes of comments: read by every signed-in user, written by contributors and up. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, VersionParam } from '../shared/schema.ts';
import { deliverMentionMails } from './mentions.ts';
import {
  Comment,
  CommentCreate,
  CommentEdit,
  CommentQuery,
  CommentThread,
  Mentionable,
  MentionableQuery,
} from './schema.ts';
import { createComment, deleteComment, editComment, getThread, mentionable } from './service.ts';

export async function commentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['comments'];
  app.get(
    '/comments',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listComments',
        summary: 'List the comments on an object (by its kind and id)',
        tags,
        querystring: CommentQuery,
        response: { 200: CommentThread },
      },
    },
    async (req) => getThread(app.db, signedInActor(req), req.query.kind, req.query.id),
  );
  app.get(
    '/comments/mentionable',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listMentionableUsers',
        summary: 'List the users who can be mentioned in a comment',
        tags,
        querystring: MentionableQuery,
        response: { 200: z.array(Mentionable) },
      },
    },
    async (req) => mentionable(app.db, req.query.q),
  );
  app.post(
    '/comments',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'createComment',
        summary: 'Write a comment',
        tags,
        body: CommentCreate,
        response: { 201: Comment },
      },
    },
    async (req, reply) => {
      const actor = signedInActor(req);
      const comment = await createComment(app.db, actor, req.body);
      // The e-mails of the mentions are sent after the answer, when SMTP is configured.
      deliverMentionMails(app.db, actor, (err) => req.log.warn({ err }, 'sending mention e-mails failed'));
      return reply.status(201).send(comment);
    },
  );
  app.patch(
    '/comments/:id',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'updateComment',
        summary: 'Change your comment',
        tags,
        params: IdParams,
        body: CommentEdit,
        response: { 200: Comment },
      },
    },
    async (req) => {
      const actor = signedInActor(req);
      const comment = await editComment(app.db, actor, req.params.id, req.body);
      deliverMentionMails(app.db, actor, (err) => req.log.warn({ err }, 'sending mention e-mails failed'));
      return comment;
    },
  );
  app.delete(
    '/comments/:id',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'deleteComment',
        summary: 'Delete your comment',
        tags,
        params: IdParams,
        querystring: z.object({ version: VersionParam }),
        response: { 200: Comment },
      },
    },
    async (req) => deleteComment(app.db, signedInActor(req), req.params.id, req.query.version),
  );
}
