import { useQueryClient } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import { Role } from '../../src/shared/schema.ts';
import type { User, UserCreate, UserUpdate } from '../../src/users/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import {
  CheckboxField,
  FormPanel,
  SelectField,
  TextField,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';

/** Creates an account (with a one-time password), or changes one's role, organisation and state. */
export function UserForm({ user, onClose }: { user: User | null; onClose(done?: string | null): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const organisations = useOrganisationOptions(t.users.noOrganisation, 'all');
  const roles = Role.options.map((r) => ({ value: r, label: t.roles[r] ?? r }));
  const form = useForm(
    {
      email: '',
      name: '',
      role: user?.role ?? 'contributor',
      organisationId: user?.organisationId ?? '',
      password: '',
      active: user?.active ?? true,
    },
    {
      validate: (v): FieldErrors =>
        !user && v.password.trim().length < 12 ? { password: t.password.tooShort } : {},
      action: (v) => {
        const role = v.role as Role;
        const organisationId = v.organisationId || null;
        return user
          ? api<User>('PATCH', `/api/users/${user.id}`, {
              version: user.version,
              role,
              organisationId,
              active: v.active,
            } satisfies z.input<typeof UserUpdate>)
          : api<User>('POST', '/api/users', {
              email: v.email.trim(),
              name: v.name.trim(),
              role,
              organisationId,
              password: v.password,
            } satisfies z.input<typeof UserCreate>);
      },
      success: (u) => fmt(user ? t.users.saved : t.users.created, { email: u.email }),
      onSuccess: async (_u, message) => {
        await qc.invalidateQueries({ queryKey: ['users'] });
        onClose(message);
      },
    },
  );

  return (
    <FormPanel
      title={user ? fmt(t.users.editTitle, { name: user.name }) : t.users.createTitle}
      intro={user && <Paragraph>{user.email}</Paragraph>}
      panel
      focusOnMount
      submit={form}
      submitLabel={user ? t.common.save : t.users.createButton}
      onCancel={onClose}
    >
      {!user && (
        <>
          <TextField
            label={t.users.email}
            type="email"
            autoComplete="off"
            {...form.field('email')}
            required
          />
          <TextField label={t.users.name} {...form.field('name')} required />
        </>
      )}
      <SelectField label={t.users.role} {...form.field('role')} required={!user} options={roles} />
      <SelectField label={t.users.organisation} {...form.field('organisationId')} options={organisations} />
      {user ? (
        <CheckboxField label={t.users.activeLabel} {...form.checkbox('active')} />
      ) : (
        <TextField
          label={t.users.password}
          type="password"
          autoComplete="new-password"
          hint={t.users.passwordHint}
          {...form.field('password')}
          required
        />
      )}
    </FormPanel>
  );
}
