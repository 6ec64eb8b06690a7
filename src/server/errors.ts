import { defineErrors } from '../core/errors.ts';

/** Input the server refuses before any route sees it: characters no text field may hold. */
export const inputErrors = defineErrors('input', {
  control_character: {
    status: 400,
    en: (p: { field: string }) =>
      `${p.field} contains a control character (such as NUL). Remove it and try again.`,
    nl: (p: { field: string }) =>
      `${p.field} bevat een stuurteken (zoals NUL). Verwijder het en probeer het opnieuw.`,
  },
  broken_text: {
    status: 400,
    en: (p: { field: string }) =>
      `${p.field} is not valid text (it contains half of a character pair). Type or paste it again.`,
    nl: (p: { field: string }) =>
      `${p.field} is geen geldige tekst (er staat een half teken in). Typ of plak de tekst opnieuw.`,
  },
  direction_override: {
    status: 400,
    en: (p: { field: string }) =>
      `${p.field} contains a character that reverses the direction of the text. Remove it and try again.`,
    nl: (p: { field: string }) =>
      `${p.field} bevat een teken dat de leesrichting van de tekst omdraait. Verwijder het en probeer het opnieuw.`,
  },
});

/** Refusals of the server under load; each answer carries Retry-After. */
export const limitErrors = defineErrors('limit', {
  exports_busy: {
    status: 429,
    en: (p: { seconds: number }) =>
      `Too many exports are being made at this moment. Try again in ${p.seconds} seconds.`,
    nl: (p: { seconds: number }) =>
      `Er worden op dit moment te veel exports gemaakt. Probeer het over ${p.seconds} seconden opnieuw.`,
  },
  public_rate_limited: {
    status: 429,
    en: (p: { max: number; seconds: number }) =>
      `Too many requests from your address: at most ${p.max} a minute without signing in. Try again in ${p.seconds} seconds.`,
    nl: (p: { max: number; seconds: number }) =>
      `Te veel verzoeken vanaf uw adres: zonder in te loggen ten hoogste ${p.max} per minuut. Probeer het over ${p.seconds} seconden opnieuw.`,
  },
});
