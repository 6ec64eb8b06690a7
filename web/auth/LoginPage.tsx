import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Me } from '../../src/auth/schema.ts';
import { Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useAuthActions, useMe } from '../lib/auth.ts';
import { FormPanel, TextField, useForm } from '../components/form/index.ts';
import { PageTitle, useDocumentTitle } from '../components/ui.tsx';

/**
 * Where a user lands without an asked redirect: the worklist for those who follow recommendations up
 * (coordinators and contributors of an organisation), the overview for others.
 */
function landing(user: Me): string {
  const followsUp = (user.role === 'coordinator' || user.role === 'contributor') && user.organisationId;
  return followsUp ? '/worklist' : '/';
}

/** Only same-site paths are followed after login. */
function safeRedirect(r: string | undefined): string {
  return r && r.startsWith('/') && !r.startsWith('//') && !r.startsWith('/login') ? r : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t.login.title);
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const me = useMe();
  const { login } = useAuthActions();
  const form = useForm(
    { email: '', password: '' },
    {
      validate: (v) => ({
        ...(v.email.trim() ? {} : { email: t.login.emailRequired }),
        ...(v.password ? {} : { password: t.login.passwordRequired }),
      }),
      action: (v) => login(v.email.trim(), v.password),
      success: t.login.success,
      onSuccess: (user, message) =>
        navigate({
          to: user.mustChangePassword
            ? '/password'
            : search.redirect
              ? safeRedirect(search.redirect)
              : landing(user),
          state: { notice: message ?? undefined },
        }),
    },
  );

  return (
    <>
      <PageTitle>{t.login.title}</PageTitle>
      {me.data && <Paragraph>{fmt(t.login.alreadySignedIn, { name: me.data.name })}</Paragraph>}
      <Paragraph>{t.login.intro}</Paragraph>
      <FormPanel
        labelledBy="page-title"
        narrow
        submit={form}
        submitLabel={form.busy ? t.login.busy : t.login.submit}
        errorTitle={t.login.failed}
        errorTestId="login-error"
      >
        <TextField
          label={t.login.email}
          type="email"
          autoComplete="username"
          {...form.field('email')}
          required
        />
        <TextField
          label={t.login.password}
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
          required
        />
      </FormPanel>
    </>
  );
}
