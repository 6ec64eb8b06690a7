import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { User } from '../../src/users/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useOrganisations } from '../lib/organisations.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { useEditor } from '../components/form/index.ts';
import { ActionButton } from '../components/ui.tsx';
import { UserForm } from './UserForm.tsx';

const PAGE_SIZE = 50;

export function UsersPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.users.title} ability="manageUsers">
      {() => <UsersAdmin />}
    </SignedInPage>
  );
}

function UsersAdmin() {
  const { t, name, results } = useI18n();
  const [page, setPage] = useState(1);
  const editor = useEditor<User | 'new'>();
  const users = useQuery({
    queryKey: ['users', page],
    queryFn: () => api<Page<User>>('GET', `/api/users${qs({ page, pageSize: PAGE_SIZE })}`),
  });
  const orgById = new Map((useOrganisations().data?.items ?? []).map((o) => [o.id, o]));
  const organisation = (id: string | null) => {
    const org = id ? orgById.get(id) : undefined;
    return org ? `${name(org)} (${org.code})` : (id ?? t.common.none);
  };

  return (
    <>
      <Paragraph appearance="lead">{t.users.intro}</Paragraph>
      {editor.value === null && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
            {t.users.createTitle}
          </Button>
        </Paragraph>
      )}
      {editor.notice}
      {editor.value !== null && (
        <UserForm
          key={editor.value === 'new' ? 'new' : editor.value.id}
          user={editor.value === 'new' ? null : editor.value}
          onClose={editor.close}
        />
      )}
      <QueryTable
        query={users}
        empty={t.common.noResults}
        captionId="users-caption"
        caption={(total) => `${t.users.caption} (${results(total)})`}
        columns={[
          t.users.name,
          t.users.email,
          t.users.role,
          t.users.organisation,
          t.users.active,
          t.users.actions,
        ]}
        testId="users-table"
        paging={{ page, pageSize: PAGE_SIZE, onPage: setPage }}
        row={(u) => (
          <TableRow key={u.id}>
            <TableHeaderCell scope="row">{u.name}</TableHeaderCell>
            <TableCell>{u.email}</TableCell>
            <TableCell>{t.roles[u.role] ?? u.role}</TableCell>
            <TableCell>{organisation(u.organisationId)}</TableCell>
            <TableCell>{u.active ? t.common.yes : t.common.no}</TableCell>
            <TableCell>
              <ActionButton text={t.common.edit} subject={u.name} onClick={() => editor.open(u)} />
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
