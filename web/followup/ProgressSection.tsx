import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ProgressFile, ProgressUpdate } from '../../src/followup/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, useEditor, useSubmit } from '../components/form/index.ts';
import {
  approveProgress,
  deleteProgress,
  deleteProgressFile,
  fetchFollowUp,
  fetchProgress,
  followUpKey,
  progressFileUrl,
  subjectProgressKey,
  type ProgressSubject,
} from './api.ts';
import { ProgressForm } from './ProgressForm.tsx';
import './followup.css';
import '../i18n/followup-texts.ts';

/**
 * The progress of a recommendation, a cluster or an action: every update (drafts and approved ones), a
 * draft written by a member of a responsible (or owning) organisation, changed or deleted by its
 * author, approved by a coordinator. A cluster's or action's page says whether the user may add one
 * (`canAdd`).
 */
export function ProgressSection(
  props:
    | { recommendationId: string }
    | { cluster: { id: string; canAdd: boolean } }
    | { action: { id: string; canAdd: boolean } },
) {
  // The follow-up is for signed-in users: anonymous visitors see the recommendation without it.
  const me = useMe();
  if (!me.data) return null;
  if ('recommendationId' in props)
    return <ProgressSectionContent subject={{ kind: 'recommendation', id: props.recommendationId }} />;
  const [kind, given] =
    'cluster' in props ? (['cluster', props.cluster] as const) : (['action', props.action] as const);
  return <ProgressSectionContent subject={{ kind, id: given.id }} canAdd={given.canAdd} />;
}

function ProgressSectionContent({ subject, canAdd: given }: { subject: ProgressSubject; canAdd?: boolean }) {
  const { t } = useI18n();
  const list = useQuery({ queryKey: subjectProgressKey(subject), queryFn: () => fetchProgress(subject) });
  // A recommendation's abilities come with its follow-up; a cluster's or action's page passes its own.
  const fu = useQuery({
    queryKey: followUpKey(subject.id),
    queryFn: () => fetchFollowUp(subject.id),
    enabled: subject.kind === 'recommendation',
  });
  const editor = useEditor<ProgressUpdate | 'new'>();
  const canAdd = given ?? fu.data?.abilities.addProgress ?? false;
  return (
    <section aria-labelledby="fu-progress-heading" className="rd-fu" data-testid="progress">
      <Heading level={2} id="fu-progress-heading">
        {t.followUp.progressHeading}
      </Heading>
      {editor.notice}
      <QueryState query={list} />
      {list.data && list.data.length === 0 && <Paragraph>{t.followUp.progressNone}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <ol className="rd-fu-updates" data-testid="progress-list">
          {list.data.map((u) => (
            <li key={u.id} className="rd-fu-update" data-state={u.state}>
              <Update u={u} onEdit={() => editor.open(u)} onDone={(m) => editor.close(m)} />
            </li>
          ))}
        </ol>
      )}
      {editor.value !== null ? (
        <ProgressForm
          subject={subject}
          update={editor.value === 'new' ? null : editor.value}
          onDone={(m) => editor.close(m)}
        />
      ) : (
        canAdd && (
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
            {t.followUp.newProgress}
          </Button>
        )
      )}
    </section>
  );
}

/** A file's size as people read it: kB below a megabyte, MB with one decimal above. */
const fileSize = (bytes: number, lang: string) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

/**
 * The files of an update as download links with their size; the author of a draft removes one with
 * the button beside it (named after the file, for screen readers).
 */
function UpdateFiles({ u, onDone }: { u: ProgressUpdate; onDone(message: string | null): void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const remove = useSubmit<void, ProgressFile>({
    action: (f) => deleteProgressFile(u.id, f.id),
    success: (_r, f) => fmt(t.followUp.fileRemoved, { name: f.fileName }),
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: ['followup'] });
      onDone(message);
    },
  });
  if (u.files.length === 0) return null;
  return (
    <>
      <ul aria-label={t.followUp.filesList} className="rd-fu-files" data-testid="progress-files">
        {u.files.map((f) => (
          <li key={f.id}>
            <a className="utrecht-link utrecht-link--html-a" href={progressFileUrl(u.id, f.id)} download>
              {f.fileName}
            </a>{' '}
            ({fileSize(f.sizeBytes, lang)})
            {u.abilities.edit && (
              <>
                {' '}
                <Button
                  appearance="subtle-button"
                  type="button"
                  disabled={remove.busy}
                  aria-label={fmt(t.followUp.removeFile, { name: f.fileName })}
                  onClick={() => void remove.run(f)}
                >
                  {t.followUp.delete}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <FormFeedback submit={remove} showSuccess={false} />
    </>
  );
}

/** One update: its badge, status, period, text, evidence and author, with the actions its abilities allow. */
function Update({
  u,
  onEdit,
  onDone,
}: {
  u: ProgressUpdate;
  onEdit(): void;
  onDone(message: string | null): void;
}) {
  const { t, date, dateTime } = useI18n();
  const qc = useQueryClient();
  const act = useSubmit<void, 'approve' | 'delete'>({
    action: (what) => (what === 'approve' ? approveProgress(u).then(() => undefined) : deleteProgress(u)),
    success: (_r, what) => (what === 'approve' ? t.followUp.approvedNotice : t.followUp.draftDeleted),
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: ['followup'] });
      onDone(message);
    },
  });
  const status = t.followUp.statuses[u.status] ?? u.status;
  const period = [u.periodStart, u.periodEnd].some(Boolean)
    ? `${date(u.periodStart) || '…'} – ${date(u.periodEnd) || '…'}`
    : null;
  return (
    <article aria-label={`${status}, ${dateTime(u.createdAt)}`} data-testid="progress-update">
      <Paragraph>
        <span className={`rd-marker rd-fu-badge rd-fu-badge--${u.state}`} data-testid="progress-state">
          {u.state === 'draft' ? t.followUp.draft : t.followUp.approved}
        </span>{' '}
        <strong>{status}</strong>
        {period && (
          <>
            {' · '}
            {t.followUp.period}: {period}
          </>
        )}
      </Paragraph>
      <Paragraph className="rd-prewrap">{u.text}</Paragraph>
      {u.evidenceLinks.length > 0 && (
        <ul aria-label={t.followUp.evidence}>
          {u.evidenceLinks.map((l) => (
            <li key={l}>
              <a className="utrecht-link utrecht-link--html-a" href={l} rel="noopener noreferrer">
                {l}
              </a>
            </li>
          ))}
        </ul>
      )}
      <UpdateFiles u={u} onDone={onDone} />
      <Paragraph className="rd-subtle">
        {fmt(t.followUp.writtenBy, { name: u.createdBy.name, when: dateTime(u.createdAt) })}
        {u.organisation && ` (${u.organisation.code})`}
        {u.approvedBy && u.approvedAt && (
          <> · {fmt(t.followUp.approvedBy, { name: u.approvedBy.name, when: dateTime(u.approvedAt) })}</>
        )}
      </Paragraph>
      <FormFeedback submit={act} showSuccess={false} />
      {(u.abilities.edit || u.abilities.delete || u.abilities.approve) && (
        <ButtonGroup>
          {u.abilities.approve && (
            <Button
              appearance="primary-action-button"
              type="button"
              busy={act.busy}
              disabled={act.busy}
              onClick={() => void act.run('approve')}
            >
              {t.followUp.approve}
            </Button>
          )}
          {u.abilities.edit && (
            <Button appearance="secondary-action-button" type="button" onClick={onEdit}>
              {t.followUp.editProgress}
            </Button>
          )}
          {u.abilities.delete && (
            <Button
              appearance="subtle-button"
              type="button"
              disabled={act.busy}
              onClick={() => void act.run('delete')}
            >
              {t.followUp.delete}
            </Button>
          )}
        </ButtonGroup>
      )}
    </article>
  );
}
