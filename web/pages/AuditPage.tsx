import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { AuditEvent } from '../../src/audit/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { RequireAdmin } from '../components/RequireAdmin.tsx';
import {
  ErrorAlert,
  Loading,
  PageTitle,
  Pager,
  SelectField,
  TableScroll,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';

const PAGE_SIZE = 25;
const ACTIONS = ['create', 'update', 'delete', 'login', 'logout', 'restore', 'seed'] as const;

export interface AuditSearch {
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
}

export function AuditPage() {
  const { t } = useI18n();
  useDocumentTitle(t.audit.title);
  return (
    <>
      <PageTitle>{t.audit.title}</PageTitle>
      <RequireAdmin>
        <AuditLog />
      </RequireAdmin>
    </>
  );
}

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <>{t.common.none}</>;
  return (
    <pre className="rd-json" tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function AuditLog() {
  const { t, dateTime } = useI18n();
  const search = useSearch({ from: '/audit' });
  const navigate = useNavigate({ from: '/audit' });
  const page = search.page ?? 1;
  const [entityType, setEntityType] = useState(search.entityType ?? '');
  const [action, setAction] = useState(search.action ?? '');
  const [from, setFrom] = useState(search.from ?? '');
  const [to, setTo] = useState(search.to ?? '');

  const events = useQuery({
    queryKey: [
      'audit',
      search.entityType ?? '',
      search.action ?? '',
      search.from ?? '',
      search.to ?? '',
      page,
    ],
    queryFn: () =>
      api<Page<AuditEvent>>(
        'GET',
        `/api/audit${qs({
          entityType: search.entityType,
          action: search.action,
          from: search.from,
          to: search.to,
          page,
          pageSize: PAGE_SIZE,
        })}`,
      ),
  });

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    void navigate({
      search: {
        entityType: entityType.trim() || undefined,
        action: action || undefined,
        from: from || undefined,
        to: to || undefined,
      },
    });
  };
  const onReset = () => {
    setEntityType('');
    setAction('');
    setFrom('');
    setTo('');
    void navigate({ search: {} });
  };

  const actionOptions = [
    { value: '', label: t.common.all },
    ...ACTIONS.map((a) => ({ value: a, label: `${t.auditActions[a] ?? a} (${a})` })),
  ];

  return (
    <>
      <Paragraph appearance="lead">{t.audit.intro}</Paragraph>
      <form
        className="rd-form rd-filters"
        onSubmit={onFilter}
        role="search"
        aria-label={t.audit.filterLegend}
      >
        <Fieldset>
          <FieldsetLegend>{t.audit.filterLegend}</FieldsetLegend>
          <div className="rd-filters__row">
            <TextField
              label={t.audit.entityType}
              name="entityType"
              value={entityType}
              onChange={setEntityType}
              hint={t.audit.entityTypeHint}
            />
            <SelectField
              label={t.audit.action}
              name="action"
              value={action}
              onChange={setAction}
              options={actionOptions}
            />
            <TextField label={t.audit.from} name="from" type="date" value={from} onChange={setFrom} />
            <TextField label={t.audit.to} name="to" type="date" value={to} onChange={setTo} />
          </div>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="submit">
              {t.common.filter}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={onReset}>
              {t.common.reset}
            </Button>
          </ButtonGroup>
        </Fieldset>
      </form>

      {events.isPending && <Loading />}
      {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      {events.data && events.data.items.length === 0 && <Paragraph>{t.common.noResults}</Paragraph>}
      {events.data && events.data.items.length > 0 && (
        <>
          <TableScroll labelledBy="audit-caption">
            <Table className="rd-table" data-testid="audit-table">
              <TableCaption id="audit-caption">
                {t.audit.caption} ({fmt(t.common.results, { total: events.data.total })})
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.audit.at}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.audit.actor}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.audit.action}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.audit.entity}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.audit.changes}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {events.data.items.map((ev) => (
                  <TableRow key={ev.id} data-action={ev.action} data-entity-type={ev.entityType}>
                    <TableHeaderCell scope="row">
                      <time dateTime={ev.at}>{dateTime(ev.at)}</time>
                    </TableHeaderCell>
                    <TableCell>{ev.actorLabel}</TableCell>
                    <TableCell>
                      {t.auditActions[ev.action] ?? ev.action} <span className="rd-code">({ev.action})</span>
                    </TableCell>
                    <TableCell>
                      <span className="rd-code">{ev.entityType}</span>
                      {ev.entityId && <span className="rd-subtle rd-code">{ev.entityId}</span>}
                    </TableCell>
                    <TableCell>
                      {ev.before == null && ev.after == null ? (
                        t.common.none
                      ) : (
                        <details className="rd-details">
                          <summary>{t.audit.showChanges}</summary>
                          <div className="rd-diff">
                            <div>
                              <strong>{t.audit.before}</strong>
                              <Json value={ev.before} />
                            </div>
                            <div>
                              <strong>{t.audit.after}</strong>
                              <Json value={ev.after} />
                            </div>
                          </div>
                        </details>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={events.data.total}
            onPage={(p) => void navigate({ search: (s: AuditSearch) => ({ ...s, page: p }) })}
          />
        </>
      )}
    </>
  );
}
