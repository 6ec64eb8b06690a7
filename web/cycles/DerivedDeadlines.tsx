import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Cycle, DerivedPhase } from '../../src/cycles/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { useEditor } from '../components/form/index.ts';
import { ActionButton, Unverified } from '../components/ui.tsx';
import { OverrideForm } from './OverrideForm.tsx';

/**
 * The deadlines the rules derive for a cycle (never stored), with the rule that produced each; who
 * may edit the cycle (the server says so in its abilities) overrides a date with a reason, and
 * removes the override again.
 */
export function DerivedDeadlines({ cycle }: { cycle: Cycle }) {
  const { t, date, phase, cycle: cycleName, rule } = useI18n();
  const editor = useEditor<DerivedPhase['kind']>();
  if (cycle.derivedPhases.length === 0) return null;
  const mayEdit = cycle.abilities.edit;
  const current = cycle.derivedPhases.find((d) => d.kind === editor.value);
  return (
    <>
      <DataTable
        captionId={`derived-${cycle.id}-caption`}
        caption={fmt(t.overrides.derivedCaption, { label: cycleName(cycle.label) })}
        columns={[t.overrides.kind, t.overrides.date, t.overrides.rule, mayEdit && t.overrides.override]}
        testId="derived-deadlines"
      >
        {cycle.derivedPhases.map((d) => (
          <TableRow key={d.kind} data-kind={d.kind}>
            <TableHeaderCell scope="row">{phase(d.kind)}</TableHeaderCell>
            <TableCell>
              {date(d.date, d.datePrecision)} <span className="rd-marker">{t.deadlines.derived}</span>
              {d.override && (
                <span className="rd-subtle" data-testid="override-note">
                  {fmt(t.overrides.overrideBy, {
                    date: date(d.override.date),
                    by: d.override.createdByName ?? t.common.none,
                    reason: d.override.reason,
                  })}{' '}
                  ({t.overrides.derivedDate}: {date(d.derivedDate, 'day')})
                </span>
              )}
            </TableCell>
            <TableCell>
              {rule(d)} <Unverified />
            </TableCell>
            {mayEdit && (
              <TableCell>
                <ActionButton
                  text={t.overrides.edit}
                  subject={`${phase(d.kind)} ${cycleName(cycle.label)}`}
                  onClick={() => editor.open(d.kind)}
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </DataTable>
      {editor.notice}
      {mayEdit && current && (
        <OverrideForm key={current.kind} cycle={cycle} deadline={current} onClose={editor.close} />
      )}
    </>
  );
}
