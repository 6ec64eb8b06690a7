import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Button,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Me } from '../../src/auth/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { SignedInPage } from '../components/access.tsx';
import { DataTable, Pager } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { CheckboxField, FilterForm, SelectField, TextField, useFields } from '../components/form/index.ts';
import { AppLink, Overdue } from '../components/ui.tsx';
import { useCommitments, useOverdueCommitments } from './api.ts';
import { CommitmentForm } from './CommitmentForm.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  type CommitmentKind,
  type CommitmentStatus,
} from './values.ts';
import './texts.ts';

const PAGE_SIZE = 25;

/**
 * The register of commitments to parliament: what is overdue per ministry, the list with its
 * filters (overdue marked), and for coordinators a new commitment and the import of a Tweede Kamer file.
 */
export function CommitmentsPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.commitments.title}>{(me) => <Content me={me} />}</SignedInPage>;
}

function OverdueView() {
  const { t, date } = useI18n();
  const overdue = useOverdueCommitments();
  const d = overdue.data;
  return (
    <section aria-labelledby="commitments-overdue-heading" data-testid="commitments-overdue">
      <Heading level={2} id="commitments-overdue-heading">
        {t.commitments.overdueTitle}
      </Heading>
      <QueryState query={overdue} />
      {d &&
        (d.total === 0 ? (
          <Paragraph>{t.commitments.overdueNone}</Paragraph>
        ) : (
          <>
            <Paragraph>{fmt(t.commitments.overdueIntro, { total: d.total })}</Paragraph>
            <UnorderedList>
              {d.organisations.map((o) => (
                <UnorderedListItem key={o.organisationId}>
                  <AppLink to="/commitments" search={{ organisationId: o.organisationId, overdue: 'true' }}>
                    {fmt(t.commitments.overdueOrg, { code: o.code, count: o.count, since: date(o.since) })}
                  </AppLink>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        ))}
    </section>
  );
}

function Content({ me }: { me: Me }) {
  const { t, name, date } = useI18n();
  const search = useSearch({ from: '/commitments' });
  const navigate = useNavigate({ from: '/commitments' });
  const page = search.page ?? 1;
  const { create: _create, ...query } = search;
  const list = useCommitments({ ...query, page, pageSize: PAGE_SIZE });
  const orgOptions = useOrganisationOptions(t.commitments.anyOrganisation);
  const filters = useFields({
    status: search.status ?? '',
    kind: search.kind ?? '',
    organisationId: search.organisationId ?? '',
    q: search.q ?? '',
    overdue: search.overdue === 'true',
  });
  const canCreate = me.abilities.manageCommitments;
  const data = list.data;
  return (
    <>
      <Paragraph appearance="lead">{t.commitments.intro}</Paragraph>
      {canCreate &&
        (search.create ? (
          <CommitmentForm
            commitment={null}
            organisationId={me.organisationId ?? undefined}
            onDone={(message, saved) =>
              void (saved
                ? navigate({
                    to: '/commitments/$id',
                    params: { id: saved.id },
                    state: { notice: message ?? undefined },
                  })
                : navigate({ search: { ...search, create: undefined } }))
            }
          />
        ) : (
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => void navigate({ search: { ...search, create: true } })}
          >
            {t.commitments.newCommitment}
          </Button>
        ))}
      <OverdueView />
      {canCreate && <ImportPanel />}
      <FilterForm
        fields={filters}
        legend={t.commitments.filterLegend}
        onApply={(v) =>
          void navigate({
            search: {
              status: (v.status || undefined) as CommitmentStatus | undefined,
              kind: (v.kind || undefined) as CommitmentKind | undefined,
              organisationId: v.organisationId || undefined,
              q: v.q.trim() || undefined,
              overdue: v.overdue ? 'true' : undefined,
            },
          })
        }
      >
        <TextField label={t.commitments.search} {...filters.field('q')} />
        <SelectField
          label={t.commitments.status}
          options={[
            { value: '', label: t.commitments.anyStatus },
            ...COMMITMENT_STATUSES.map((s) => ({ value: s, label: t.commitments.statuses[s] })),
          ]}
          {...filters.field('status')}
        />
        <SelectField
          label={t.commitments.kind}
          options={[
            { value: '', label: t.commitments.anyKind },
            ...COMMITMENT_KINDS.map((k) => ({ value: k, label: t.commitments.kinds[k] })),
          ]}
          {...filters.field('kind')}
        />
        <SelectField
          label={t.commitments.organisation}
          options={orgOptions}
          {...filters.field('organisationId')}
        />
        <CheckboxField label={t.commitments.overdueOnly} {...filters.checkbox('overdue')} />
      </FilterForm>
      <QueryState query={list} />
      {data &&
        (data.items.length === 0 ? (
          <Paragraph data-testid="commitments-none">{t.commitments.none}</Paragraph>
        ) : (
          <DataTable
            captionId="commitments-caption"
            caption={fmt(t.commitments.caption, { total: data.total })}
            testId="commitments-table"
            columns={[
              t.commitments.text,
              t.commitments.kind,
              t.commitments.source,
              t.commitments.organisation,
              t.commitments.dueOn,
              t.commitments.status,
            ]}
          >
            {data.items.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">
                  <AppLink to="/commitments/$id" params={{ id: c.id }}>
                    {c.text.length > 160 ? `${c.text.slice(0, 157)}…` : c.text}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>{t.commitments.kinds[c.kind]}</TableCell>
                <TableCell>{c.citation ?? c.tkNumber ?? t.common.none}</TableCell>
                <TableCell>
                  {name(c.organisation)} ({c.organisation.code})
                  {!c.organisationVerified && <em data-testid="to-confirm"> ({t.commitments.toConfirm})</em>}
                </TableCell>
                <TableCell>
                  {c.dueOn ? date(c.dueOn) : t.common.none} {c.overdue && <Overdue />}
                </TableCell>
                <TableCell>
                  {t.commitments.statuses[c.status]}
                  {c.voteOutcome && ` (${t.commitments.outcomes[c.voteOutcome]})`}
                </TableCell>
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
