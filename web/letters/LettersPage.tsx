import { useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Me } from '../../src/auth/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { FilterForm, SelectField, useFields } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { useLetters } from './api.ts';
import { NewLetterPanel } from './NewLetterPanel.tsx';
import { KINDS, STATES } from './search.ts';
import './letters.css';
import '../i18n/letters-texts.ts';

/** The documents of the workspace: a list filtered by kind and state, and "Nieuw document". */
export function LettersPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.letters.title}>{(me) => <Content me={me} />}</SignedInPage>;
}

function Content({ me }: { me: Me }) {
  const { t, dateTime, results } = useI18n();
  const search = useSearch({ from: '/brieven' });
  const navigate = useNavigate({ from: '/brieven' });
  const page = search.page ?? 1;
  const list = useLetters({ kind: search.kind, state: search.state, page });
  const filters = useFields({ kind: search.kind ?? '', state: search.state ?? '' });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Paragraph appearance="lead">{t.letters.intro}</Paragraph>
      {me.abilities.createLetters &&
        (creating ? (
          <NewLetterPanel me={me} onCancel={() => setCreating(false)} />
        ) : (
          <Button appearance="primary-action-button" type="button" onClick={() => setCreating(true)}>
            {t.letters.newDocument}
          </Button>
        ))}
      <FilterForm
        fields={filters}
        legend={t.letters.filterLegend}
        resettable
        onApply={(v) =>
          void navigate({
            search: {
              kind: KINDS.find((k) => k === v.kind),
              state: STATES.find((s) => s === v.state),
            },
          })
        }
      >
        <SelectField
          label={t.letters.kind}
          options={[
            { value: '', label: t.letters.anyKind },
            ...KINDS.map((k) => ({ value: k, label: t.letters.kinds[k] })),
          ]}
          {...filters.field('kind')}
        />
        <SelectField
          label={t.letters.state}
          options={[
            { value: '', label: t.letters.anyState },
            ...STATES.map((s) => ({ value: s, label: t.letters.states[s] })),
          ]}
          {...filters.field('state')}
        />
      </FilterForm>
      <QueryTable
        query={list}
        empty={t.letters.none}
        captionId="letters-caption"
        caption={(total) => `${t.letters.caption} (${results(total)})`}
        columns={[t.letters.docTitle, t.letters.kind, t.letters.state, t.letters.owner, t.letters.updated]}
        testId="letters-table"
        paging={{
          page,
          pageSize: 50,
          onPage: (p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } }),
        }}
        row={(d) => (
          <TableRow key={d.id}>
            <TableHeaderCell scope="row">
              <AppLink to="/brieven/$id" params={{ id: d.id }}>
                {d.title}
              </AppLink>
            </TableHeaderCell>
            <TableCell>{t.letters.kinds[d.kind]}</TableCell>
            <TableCell>{t.letters.states[d.state]}</TableCell>
            <TableCell>
              {d.ownerOrganisation.name} ({d.ownerOrganisation.code})
            </TableCell>
            <TableCell>{dateTime(d.updatedAt)}</TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
