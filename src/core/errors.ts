/**
 * Errors a person can act on. Each becomes an application/problem+json response (RFC 9457)
 * with the HTTP status, a stable code for the browser app and a message that says what to fix.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string, id: string) =>
  new AppError(
    404,
    'not_found',
    `No ${what} with id "${id}" exists. Check the id or pick one from the list.`,
  );

export const forbidden = (message = 'Your role does not allow this action.') =>
  new AppError(403, 'forbidden', message);

export const unauthenticated = () =>
  new AppError(401, 'unauthenticated', 'Log in first: this needs a signed-in user.');

export const badRequest = (message: string, details?: unknown) =>
  new AppError(400, 'bad_request', message, details);

export const conflict = (message: string, details?: unknown) =>
  new AppError(409, 'conflict', message, details);

export const staleEdit = (what: string, current: number, sent: number) =>
  new AppError(
    409,
    'stale_edit',
    `This ${what} was changed by someone else since you opened it (you edited version ${sent}, ` +
      `it is now at version ${current}). Reload it, then make your change again.`,
    { currentVersion: current },
  );

/** Translates a PostgreSQL error into an AppError where it is the user's to fix. */
export function fromDbError(err: unknown): AppError | undefined {
  const e = err as { code?: string; detail?: string; constraint?: string; message?: string };
  switch (e?.code) {
    case '23505':
      return conflict(`This value is already taken${e.detail ? `: ${e.detail}` : ''}. Choose another one.`);
    case '23503':
      return badRequest(
        `A referenced record does not exist or is still in use${e.detail ? ` (${e.detail})` : ''}.`,
      );
    case '23514':
      return badRequest(
        `A value is not allowed here${e.constraint ? ` (rule ${e.constraint})` : ''}: check the fields and try again.`,
      );
    case '22P02':
    case '22007':
    case '22008':
      return badRequest(`A value has the wrong format: ${e.message ?? ''}`.trim());
    default:
      return undefined;
  }
}
