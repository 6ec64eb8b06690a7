import { Heading } from '@utrecht/component-library-react';
import type { Timeline, TimelinePhase } from '../../src/calendar/schema.ts';
import { daysBetween } from '../../src/core/dates.ts';
import type { z } from 'zod';
import { fmt, useI18n } from '../i18n/index.tsx';
import { TableScroll } from '../components/DataTable.tsx';
import { AppLink } from '../components/ui.tsx';
import './timeline.css';

export type TPhase = z.infer<typeof TimelinePhase>;

/** Position of a date on the axis from 1 January of `from` to 31 December of `to`, in percent. */
function position(date: string, from: number, to: number): number {
  const start = `${from}-01-01`;
  const share = daysBetween(start, date.slice(0, 10)) / daysBetween(start, `${to + 1}-01-01`);
  return Math.min(100, Math.max(0, share * 100));
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

/** What a phase on the timeline is: event, deadline or derived deadline; overdue or met. */
export function useKindText() {
  const { t } = useI18n();
  return (p: TPhase) =>
    [
      p.derived ? t.timeline.derived : p.deadline ? t.timeline.deadline : t.timeline.event,
      p.overdue ? t.timeline.overdue : '',
      p.deadline && p.met ? t.timeline.met : '',
    ]
      .filter(Boolean)
      .join(', ');
}

/**
 * The chart: a row per instrument with its phases as marks on a time axis. The instrument links are
 * reachable; the marks are drawn for the eye, the table beside it gives the same facts as text.
 */
export function TimelineChart({ data }: { data: Timeline }) {
  const { t, date, phase, cycle: cycleName } = useI18n();
  const kindText = useKindText();
  const years = Array.from({ length: data.to - data.from + 1 }, (_, i) => data.from + i);
  const at = (d: string) => `${position(d, data.from, data.to)}%`;
  return (
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
        <div className="rd-timeline" data-testid="timeline-chart">
          <div className="rd-timeline__axis" aria-hidden="true">
            <span />
            <div className="rd-timeline__years">
              {years.map((y) => (
                <span key={y} className="rd-timeline__year" style={{ left: at(`${y}-07-01`) }}>
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
                    <span key={y} className="rd-timeline__gridline" style={{ left: at(`${y}-01-01`) }} />
                  ))}
                  <span className="rd-timeline__today" style={{ left: at(data.today) }} />
                  {row.cycles.flatMap((c) =>
                    c.phases.map((p) => (
                      <span
                        key={`${c.cycleId}-${p.kind}-${p.derived ? 'd' : 'r'}`}
                        className={markClass(p)}
                        style={{ left: at(p.date) }}
                        title={`${row.shortName}, ${cycleName(c.label)}: ${phase(p.kind)}, ${date(p.date, p.datePrecision)} (${kindText(p)})`}
                      />
                    )),
                  )}
                </div>
              </li>
            ))}
          </ul>
        </div>
      </TableScroll>
    </>
  );
}
