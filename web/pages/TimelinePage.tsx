import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Timeline } from '../../src/calendar/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import {
  AppLink,
  ErrorAlert,
  Loading,
  PageTitle,
  TableScroll,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';
import './timeline.css';

export interface TimelineSearch {
  from?: number;
  to?: number;
}

type TPhase = Timeline['items'][number]['cycles'][number]['phases'][number];

/** Position of a date on the axis from 1 January of `from` to 31 December of `to`, in percent. */
function position(date: string, from: number, to: number): number {
  const start = Date.UTC(from, 0, 1);
  const end = Date.UTC(to + 1, 0, 1);
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Math.min(100, Math.max(0, ((t - start) / (end - start)) * 100));
}

function markClass(p: TPhase): string {
  return [
    'rd-timeline__mark',
    p.deadline ? 'rd-timeline__mark--deadline' : '',
    p.derived ? 'rd-timeline__mark--derived' : '',
    p.overdue ? 'rd-timeline__mark--overdue' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function TimelinePage() {
  const { t, name, date, phase } = useI18n();
  useDocumentTitle(t.timeline.title);
  const search = useSearch({ from: '/timeline' });
  const navigate = useNavigate({ from: '/timeline' });
  const [from, setFrom] = useState(search.from ? String(search.from) : '');
  const [to, setTo] = useState(search.to ? String(search.to) : '');
  const [rangeError, setRangeError] = useState<string | undefined>();

  const q = useQuery({
    queryKey: ['timeline', search.from ?? '', search.to ?? ''],
    queryFn: () => api<Timeline>('GET', `/api/timeline${qs({ from: search.from, to: search.to })}`),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const f = from ? Number(from) : undefined;
    const tt = to ? Number(to) : undefined;
    if (f !== undefined && tt !== undefined && tt < f) {
      setRangeError(t.timeline.badRange);
      return;
    }
    setRangeError(undefined);
    void navigate({ search: { from: f, to: tt } });
  };

  const kindText = (p: TPhase) =>
    [
      p.derived ? t.timeline.derived : p.deadline ? t.timeline.deadline : t.timeline.event,
      p.overdue ? t.timeline.overdue : '',
      p.deadline && p.met ? t.timeline.met : '',
    ]
      .filter(Boolean)
      .join(', ');

  const data = q.data;
  const years = data ? Array.from({ length: data.to - data.from + 1 }, (_, i) => data.from + i) : [];

  return (
    <>
      <PageTitle>{t.timeline.title}</PageTitle>
      <Paragraph appearance="lead">{t.timeline.intro}</Paragraph>
      <form className="rd-form rd-filters" onSubmit={onSubmit} aria-label={t.timeline.period}>
        <Fieldset>
          <FieldsetLegend>{t.timeline.period}</FieldsetLegend>
          {data && <Paragraph>{fmt(t.timeline.shown, { from: data.from, to: data.to })}</Paragraph>}
          <div className="rd-filters__row">
            <TextField label={t.timeline.from} name="from" type="number" value={from} onChange={setFrom} />
            <TextField
              label={t.timeline.to}
              name="to"
              type="number"
              value={to}
              onChange={setTo}
              error={rangeError}
            />
          </div>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="submit">
              {t.timeline.apply}
            </Button>
          </ButtonGroup>
        </Fieldset>
      </form>

      {q.isPending && <Loading />}
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {data && data.items.length === 0 && <Paragraph>{t.timeline.empty}</Paragraph>}
      {data && data.items.length > 0 && (
        <>
          <Heading level={2} id="timeline-legend">
            {t.timeline.legend}
          </Heading>
          <ul className="rd-timeline__legend" aria-labelledby="timeline-legend">
            <li>
              <span className="rd-timeline__mark" aria-hidden="true" /> {t.timeline.legendEvent}
            </li>
            <li>
              <span className="rd-timeline__mark rd-timeline__mark--deadline" aria-hidden="true" />{' '}
              {t.timeline.legendDeadline}
            </li>
            <li>
              <span
                className="rd-timeline__mark rd-timeline__mark--deadline rd-timeline__mark--derived"
                aria-hidden="true"
              />{' '}
              {t.timeline.legendDerived}
            </li>
            <li>
              <span
                className="rd-timeline__mark rd-timeline__mark--deadline rd-timeline__mark--overdue"
                aria-hidden="true"
              />{' '}
              {t.timeline.legendOverdue}
            </li>
            <li>
              <span className="rd-timeline__today" aria-hidden="true" /> {t.timeline.legendToday}
            </li>
          </ul>
          <TableScroll labelledBy="timeline-chart-label">
            <p id="timeline-chart-label" className="rd-visually-hidden">
              {fmt(t.timeline.chartLabel, { from: data.from, to: data.to })}
            </p>
            {/* The chart: the instrument links are reachable; the marks are drawn for the eye, the table below
                gives the same facts as text. */}
            <div className="rd-timeline" data-testid="timeline-chart">
              <div className="rd-timeline__axis" aria-hidden="true">
                <span />
                <div className="rd-timeline__years">
                  {years.map((y) => (
                    <span
                      key={y}
                      className="rd-timeline__year"
                      style={{ left: `${position(`${y}-07-01`, data.from, data.to)}%` }}
                    >
                      {years.length > 20 && y % 5 !== 0 ? '' : y}
                    </span>
                  ))}
                </div>
              </div>
              <ul className="rd-timeline__rows" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.items.map((row) => (
                  <li key={row.instrumentId} className="rd-timeline__row" data-code={row.code}>
                    <span className="rd-timeline__label">
                      <AppLink to="/instruments/$id" params={{ id: row.instrumentId }}>
                        {row.shortName}
                      </AppLink>
                    </span>
                    <div className="rd-timeline__track" aria-hidden="true">
                      {years.map((y) => (
                        <span
                          key={y}
                          className="rd-timeline__gridline"
                          style={{ left: `${position(`${y}-01-01`, data.from, data.to)}%` }}
                        />
                      ))}
                      <span
                        className="rd-timeline__today"
                        style={{ left: `${position(data.today, data.from, data.to)}%` }}
                      />
                      {row.cycles.flatMap((c) =>
                        c.phases.map((p) => (
                          <span
                            key={`${c.cycleId}-${p.kind}-${p.derived ? 'd' : 'r'}`}
                            className={markClass(p)}
                            style={{ left: `${position(p.date, data.from, data.to)}%` }}
                            title={`${row.shortName}, ${c.label}: ${phase(p.kind)}, ${date(p.date, p.datePrecision)} (${kindText(p)})`}
                          />
                        )),
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          </TableScroll>

          <TableScroll labelledBy="timeline-caption">
            <Table className="rd-table" data-testid="timeline-table">
              <TableCaption id="timeline-caption">
                {fmt(t.timeline.tableCaption, { from: data.from, to: data.to })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.timeline.instrument}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.timeline.cycle}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.timeline.date}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.timeline.phase}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.timeline.kind}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
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
                        <TableCell>{c.label}</TableCell>
                        <TableCell className={p.overdue ? 'rd-cell--overdue' : undefined}>
                          {date(p.date, p.datePrecision)}
                        </TableCell>
                        <TableCell>{phase(p.kind)}</TableCell>
                        <TableCell>
                          {kindText(p)}
                          {p.rule && <span className="rd-subtle">{p.rule}</span>}
                        </TableCell>
                      </TableRow>
                    )),
                  ),
                )}
              </TableBody>
            </Table>
          </TableScroll>
        </>
      )}
    </>
  );
}
