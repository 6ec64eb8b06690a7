import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { Task } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { SignedInPage } from '../components/access.tsx';
import { Pager } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { CheckboxField, SelectField } from '../components/form/index.ts';
import { TasksTable } from './TasksTable.tsx';

const PAGE_SIZE = 50;

/** "My organisation's tasks": the tasks owned by the user's organisation (or another one chosen). */
export function TasksPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.tasks.title}>
      {(me) => <TasksList ownOrganisationId={me.organisationId} />}
    </SignedInPage>
  );
}

function TasksList({ ownOrganisationId }: { ownOrganisationId: string | null }) {
  const { t, results } = useI18n();
  const options = useOrganisationOptions(t.meetings.choose);
  const [organisationId, setOrganisationId] = useState(ownOrganisationId ?? '');
  const [activeOnly, setActiveOnly] = useState(true);
  const [page, setPage] = useState(1);
  const tasks = useQuery({
    queryKey: ['tasks', organisationId, activeOnly, page],
    queryFn: () =>
      api<Page<Task>>(
        'GET',
        `/api/tasks${qs({ organisationId, active: activeOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE })}`,
      ),
    enabled: Boolean(organisationId),
  });
  const org = options.find((o) => o.value === organisationId && o.value !== '');
  return (
    <>
      <Paragraph appearance="lead">{t.tasks.intro}</Paragraph>
      <div className="rd-filters">
        <SelectField
          label={t.tasks.organisation}
          name="organisation"
          value={organisationId}
          onChange={(v) => {
            setOrganisationId(v);
            setPage(1);
          }}
          options={options}
        />
        <CheckboxField
          label={t.tasks.activeOnly}
          name="active"
          checked={activeOnly}
          onChange={(v) => {
            setActiveOnly(v);
            setPage(1);
          }}
        />
      </div>
      {!organisationId && <Paragraph>{t.tasks.noOrganisation}</Paragraph>}
      <QueryState query={tasks} />
      {tasks.data && organisationId && (
        <>
          <TasksTable
            tasks={tasks.data.items}
            caption={`${t.tasks.caption}: ${org?.label ?? ''} (${results(tasks.data.total)})`}
            captionId="tasks-caption"
          />
          {tasks.data.total > PAGE_SIZE && (
            <Pager page={page} pageSize={PAGE_SIZE} total={tasks.data.total} onPage={setPage} />
          )}
        </>
      )}
    </>
  );
}
