import { useParams } from '@tanstack/react-router';
import { Button, ButtonGroup, DataList, Heading } from '@utrecht/component-library-react';
import type { Action } from '../../src/actions/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { DeleteWithConfirmation } from '../components/DeleteWithConfirmation.tsx';
import { useEditor } from '../components/form/index.ts';
import { AppLink, Fact, Overdue } from '../components/ui.tsx';
import { CommentThread } from '../comments/CommentThread.tsx';
import { ActionForm } from './ActionForm.tsx';
import { ActionLinks } from './ActionLinks.tsx';
import { deleteAction, useAction } from './api.ts';
import { Indicators } from './Indicators.tsx';
import { ProgressSection } from '../followup/ProgressSection.tsx';
import { formatEuros } from './money.ts';
import '../clusters/clusters.css';
import '../i18n/followup-texts.ts';

/** One action: its fields, the recommendations and clusters it serves, its indicators and measurements. */
export function ActionPage() {
  const { t } = useI18n();
  const { id } = useParams({ from: '/actions/$id' });
  const action = useAction(id);
  return (
    <SignedInPage
      title={
        action.data ? fmt(t.actions.detailTitle, { title: action.data.title }) : t.actions.detailTitlePlain
      }
      back={<AppLink to="/actions">{t.actions.backToList}</AppLink>}
    >
      {() => (
        <>
          <QueryState query={action} notFound={t.actions.notFound} />
          {action.data && <Details a={action.data} />}
        </>
      )}
    </SignedInPage>
  );
}

function Details({ a }: { a: Action }) {
  const { t, name, date, lang } = useI18n();
  const editor = useEditor<'edit'>();
  const none = t.common.none;
  return (
    <>
      {editor.notice}
      {editor.value === 'edit' ? (
        <ActionForm action={a} onDone={(m) => editor.close(m)} />
      ) : (
        <section aria-labelledby="action-facts-heading" data-testid="action-facts">
          <Heading level={2} id="action-facts-heading">
            {t.actions.facts}
          </Heading>
          <DataList className="rd-facts">
            <Fact label={t.actions.actionTitle}>{a.title}</Fact>
            <Fact label={t.actions.description}>
              <span className="rd-prewrap">{a.description ?? none}</span>
            </Fact>
            <Fact label={t.actions.owner}>
              {name(a.owner)} ({a.owner.code})
            </Fact>
            <Fact label={t.actions.startDate}>{a.startDate ? date(a.startDate) : none}</Fact>
            <Fact label={t.actions.endDate}>
              {a.endDate ? date(a.endDate) : none} {a.overdue && <Overdue />}
            </Fact>
            <Fact label={t.actions.budget}>
              <span data-testid="action-budget">
                {a.budget === null ? none : formatEuros(a.budget, lang)}
              </span>
            </Fact>
            <Fact label={t.actions.outcome}>
              <span className="rd-prewrap">{a.outcome ?? none}</span>
            </Fact>
          </DataList>
          {a.abilities.edit && (
            <ButtonGroup>
              <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('edit')}>
                {t.actions.edit}
              </Button>
            </ButtonGroup>
          )}
          {a.abilities.delete && (
            // The action goes with its indicators and measurements.
            <DeleteWithConfirmation
              testId="action-delete"
              label={t.actions.delete}
              question={fmt(t.actions.deleteConfirm, { title: a.title })}
              yes={t.actions.deleteYes}
              success={t.actions.deleted}
              remove={() => deleteAction(a)}
              invalidate={[['actions'], ['clusters']]}
              to="/actions"
            />
          )}
        </section>
      )}
      <ActionLinks a={a} />
      <Indicators a={a} />
      <ProgressSection action={{ id: a.id, canAdd: a.abilities.addProgress }} />
      <CommentThread kind="action" id={a.id} />
    </>
  );
}
