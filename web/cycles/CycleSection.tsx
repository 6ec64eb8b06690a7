import { DataList, Heading, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Cycle } from '../../src/cycles/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ProcessCycleSection } from '../process/ProcessCycleSection.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Fact, Overdue, Unverified } from '../components/ui.tsx';
import { DerivedDeadlines } from './DerivedDeadlines.tsx';

/** One reporting cycle on the instrument page: its status, dated phases, derived deadlines and process. */
export function CycleSection({ cycle }: { cycle: Cycle }) {
  const { t, date, phase } = useI18n();
  const headingId = `cycle-${cycle.id}`;
  const s = cycle.status;
  return (
    <section aria-labelledby={headingId} className="rd-cycle" data-testid="cycle">
      <Heading level={3} id={headingId}>
        {cycle.label} {!cycle.verified && <Unverified />}
      </Heading>
      <DataList className="rd-facts rd-facts--compact">
        {cycle.procedure && (
          <Fact label={t.instrument.procedureLabel}>{t.procedures[cycle.procedure] ?? cycle.procedure}</Fact>
        )}
        <Fact label={t.instrument.currentPhase}>
          {phase(s.currentPhase)}
          {s.currentPhaseDate && ` (${date(s.currentPhaseDate, s.currentPhasePrecision ?? 'day')})`}
        </Fact>
        <Fact label={t.instrument.nextStep}>{phase(s.nextStep)}</Fact>
        <Fact label={t.instrument.dueDate}>
          {date(s.nextDueDate, s.nextDuePrecision ?? 'day')} {s.overdue && <Overdue />}
          {s.nextDueDerived && <span className="rd-marker">{t.deadlines.derived}</span>}
        </Fact>
      </DataList>
      {cycle.phases.length > 0 && (
        <DataTable
          captionId={`${headingId}-caption`}
          caption={fmt(t.instrument.phasesCaption, { label: cycle.label })}
          columns={[
            t.instrument.phaseDate,
            t.instrument.phaseKind,
            t.instrument.phaseSymbol,
            t.instrument.phaseSession,
            t.instrument.phaseVerified,
          ]}
        >
          {cycle.phases.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{date(p.date, p.datePrecision)}</TableCell>
              <TableHeaderCell scope="row">
                {phase(p.kind)}
                {p.followUpParagraphs && (
                  <span className="rd-subtle">
                    {t.overrides.followUpParagraphs}: {p.followUpParagraphs}
                  </span>
                )}
              </TableHeaderCell>
              <TableCell>
                {p.symbol ? <span className="rd-symbol">{p.symbol}</span> : t.common.none}
              </TableCell>
              <TableCell>{p.session ?? t.common.none}</TableCell>
              <TableCell>{p.verified ? t.common.yes : <Unverified />}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <DerivedDeadlines cycle={cycle} />
      <ProcessCycleSection cycle={cycle} />
    </section>
  );
}
