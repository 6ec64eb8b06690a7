import { defineErrors } from '../core/errors.ts';

/** Errors of personal access tokens and service accounts. */
export const tokenErrors = defineErrors('token', {
  invalid: {
    status: 401,
    en: () =>
      'The access token is unknown, expired or revoked. Make a new token under "Access tokens" and send it as "Authorization: Bearer rd_...".',
    nl: () =>
      'Het toegangstoken is onbekend, verlopen of ingetrokken. Maak een nieuw token aan onder "Toegangstokens".',
  },
  read_only: {
    status: 403,
    en: () =>
      'This access token may only read (scope "read"): make a token with scope "write" to change data.',
    nl: () =>
      'Dit toegangstoken mag alleen lezen. Maak een token met schrijfrechten aan om gegevens te wijzigen.',
  },
  session_only: {
    status: 403,
    en: () =>
      'An access token cannot be used for this (signing in, passwords, tokens, accounts): sign in in the browser instead.',
    nl: () =>
      'Met een toegangstoken kan dit niet (inloggen, wachtwoorden, tokens, accounts). Log in via de browser.',
  },
  rate_limited: {
    status: 429,
    en: (p: { max: number; seconds: number }) =>
      `This access token made more than ${p.max} requests a minute. Wait ${p.seconds} seconds and try again.`,
    nl: (p: { max: number; seconds: number }) =>
      `Dit toegangstoken deed meer dan ${p.max} verzoeken per minuut. Wacht ${p.seconds} seconden en probeer het opnieuw.`,
  },
  expiry_out_of_range: {
    status: 400,
    en: (p: { from: string; to: string }) =>
      `Choose an expiry date from ${p.from} to ${p.to}: a token lives at most a year.`,
    nl: (p: { from: string; to: string }) =>
      `Kies een vervaldatum van ${p.from} tot en met ${p.to}: een token is ten hoogste een jaar geldig.`,
  },
  revoke_forbidden: {
    status: 403,
    en: () => 'You may revoke only your own tokens (an administrator also those of service accounts).',
    nl: () => 'U mag alleen uw eigen tokens intrekken (een beheerder ook die van serviceaccounts).',
  },
  already_revoked: {
    status: 409,
    en: () => 'This token has already been revoked.',
    nl: () => 'Dit token is al ingetrokken.',
  },
  manage_service_accounts_forbidden: {
    status: 403,
    en: () => 'Only an administrator may manage service accounts and their tokens.',
    nl: () => 'Alleen een beheerder mag serviceaccounts en hun tokens beheren.',
  },
  service_account_unknown: {
    status: 404,
    en: (p: { id: string }) => `No service account with id "${p.id}" exists.`,
    nl: (p: { id: string }) => `Er bestaat geen serviceaccount met id "${p.id}".`,
  },
  service_account_inactive: {
    status: 409,
    en: () => 'This service account is disabled: enable it under Users before making tokens for it.',
    nl: () =>
      'Dit serviceaccount is uitgeschakeld. Schakel het in bij Gebruikers voordat u er tokens voor maakt.',
  },
});
