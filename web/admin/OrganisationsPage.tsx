import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import {
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationKind,
} from '../../src/organisations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useAbility } from '../lib/auth.ts';
import { filled } from '../lib/search.ts';
import { QueryTable } from '../components/QueryTable.tsx';
import { FilterForm, SelectField, TextField, useEditor, useFields } from '../components/form/index.ts';
import { ActionButton, PageTitle, Unverified, useDocumentTitle } from '../components/ui.tsx';
import { OrganisationForm } from './OrganisationForm.tsx';

const PAGE_SIZE = 50;

export function OrganisationsPage() {
  const { t, name, date, results } = useI18n();
  useDocumentTitle(t.organisations.title);
  const search = useSearch({ from: '/organisations' });
  const navigate = useNavigate({ from: '/organisations' });
  const mayManage = useAbility('manageOrganisations');
  const editor = useEditor<Organisation | 'new'>();
  const page = search.page ?? 1;
  const filters = useFields({ kind: search.kind ?? '', q: search.q ?? '' });

  const list = useQuery({
    queryKey: ['organisations', search.kind ?? '', search.q ?? '', page],
    queryFn: () =>
      api<Page<Organisation>>(
        'GET',
        `/api/organisations${qs({ kind: search.kind, q: search.q, page, pageSize: PAGE_SIZE })}`,
      ),
  });

  const kinds = ORGANISATION_KINDS.map((k) => ({ value: k, label: t.organisationKinds[k] ?? k }));

  return (
    <>
      <PageTitle>{t.organisations.title}</PageTitle>
      <Paragraph appearance="lead">{t.organisations.intro}</Paragraph>

      <FilterForm
        legend={t.organisations.filterLegend}
        fields={filters}
        resettable
        onApply={(v) => {
          const { kind, q } = filled(v);
          void navigate({ search: { kind: kind as OrganisationKind | undefined, q } });
        }}
      >
        <SelectField
          label={t.organisations.kind}
          {...filters.field('kind')}
          options={[{ value: '', label: t.common.all }, ...kinds]}
        />
        <TextField label={t.organisations.search} type="search" {...filters.field('q')} />
      </FilterForm>

      {mayManage && editor.value === null && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
            {t.organisations.newButton}
          </Button>
        </Paragraph>
      )}
      {editor.notice}
      {mayManage && editor.value !== null && (
        <OrganisationForm
          key={editor.value === 'new' ? 'new' : editor.value.id}
          organisation={editor.value === 'new' ? null : editor.value}
          kinds={kinds}
          onClose={editor.close}
        />
      )}

      <QueryTable
        query={list}
        empty={t.common.noResults}
        captionId="organisations-caption"
        caption={(total) => `${t.organisations.caption} (${results(total)})`}
        columns={[
          t.organisations.code,
          t.organisations.name,
          t.organisations.kind,
          t.organisations.validity,
          t.organisations.current,
          mayManage && t.organisations.actions,
        ]}
        testId="organisations-table"
        paging={{
          page,
          pageSize: PAGE_SIZE,
          onPage: (p) => void navigate({ search: (s) => ({ ...s, page: p }) }),
        }}
        row={(o) => (
          <TableRow key={o.id}>
            <TableCell>{o.code}</TableCell>
            <TableHeaderCell scope="row">
              {name(o)} {!o.verified && <Unverified />}
            </TableHeaderCell>
            <TableCell>{t.organisationKinds[o.kind] ?? o.kind}</TableCell>
            <TableCell>
              {o.validFrom || o.validTo ? `${date(o.validFrom)} – ${date(o.validTo)}` : t.common.none}
            </TableCell>
            <TableCell>{o.current ? t.common.yes : t.common.no}</TableCell>
            {mayManage && (
              <TableCell>
                <ActionButton
                  text={t.organisations.editButton}
                  subject={name(o)}
                  onClick={() => editor.open(o)}
                />
              </TableCell>
            )}
          </TableRow>
        )}
      />
    </>
  );
}
