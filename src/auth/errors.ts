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
    en: (p: { seconds: number }) =>
      `Too many failed attempts. Wait ${p.seconds} second(s) before trying again.`,
    nl: (p: { seconds: number }) =>
      `Te veel mislukte pogingen. Wacht ${p.seconds} seconde(n) voordat u het opnieuw probeert.`,
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
  password_too_short: {
    status: 400,
    en: (p: { min: number }) =>
      `Choose a password of at least ${p.min} characters (spaces at the start and end do not count).`,
    nl: (p: { min: number }) =>
      `Kies een wachtwoord van minstens ${p.min} tekens (spaties aan het begin en eind tellen niet mee).`,
  },
  password_too_common: {
    status: 400,
    en: () =>
      'This password is too easy to guess: it is a common password, a variation of one, or a simple pattern. Choose a sentence of a few unrelated words.',
    nl: () =>
      'Dit wachtwoord is te makkelijk te raden: het is een veelgebruikt wachtwoord, een variant daarvan of een eenvoudig patroon. Kies een zin van een paar woorden die niet bij elkaar horen.',
  },
});
