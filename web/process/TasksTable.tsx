import type { ChangeEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Paragraph,
  Select,
  SelectOption,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { z } from 'zod';
import { TASK_STATUSES, type Task, type TaskStatus, type TaskUpdate } from '../../src/process/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { FormFeedback, useEditor, useSubmit } from '../components/form/index.ts';
import { ActionButton, AppLink, Overdue } from '../components/ui.tsx';
import { TaskForm } from './TaskForm.tsx';
import './process.css';

/** A status chosen for a task. */
interface StatusChange {
  task: Task;
  status: TaskStatus;
}

/**
 * The task's status, and a control to change it where the server gives the user statuses to set.
 * The control stays enabled while a change is saved, so that it keeps the keyboard focus; a choice
 * made meanwhile is ignored.
 */
function StatusCell({
  task,
  busy,
  onChange,
}: {
  task: Task;
  busy: boolean;
  onChange(change: StatusChange): void;
}) {
  const { t } = useI18n();
  const label = (s: TaskStatus) => t.tasks.statuses[s] ?? s;
  const allowed = task.abilities.statuses;
  if (!allowed.length) return <>{label(task.status)}</>;
  const options = TASK_STATUSES.filter((s) => s === task.status || allowed.includes(s));
  return (
    <Select
      name={`status-${task.id}`}
      aria-label={fmt(t.tasks.statusOf, { title: task.title })}
      value={task.status}
      aria-busy={busy || undefined}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => {
        if (!busy) onChange({ task, status: e.target.value as TaskStatus });
      }}
    >
      {options.map((s) => (
        <SelectOption key={s} value={s}>
          {label(s)}
        </SelectOption>
      ))}
    </Select>
  );
}

/** Saves a status chosen in the table; what became of it is shown above the table. */
function useStatusChange() {
  const { t } = useI18n();
  const qc = useQueryClient();
  return useSubmit({
    action: ({ task, status }: StatusChange) =>
      api<Task>('PATCH', `/api/tasks/${task.id}`, {
        version: task.version,
        status,
      } satisfies z.input<typeof TaskUpdate>),
    success: (_r, { task, status }) =>
      fmt(t.tasks.statusSaved, { title: task.title, status: t.tasks.statuses[status] ?? status }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      await qc.invalidateQueries({ queryKey: ['cycle-process'] });
    },
  });
}

/** A table of tasks with their owner, context, due date and (where allowed) a status control. */
export function TasksTable({
  tasks,
  caption,
  captionId,
  showContext = true,
}: {
  tasks: Task[];
  caption: string;
  captionId: string;
  showContext?: boolean;
}) {
  const { t, date, phase, lang, cycle: cycleName } = useI18n();
  const editor = useEditor<string>();
  const statusChange = useStatusChange();
  // A task whose new status takes it out of the list leaves its message on the page.
  const statusFeedback = <FormFeedback submit={statusChange} successTestId="task-status-saved" />;
  if (!tasks.length) {
    return (
      <>
        {statusFeedback}
        <Paragraph>{t.tasks.none}</Paragraph>
      </>
    );
  }
  const editing = tasks.find((x) => x.id === editor.value);
  const mayEdit = tasks.some((x) => x.abilities.edit);
  return (
    <>
      {statusFeedback}
      <DataTable
        captionId={captionId}
        caption={caption}
        columns={[
          t.tasks.task,
          t.tasks.owner,
          showContext && t.tasks.context,
          t.tasks.due,
          t.tasks.status,
          mayEdit && t.coordinator.actions,
        ]}
        testId="tasks-table"
      >
        {tasks.map((task) => (
          <TableRow key={task.id} data-testid="task-row">
            <TableHeaderCell scope="row">
              <span lang="nl">{task.title}</span>
              {task.description && <span className="rd-subtle rd-task-description">{task.description}</span>}
            </TableHeaderCell>
            <TableCell>
              {lang === 'nl' ? task.ownerNameNl : task.ownerNameEn} ({task.ownerCode})
            </TableCell>
            {showContext && (
              <TableCell>
                {task.instrumentId && task.instrumentCode && (
                  <AppLink to="/instruments/$id" params={{ id: task.instrumentId }}>
                    {task.instrumentCode} {cycleName(task.cycleLabel)}
                  </AppLink>
                )}
                {task.instrumentId && task.meetingId && <br />}
                {task.meetingId && (
                  <AppLink to="/meetings/$id" params={{ id: task.meetingId }}>
                    {fmt(t.tasks.meeting, { title: task.meetingTitle ?? '' })}
                  </AppLink>
                )}
                {!task.instrumentId && !task.meetingId && t.common.none}
              </TableCell>
            )}
            <TableCell>
              {task.dueDate ? (
                <>
                  {date(task.dueDate)} {task.overdue && <Overdue />}
                  {task.dueDateDerived && task.dueDateRule && (
                    <span className="rd-subtle" data-testid="due-derived">
                      {fmt(t.coordinator.dueDerivedFrom, { rule: task.dueDateRule })}
                    </span>
                  )}
                </>
              ) : task.missingPhase ? (
                fmt(t.tasks.noDueDate, { phase: phase(task.missingPhase) })
              ) : (
                t.common.none
              )}
            </TableCell>
            <TableCell>
              <StatusCell
                task={task}
                busy={statusChange.busy}
                onChange={(change) => void statusChange.run(change)}
              />
            </TableCell>
            {mayEdit && (
              <TableCell>
                {task.abilities.edit && (
                  <ActionButton
                    text={t.coordinator.taskEdit}
                    subject={task.title}
                    onClick={() => editor.open(task.id)}
                  />
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </DataTable>
      {editor.notice}
      {editing && <TaskForm key={editing.id} task={editing} onClose={editor.close} />}
    </>
  );
}
