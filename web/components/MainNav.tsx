import type { Me } from '../../src/auth/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { AppLink } from './ui.tsx';

type NavPath =
  | '/'
  | '/timeline'
  | '/deadlines'
  | '/organisations'
  | '/consultations'
  | '/recommendations'
  | '/imports'
  | '/taxonomy'
  | '/tasks'
  | '/worklist'
  | '/clusters'
  | '/actions'
  | '/dashboards'
  | '/meetings'
  | '/brieven'
  | '/commitments'
  | '/resultatenkader'
  | '/mensenrechtenraad'
  | '/openbare-documenten'
  | '/process'
  | '/users'
  | '/audit'
  | '/outbox'
  | '/letter-sender';

/** The main navigation: what everyone sees, then what the user's abilities (GET /api/auth/me) open. */
export function MainNav({ me }: { me: Me | null }) {
  const { t } = useI18n();
  const can = me?.abilities;
  const items: { to: NavPath; label: string; shown: boolean }[] = [
    { to: '/', label: t.nav.overview, shown: true },
    { to: '/timeline', label: t.timeline.nav, shown: true },
    { to: '/deadlines', label: t.deadlines.nav, shown: true },
    { to: '/organisations', label: t.nav.organisations, shown: true },
    { to: '/consultations', label: t.consultations.navLabel, shown: true },
    { to: '/recommendations', label: t.recommendations.nav, shown: true },
    { to: '/openbare-documenten', label: t.nav.publicLetters, shown: true },
    { to: '/imports', label: t.imports.nav, shown: Boolean(can?.importRecommendations) },
    { to: '/taxonomy', label: t.taxonomy.nav, shown: true },
    { to: '/worklist', label: t.nav.worklist, shown: Boolean(me?.organisationId) },
    { to: '/dashboards', label: t.nav.dashboards, shown: Boolean(me) },
    { to: '/clusters', label: t.nav.clusters, shown: Boolean(me) },
    { to: '/actions', label: t.nav.actions, shown: Boolean(me) },
    { to: '/tasks', label: t.tasks.nav, shown: Boolean(me) },
    { to: '/meetings', label: t.meetings.nav, shown: Boolean(me) },
    { to: '/brieven', label: t.nav.letters, shown: Boolean(me) },
    { to: '/commitments', label: t.nav.commitments, shown: Boolean(me) },
    { to: '/resultatenkader', label: t.nav.framework, shown: Boolean(me) },
    { to: '/mensenrechtenraad', label: t.nav.hrc, shown: Boolean(me) },
    { to: '/process', label: t.process.nav, shown: Boolean(me) },
    { to: '/users', label: t.nav.users, shown: Boolean(can?.manageUsers) },
    { to: '/audit', label: t.nav.audit, shown: Boolean(can?.viewAudit) },
    { to: '/outbox', label: t.outbox.navLabel, shown: Boolean(can?.readOutbox) },
    { to: '/letter-sender', label: t.letterSender.navLabel, shown: Boolean(can?.setLetterSender) },
  ];
  return (
    <nav className="rd-nav" aria-label={t.app.mainNav}>
      <ul className="rd-nav__list">
        {items
          .filter((i) => i.shown)
          .map((i) => (
            <li key={i.to}>
              <AppLink
                to={i.to}
                activeOptions={{ exact: i.to === '/' }}
                activeProps={{ 'aria-current': 'page' }}
              >
                {i.label}
              </AppLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
