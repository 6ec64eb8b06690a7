import { defineErrors } from '../core/errors.ts';

/** Refusals of the server under load; each answer carries Retry-After. */
export const limitErrors = defineErrors('limit', {
  exports_busy: {
    status: 429,
    en: (p: { seconds: number }) =>
      `Too many exports are being made at this moment. Try again in ${p.seconds} seconds.`,
    nl: (p: { seconds: number }) =>
      `Er worden op dit moment te veel exports gemaakt. Probeer het over ${p.seconds} seconden opnieuw.`,
  },
});
