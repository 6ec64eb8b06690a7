import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { registerComponents } from './openapi-components.ts';
import { SESSION_COOKIE } from '../auth/service.ts';
import type { Access } from './access.ts';
import { UNLIMITED_PUBLIC_PATHS } from './public-limit.ts';

/**
 * The OpenAPI document at /api/openapi.json, made from the routes' zod schemas. What every operation
 * shares is added here, once: its security (from the route's declared `config.access`), its error
 * answers (application/problem+json, `$ref`s to components.responses) and the document's servers and
 * licence. What a route declares itself (operationId, summary, tags, responses) wins.
 * `npx vitest run src/server/openapi-lint.test.ts` lints the result with Redocly CLI (redocly.yaml).
 */

type Json = Record<string, unknown>;
type Security = Record<string, string[]>[];

/** Both ways in: the session cookie of the browser app, or a personal access token. */
export const SIGNED_IN_SECURITY: Security = [{ session: [] }, { bearerToken: [] }];
/** Routes that manage tokens themselves take only the session (`config.sessionOnly`). */
export const SESSION_ONLY_SECURITY: Security = [{ session: [] }];

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The session cookie set by POST /api/auth/login (httpOnly). With a cookie session, every POST, PUT, ' +
      'PATCH and DELETE must also send the header x-csrf-token with the csrfToken of the login answer ' +
      '(also in GET /api/auth/me); without it the answer is 403.',
  },
  bearerToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'rd_...',
    description:
      'A personal access token (rd_...), made by a signed-in user at POST /api/tokens (see the access ' +
      'tokens feature). Send it as "Authorization: Bearer rd_..."; no CSRF header is needed. It acts with ' +
      "its owner's role and is limited in requests per minute (429 with Retry-After beyond it).",
  },
};

/** application/problem+json (RFC 9457) as the error handler of app.ts writes it. */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: "An error (RFC 9457). `code` and `params` give the message in the user's language.",
  properties: {
    type: {
      type: 'string',
      description: 'A URI naming the kind of problem',
      example: 'https://rightsdesk.local/problems/not_found',
    },
    title: { type: 'string', description: 'The HTTP status in words', example: 'Not found' },
    status: { type: 'integer', example: 404 },
    code: { type: 'string', description: 'Stable error code, e.g. "not_found" or "document.edit_forbidden"' },
    detail: { type: 'string', description: 'What went wrong and what to do, in English' },
    params: {
      type: 'object',
      description: 'The values the message mentions',
      additionalProperties: { anyOf: [{ type: 'string', nullable: true }, { type: 'number' }] },
    },
    errors: {
      type: 'array',
      description: 'Field or row errors, when there are several things to correct',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
        required: ['path', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status', 'code', 'detail'],
};

/** The shared error answers: status → [component name, description]. */
const PROBLEMS: Record<string, [string, string]> = {
  '400': [
    'BadRequest',
    'The request is not valid (a field, a row, or a control character in any parameter): see `errors`.',
  ],
  '401': ['Unauthorized', 'Not signed in: no valid session cookie or access token.'],
  '403': [
    'Forbidden',
    'Your role or the object rules do not allow this, or the x-csrf-token header is missing.',
  ],
  '404': ['NotFound', 'No object with this id (or not visible to you).'],
  '409': [
    'Conflict',
    'The object changed since the version you sent (stale edit), or it conflicts with another.',
  ],
  '413': ['PayloadTooLarge', 'The request body is too large.'],
  '415': ['UnsupportedMediaType', 'The request body has a content type this operation does not take.'],
  '422': ['UnprocessableContent', 'The request is valid but the data it needs is not there.'],
  '429': ['TooManyRequests', 'Too many requests: try again after the number of seconds in Retry-After.'],
};

/** Operations that answer 422 or 429 beyond what the central rules below derive. */
const EXTRA_STATUSES: Record<string, string[]> = {
  createLetter: ['422'],
  regenerateLetter: ['422'],
  login: ['429'],
  createConsultationSubmission: ['429'],
  submitContributionForm: ['429'],
  createContribution: ['429'],
  exportRecommendations: ['429'],
  exportImplementationOverview: ['429'],
  downloadLetterDocx: ['429'],
  downloadLetterPdf: ['429'],
  downloadPublicLetter: ['429'],
};

const NOT_MODIFIED: Json = {
  description: 'Not modified: the ETag sent in If-None-Match still names the current answer.',
  headers: { ETag: { description: 'The strong ETag of the answer', schema: { type: 'string' } } },
};

function problemResponse(description: string, retryAfter: boolean): Json {
  return {
    description,
    ...(retryAfter
      ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }
      : {}),
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function securityOf(access: Access | undefined, sessionOnly: boolean): Security {
  if (access === 'public') return [];
  return sessionOnly ? SESSION_ONLY_SECURITY : SIGNED_IN_SECURITY;
}

/** The route transform: zod → JSON schema, then the operation's security from its declared access. */
export const transform: typeof jsonSchemaTransform = (input) => {
  const out = jsonSchemaTransform(input);
  const route = (input as { route?: { config?: { access?: Access; sessionOnly?: boolean } } }).route;
  const schema = out.schema as Json;
  if (!schema || schema.hide) return out;
  const security =
    (schema.security as Security | undefined) ??
    securityOf(route?.config?.access, route?.config?.sessionOnly === true);
  return { ...out, schema: { ...out.schema, security } };
};

const hasVersion = (op: Json): boolean => {
  const params = (op.parameters ?? []) as { name?: string }[];
  if (params.some((p) => p.name === 'version')) return true;
  const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, { schema?: Json }>;
  return Object.values(content).some((c) => {
    const s = c.schema ?? {};
    const props = (s.properties ?? {}) as Json;
    return (
      'version' in props ||
      ((s.allOf ?? s.anyOf ?? []) as Json[]).some((x) => 'version' in ((x.properties ?? {}) as Json))
    );
  });
};

/** The 4xx answers an operation can give, from what it takes and who may call it. */
export function errorStatuses(method: string, path: string, op: Json): string[] {
  const security = (op.security ?? []) as Security;
  const guarded = security.length > 0;
  const unsafe = method !== 'get';
  const statuses = new Set<string>();
  statuses.add('400'); // every parameter, even an undeclared query string, passes the hostile-input check
  if (guarded) statuses.add('401');
  if (guarded || unsafe) statuses.add('403'); // a cookie session without x-csrf-token is refused on public writes too
  if (path.includes('{')) statuses.add('404');
  if (hasVersion(op)) statuses.add('409');
  if (op.requestBody !== undefined) statuses.add('413').add('415');
  if (security.some((s) => 'bearerToken' in s)) statuses.add('429');
  if (!guarded && !UNLIMITED_PUBLIC_PATHS.has(path)) statuses.add('429'); // per client address, public-limit.ts
  for (const s of EXTRA_STATUSES[op.operationId as string] ?? []) statuses.add(s);
  return [...statuses].sort();
}

/** OpenAPI 3.0 has no `null` type: `{ anyOf: [...], nullable: true }` becomes anyOf with a nullable branch. */
function fixSchema(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(fixSchema);
  if (!node || typeof node !== 'object') return;
  const s = node as Json;
  if (s.nullable === true && s.type === undefined) {
    const branches = (s.anyOf ?? s.oneOf) as Json[] | undefined;
    if (branches?.length && branches.every((b) => typeof b.type === 'string')) {
      delete s.nullable;
      const key = s.anyOf ? 'anyOf' : 'oneOf';
      s[key] = branches.map((b, i) => (i === 0 ? { ...b, nullable: true } : b));
    }
  }
  // An exhaustive record (z.record(z.enum(...), v)) requires every key: name them as properties.
  if (
    s.type === 'object' &&
    Array.isArray(s.required) &&
    s.additionalProperties &&
    typeof s.additionalProperties === 'object'
  ) {
    const props = (s.properties ?? {}) as Json;
    const missing = (s.required as string[]).filter((k) => !(k in props));
    if (missing.length) {
      s.properties = { ...props, ...Object.fromEntries(missing.map((k) => [k, s.additionalProperties])) };
      delete s.propertyNames;
    }
  }
  for (const v of Object.values(s)) fixSchema(v);
}

/**
 * The named schemas some operation refers to, directly or through another schema: a schema used only
 * as output also has an `<id>Input` twin, which nothing uses.
 */
function usedSchemas(doc: Json, schemas: Json): Json {
  const refsIn = (node: unknown) =>
    [...JSON.stringify(node).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  const used = new Set(refsIn([doc.paths, (doc.components as Json).responses]));
  // A Set visits what is added while it is iterated: the schemas that used schemas refer to.
  for (const name of used) for (const r of refsIn(schemas[name])) used.add(r);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}

/** The whole document: servers, licence, the shared Problem answers on every operation. */
export function transformObject(input: { openapiObject: Json }): Json {
  // The named schemas of openapi-components.ts become components.schemas; operations $ref them.
  const doc = jsonSchemaTransformObject(input as never) as Json & {
    paths?: Record<string, Record<string, Json>>;
    components?: Json;
  };
  const components = (doc.components ??= {}) as Json & { schemas?: Json; responses?: Json };
  components.schemas = { ...(components.schemas ?? {}), Problem: PROBLEM_SCHEMA };
  const used = new Set<string>();
  let notModified = false;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const responses = (op.responses ?? {}) as Record<string, Json>;
      for (const status of errorStatuses(method, path, op)) {
        const [name] = PROBLEMS[status]!;
        responses[status] = { $ref: `#/components/responses/${name}` };
        used.add(status);
      }
      // A 4xx a route declares with the Problem schema is the shared answer too.
      for (const status of Object.keys(responses)) {
        if (/^4\d\d$/.test(status) && PROBLEMS[status] && !('$ref' in responses[status]!)) {
          responses[status] = { $ref: `#/components/responses/${PROBLEMS[status][0]}` };
          used.add(status);
        }
      }
      // An anonymous GET of a public route answers 304 to an If-None-Match naming its ETag (public-cache.ts).
      if (method === 'get' && ((op.security ?? []) as Security).length === 0 && !responses['304']) {
        responses['304'] = { $ref: '#/components/responses/NotModified' };
        notModified = true;
      }
      op.responses = responses;
    }
  }
  components.responses = {
    ...(components.responses ?? {}),
    ...(notModified ? { NotModified: NOT_MODIFIED } : {}),
    ...Object.fromEntries(
      [...used].sort().map((status) => {
        const [name, description] = PROBLEMS[status]!;
        return [name, problemResponse(description, status === '429')];
      }),
    ),
  };
  fixSchema(doc.paths);
  fixSchema(components.schemas);
  components.schemas = usedSchemas(doc, components.schemas);
  return doc;
}

/** Registers @fastify/swagger with the transforms above. */
export async function registerOpenApi(app: FastifyInstance) {
  registerComponents();
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Rightsdesk API',
        description:
          'Human rights reporting and follow-up. Sign in with POST /api/auth/login and send the csrfToken ' +
          'from its answer as header x-csrf-token on every POST, PATCH and DELETE, or send a personal ' +
          'access token (rd_..., made at /api/tokens) as a bearer token. Errors are application/problem+json.',
        version: '0.1.0',
        license: {
          name: 'EUPL-1.2',
          url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
        },
      },
      servers: [{ url: '/', description: 'This installation (the paths start with /api)' }],
      components: { securitySchemes: SECURITY_SCHEMES } as never,
    },
    transform,
    transformObject: transformObject as never,
  });
}
