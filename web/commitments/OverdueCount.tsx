import { Heading, Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { useOverdueCommitments } from './api.ts';
import './texts.ts';

/** The number of commitments to parliament past their due date, for the dashboard, with a link to them. */
export function CommitmentsOverdueCount() {
  const { t } = useI18n();
  const overdue = useOverdueCommitments();
  return (
    <div data-testid="dashboard-commitments-overdue">
      <Heading level={3}>{t.commitments.title}</Heading>
      <QueryState query={overdue} />
      {overdue.data &&
        (overdue.data.total === 0 ? (
          <Paragraph>{t.commitments.overdueNone}</Paragraph>
        ) : (
          <Paragraph>
            <AppLink to="/commitments" search={{ overdue: 'true' }}>
              {fmt(t.commitments.overdueCount, { total: overdue.data.total })}
            </AppLink>
          </Paragraph>
        ))}
    </div>
  );
}
