import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { ChangePasswordBody, LoginBody, Me } from './schema.ts';
import { actorOf, changePassword, login, logout, SESSION_COOKIE, type SessionUser } from './service.ts';
import { globalAbilities } from './abilities.ts';

/** The signed-in user as the browser app sees them, with what they may do. */
const meOf = (user: SessionUser) => ({ ...user, abilities: globalAbilities(actorOf(user)) });

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      const { email, password } = req.body;
      const wait = app.loginLimiter.retryAfter(req.ip, email);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new AppError(
          429,
          'rate_limited',
          `Too many failed attempts. Wait ${Math.ceil(wait / 60)} minute(s) before trying again.`,
        );
      }
      try {
        const { token, user } = await login(app.db, email, password, app.config.sessionHours);
        app.loginLimiter.succeed(email);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: app.config.secureCookies,
          maxAge: app.config.sessionHours * 3600,
        });
        return meOf(user);
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid_credentials')
          app.loginLimiter.fail(req.ip, email);
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signedIn', allowWithOneTimePassword: true },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await logout(app.db, req.sessionToken!, req.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signedIn', allowWithOneTimePassword: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user (401 when not signed in)',
        response: { 200: Me },
      },
    },
    async (req) => meOf(req.sessionUser!),
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'signedIn', allowWithOneTimePassword: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        body: ChangePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changePassword(app.db, req.actor!, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
