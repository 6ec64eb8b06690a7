import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { User } from '../../src/users/schema.ts';
import type { Organisation } from '../../src/organisations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { RequireAdmin } from '../components/RequireAdmin.tsx';
import {
  ActionButton,
  CheckboxField,
  ErrorAlert,
  Loading,
  PageTitle,
  Pager,
  SelectField,
  TableScroll,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';

const ROLES = ['admin', 'coordinator', 'contributor', 'observer'] as const;
const PAGE_SIZE = 50;

export function UsersPage() {
  const { t } = useI18n();
  useDocumentTitle(t.users.title);
  return (
    <>
      <PageTitle>{t.users.title}</PageTitle>
      <RequireAdmin>
        <UsersAdmin />
      </RequireAdmin>
    </>
  );
}

function useOrganisations() {
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: () => api<Page<Organisation>>('GET', `/api/organisations${qs({ pageSize: 500 })}`),
    staleTime: 60_000,
  });
}

function UsersAdmin() {
  const { t, name } = useI18n();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);
  const users = useQuery({
    queryKey: ['users', page],
    queryFn: () => api<Page<User>>('GET', `/api/users${qs({ page, pageSize: PAGE_SIZE })}`),
  });
  const orgs = useOrganisations();
  const orgById = new Map((orgs.data?.items ?? []).map((o) => [o.id, o]));

  return (
    <>
      <Paragraph appearance="lead">{t.users.intro}</Paragraph>
      {!creating && (
        <Paragraph>
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => {
              setEditing(null);
              setCreating(true);
            }}
          >
            {t.users.createTitle}
          </Button>
        </Paragraph>
      )}
      {creating && <CreateUserForm orgs={orgs.data?.items ?? []} onDone={() => setCreating(false)} />}
      {editing && (
        <EditUserForm
          key={editing.id}
          user={editing}
          orgs={orgs.data?.items ?? []}
          onDone={() => setEditing(null)}
        />
      )}
      {users.isPending && <Loading />}
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <TableScroll labelledBy="users-caption">
            <Table className="rd-table" data-testid="users-table">
              <TableCaption id="users-caption">
                {t.users.caption} ({fmt(t.common.results, { total: users.data.total })})
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.users.name}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.users.email}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.users.role}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.users.organisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.users.active}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.users.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {users.data.items.map((u) => {
                  const org = u.organisationId ? orgById.get(u.organisationId) : undefined;
                  return (
                    <TableRow key={u.id}>
                      <TableHeaderCell scope="row">{u.name}</TableHeaderCell>
                      <TableCell>{u.email}</TableCell>
                      <TableCell>{t.roles[u.role] ?? u.role}</TableCell>
                      <TableCell>
                        {org
                          ? `${name(org)} (${org.code})`
                          : u.organisationId
                            ? u.organisationId
                            : t.common.none}
                      </TableCell>
                      <TableCell>{u.active ? t.common.yes : t.common.no}</TableCell>
                      <TableCell>
                        <ActionButton
                          text={t.common.edit}
                          subject={u.name}
                          onClick={() => {
                            setCreating(false);
                            setEditing(u);
                          }}
                        />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager page={page} pageSize={PAGE_SIZE} total={users.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}

function orgOptions(orgs: Organisation[], noneLabel: string, name: (o: Organisation) => string) {
  return [
    { value: '', label: noneLabel },
    ...[...orgs]
      .sort((a, b) => name(a).localeCompare(name(b)))
      .map((o) => ({ value: o.id, label: `${name(o)} (${o.code})` })),
  ];
}

function useFocusOnMount() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

function CreateUserForm({ orgs, onDone }: { orgs: Organisation[]; onDone(): void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const headingRef = useFocusOnMount();
  const [email, setEmail] = useState('');
  const [userName, setUserName] = useState('');
  const [role, setRole] = useState<string>('contributor');
  const [organisationId, setOrganisationId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const u = await api<User>('POST', '/api/users', {
        email: email.trim(),
        name: userName.trim(),
        role,
        organisationId: organisationId || null,
        password,
      });
      await qc.invalidateQueries({ queryKey: ['users'] });
      announce(fmt(t.users.created, { email: u.email }));
      onDone();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="user-create-heading" className="rd-panel">
      <Heading level={2} id="user-create-heading" tabIndex={-1} ref={headingRef}>
        {t.users.createTitle}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <form className="rd-form" onSubmit={onSubmit} noValidate aria-labelledby="user-create-heading">
        <TextField
          label={t.users.email}
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
          required
        />
        <TextField
          label={t.users.name}
          name="name"
          value={userName}
          onChange={setUserName}
          error={fieldErrors.name}
          required
        />
        <SelectField
          label={t.users.role}
          name="role"
          value={role}
          onChange={setRole}
          error={fieldErrors.role}
          required
          options={ROLES.map((r) => ({ value: r, label: t.roles[r] ?? r }))}
        />
        <SelectField
          label={t.users.organisation}
          name="organisationId"
          value={organisationId}
          onChange={setOrganisationId}
          error={fieldErrors.organisationId}
          options={orgOptions(orgs, t.users.noOrganisation, name)}
        />
        <TextField
          label={t.users.password}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          hint={t.users.passwordHint}
          error={fieldErrors.password}
          required
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {t.users.createButton}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onDone}>
            {t.common.cancel}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function EditUserForm({ user, orgs, onDone }: { user: User; orgs: Organisation[]; onDone(): void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const headingRef = useFocusOnMount();
  const [role, setRole] = useState<string>(user.role);
  const [organisationId, setOrganisationId] = useState(user.organisationId ?? '');
  const [active, setActive] = useState(user.active);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const u = await api<User>('PATCH', `/api/users/${user.id}`, {
        version: user.version,
        role,
        organisationId: organisationId || null,
        active,
      });
      await qc.invalidateQueries({ queryKey: ['users'] });
      announce(fmt(t.users.saved, { email: u.email }));
      onDone();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  const title = fmt(t.users.editTitle, { name: user.name });
  return (
    <section aria-labelledby="user-edit-heading" className="rd-panel">
      <Heading level={2} id="user-edit-heading" tabIndex={-1} ref={headingRef}>
        {title}
      </Heading>
      <Paragraph>{user.email}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <form className="rd-form" onSubmit={onSubmit} noValidate aria-labelledby="user-edit-heading">
        <SelectField
          label={t.users.role}
          name="role"
          value={role}
          onChange={setRole}
          error={fieldErrors.role}
          options={ROLES.map((r) => ({ value: r, label: t.roles[r] ?? r }))}
        />
        <SelectField
          label={t.users.organisation}
          name="organisationId"
          value={organisationId}
          onChange={setOrganisationId}
          error={fieldErrors.organisationId}
          options={orgOptions(orgs, t.users.noOrganisation, name)}
        />
        <CheckboxField label={t.users.activeLabel} name="active" checked={active} onChange={setActive} />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {t.common.save}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onDone}>
            {t.common.cancel}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
