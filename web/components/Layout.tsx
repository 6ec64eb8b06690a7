import { useEffect, useRef, useState } from 'react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { Alert, Button, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { fmt, useI18n, type Lang } from '../i18n/index.tsx';
import { useAuthActions, useMe } from '../lib/auth.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { useAnnounce } from './announcer.tsx';
import { ErrorAlert, SuccessNotice } from './feedback.tsx';
import { MainNav } from './MainNav.tsx';
import { AppLink } from './ui.tsx';
import { AccountLinks } from '../tokens/AccountLinks.tsx';

export function Layout() {
  const { t, setLang } = useI18n();
  const me = useMe();
  const { logout } = useAuthActions();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [logoutError, setLogoutError] = useState<unknown>(null);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // What a form that navigated here says it did ("Your password has been changed.").
  const notice = useRouterState({ select: (s) => s.location.state.notice });

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
      await navigate({ to: '/', state: { notice: t.app.loggedOut } });
      // The logout button is gone; on the same page no navigation moves the focus to the heading.
      document.getElementById('page-title')?.focus();
    } catch (err) {
      setLogoutError(err);
    }
  };

  const user = me.data;
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
        <MainNav me={user ?? null} />
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
        {notice && <SuccessNotice message={notice} />}
        <Outlet />
      </main>
      <PageFooter className="rd-footer">
        <Paragraph>{t.app.footer}</Paragraph>
        {user && <AccountLinks />}
      </PageFooter>
    </div>
  );
}
