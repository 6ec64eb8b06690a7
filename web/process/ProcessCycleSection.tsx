import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { CycleProcess, Instantiate, ProcessStarted, Template } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import type { z } from 'zod';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, SelectField, useSubmit } from '../components/form/index.ts';
import { TasksTable } from './TasksTable.tsx';

type Mode = NonNullable<z.input<typeof Instantiate>['mode']>;

/**
 * A cycle's reporting process on the instrument page: its progress and tasks, and (where the server
 * allows it) starting it from a process guide or adding the steps that are missing.
 */
export function ProcessCycleSection({ cycle }: { cycle: Cycle }) {
  const { t, cycle: cycleName } = useI18n();
  const me = useMe().data;
  const headingId = `process-${cycle.id}`;
  const process = useQuery({
    queryKey: ['cycle-process', cycle.id],
    queryFn: () => api<CycleProcess>('GET', `/api/cycles/${cycle.id}/process`),
    enabled: Boolean(me),
  });
  if (!me) return null;
  const p = process.data;
  return (
    <section aria-labelledby={headingId} className="rd-process" data-testid="cycle-process">
      <Heading level={4} id={headingId}>
        {t.process.sectionTitle}: {cycleName(cycle.label)}
      </Heading>
      <QueryState query={process} />
      {p && p.tasks.length === 0 && <Paragraph>{t.process.notStarted}</Paragraph>}
      {p && p.tasks.length > 0 && (
        <>
          <Paragraph>
            <label htmlFor={`${headingId}-progress`}>{t.process.progressLabel}: </label>
            <progress id={`${headingId}-progress`} max={p.progress.total} value={p.progress.done}>
              {p.progress.done}/{p.progress.total}
            </progress>{' '}
            <span data-testid="process-progress">
              {fmt(t.process.progress, { done: p.progress.done, total: p.progress.total })}
              {p.progress.overdue > 0 && `, ${fmt(t.process.progressOverdue, { n: p.progress.overdue })}`}
            </span>
          </Paragraph>
          <TasksTable
            tasks={p.tasks}
            caption={`${t.tasks.caption}: ${cycleName(cycle.label)}`}
            captionId={`${headingId}-caption`}
            showContext={false}
          />
        </>
      )}
      {p?.abilities.start && <StartProcess cycle={cycle} started={p.tasks.length > 0} />}
    </section>
  );
}

/** Starts the process of a cycle from a guide (a choice when there are several), or adds the missing steps. */
function StartProcess({ cycle, started }: { cycle: Cycle; started: boolean }) {
  const { t, name, cycle: cycleName } = useI18n();
  const qc = useQueryClient();
  const templates = useQuery({
    queryKey: ['process-templates'],
    queryFn: () => api<Page<Template>>('GET', `/api/process-templates${qs({ pageSize: 100 })}`),
    staleTime: 60_000,
  });
  const [templateId, setTemplateId] = useState('');
  const items = templates.data?.items ?? [];
  const chosen = templateId || items[0]?.id || '';
  const start = useSubmit({
    action: (mode: Mode) =>
      api<ProcessStarted>('POST', `/api/cycles/${cycle.id}/process`, {
        templateId: chosen,
        mode,
      } satisfies z.input<typeof Instantiate>),
    success: (r, mode) =>
      fmt(mode === 'create' ? t.process.started : t.process.addedMissing, { n: r.created }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cycle-process', cycle.id] });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  if (items.length === 0) return <FormFeedback submit={start} />;
  return (
    <>
      <div className="rd-process__start">
        {items.length > 1 && (
          <SelectField
            label={t.process.template}
            name={`template-${cycle.id}`}
            value={chosen}
            onChange={setTemplateId}
            options={items.map((x) => ({ value: x.id, label: name(x) }))}
          />
        )}
        <Button
          appearance={started ? 'secondary-action-button' : 'primary-action-button'}
          type="button"
          disabled={start.busy}
          onClick={() => void start.run(started ? 'addMissing' : 'create')}
        >
          {started ? t.process.addMissing : t.process.start}
          {items.length === 1 && <span className="rd-visually-hidden"> ({cycleName(cycle.label)})</span>}
        </Button>
      </div>
      <FormFeedback submit={start} />
    </>
  );
}
