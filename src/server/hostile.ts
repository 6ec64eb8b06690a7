/**
 * Text no field may hold, refused for every route before validation: control characters (NUL and
 * the rest of C0 and C1; tab and line breaks only in a JSON body, where text may span lines), half
 * of a surrogate pair, and the characters that override the direction of text (they make a name
 * read differently than it is stored). The answer is a 400 problem that names the field.
 * The rule is `textProblem` (src/shared/schema.ts); the multipart submission form checks its fields
 * with it too (`refuseHostileText`).
 */
import type { FastifyInstance } from 'fastify';
import type { AppError } from '../core/errors.ts';
import { textProblem, type TextProblem } from '../shared/schema.ts';
import { inputErrors } from './errors.ts';

const MAX_DEPTH = 32;

/** The first field (as the API names it, "body.name") whose text, or key, is refused. */
export function findHostile(
  value: unknown,
  path: string,
  lineBreaks: boolean,
  depth = 0,
): { field: string; problem: TextProblem } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value, lineBreaks);
    return problem ? { field: path, problem } : null;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  // A raw upload (an import file) is checked by its own reader, not as text.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findHostile(value[i], `${path}.${i}`, lineBreaks, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const keyProblem = textProblem(key, false);
    if (keyProblem) return { field: path, problem: keyProblem };
    const found = findHostile(v, `${path}.${key}`, lineBreaks, depth + 1);
    if (found) return found;
  }
  return null;
}

export function hostileError(found: { field: string; problem: TextProblem }): AppError {
  const fields = [{ path: found.field, message: inputErrors[found.problem]({ field: found.field }).message }];
  return inputErrors[found.problem]({ field: found.field }, { fields });
}

/** Registers the check on every API route (before the route's own validation). */
export function registerHostileInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const url = req.routeOptions.url;
    if (!url || !url.startsWith('/api/')) return;
    const found =
      findHostile(req.params, 'params', false) ??
      findHostile(req.query, 'querystring', false) ??
      findHostile(req.body, 'body', true);
    if (found) throw hostileError(found);
  });
}
