/** The errors of notifications and the e-mail outbox, in English (the API's `detail`) and formal Dutch. */
import { defineErrors } from '../core/errors.ts';

export const notificationErrors = defineErrors('notification', {
  smtp_url_invalid: {
    status: 500,
    en: (p: { url: string }) => `SMTP_URL is not a valid URL: "${p.url}". Write it as smtp://host:port.`,
    nl: (p: { url: string }) =>
      `SMTP_URL is geen geldig adres: "${p.url}". Schrijf het als smtp://host:poort. Neem contact op met de beheerder.`,
  },
  smtp_url_scheme: {
    status: 500,
    en: (p: { protocol: string }) => `SMTP_URL must start with smtp:// or smtps://, got "${p.protocol}".`,
    nl: (p: { protocol: string }) =>
      `SMTP_URL moet beginnen met smtp:// of smtps://, maar begint met "${p.protocol}". Neem contact op met de beheerder.`,
  },
});
