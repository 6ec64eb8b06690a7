import { useNavigate, useSearch } from '@tanstack/react-router';
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Me } from '../../src/auth/schema.ts';
import type { Worklist, WorklistItem, WorklistView } from '../../src/followup/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { SignedInPage } from '../components/access.tsx';
import { DataTable, Pager } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FilterForm, SelectField, useFields } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { excerpt, useRecommendationRef } from '../recommendations/ResultList.tsx';
import { useWorklist } from './api.ts';
import { WORKLIST_VIEWS } from './search.ts';
import './followup.css';
import '../i18n/followup-texts.ts';

const PAGE_SIZE = 25;
const COUNT_OF: Record<WorklistView, keyof Worklist['counts']> = {
  all: 'all',
  no_position: 'noPosition',
  no_progress: 'noProgress',
  due_soon: 'dueSoon',
  to_approve: 'toApprove',
};

/** The recommendations an organisation leads or shares, by view: what needs a position, progress, review. */
export function WorklistPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.followUp.worklistTitle}>{(me) => <Content me={me} />}</SignedInPage>;
}

function Content({ me }: { me: Me }) {
  const { t, name } = useI18n();
  const search = useSearch({ from: '/worklist' });
  const navigate = useNavigate({ from: '/worklist' });
  const organisationId = search.organisationId ?? me.organisationId ?? undefined;
  const view = search.view ?? 'all';
  const page = search.page ?? 1;
  const list = useWorklist({ organisationId, view, page });
  const options = useOrganisationOptions(t.followUp.chooseOrganisation);
  const chosen = useFields({ organisationId: organisationId ?? '' });
  const data = list.data;
  return (
    <>
      <Paragraph appearance="lead">{t.followUp.worklistIntro}</Paragraph>
      <FilterForm
        fields={chosen}
        submitLabel={t.followUp.show}
        legend={t.followUp.organisation}
        onApply={(v) =>
          void navigate({ search: { organisationId: v.organisationId || undefined, view: search.view } })
        }
      >
        <SelectField label={t.followUp.organisation} options={options} {...chosen.field('organisationId')} />
      </FilterForm>
      {!organisationId ? (
        <Paragraph>{t.followUp.noOrganisation}</Paragraph>
      ) : (
        <>
          <QueryState query={list} />
          {data && (
            <section aria-labelledby="worklist-heading" data-testid="worklist">
              <Heading level={2} id="worklist-heading">
                {fmt(t.followUp.worklistOf, {
                  name: `${name(data.organisation)} (${data.organisation.code})`,
                })}
              </Heading>
              <nav aria-label={t.followUp.viewsLabel} className="rd-fu-views" data-testid="worklist-views">
                <ul>
                  {WORKLIST_VIEWS.map((v) => (
                    <li key={v}>
                      <AppLink
                        to="/worklist"
                        search={{ organisationId: search.organisationId, view: v === 'all' ? undefined : v }}
                        aria-current={v === view ? 'page' : undefined}
                      >
                        {t.followUp.views[v]} ({data.counts[COUNT_OF[v]]})
                      </AppLink>
                    </li>
                  ))}
                </ul>
              </nav>
              {data.items.length === 0 ? (
                <Paragraph>{t.followUp.worklistNone}</Paragraph>
              ) : (
                <Items items={data.items} caption={`${t.followUp.views[view]} (${data.total})`} />
              )}
              {data.total > PAGE_SIZE && (
                <Pager
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={data.total}
                  onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
                />
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}

function Items({ items, caption }: { items: WorklistItem[]; caption: string }) {
  const { t, date } = useI18n();
  const ref = useRecommendationRef();
  return (
    <DataTable
      captionId="worklist-caption"
      caption={caption}
      testId="worklist-table"
      columns={[
        t.followUp.noSymbol,
        t.recommendations.text,
        t.followUp.role,
        t.followUp.position,
        t.followUp.latestStatus,
        t.followUp.dueDate,
        t.followUp.drafts,
      ]}
    >
      {items.map((i) => (
        <TableRow key={i.id} data-id={i.id}>
          <TableHeaderCell scope="row">
            <AppLink to="/recommendations/$id" params={{ id: i.id }}>
              {i.symbol
                ? ref({ symbol: i.symbol, paragraph: i.paragraph, uprSession: null })
                : [t.recommendations.mechanisms[i.mechanism] ?? i.mechanism, i.bodyCode, i.year]
                    .filter(Boolean)
                    .join(' ')}
            </AppLink>
          </TableHeaderCell>
          <TableCell lang="en">{excerpt(i.text, 160)}</TableCell>
          <TableCell>{i.role === 'lead' ? t.followUp.roleLead : t.followUp.roleCo}</TableCell>
          <TableCell>
            {i.position
              ? (t.followUp.positions[i.position] ?? i.position)
              : i.hasAppreciation
                ? t.followUp.appreciation
                : t.common.none}
          </TableCell>
          <TableCell>
            {i.latestStatus
              ? `${t.followUp.statuses[i.latestStatus] ?? i.latestStatus} (${date(i.latestProgressAt)})`
              : t.common.none}
          </TableCell>
          <TableCell>{i.dueDate ? date(i.dueDate) : t.common.none}</TableCell>
          <TableCell>{i.draftsToApprove || ''}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
