import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Db } from '../core/db.ts';
import type { Config } from '../core/config.ts';
import type { Actor } from '../core/actor.ts';
import { AppError, errors, fromDbError } from '../core/errors.ts';
import { actorOf, sessionUser, SESSION_COOKIE, type SessionUser } from '../auth/service.ts';
import { LoginLimiter } from '../auth/rate-limit.ts';
import { allows, type Access } from './access.ts';
import { registerRoutes } from './routes.ts';
import { registerSecurity } from './security.ts';
import { registerOpenApi } from './openapi.ts';
import { registerApiDocs } from './api-docs.ts';
import { isFilePath, registerStatic, sendAppShell } from './static.ts';
import { registerHostileInputCheck } from './hostile.ts';
import { startReminderScheduler } from '../notifications/service.ts';
import {
  assertTokenMay,
  authenticateToken,
  bearerOf,
  recordTokenCall,
  type RequestToken,
} from '../tokens/auth.ts';
import { registerTokenRateLimit } from '../tokens/rate-limit.ts';
import { registerPublicRateLimit } from './public-limit.ts';
import { registerPublicCache } from './public-cache.ts';
import { mailerFromEnv } from '../notifications/mailer.ts';
import { registerPortal } from '../portal/routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Allowed while the user still has to change a one-time password. */
    allowWithOneTimePassword?: boolean;
    /** Refused to access tokens: signing in, passwords, tokens, accounts (src/tokens/auth.ts). */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionUser: SessionUser | null;
    sessionToken: string | null;
    /** The access token of a request made with `Authorization: Bearer rd_...` (no session cookie). */
    accessToken: RequestToken | null;
  }
  interface FastifyInstance {
    db: Db;
    config: Config;
    loginLimiter: LoginLimiter;
    /** Every route with its declared access, for the authorisation test and the docs. */
    routeList: { method: string; url: string; access: Access | undefined }[];
  }
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built browser app; RIGHTSDESK_WEB_DIST points elsewhere (e.g. for two test runs side by side). */
export const WEB_DIST = path.resolve(ROOT, process.env.RIGHTSDESK_WEB_DIST ?? path.join('dist', 'web'));

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** The problem+json body of an error: its code and params let the browser app say it in Dutch. */
function problem(err: AppError, errors?: { path: string; message: string }[]) {
  return {
    type: `https://rightsdesk.local/problems/${err.code}`,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: err.message,
    params: err.params,
    ...(errors ? { errors } : {}),
  };
}

export interface AppOptions {
  db: Db;
  config: Config;
  logger?: boolean;
}

export async function buildApp({ db, config, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('loginLimiter', new LoginLimiter());
  app.decorate('routeList', []);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD' || !r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) continue;
      app.routeList.push({ method, url: r.url, access: r.config?.access });
    }
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('accessToken', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await registerSecurity(app, config);
  await app.register(cookie);
  await registerOpenApi(app);
  await registerApiDocs(app);

  // Who is asking, and may they: checked for every route before its body is even read (deny by default).
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const user = await sessionUser(db, token);
      if (user) {
        req.sessionUser = user;
        req.sessionToken = token;
        req.actor = actorOf(user);
      }
    }
    const url = req.routeOptions.url;
    if (!url || !url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    // A script's personal access token, when no session signed the request in (src/tokens/auth.ts).
    const bearer = req.sessionUser ? null : bearerOf(req);
    if (bearer) {
      const auth = await authenticateToken(db, bearer);
      req.actor = auth.actor;
      req.accessToken = auth.token;
    }
    const access = req.routeOptions.config.access;
    if (!access) throw errors.route_closed();
    if (!allows(access, req.actor)) {
      if (!req.actor) throw errors.unauthenticated();
      throw errors.role_forbidden({ role: req.actor.role });
    }
    if (req.accessToken) {
      assertTokenMay(req, req.accessToken);
      if (req.accessToken.mustChangePassword && UNSAFE.has(req.method))
        throw errors.password_change_required();
    }
    if (req.sessionUser && UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.sessionUser.csrfToken) {
        throw errors.csrf();
      }
      if (req.sessionUser.mustChangePassword && !req.routeOptions.config.allowWithOneTimePassword) {
        throw errors.password_change_required();
      }
    }
  });

  // A token's calls are on record after they are answered (src/tokens/auth.ts), never delaying the answer.
  app.addHook('onResponse', async (req, reply) => {
    if (!req.accessToken) return;
    await recordTokenCall(db, req, reply.statusCode).catch((err: unknown) =>
      req.log.error({ err }, 'the call of an access token could not be recorded'),
    );
  });

  app.setErrorHandler((err, req, reply) => {
    const send = (e: AppError, errors?: { path: string; message: string }[]) =>
      reply.status(e.status).type('application/problem+json').send(problem(e, errors));
    if (err instanceof AppError) {
      // Row errors of an import, and field errors a service found, travel along: the user sees what to correct.
      const details = err.details as
        | { errors?: { row: number; message: string }[]; fields?: { path: string; message: string }[] }
        | undefined;
      if (Array.isArray(details?.fields)) return send(err, details.fields);
      const rows = details?.errors;
      return send(
        err,
        Array.isArray(rows) ? rows.map((e) => ({ path: `row ${e.row}`, message: e.message })) : undefined,
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath ? v.instancePath.replace(/\//g, '.') : ''}`,
        message: v.message ?? 'is not valid',
      }));
      return send(
        errors.validation({ summary: fields.map((e) => `${e.path} ${e.message}`).join('; ') }),
        fields,
      );
    }
    const dbErr = fromDbError(err);
    if (dbErr) return send(dbErr);
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (isResponseSerializationError(err))
      req.log.error({ issues: err.cause.issues }, 'response did not match its schema');
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
    if (status === 500) {
      req.log.error(err);
      if (!app.log.level || process.env.NODE_ENV === 'test') console.error(err);
      return send(errors.internal({ requestId: String(req.id) }));
    }
    if (status === 415) return send(errors.unsupported_media_type());
    if (status === 413) return send(errors.too_large());
    // Other client errors of Fastify itself (malformed JSON, an empty body that must be JSON, ...).
    return send(errors.bad_request({ reason: e.message ?? 'The request could not be handled.' }));
  });

  registerHostileInputCheck(app);
  await registerTokenRateLimit(app);
  registerPublicRateLimit(app);
  registerPublicCache(app);
  await app.register(registerRoutes, { prefix: '/api' });
  // The public portal's HTML pages at the root (/openbaar, /public, /robots.txt, /sitemap.xml).
  await app.register(registerPortal);

  const hasWeb = await registerStatic(app, WEB_DIST);
  app.setNotFoundHandler((req: FastifyRequest, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb || isFilePath(req.url)) {
      const e = errors.route_not_found({ method: req.method, path: req.url.split('?')[0] ?? '' });
      return reply.status(404).type('application/problem+json').send(problem(e));
    }
    return sendAppShell(reply);
  });
  return app;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Starts the app built from opts, or the one already built (`rightsdesk serve` builds it while the database opens). */
export async function startServer(opts: AppOptions, built?: FastifyInstance): Promise<RunningServer> {
  const app = built ?? (await buildApp(opts));
  // The reminder scan runs inside the server (REMINDER_INTERVAL_MINUTES, 0 = off) and stops with it.
  const stopReminders = startReminderScheduler(opts.db, {
    minutes: Number(process.env.REMINDER_INTERVAL_MINUTES ?? 60),
    mailer: mailerFromEnv(),
    log: (msg) => console.log(msg),
  });
  app.addHook('onClose', stopReminders);
  const address = await app.listen({ host: opts.config.host, port: opts.config.port });
  return { app, url: address, close: () => app.close() };
}
