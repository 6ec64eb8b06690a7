import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { AUDIT_ACTIONS, type AuditEvent } from '../../src/audit/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { filled } from '../lib/search.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { DateField, FilterForm, SelectField, TextField, useFields } from '../components/form/index.ts';
import './audit.css';

const PAGE_SIZE = 25;

export function AuditPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.audit.title} ability="viewAudit">
      {() => <AuditLog />}
    </SignedInPage>
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
  const filters = useFields({
    entityType: search.entityType ?? '',
    action: search.action ?? '',
    from: search.from ?? '',
    to: search.to ?? '',
  });
  const { entityType, action, from, to } = search;
  const events = useQuery({
    queryKey: ['audit', entityType ?? '', action ?? '', from ?? '', to ?? '', page],
    queryFn: () =>
      api<Page<AuditEvent>>(
        'GET',
        `/api/audit${qs({ entityType, action, from, to, page, pageSize: PAGE_SIZE })}`,
      ),
  });

  const actions = [
    { value: '', label: t.common.all },
    ...AUDIT_ACTIONS.map((a) => ({ value: a, label: `${t.auditActions[a] ?? a} (${a})` })),
  ];

  return (
    <>
      <Paragraph appearance="lead">{t.audit.intro}</Paragraph>
      <FilterForm
        legend={t.audit.filterLegend}
        fields={filters}
        resettable
        onApply={(v) => void navigate({ search: filled(v) })}
      >
        <TextField
          label={t.audit.entityType}
          hint={t.audit.entityTypeHint}
          {...filters.field('entityType')}
        />
        <SelectField label={t.audit.action} {...filters.field('action')} options={actions} />
        <DateField label={t.audit.from} {...filters.field('from')} />
        <DateField label={t.audit.to} {...filters.field('to')} />
      </FilterForm>

      <QueryTable
        query={events}
        empty={t.common.noResults}
        captionId="audit-caption"
        caption={(total) => `${t.audit.caption} (${fmt(t.common.results, { total })})`}
        columns={[t.audit.at, t.audit.actor, t.audit.action, t.audit.entity, t.audit.changes]}
        testId="audit-table"
        paging={{
          page,
          pageSize: PAGE_SIZE,
          onPage: (p) => void navigate({ search: (s) => ({ ...s, page: p }) }),
        }}
        row={(ev) => (
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
        )}
      />
    </>
  );
}
