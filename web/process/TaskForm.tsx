import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Task, TaskUpdate } from '../../src/process/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { DateField, FormPanel, SelectField, useForm, type FieldErrors } from '../components/form/index.ts';

/** Changes a task's due date and owner (shown to those the task's abilities allow). */
export function TaskForm(props: { task: Task; onClose(done?: string | null): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { task } = props;
  const owners = useOrganisationOptions(t.common.none);
  const form = useForm(
    { dueDate: task.dueDate ?? '', ownerOrganisationId: task.ownerOrganisationId },
    {
      validate: (v) => {
        const errors: FieldErrors = {};
        if (!v.ownerOrganisationId) errors.ownerOrganisationId = t.common.required;
        return errors;
      },
      action: (v) => {
        const changes: z.input<typeof TaskUpdate> = { version: task.version };
        if ((v.dueDate || null) !== task.dueDate) changes.dueDate = v.dueDate || null;
        if (v.ownerOrganisationId !== task.ownerOrganisationId)
          changes.ownerOrganisationId = v.ownerOrganisationId;
        return api<Task>('PATCH', `/api/tasks/${task.id}`, changes);
      },
      success: t.coordinator.taskSaved,
      onSuccess: async (_r, message) => {
        await qc.invalidateQueries({ queryKey: ['tasks'] });
        await qc.invalidateQueries({ queryKey: ['cycle-process'] });
        props.onClose(message);
      },
    },
  );
  return (
    <FormPanel
      title={fmt(t.coordinator.taskEditTitle, { title: task.title })}
      headingLevel={4}
      panel
      focusOnMount
      testId="task-form"
      submit={form}
      submitLabel={t.common.save}
      onCancel={() => props.onClose()}
    >
      <DateField label={t.coordinator.taskDue} {...form.field('dueDate')} />
      <SelectField
        label={t.coordinator.taskOwner}
        {...form.field('ownerOrganisationId')}
        options={owners}
        required
      />
    </FormPanel>
  );
}
