import { useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Me } from '../../src/auth/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { SignedInPage } from '../components/access.tsx';
import { DataTable, Pager } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { CheckboxField, FilterForm, SelectField, useFields } from '../components/form/index.ts';
import { AppLink, Overdue } from '../components/ui.tsx';
import { ActionForm } from './ActionForm.tsx';
import { useActions } from './api.ts';
import { formatEuros } from './money.ts';
import '../clusters/clusters.css';
import '../i18n/followup-texts.ts';

const PAGE_SIZE = 25;

/**
 * The actions (measures) taken on recommendations, filtered by owner organisation and overdue; a
 * coordinator starts a new one here, linked to a recommendation or cluster when it came from there.
 */
export function ActionsPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.actions.title}>{(me) => <Content me={me} />}</SignedInPage>;
}

function Content({ me }: { me: Me }) {
  const { t, name, date, lang } = useI18n();
  const search = useSearch({ from: '/actions' });
  const navigate = useNavigate({ from: '/actions' });
  const page = search.page ?? 1;
  const list = useActions({
    organisationId: search.organisationId,
    overdue: search.overdue,
    page,
    pageSize: PAGE_SIZE,
  });
  const options = useOrganisationOptions(t.actions.anyOrganisation);
  const filters = useFields({
    organisationId: search.organisationId ?? '',
    overdue: search.overdue === 'true',
  });
  const creating = Boolean(search.create || search.linkCluster || search.linkRecommendation);
  const canCreate = me.abilities.assignRecommendations;
  const data = list.data;
  return (
    <>
      <Paragraph appearance="lead">{t.actions.intro}</Paragraph>
      {canCreate &&
        (creating ? (
          <>
            {(search.linkCluster || search.linkRecommendation) && (
              <Paragraph data-testid="action-prelinked">
                {search.linkCluster ? t.actions.prelinkedCluster : t.actions.prelinkedRecommendation}
              </Paragraph>
            )}
            <ActionForm
              action={null}
              recommendationIds={search.linkRecommendation ? [search.linkRecommendation] : []}
              clusterIds={search.linkCluster ? [search.linkCluster] : []}
              ownerId={me.organisationId ?? undefined}
              onDone={(message, saved) =>
                void (saved
                  ? navigate({
                      to: '/actions/$id',
                      params: { id: saved.id },
                      state: { notice: message ?? undefined },
                    })
                  : navigate({ search: { organisationId: search.organisationId, overdue: search.overdue } }))
              }
            />
          </>
        ) : (
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => void navigate({ search: { ...search, create: true } })}
          >
            {t.actions.newAction}
          </Button>
        ))}
      <FilterForm
        fields={filters}
        legend={t.actions.filterLegend}
        onApply={(v) =>
          void navigate({
            search: {
              organisationId: v.organisationId || undefined,
              overdue: v.overdue ? 'true' : undefined,
            },
          })
        }
      >
        <SelectField label={t.actions.owner} options={options} {...filters.field('organisationId')} />
        <CheckboxField label={t.actions.overdueOnly} {...filters.checkbox('overdue')} />
      </FilterForm>
      <QueryState query={list} />
      {data &&
        (data.items.length === 0 ? (
          <Paragraph data-testid="actions-none">{t.actions.none}</Paragraph>
        ) : (
          <DataTable
            captionId="actions-caption"
            caption={fmt(t.actions.listCaption, { total: data.total })}
            testId="actions-table"
            columns={[
              t.actions.actionTitle,
              t.actions.owner,
              t.actions.endDate,
              t.actions.budget,
              t.actions.recommendationCount,
            ]}
          >
            {data.items.map((a) => (
              <TableRow key={a.id}>
                <TableHeaderCell scope="row">
                  <AppLink to="/actions/$id" params={{ id: a.id }}>
                    {a.title}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>
                  {name(a.owner)} ({a.owner.code})
                </TableCell>
                <TableCell>
                  {a.endDate ? date(a.endDate) : t.common.none} {a.overdue && <Overdue />}
                </TableCell>
                <TableCell>{a.budget === null ? t.common.none : formatEuros(a.budget, lang)}</TableCell>
                <TableCell>{a.recommendationCount}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        ))}
      {data && data.total > PAGE_SIZE && (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
        />
      )}
    </>
  );
}
