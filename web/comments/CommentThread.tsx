import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { MENTION_PATTERN, type Comment, type CommentKind } from '../../src/comments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, FormPanel, useEditor, useSubmit } from '../components/form/index.ts';
import { deleteComment, editComment, postComment, threadKey, useThread } from './api.ts';
import { MentionTextarea } from './MentionTextarea.tsx';
import './comments.css';
import '../i18n/followup-texts.ts';

/**
 * The comments on a recommendation, cluster or action, oldest first, for signed-in users: author,
 * organisation, date and text (mentions highlighted); contributors and up write, authors change and
 * delete their own. A deleted comment keeps its place, marked as deleted.
 */
export function CommentThread(props: { kind: CommentKind; id: string }) {
  const me = useMe();
  if (!me.data) return null;
  return <ThreadContent {...props} />;
}

function ThreadContent({ kind, id }: { kind: CommentKind; id: string }) {
  const { t } = useI18n();
  const thread = useThread(kind, id);
  const editor = useEditor<Comment>();
  const headingId = `comments-${kind}-heading`;
  return (
    <section aria-labelledby={headingId} className="rd-comments" data-testid="comments">
      <Heading level={2} id={headingId}>
        {t.comments.heading}
      </Heading>
      {editor.notice}
      <QueryState query={thread} />
      {thread.data && thread.data.items.length === 0 && <Paragraph>{t.comments.none}</Paragraph>}
      {thread.data && thread.data.items.length > 0 && (
        <ol className="rd-comment-list" data-testid="comment-list">
          {thread.data.items.map((c) => (
            <li key={c.id} className="rd-comment" data-deleted={c.deletedAt ? 'true' : undefined}>
              {editor.value?.id === c.id ? (
                <CommentForm kind={kind} id={id} comment={c} onDone={(m) => editor.close(m)} />
              ) : (
                <CommentItem c={c} onEdit={() => editor.open(c)} onDone={(m) => editor.close(m)} />
              )}
            </li>
          ))}
        </ol>
      )}
      {thread.data?.canComment && editor.value === null && (
        <CommentForm kind={kind} id={id} comment={null} onDone={() => undefined} />
      )}
    </section>
  );
}

/** The text with each mention highlighted (the name of the user mentioned when known). */
function CommentText({ c }: { c: Comment }) {
  const names = new Map(c.mentions.map((m) => [m.email.toLowerCase(), m.name]));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of c.body.matchAll(MENTION_PATTERN)) {
    parts.push(c.body.slice(last, m.index));
    const name = names.get(m[1]!.toLowerCase());
    parts.push(
      <mark key={m.index} className="rd-mention" title={m[1]}>
        @{name ?? m[1]}
      </mark>,
    );
    last = m.index + m[0].length;
  }
  parts.push(c.body.slice(last));
  return <Paragraph className="rd-prewrap">{parts}</Paragraph>;
}

function CommentItem({ c, onEdit, onDone }: { c: Comment; onEdit(): void; onDone(m: string | null): void }) {
  const { t, dateTime } = useI18n();
  const qc = useQueryClient();
  const remove = useSubmit<Comment>({
    action: () => deleteComment(c),
    success: t.comments.deleted,
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: threadKey(c.kind, c.subjectId) });
      onDone(message);
    },
  });
  const who = c.author
    ? `${c.author.name}${c.author.organisationCode ? ` (${c.author.organisationCode})` : ''}`
    : '—';
  return (
    <article
      aria-label={fmt(t.comments.itemLabel, { name: who, when: dateTime(c.createdAt) })}
      data-testid="comment"
    >
      <Paragraph className="rd-subtle">
        <strong>{who}</strong> · {dateTime(c.createdAt)}
        {c.editedAt && !c.deletedAt && ` · ${t.comments.edited}`}
      </Paragraph>
      {c.deletedAt ? (
        <Paragraph className="rd-subtle">
          <em>{t.comments.deletedMark}</em>
        </Paragraph>
      ) : (
        <CommentText c={c} />
      )}
      <FormFeedback submit={remove} showSuccess={false} />
      {(c.abilities.edit || c.abilities.delete) && (
        <ButtonGroup>
          {c.abilities.edit && (
            <Button appearance="subtle-button" type="button" onClick={onEdit}>
              {t.comments.edit}
            </Button>
          )}
          {c.abilities.delete && (
            <Button
              appearance="subtle-button"
              type="button"
              busy={remove.busy}
              disabled={remove.busy}
              onClick={() => {
                if (window.confirm(t.comments.confirmDelete)) void remove.run();
              }}
            >
              {t.comments.delete}
            </Button>
          )}
        </ButtonGroup>
      )}
    </article>
  );
}

/** Writing a new comment, or changing one's own (with the version seen). */
function CommentForm(props: {
  kind: CommentKind;
  id: string;
  comment: Comment | null;
  onDone(m: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [body, setBody] = useState(props.comment?.body ?? '');
  const submit = useSubmit<Comment>({
    validate: (): Record<string, string> => (body.trim() ? {} : { body: t.comments.bodyRequired }),
    action: () =>
      props.comment
        ? editComment(props.comment.id, { body, version: props.comment.version })
        : postComment({ kind: props.kind, id: props.id, body }),
    success: props.comment ? t.comments.saved : t.comments.posted,
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: threadKey(props.kind, props.id) });
      // Mentions notify: the user's own bell may change when they mention themselves.
      await qc.invalidateQueries({ queryKey: ['notifications'] });
      if (!props.comment) setBody('');
      props.onDone(message);
    },
  });
  return (
    <FormPanel
      title={props.comment ? t.comments.editTitle : t.comments.newTitle}
      headingLevel={3}
      submit={submit}
      submitLabel={props.comment ? t.comments.save : t.comments.post}
      onCancel={props.comment ? () => props.onDone(null) : undefined}
      testId={props.comment ? 'comment-edit' : 'comment-new'}
      focusOnMount={Boolean(props.comment)}
      showSuccess={!props.comment}
    >
      <MentionTextarea
        label={t.comments.body}
        name="body"
        value={body}
        onChange={setBody}
        error={submit.fieldErrors.body}
        testId="comment-body"
      />
    </FormPanel>
  );
}
