import { useId, useState, type ChangeEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@utrecht/component-library-react';
import type { Me } from '../../src/auth/schema.ts';
import type { Organisation } from '../../src/organisations/schema.ts';
import type { Task, TaskStatus } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { AppLink, ErrorAlert, Overdue, TableScroll } from '../components/ui.tsx';

export const STATUSES: TaskStatus[] = ['open', 'in_progress', 'done', 'cancelled'];

export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: () => api<Page<Organisation>>('GET', `/api/organisations${qs({ pageSize: 500 })}`),
    staleTime: 60_000,
  });
}

/** Mirrors the server's rule (src/meetings, src/process): BZK coordinators and admins keep the guide and the network. */
export function useIsCoordinatingMinistry(): boolean {
  const me = useMe().data;
  const orgs = useOrganisations().data?.items ?? [];
  if (!me) return false;
  if (me.role === 'admin') return true;
  const bzk = orgs.find((o) => o.code === 'BZK');
  return me.role === 'coordinator' && Boolean(bzk) && me.organisationId === bzk?.id;
}

/** The statuses this user may set on the task (the server checks again). */
export function allowedStatuses(me: Me | null | undefined, task: Task): TaskStatus[] {
  if (!me) return [];
  if (me.role === 'admin') return STATUSES;
  if (me.organisationId !== task.ownerOrganisationId) return [];
  if (me.role === 'coordinator') return STATUSES;
  if (me.role === 'contributor') return ['in_progress', 'done'];
  return [];
}

export function TextAreaField(props: {
  label: string;
  name: string;
  value: string;
  onChange(v: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  rows?: number;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <FormField invalid={Boolean(props.error)} className="rd-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={`${id}-input`}>{props.label}</FormLabel>
      </div>
      {props.hint && <FormFieldDescription id={hintId}>{props.hint}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Textarea
          id={`${id}-input`}
          name={props.name}
          rows={props.rows ?? 4}
          value={props.value}
          invalid={Boolean(props.error)}
          aria-describedby={described || undefined}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => props.onChange(e.target.value)}
        />
      </div>
    </FormField>
  );
}

function StatusCell({ task, onChanged }: { task: Task; onChanged(): void }) {
  const { t } = useI18n();
  const me = useMe().data;
  const announce = useAnnounce();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const allowed = allowedStatuses(me, task);
  if (!allowed.length) return <>{t.tasks.statuses[task.status] ?? task.status}</>;
  const options = STATUSES.filter((s) => s === task.status || allowed.includes(s));
  const onChange = async (e: ChangeEvent<HTMLSelectElement>) => {
    const status = e.target.value as TaskStatus;
    setBusy(true);
    setError(null);
    try {
      await api<Task>('PATCH', `/api/tasks/${task.id}`, { version: task.version, status });
      announce(fmt(t.tasks.statusSaved, { title: task.title, status: t.tasks.statuses[status] ?? status }));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Select
        name={`status-${task.id}`}
        aria-label={fmt(t.tasks.statusOf, { title: task.title })}
        value={task.status}
        disabled={busy}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => void onChange(e)}
      >
        {options.map((s) => (
          <SelectOption key={s} value={s}>
            {t.tasks.statuses[s] ?? s}
          </SelectOption>
        ))}
      </Select>
      {error !== null && <ErrorAlert error={error} />}
    </>
  );
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
  const { t, date, phase, lang } = useI18n();
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['tasks'] });
    void qc.invalidateQueries({ queryKey: ['cycle-process'] });
  };
  if (!tasks.length) return <Paragraph>{t.tasks.none}</Paragraph>;
  return (
    <TableScroll labelledBy={captionId}>
      <Table className="rd-table" data-testid="tasks-table">
        <TableCaption id={captionId}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.tasks.task}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.tasks.owner}</TableHeaderCell>
            {showContext && <TableHeaderCell scope="col">{t.tasks.context}</TableHeaderCell>}
            <TableHeaderCell scope="col">{t.tasks.due}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.tasks.status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tasks.map((task) => (
            <TableRow key={task.id} data-testid="task-row">
              <TableHeaderCell scope="row">
                <span lang="nl">{task.title}</span>
                {task.description && (
                  <span className="rd-subtle rd-task-description">{task.description}</span>
                )}
              </TableHeaderCell>
              <TableCell>
                {lang === 'nl' ? task.ownerNameNl : task.ownerNameEn} ({task.ownerCode})
              </TableCell>
              {showContext && (
                <TableCell>
                  {task.instrumentId && task.instrumentCode && (
                    <AppLink to="/instruments/$id" params={{ id: task.instrumentId }}>
                      {task.instrumentCode} {task.cycleLabel}
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
                  </>
                ) : task.missingPhase ? (
                  fmt(t.tasks.noDueDate, { phase: phase(task.missingPhase) })
                ) : (
                  t.common.none
                )}
              </TableCell>
              <TableCell>
                <StatusCell task={task} onChanged={refresh} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
