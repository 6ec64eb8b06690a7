import { useRouterState } from '@tanstack/react-router';
import { useI18n } from '../i18n/index.tsx';
import { AppLink } from '../components/ui.tsx';
import './texts.ts';

/**
 * The parts of the annual human rights report, as links under each part's heading: the results
 * framework, the contributions and the financial annex. The current part is marked for screen readers.
 */
export function ReportNav() {
  const { t } = useI18n();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const parts = [
    { to: '/resultatenkader', label: t.reportNav.framework },
    { to: '/rapportage/bijdragen', label: t.reportNav.contributions },
    { to: '/rapportage/financien', label: t.reportNav.annex },
  ] as const;
  return (
    <nav aria-label={t.reportNav.label} className="rd-subnav">
      <ul>
        {parts.map((p) => (
          <li key={p.to}>
            <AppLink to={p.to} aria-current={path.startsWith(p.to) ? 'page' : undefined}>
              {p.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
