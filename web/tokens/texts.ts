/**
 * The texts of the access tokens page, Dutch and English. They load with the page (and the small
 * account link of the footer), so they stay out of the shared dictionary.
 */
import { useI18n } from '../i18n/index.tsx';

const nl = {
  nav: 'Toegangstokens',
  account: 'Uw account',
  title: 'Toegangstokens',
  intro:
    'Met een toegangstoken gebruikt een script of koppeling de API namens u: stuur het mee als "Authorization: Bearer rd_...". Het token mag niet meer dan u zelf mag. Met een token kunt u geen wachtwoorden of tokens beheren.',
  newToken: 'Nieuw toegangstoken',
  create: 'Token aanmaken',
  name: 'Naam',
  nameHint: 'Waarvoor u het token gebruikt, bijvoorbeeld "Nachtelijke export".',
  nameRequired: 'Vul een naam in.',
  expiresOn: 'Geldig tot en met',
  expiresHint: 'Ten hoogste een jaar vanaf vandaag.',
  expiresRequired: 'Kies een vervaldatum.',
  scope: 'Rechten',
  scopes: { read: 'Alleen lezen', write: 'Lezen en schrijven' },
  created: 'Het toegangstoken is aangemaakt.',
  shownOnceTitle: 'Kopieer het token nu',
  shownOnce:
    'Dit is de enige keer dat het token wordt getoond. Bewaar het veilig, bijvoorbeeld in een wachtwoordkluis; wie het token heeft, kan namens u handelen.',
  tokenLabel: 'Uw nieuwe token',
  copy: 'Token kopiëren',
  copied: 'Het token is gekopieerd.',
  copyFailed: 'Kopiëren lukte niet. Selecteer het token en kopieer het zelf.',
  done: 'Ik heb het token bewaard',
  caption: 'Uw toegangstokens ({total})',
  none: 'U hebt nog geen toegangstokens.',
  prefix: 'Begint met',
  expires: 'Verloopt',
  lastUsed: 'Laatst gebruikt',
  never: 'Nooit',
  status: 'Status',
  statuses: { active: 'Actief', expired: 'Verlopen', revoked: 'Ingetrokken' },
  actions: 'Acties',
  revoke: 'Intrekken',
  revokeQuestion: 'Token "{name}" intrekken? Scripts die het gebruiken krijgen daarna geen toegang meer.',
  revokeYes: 'Ja, intrekken',
  revoked: 'Het token "{name}" is ingetrokken.',
  serviceTitle: 'Serviceaccounts',
  serviceIntro:
    'Een serviceaccount hoort bij een organisatie en handelt alleen via toegangstokens; het kan niet inloggen met een wachtwoord.',
  newService: 'Nieuw serviceaccount',
  createService: 'Serviceaccount aanmaken',
  serviceCreated: 'Het serviceaccount is aangemaakt.',
  serviceName: 'Naam van het serviceaccount',
  role: 'Rol',
  roles: { observer: 'Waarnemer', contributor: 'Medewerker', coordinator: 'Coördinator' },
  organisation: 'Organisatie',
  chooseOrganisation: 'Kies een organisatie',
  organisationRequired: 'Kies een organisatie.',
  noServices: 'Er zijn nog geen serviceaccounts.',
  serviceTokens: 'Tokens van {name} ({total})',
  newServiceToken: 'Token voor {name}',
  disabled: 'uitgeschakeld',
};

const en: typeof nl = {
  nav: 'Access tokens',
  account: 'Your account',
  title: 'Access tokens',
  intro:
    'An access token lets a script or integration use the API on your behalf: send it as "Authorization: Bearer rd_...". The token may do no more than you may. A token cannot manage passwords or tokens.',
  newToken: 'New access token',
  create: 'Create token',
  name: 'Name',
  nameHint: 'What you use the token for, e.g. "Nightly export".',
  nameRequired: 'Enter a name.',
  expiresOn: 'Valid until',
  expiresHint: 'At most a year from today.',
  expiresRequired: 'Choose an expiry date.',
  scope: 'Rights',
  scopes: { read: 'Read only', write: 'Read and write' },
  created: 'The access token has been created.',
  shownOnceTitle: 'Copy the token now',
  shownOnce:
    'This is the only time the token is shown. Keep it safe, e.g. in a password manager; whoever holds the token can act on your behalf.',
  tokenLabel: 'Your new token',
  copy: 'Copy token',
  copied: 'The token has been copied.',
  copyFailed: 'Copying failed. Select the token and copy it yourself.',
  done: 'I have stored the token',
  caption: 'Your access tokens ({total})',
  none: 'You have no access tokens yet.',
  prefix: 'Starts with',
  expires: 'Expires',
  lastUsed: 'Last used',
  never: 'Never',
  status: 'Status',
  statuses: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
  actions: 'Actions',
  revoke: 'Revoke',
  revokeQuestion: 'Revoke token "{name}"? Scripts that use it will no longer have access.',
  revokeYes: 'Yes, revoke',
  revoked: 'The token "{name}" has been revoked.',
  serviceTitle: 'Service accounts',
  serviceIntro:
    'A service account belongs to an organisation and acts only through access tokens; it cannot sign in with a password.',
  newService: 'New service account',
  createService: 'Create service account',
  serviceCreated: 'The service account has been created.',
  serviceName: 'Name of the service account',
  role: 'Role',
  roles: { observer: 'Observer', contributor: 'Contributor', coordinator: 'Coordinator' },
  organisation: 'Organisation',
  chooseOrganisation: 'Choose an organisation',
  organisationRequired: 'Choose an organisation.',
  noServices: 'There are no service accounts yet.',
  serviceTokens: 'Tokens of {name} ({total})',
  newServiceToken: 'Token for {name}',
  disabled: 'disabled',
};

export type TokenTexts = typeof nl;

/** The texts in the user's language. */
export function useTokenTexts(): TokenTexts {
  return useI18n().lang === 'en' ? en : nl;
}
