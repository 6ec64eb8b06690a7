import {
  ButtonGroup,
  DataList,
  Heading,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Cycle, Phase } from '../../src/cycles/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ProcessCycleSection } from '../process/ProcessCycleSection.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { useEditor } from '../components/form/index.ts';
import { ActionButton, Fact, Overdue, Unverified } from '../components/ui.tsx';
import { CycleForm } from './CycleForm.tsx';
import { DerivedDeadlines } from './DerivedDeadlines.tsx';
import { PhaseForm } from './PhaseForm.tsx';
import { StateReportLink } from './StateReportLink.tsx';

/** One reporting cycle on the instrument page: its status, dated phases, derived deadlines and process. */
export function CycleSection({ cycle, instrumentName }: { cycle: Cycle; instrumentName: string }) {
  const { t, date, phase, cycle: cycleName } = useI18n();
  const headingId = `cycle-${cycle.id}`;
  const s = cycle.status;
  const mayEdit = cycle.abilities.edit;
  const editor = useEditor<{ what: 'cycle' } | { what: 'phase'; phase?: Phase }>();
  const open = editor.value;
  return (
    <section aria-labelledby={headingId} className="rd-cycle" data-testid="cycle">
      <Heading level={3} id={headingId}>
        {cycleName(cycle.label)} {!cycle.verified && <Unverified />}
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
      {mayEdit && (
        <ButtonGroup>
          <ActionButton
            text={t.coordinator.cycleEdit}
            subject={cycleName(cycle.label)}
            onClick={() => editor.open({ what: 'cycle' })}
          />
          <ActionButton
            text={t.coordinator.phaseNew}
            subject={cycleName(cycle.label)}
            onClick={() => editor.open({ what: 'phase' })}
          />
        </ButtonGroup>
      )}
      {editor.notice}
      {open?.what === 'cycle' && (
        <CycleForm
          instrumentId={cycle.instrumentId}
          instrumentName={instrumentName}
          cycle={cycle}
          onClose={editor.close}
        />
      )}
      {open?.what === 'phase' && (
        <PhaseForm key={open.phase?.id ?? 'new'} cycle={cycle} phase={open.phase} onClose={editor.close} />
      )}
      {cycle.phases.length > 0 && (
        <DataTable
          captionId={`${headingId}-caption`}
          caption={fmt(t.instrument.phasesCaption, { label: cycleName(cycle.label) })}
          columns={[
            t.instrument.phaseDate,
            t.instrument.phaseKind,
            t.instrument.phaseSymbol,
            t.instrument.phaseSession,
            t.instrument.phaseVerified,
            mayEdit && t.coordinator.actions,
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
              {mayEdit && (
                <TableCell>
                  <ActionButton
                    text={t.coordinator.phaseEdit}
                    subject={`${phase(p.kind)} ${cycleName(cycle.label)}`}
                    onClick={() => editor.open({ what: 'phase', phase: p })}
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </DataTable>
      )}
      <StateReportLink cycle={cycle} />
      <DerivedDeadlines cycle={cycle} />
      <ProcessCycleSection cycle={cycle} />
    </section>
  );
}
