import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { StateReportList } from '../../src/state-report/schema.ts';
import type { z } from 'zod';
import { useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { AppLink } from '../components/ui.tsx';

/**
 * The way from a cycle to its state report: "Statenrapport openen" when it exists, "Rapport opstellen"
 * when it may be made (the server's edit right on the cycle); nothing otherwise. One request for all
 * cycles of the page (the list of reports, shared by the query key).
 */
export function StateReportLink({ cycle }: { cycle: Cycle }) {
  const { t, cycle: cycleName } = useI18n();
  const me = useMe().data;
  const reports = useQuery({
    queryKey: ['state-reports', 'list', ''],
    queryFn: () => api<z.infer<typeof StateReportList>>('GET', '/api/state-reports'),
    enabled: Boolean(me),
    staleTime: 30_000,
  });
  if (!me || !reports.data) return null;
  const report = reports.data.items.find((r) => r.cycleId === cycle.id);
  if (report)
    return (
      <Paragraph>
        <AppLink to="/statenrapporten/$id" params={{ id: report.id }} data-testid="cycle-state-report">
          {t.instrument.stateReportOpen}
          <span className="rd-visually-hidden"> {cycleName(cycle.label)}</span>
        </AppLink>
      </Paragraph>
    );
  if (!cycle.abilities.edit) return null;
  return (
    <Paragraph>
      <AppLink to="/statenrapporten" search={{ cycleId: cycle.id }} data-testid="cycle-state-report-create">
        {t.instrument.stateReportCreate}
        <span className="rd-visually-hidden"> {cycleName(cycle.label)}</span>
      </AppLink>
    </Paragraph>
  );
}
