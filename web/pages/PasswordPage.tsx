import { useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { api, ApiError } from '../lib/api.ts';
import { ME_KEY, useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  ErrorAlert,
  Loading,
  LoginRequired,
  PageTitle,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';

export function PasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t.password.title);
  const me = useMe();
  return (
    <>
      <PageTitle>{t.password.title}</PageTitle>
      {me.isPending && <Loading />}
      {me.isSuccess && !me.data && <LoginRequired redirect="/password" />}
      {me.data && <PasswordForm mustChange={me.data.mustChangePassword} />}
    </>
  );
}

function PasswordForm({ mustChange }: { mustChange: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if (!current) fe.currentPassword = t.password.currentRequired;
    if (next.length < 12) fe.newPassword = t.password.tooShort;
    else if (next !== confirm) fe.confirm = t.password.mismatch;
    setFieldErrors(fe);
    setError(null);
    if (Object.keys(fe).length) {
      setError(new Error(t.common.fieldErrorsIntro));
      setTimeout(() => errorRef.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      await api<void>('POST', '/api/auth/password', { currentPassword: current, newPassword: next });
      await qc.invalidateQueries({ queryKey: ME_KEY });
      announce(t.password.changed);
      await navigate({ to: '/' });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      setTimeout(() => errorRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {mustChange && (
        <Alert type="warning">
          <Paragraph>{t.password.mustChange}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t.password.intro}</Paragraph>
      {error !== null && (
        <div ref={errorRef} tabIndex={-1} className="rd-alert-focus">
          <ErrorAlert error={error} />
        </div>
      )}
      <form className="rd-form rd-form--narrow" onSubmit={onSubmit} noValidate aria-labelledby="page-title">
        <TextField
          label={t.password.current}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={fieldErrors.currentPassword}
          required
        />
        <TextField
          label={t.password.new}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          hint={t.password.newHint}
          error={fieldErrors.newPassword}
          required
        />
        <TextField
          label={t.password.confirm}
          name="confirm"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={fieldErrors.confirm}
          required
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {t.password.submit}
        </Button>
      </form>
    </>
  );
}
