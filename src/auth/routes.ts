import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, unauthenticated } from '../core/errors.ts';
import { signedInActor } from '../server/access.ts';
import { ChangePasswordBody, LoginBody, Me } from './schema.ts';
import { actorOf, changePassword, login, logout, SESSION_COOKIE, type SessionUser } from './service.ts';
import { globalAbilities } from './abilities.ts';
import { authErrors } from './errors.ts';

/** The signed-in user as the browser app sees them, with what they may do. */
const meOf = (user: SessionUser): Me => ({ ...user, abilities: globalAbilities(actorOf(user)) });

/** The session of a signed-in route: its user and its token (the access check has run before). */
function signedInSession(req: FastifyRequest): { user: SessionUser; token: string } {
  if (!req.sessionUser || !req.sessionToken) throw unauthenticated();
  return { user: req.sessionUser, token: req.sessionToken };
}

const INVALID_CREDENTIALS = authErrors.invalid_credentials().code;

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/auth/login',
    {
      config: { access: 'public', sessionOnly: true },
      schema: {
        operationId: 'login',
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
        throw authErrors.rate_limited({ seconds: wait });
      }
      try {
        const { token, user } = await login(app.db, email, password, app.config.sessionHours);
        app.loginLimiter.succeed(req.ip, email);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: app.config.secureCookies,
          maxAge: app.config.sessionHours * 3600,
        });
        return meOf(user);
      } catch (err) {
        if (err instanceof AppError && err.code === INVALID_CREDENTIALS) app.loginLimiter.fail(req.ip, email);
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signedIn', allowWithOneTimePassword: true, sessionOnly: true },
      schema: { operationId: 'logout', tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await logout(app.db, signedInSession(req).token, signedInActor(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/', secure: app.config.secureCookies });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signedIn', allowWithOneTimePassword: true, sessionOnly: true },
      schema: {
        operationId: 'getCurrentUser',
        tags: ['auth'],
        summary: 'The signed-in user (401 when not signed in)',
        response: { 200: Me },
      },
    },
    async (req) => meOf(signedInSession(req).user),
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'signedIn', allowWithOneTimePassword: true, sessionOnly: true },
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Change your own password',
        body: ChangePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const { token } = signedInSession(req);
      await changePassword(app.db, signedInActor(req), req.body, token);
      return reply.status(204).send(null);
    },
  );
}
