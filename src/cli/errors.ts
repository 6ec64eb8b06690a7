import { defineErrors } from '../core/errors.ts';

/** Errors of the command line (printed as "Error: <English text>"). */
export const cliErrors = defineErrors('cli', {
  password_too_short: {
    status: 400,
    en: () => 'Choose a password of at least 12 characters.',
    nl: () => 'Kies een wachtwoord van ten minste 12 tekens.',
  },
  unknown_role: {
    status: 400,
    en: (p: { role: string; roles: string }) => `Unknown role "${p.role}": use one of ${p.roles}.`,
    nl: (p: { role: string; roles: string }) => `Onbekende rol "${p.role}". Gebruik een van: ${p.roles}.`,
  },
  unknown_user: {
    status: 404,
    en: (p: { email: string }) => `No user with e-mail address ${p.email}. See "rightsdesk user list".`,
    nl: (p: { email: string }) =>
      `Er is geen gebruiker met het e-mailadres ${p.email}. Zie "rightsdesk user list".`,
  },
  unknown_organisation: {
    status: 400,
    en: (p: { code: string }) => `No organisation with code "${p.code}". Codes are e.g. BZK, JenV, VWS.`,
    nl: (p: { code: string }) =>
      `Er is geen organisatie met de code "${p.code}". Codes zijn bijvoorbeeld BZK, JenV en VWS.`,
  },
  unknown_import_kind: {
    status: 400,
    en: (p: { kind: string }) =>
      `Unknown import kind "${p.kind}": use upr-info, uhri, spreadsheet or document.`,
    nl: (p: { kind: string }) =>
      `Onbekende importsoort "${p.kind}". Gebruik upr-info, uhri, spreadsheet of document.`,
  },
  unreadable_file: {
    status: 400,
    en: (p: { file: string }) => `Cannot read ${p.file}: check the path.`,
    nl: (p: { file: string }) => `Het bestand ${p.file} kan niet worden gelezen. Controleer het pad.`,
  },
});
