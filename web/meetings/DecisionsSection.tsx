import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { DecisionCreate, Meeting } from '../../src/meetings/schema.ts';
import type { Task } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { TasksTable } from '../process/TasksTable.tsx';
import { useLabelledCycles } from '../cycles/labelled-cycles.ts';
import { QueryState } from '../components/feedback.tsx';
import {
  DateField,
  FormPanel,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
} from '../components/form/index.ts';

/** The decisions of the meeting, each a task with an owner and a due date; who may edit the meeting adds them. */
export function DecisionsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const decisions = useQuery({
    queryKey: ['tasks', 'meeting', meeting.id],
    queryFn: () => api<Page<Task>>('GET', `/api/tasks${qs({ meetingId: meeting.id, pageSize: 500 })}`),
  });
  return (
    <section aria-labelledby="decisions-heading">
      <Heading level={2} id="decisions-heading">
        {t.meetings.decisions}
      </Heading>
      <Paragraph>{t.meetings.decisionsIntro}</Paragraph>
      <QueryState query={decisions} />
      {decisions.data && (
        <TasksTable
          tasks={decisions.data.items}
          caption={t.meetings.decisions}
          captionId="decisions-caption"
        />
      )}
      {meeting.abilities.edit && <DecisionForm meeting={meeting} />}
    </section>
  );
}

/** The reporting cycles to link a decision to, as "CRC 7th periodic report", sorted. */
function useCycleOptions() {
  const { t } = useI18n();
  const { cycles } = useLabelledCycles();
  return [
    { value: '', label: t.common.none },
    ...cycles.map(({ cycle, label }) => ({ value: cycle.id, label })),
  ];
}

function DecisionForm({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const me = useMe().data;
  const owners = useOrganisationOptions(t.meetings.choose);
  const cycles = useCycleOptions();
  const form = useForm(
    { title: '', description: '', ownerOrganisationId: me?.organisationId ?? '', dueDate: '', cycleId: '' },
    {
      action: (v) =>
        api<Task>('POST', `/api/meetings/${meeting.id}/decisions`, {
          title: v.title.trim(),
          description: v.description.trim() || null,
          ownerOrganisationId: v.ownerOrganisationId,
          dueDate: v.dueDate,
          cycleId: v.cycleId || null,
        } satisfies z.input<typeof DecisionCreate>),
      success: t.meetings.decisionAdded,
      onSuccess: async () => {
        for (const key of ['title', 'description', 'dueDate', 'cycleId'] as const) form.set(key, '');
        await qc.invalidateQueries({ queryKey: ['tasks'] });
        await qc.invalidateQueries({ queryKey: ['meeting', meeting.id] });
      },
    },
  );
  return (
    <FormPanel
      title={t.meetings.addDecision}
      headingLevel={3}
      submit={form}
      submitLabel={t.meetings.addDecision}
    >
      <TextField label={t.meetings.decisionTitle} {...form.field('title')} required />
      <TextAreaField label={t.meetings.decisionDescription} {...form.field('description')} />
      <SelectField
        label={t.meetings.decisionOwner}
        {...form.field('ownerOrganisationId')}
        required
        options={owners}
      />
      <DateField label={t.meetings.decisionDue} {...form.field('dueDate')} required />
      <SelectField label={t.meetings.decisionCycle} {...form.field('cycleId')} options={cycles} />
    </FormPanel>
  );
}
