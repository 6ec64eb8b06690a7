/**
 * Errors a person can act on. Each becomes an application/problem+json response (RFC 9457) with
 * the HTTP status, a stable `code`, its `params`, and a message that says what to fix.
 *
 * Errors are made only by factories declared with `defineErrors`: each carries its code, its
 * parameters and its text in English and Dutch. The server answers with the English text as
 * `detail`; the browser app shows the text of the user's language from `code` and `params`
 * (web/i18n reads the same catalogue through src/shared/messages.ts). No error object is built
 * inline anywhere else.
 */

/** Values a message may mention: names, numbers, codes. */
export type ErrorParams = Readonly<Record<string, string | number | null>>;

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: ErrorParams;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, params: ErrorParams = {}, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/** One error: its HTTP status and its text in both languages, from the same parameters. */
export interface ErrorDef<P extends ErrorParams> {
  status: number;
  en: (p: P) => string;
  nl: (p: P) => string;
}

/** The texts of every code, for the browser app. */
export type MessageCatalogue = Record<
  string,
  { en: (p: ErrorParams) => string; nl: (p: ErrorParams) => string }
>;

type Factory<D> = D extends { en: (...args: infer A) => string }
  ? A extends []
    ? (details?: unknown) => AppError
    : (params: A[0], details?: unknown) => AppError
  : never;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parameter types are inferred per entry
type Defs = Record<string, ErrorDef<any>>;

/**
 * Declares a feature's errors. `defineErrors('document', { moved_forbidden: {...} })` gives
 * `errors.moved_forbidden(params)` with code "document.moved_forbidden"; scope '' keeps the key as
 * the code (the common errors below).
 */
export function defineErrors<const D extends Defs>(
  scope: string,
  defs: D,
): { [K in keyof D]: Factory<D[K]> } & { catalogue: MessageCatalogue } {
  const out: Record<string, unknown> = {};
  const catalogue: MessageCatalogue = {};
  for (const [key, def] of Object.entries(defs)) {
    const code = scope ? `${scope}.${key}` : key;
    catalogue[code] = { en: def.en, nl: def.nl };
    out[key] = (a?: unknown, b?: unknown) => {
      const takesParams = def.en.length > 0;
      const params = (takesParams ? a : {}) as ErrorParams;
      const details = takesParams ? b : a;
      return new AppError(def.status, code, def.en(params), params, details);
    };
  }
  out.catalogue = catalogue;
  return out as { [K in keyof D]: Factory<D[K]> } & { catalogue: MessageCatalogue };
}

/** Errors every feature may raise. Their codes are unscoped and stable. */
export const errors = defineErrors('', {
  not_found: {
    status: 404,
    en: (p: { entity: string; id: string }) =>
      `No ${p.entity} with id "${p.id}" exists. Check the id or pick one from the list.`,
    nl: (p: { entity: string; id: string }) =>
      `Er bestaat geen ${p.entity} met id "${p.id}". Controleer het id of kies er een uit de lijst.`,
  },
  forbidden: {
    status: 403,
    en: (p: { reason: string }) => p.reason || 'Your role does not allow this action.',
    nl: () => 'U hebt geen toestemming voor deze handeling. Vraag een beheerder als u toegang nodig hebt.',
  },
  role_forbidden: {
    status: 403,
    en: (p: { role: string }) =>
      `Your role (${p.role}) does not allow this. Ask an administrator if you need access.`,
    nl: (p: { role: string }) =>
      `Uw rol (${p.role}) staat dit niet toe. Vraag een beheerder als u toegang nodig hebt.`,
  },
  route_closed: {
    status: 403,
    en: () => 'This route is not open to anyone.',
    nl: () => 'Deze functie is voor niemand beschikbaar.',
  },
  unauthenticated: {
    status: 401,
    en: () => 'Log in first: this needs a signed-in user.',
    nl: () => 'U bent niet (meer) ingelogd. Log in en probeer het opnieuw.',
  },
  csrf: {
    status: 403,
    en: () => 'The request lacks a valid x-csrf-token header. Reload the page and try again.',
    nl: () => 'Uw sessie is verlopen of ongeldig. Herlaad de pagina en probeer het opnieuw.',
  },
  password_change_required: {
    status: 403,
    en: () => 'Change your one-time password first (POST /api/auth/password).',
    nl: () => 'Wijzig eerst uw eenmalige wachtwoord.',
  },
  stale_edit: {
    status: 409,
    en: (p: { entity: string; current: number; sent: number }) =>
      `This ${p.entity} was changed by someone else since you opened it (you edited version ${p.sent}, ` +
      `it is now at version ${p.current}). Reload it, then make your change again.`,
    nl: (p: { entity: string; current: number; sent: number }) =>
      `Iemand anders heeft dit gewijzigd sinds u het opende (u bewerkte versie ${p.sent}, het is nu versie ` +
      `${p.current}). Herlaad de pagina en breng uw wijziging opnieuw aan.`,
  },
  nothing_to_change: {
    status: 400,
    en: (p: { entity: string }) => `Nothing to change: send at least one field of the ${p.entity}.`,
    nl: () => 'Er is niets te wijzigen: vul ten minste één veld in.',
  },
  bad_request: {
    status: 400,
    en: (p: { reason: string }) => p.reason,
    nl: () => 'Het verzoek is niet geldig. Controleer de invoer en probeer het opnieuw.',
  },
  validation: {
    status: 400,
    en: (p: { summary: string }) => `The request is not valid: ${p.summary}.`,
    nl: () => 'Niet alle velden zijn goed ingevuld. Controleer de gemarkeerde velden.',
  },
  value_taken: {
    status: 409,
    en: (p: { detail: string }) =>
      `This value is already taken${p.detail ? `: ${p.detail}` : ''}. Choose another one.`,
    nl: () => 'Deze waarde is al in gebruik. Kies een andere.',
  },
  reference_missing: {
    status: 400,
    en: (p: { detail: string }) =>
      `A referenced record does not exist or is still in use${p.detail ? ` (${p.detail})` : ''}.`,
    nl: () => 'Een record waarnaar verwezen wordt bestaat niet, of wordt nog gebruikt.',
  },
  rule_violated: {
    status: 400,
    en: (p: { rule: string }) =>
      `A value is not allowed here${p.rule ? ` (rule ${p.rule})` : ''}: check the fields and try again.`,
    nl: () => 'Een waarde is hier niet toegestaan. Controleer de velden en probeer het opnieuw.',
  },
  wrong_format: {
    status: 400,
    en: (p: { detail: string }) => `A value has the wrong format: ${p.detail}`.trim(),
    nl: () => 'Een waarde heeft een verkeerde vorm. Controleer de velden en probeer het opnieuw.',
  },
  invalid_json: {
    status: 400,
    en: (p: { detail: string }) => p.detail || 'The request body is not valid JSON.',
    nl: () => 'Het verzoek is geen geldige JSON.',
  },
  too_large: {
    status: 413,
    en: () => 'The request body is too large.',
    nl: () => 'Het verzoek is te groot.',
  },
  unsupported_media_type: {
    status: 415,
    en: () => 'Send the request body as JSON (Content-Type: application/json).',
    nl: () => 'Het verzoek heeft een verkeerd formaat.',
  },
  route_not_found: {
    status: 404,
    en: (p: { method: string; path: string }) =>
      `There is no ${p.method} ${p.path}. See /api/docs for the API.`,
    nl: () => 'Dit adres bestaat niet.',
  },
  internal: {
    status: 500,
    en: (p: { requestId: string }) =>
      `Something went wrong on the server (request ${p.requestId}). Nothing was saved. Try again; if it keeps failing, report the request id.`,
    nl: (p: { requestId: string }) =>
      `Er ging iets mis op de server (verzoek ${p.requestId}). Er is niets opgeslagen. Probeer het opnieuw; meld het verzoeknummer als het blijft misgaan.`,
  },
});

// Shorthands for the common errors, used everywhere.
export const notFound = (entity: string, id: string) => errors.not_found({ entity, id });
export const staleEdit = (entity: string, current: number, sent: number) =>
  errors.stale_edit({ entity, current, sent }, { currentVersion: current });
export const unauthenticated = () => errors.unauthenticated();

/** Translates a PostgreSQL error into an AppError where it is the user's to fix. */
export function fromDbError(err: unknown): AppError | undefined {
  const e = err as { code?: string; detail?: string; constraint?: string; message?: string };
  switch (e?.code) {
    case '23505':
      return errors.value_taken({ detail: e.detail ?? '' });
    case '23503':
      return errors.reference_missing({ detail: e.detail ?? '' });
    case '23514':
      return errors.rule_violated({ rule: e.constraint ?? '' });
    case '22P02':
    case '22007':
    case '22008':
      return errors.wrong_format({ detail: e.message ?? '' });
    default:
      return undefined;
  }
}
