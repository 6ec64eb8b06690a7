/** The labels of the dashboards' statuses and groups, in Dutch and English (the browser app uses them too). */
import { STATUS_LABELS as PROGRESS_LABELS, type Lang } from '../followup/labels.ts';
import { DASHBOARD_STATUSES, type DashboardGroup, type DashboardStatus } from './schema.ts';

export type { Lang };

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The statuses as column headers: those of progress updates, and "no progress yet". */
export const STATUS_LABELS = Object.fromEntries(
  DASHBOARD_STATUSES.map((s) => [
    s,
    s === 'none'
      ? { nl: 'Nog geen voortgang', en: 'No progress yet' }
      : { nl: capital(PROGRESS_LABELS.nl[s]), en: capital(PROGRESS_LABELS.en[s]) },
  ]),
) as Record<DashboardStatus, Record<Lang, string>>;

export const GROUP_LABELS: Record<DashboardGroup, Record<Lang, string>> = {
  instrument: { nl: 'Instrument', en: 'Instrument' },
  cycle: { nl: 'Cyclus', en: 'Cycle' },
  ministry: { nl: 'Ministerie (trekker)', en: 'Ministry (lead)' },
  theme: { nl: 'Thema', en: 'Theme' },
  sdg: { nl: 'SDG-subdoel', en: 'SDG target' },
  mechanism: { nl: 'Mechanisme', en: 'Mechanism' },
};
