import { useEffect, useRef, useState } from 'react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { Alert, Button, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { fmt, useI18n, type Lang } from '../i18n/index.tsx';
import { useAuthActions, useMe } from '../lib/auth.ts';
import { useAnnounce } from './announcer.tsx';
import { AppLink, ErrorAlert } from './ui.tsx';
import { NotificationBell } from '../pages/NotificationsPage.tsx';

export function Layout() {
  const { t, setLang } = useI18n();
  const me = useMe();
  const { logout } = useAuthActions();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<unknown>(null);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  // After a client-side navigation, move focus to the new page's heading (as a page load would).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const h1 = document.getElementById('page-title');
    (h1 ?? document.getElementById('main-content'))?.focus();
  }, [pathname]);

  const onLogout = async () => {
    setLogoutError(null);
    try {
      await logout();
      announce(t.app.loggedOut);
      await navigate({ to: '/' });
    } catch (err) {
      setLogoutError(err);
    }
  };

  const user = me.data;
  const isAdmin = user?.role === 'admin';
  const otherLang = t.meta.switchToLang as Lang;

  return (
    <div className="utrecht-theme utrecht-document rd-app">
      <SkipLink href="#main-content">{t.app.skipToContent}</SkipLink>
      <PageHeader className="rd-header">
        <div className="rd-header__inner">
          <div className="rd-brand">
            <AppLink to="/" className="rd-brand__name">
              {t.app.name}
            </AppLink>
            <span className="rd-brand__tagline">{t.app.tagline}</span>
          </div>
          <div className="rd-header__tools">
            {user && (
              <span className="rd-user" data-testid="current-user">
                {fmt(t.app.signedInAs, { name: user.name })}
              </span>
            )}
            {user && <NotificationBell />}
            {user ? (
              <Button appearance="secondary-action-button" type="button" onClick={onLogout}>
                {t.app.logout}
              </Button>
            ) : (
              me.isSuccess &&
              pathname !== '/login' && (
                <AppLink to="/login" search={{ redirect: pathname }} className="rd-login-link">
                  {t.app.login}
                </AppLink>
              )
            )}
            <Button
              appearance="subtle-button"
              type="button"
              lang={otherLang}
              onClick={() => setLang(otherLang)}
              className="rd-lang-switch"
            >
              {t.meta.switchTo}
            </Button>
          </div>
        </div>
        <nav className="rd-nav" aria-label={t.app.mainNav}>
          <ul className="rd-nav__list">
            <li>
              <AppLink to="/" activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
                {t.nav.overview}
              </AppLink>
            </li>
            <li>
              <AppLink to="/timeline" activeProps={{ 'aria-current': 'page' }}>
                {t.timeline.nav}
              </AppLink>
            </li>
            <li>
              <AppLink to="/deadlines" activeProps={{ 'aria-current': 'page' }}>
                {t.deadlines.nav}
              </AppLink>
            </li>
            <li>
              <AppLink to="/organisations" activeProps={{ 'aria-current': 'page' }}>
                {t.nav.organisations}
              </AppLink>
            </li>
            <li>
              <AppLink to="/consultations" activeProps={{ 'aria-current': 'page' }}>
                {t.consultations.navLabel}
              </AppLink>
            </li>
            <li>
              <AppLink to="/recommendations" activeProps={{ 'aria-current': 'page' }}>
                {t.recommendations.nav}
              </AppLink>
            </li>
            {(isAdmin || user?.role === 'coordinator') && (
              <li>
                <AppLink to="/imports" activeProps={{ 'aria-current': 'page' }}>
                  {t.imports.nav}
                </AppLink>
              </li>
            )}
            {user && (
              <li>
                <AppLink to="/tasks" activeProps={{ 'aria-current': 'page' }}>
                  {t.tasks.nav}
                </AppLink>
              </li>
            )}
            {user && (
              <li>
                <AppLink to="/meetings" activeProps={{ 'aria-current': 'page' }}>
                  {t.meetings.nav}
                </AppLink>
              </li>
            )}
            {user && (
              <li>
                <AppLink to="/process" activeProps={{ 'aria-current': 'page' }}>
                  {t.process.nav}
                </AppLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <AppLink to="/users" activeProps={{ 'aria-current': 'page' }}>
                  {t.nav.users}
                </AppLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <AppLink to="/audit" activeProps={{ 'aria-current': 'page' }}>
                  {t.nav.audit}
                </AppLink>
              </li>
            )}
            {isAdmin && (
              <li>
                <AppLink to="/outbox" activeProps={{ 'aria-current': 'page' }}>
                  {t.outbox.navLabel}
                </AppLink>
              </li>
            )}
          </ul>
        </nav>
      </PageHeader>
      <main id="main-content" tabIndex={-1} className="rd-main">
        {logoutError !== null && <ErrorAlert error={logoutError} />}
        {user?.mustChangePassword && pathname !== '/password' && (
          <Alert type="warning" role="status">
            <Paragraph>
              {t.password.banner} <AppLink to="/password">{t.password.bannerLink}</AppLink>
            </Paragraph>
          </Alert>
        )}
        <Outlet />
      </main>
      <PageFooter className="rd-footer">
        <Paragraph>{t.app.footer}</Paragraph>
      </PageFooter>
    </div>
  );
}
