import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { Instrument } from '../../src/instruments/schema.ts';
import type { CycleProcess, Template } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ErrorAlert, Loading, SelectField } from '../components/ui.tsx';
import { TasksTable } from './TasksTable.tsx';

/** A cycle's reporting process on the instrument page: start it from a guide, follow its tasks. */
export function ProcessCycleSection({
  cycle,
  instrument,
}: {
  cycle: Cycle;
  instrument: Instrument | undefined;
}) {
  const { t, name } = useI18n();
  const me = useMe().data;
  const qc = useQueryClient();
  const announce = useAnnounce();
  const headingId = `process-${cycle.id}`;
  const process = useQuery({
    queryKey: ['cycle-process', cycle.id],
    queryFn: () => api<CycleProcess>('GET', `/api/cycles/${cycle.id}/process`),
    enabled: Boolean(me),
  });
  const mayStart =
    me?.role === 'admin' ||
    (me?.role === 'coordinator' &&
      Boolean(me.organisationId) &&
      (instrument?.lead?.id === me.organisationId || instrument?.coordinating?.id === me.organisationId));
  const templates = useQuery({
    queryKey: ['process-templates'],
    queryFn: () => api<Page<Template>>('GET', `/api/process-templates${qs({ pageSize: 100 })}`),
    enabled: Boolean(me) && mayStart,
    staleTime: 60_000,
  });
  const [templateId, setTemplateId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!me) return null;
  const chosen = templateId || templates.data?.items[0]?.id || '';
  const start = async (mode: 'create' | 'addMissing') => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ created: number }>('POST', `/api/cycles/${cycle.id}/process`, {
        templateId: chosen,
        mode,
      });
      announce(fmt(mode === 'create' ? t.process.started : t.process.addedMissing, { n: r.created }));
      await qc.invalidateQueries({ queryKey: ['cycle-process', cycle.id] });
      await qc.invalidateQueries({ queryKey: ['tasks'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const p = process.data;
  return (
    <section aria-labelledby={headingId} className="rd-process" data-testid="cycle-process">
      <Heading level={4} id={headingId}>
        {t.process.sectionTitle}: {cycle.label}
      </Heading>
      {process.isPending && <Loading />}
      {process.isError && <ErrorAlert error={process.error} onRetry={() => void process.refetch()} />}
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
            caption={`${t.tasks.caption}: ${cycle.label}`}
            captionId={`${headingId}-caption`}
            showContext={false}
          />
        </>
      )}
      {p && mayStart && templates.data && templates.data.items.length > 0 && (
        <div className="rd-process__start">
          {templates.data.items.length > 1 && (
            <SelectField
              label={t.process.template}
              name={`template-${cycle.id}`}
              value={chosen}
              onChange={setTemplateId}
              options={templates.data.items.map((x) => ({ value: x.id, label: name(x) }))}
            />
          )}
          <Button
            appearance={p.tasks.length ? 'secondary-action-button' : 'primary-action-button'}
            type="button"
            disabled={busy}
            onClick={() => void start(p.tasks.length ? 'addMissing' : 'create')}
          >
            {p.tasks.length ? t.process.addMissing : t.process.start}
            {templates.data.items.length === 1 && (
              <span className="rd-visually-hidden"> ({cycle.label})</span>
            )}
          </Button>
        </div>
      )}
      {error !== null && <ErrorAlert error={error} />}
    </section>
  );
}
