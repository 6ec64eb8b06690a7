import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { AUDIT_ACTIONS, type AuditEvent } from '../../src/audit/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useActorName } from '../lib/actors.ts';
import { filled } from '../lib/search.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { DateField, FilterForm, SelectField, useFields } from '../components/form/index.ts';
import { AuditChanges, entityName } from './AuditChanges.tsx';
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

function AuditLog() {
  const { t, dateTime, results } = useI18n();
  const actorName = useActorName();
  const entityLabel = (type: string) => t.auditEntities[type] ?? type.replace(/_/g, ' ');
  const entityTypes = [
    { value: '', label: t.audit.allEntities },
    ...Object.keys(t.auditEntities)
      .map((k) => ({ value: k, label: entityLabel(k) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];
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
    ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t.auditActions[a] ?? a })),
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
        <SelectField label={t.audit.entityType} {...filters.field('entityType')} options={entityTypes} />
        <SelectField label={t.audit.action} {...filters.field('action')} options={actions} />
        <DateField label={t.audit.from} {...filters.field('from')} />
        <DateField label={t.audit.to} {...filters.field('to')} />
      </FilterForm>

      <QueryTable
        query={events}
        empty={t.common.noResults}
        captionId="audit-caption"
        caption={(total) => `${t.audit.caption} (${results(total)})`}
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
            <TableCell>{actorName(ev.actorLabel)}</TableCell>
            <TableCell>{t.auditActions[ev.action] ?? ev.action}</TableCell>
            <TableCell>
              {entityLabel(ev.entityType)}
              {entityName(ev.before, ev.after) && (
                <span className="rd-subtle">{entityName(ev.before, ev.after)}</span>
              )}
            </TableCell>
            <TableCell>
              {ev.before == null && ev.after == null ? (
                t.common.none
              ) : (
                <details className="rd-details">
                  <summary>{t.audit.showChanges}</summary>
                  <AuditChanges before={ev.before} after={ev.after} />
                </details>
              )}
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
