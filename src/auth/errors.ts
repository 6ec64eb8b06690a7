import { defineErrors } from '../core/errors.ts';

export const authErrors = defineErrors('auth', {
  invalid_credentials: {
    status: 401,
    en: () => 'The e-mail address or password is not correct. Check both and try again.',
    nl: () => 'Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.',
  },
  account_disabled: {
    status: 403,
    en: () => 'This account has been disabled. Ask an administrator to enable it.',
    nl: () => 'Dit account is uitgeschakeld. Vraag een beheerder om het weer in te schakelen.',
  },
  rate_limited: {
    status: 429,
    en: (p: { minutes: number }) =>
      `Too many failed attempts. Wait ${p.minutes} minute(s) before trying again.`,
    nl: (p: { minutes: number }) =>
      `Te veel mislukte pogingen. Wacht ongeveer ${p.minutes} minuten voordat u het opnieuw probeert.`,
  },
  wrong_current_password: {
    status: 400,
    en: () => 'Your current password is not correct.',
    nl: () => 'Uw huidige wachtwoord klopt niet.',
  },
  same_password: {
    status: 400,
    en: () => 'Choose a new password that differs from the current one.',
    nl: () => 'Kies een nieuw wachtwoord dat verschilt van het huidige.',
  },
});
