import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { useAuthActions, useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { PageTitle, TextField, useDocumentTitle } from '../components/ui.tsx';

/** Only same-site paths are followed after login. */
function safeRedirect(r: string | undefined): string {
  return r && r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/login') ? r : '/';
}

export function LoginPage() {
  const { t, problem } = useI18n();
  useDocumentTitle(t.login.title);
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const me = useMe();
  const { login } = useAuthActions();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const alertRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if (!email.trim()) fe.email = t.login.emailRequired;
    if (!password) fe.password = t.login.passwordRequired;
    setFieldErrors(fe);
    if (Object.keys(fe).length) {
      setError(t.common.fieldErrorsIntro);
      setTimeout(() => alertRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await login(email.trim(), password);
      announce(t.login.success);
      if (me.mustChangePassword) await navigate({ to: '/password' });
      else await navigate({ to: safeRedirect(search.redirect) });
    } catch (err) {
      if (err instanceof ApiError) {
        setError(
          err.status === 0
            ? t.common.networkError
            : problem(err.code, err.message || t.login.failed, err.retryAfter),
        );
        setFieldErrors(err.fieldErrors());
      } else {
        setError(t.login.failed);
      }
      setTimeout(() => alertRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t.login.title}</PageTitle>
      {me.data && <Paragraph>{fmt(t.login.alreadySignedIn, { name: me.data.name })}</Paragraph>}
      <Paragraph>{t.login.intro}</Paragraph>
      {error && (
        <div ref={alertRef} tabIndex={-1} className="rd-alert-focus" data-testid="login-error">
          <Alert type="error">
            <Heading level={2} appearance="utrecht-heading-4">
              {t.login.failed}
            </Heading>
            <Paragraph>{error}</Paragraph>
          </Alert>
        </div>
      )}
      <form className="rd-form rd-form--narrow" onSubmit={onSubmit} noValidate aria-labelledby="page-title">
        <TextField
          label={t.login.email}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
          required
        />
        <TextField
          label={t.login.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          required
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t.login.busy : t.login.submit}
        </Button>
      </form>
    </>
  );
}
