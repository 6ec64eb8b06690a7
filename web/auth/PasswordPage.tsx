import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { ChangePasswordBody } from '../../src/auth/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { ME_KEY } from '../lib/auth.ts';
import { SignedInPage } from '../components/access.tsx';
import { FormPanel, TextField, useForm, type FieldErrors } from '../components/form/index.ts';

export function PasswordPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.password.title}>
      {(me) => <PasswordForm mustChange={me.mustChangePassword} />}
    </SignedInPage>
  );
}

function PasswordForm({ mustChange }: { mustChange: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm(
    { currentPassword: '', newPassword: '', confirm: '' },
    {
      validate: (v) => {
        const errors: FieldErrors = {};
        if (!v.currentPassword) errors.currentPassword = t.password.currentRequired;
        if (v.newPassword.trim().length < 12) errors.newPassword = t.password.tooShort;
        else if (v.newPassword !== v.confirm) errors.confirm = t.password.mismatch;
        return errors;
      },
      action: (v) =>
        api<void>('POST', '/api/auth/password', {
          currentPassword: v.currentPassword,
          newPassword: v.newPassword,
        } satisfies z.input<typeof ChangePasswordBody>),
      success: t.password.changed,
      onSuccess: async (_r, message) => {
        await qc.invalidateQueries({ queryKey: ME_KEY });
        await navigate({ to: '/', state: { notice: message ?? undefined } });
      },
    },
  );

  return (
    <>
      {mustChange && (
        <Alert type="warning">
          <Paragraph>{t.password.mustChange}</Paragraph>
        </Alert>
      )}
      <Paragraph>{t.password.intro}</Paragraph>
      <FormPanel labelledBy="page-title" narrow submit={form} submitLabel={t.password.submit}>
        <TextField
          label={t.password.current}
          type="password"
          autoComplete="current-password"
          {...form.field('currentPassword')}
          required
        />
        <TextField
          label={t.password.new}
          type="password"
          autoComplete="new-password"
          hint={t.password.newHint}
          {...form.field('newPassword')}
          required
        />
        <TextField
          label={t.password.confirm}
          type="password"
          autoComplete="new-password"
          {...form.field('confirm')}
          required
        />
      </FormPanel>
    </>
  );
}
