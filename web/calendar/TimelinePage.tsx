import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Timeline } from '../../src/calendar/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FilterForm, TextField, useFields } from '../components/form/index.ts';
import { PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { TimelineChart, useKindText } from './TimelineChart.tsx';

export function TimelinePage() {
  const { t, name, date, phase, rule, cycle: cycleName } = useI18n();
  useDocumentTitle(t.timeline.title);
  const search = useSearch({ from: '/timeline' });
  const navigate = useNavigate({ from: '/timeline' });
  const kindText = useKindText();
  const period = useFields({
    from: search.from ? String(search.from) : '',
    to: search.to ? String(search.to) : '',
  });
  const [rangeError, setRangeError] = useState<string | undefined>();
  const q = useQuery({
    queryKey: ['timeline', search.from ?? '', search.to ?? ''],
    queryFn: () => api<Timeline>('GET', `/api/timeline${qs({ from: search.from, to: search.to })}`),
  });

  const apply = (v: typeof period.values) => {
    const from = v.from ? Number(v.from) : undefined;
    const to = v.to ? Number(v.to) : undefined;
    if (from !== undefined && to !== undefined && to < from) {
      setRangeError(t.timeline.badRange);
      return;
    }
    setRangeError(undefined);
    void navigate({ search: { from, to } });
  };

  const data = q.data;
  return (
    <>
      <PageTitle>{t.timeline.title}</PageTitle>
      <Paragraph appearance="lead">{t.timeline.intro}</Paragraph>
      <FilterForm
        legend={t.timeline.period}
        intro={data && <Paragraph>{fmt(t.timeline.shown, { from: data.from, to: data.to })}</Paragraph>}
        submitLabel={t.timeline.apply}
        fields={period}
        onApply={apply}
      >
        <TextField label={t.timeline.from} type="number" {...period.field('from')} />
        <TextField label={t.timeline.to} type="number" {...period.field('to')} error={rangeError} />
      </FilterForm>

      <QueryState query={q} />
      {data && data.items.length === 0 && <Paragraph>{t.timeline.empty}</Paragraph>}
      {data && data.items.length > 0 && (
        <>
          <TimelineChart data={data} />
          <DataTable
            captionId="timeline-caption"
            caption={fmt(t.timeline.tableCaption, { from: data.from, to: data.to })}
            columns={[
              t.timeline.instrument,
              t.timeline.cycle,
              t.timeline.date,
              t.timeline.phase,
              t.timeline.kind,
            ]}
            testId="timeline-table"
          >
            {data.items.flatMap((row) =>
              row.cycles.flatMap((c) =>
                c.phases.map((p) => (
                  <TableRow
                    key={`${c.cycleId}-${p.kind}-${p.derived ? 'd' : 'r'}`}
                    data-code={row.code}
                    data-derived={p.derived ? 'true' : 'false'}
                  >
                    <TableHeaderCell scope="row">
                      {row.shortName}
                      <span className="rd-subtle">{name(row)}</span>
                    </TableHeaderCell>
                    <TableCell>{cycleName(c.label)}</TableCell>
                    <TableCell className={p.overdue ? 'rd-cell--overdue' : undefined}>
                      {date(p.date, p.datePrecision)}
                    </TableCell>
                    <TableCell>{phase(p.kind)}</TableCell>
                    <TableCell>
                      {kindText(p)}
                      {p.rule && <span className="rd-subtle">{rule(p)}</span>}
                    </TableCell>
                  </TableRow>
                )),
              ),
            )}
          </DataTable>
        </>
      )}
    </>
  );
}
