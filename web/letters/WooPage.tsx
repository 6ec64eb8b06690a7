import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { WorkspaceDocument } from '../../src/letters/workspace-schema.ts';
import type { RedactionReview, RedactionUpdate } from '../../src/woo/publication-schema.ts';
import type { AddedSpan, FindingDecision } from '../../src/woo/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { letterKey, letterPath, reviewKey, useReview } from './api.ts';
import { LetterShell } from './LetterPage.tsx';
import { previewText, type Span } from './redactions.ts';
import { WooFindings } from './WooFindings.tsx';
import { WooText } from './WooText.tsx';
import './letters.css';
import '../i18n/letters-texts.ts';

/** "Openbaarmaking (Woo)": the redaction review of a document and its publication. */
export function WooPage() {
  const { id } = useParams({ from: '/brieven/$id/woo' });
  return (
    <LetterShell id={id} tab="woo">
      {(d) => <Review doc={d} />}
    </LetterShell>
  );
}

type Decisions = Record<string, FindingDecision>;

/** Sends a change of the review and keeps the page's copy (and the document's `public`) up to date. */
function useSendReview(id: string) {
  const qc = useQueryClient();
  return async (method: 'POST' | 'PATCH', path: string, body?: unknown) => {
    const r = await api<RedactionReview>(method, `${letterPath(id)}${path}`, body);
    qc.setQueryData(reviewKey(id), r);
    await qc.invalidateQueries({ queryKey: letterKey(id), exact: true });
    return r;
  };
}

function Review({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  const review = useReview(doc.id);
  const r = review.data;
  return (
    <section aria-labelledby="woo-heading" data-testid="woo">
      <Heading level={2} id="woo-heading">
        {t.woo.title}
      </Heading>
      <Paragraph>{t.woo.intro}</Paragraph>
      <QueryState query={review} />
      {r && <ReviewBody doc={doc} r={r} />}
    </section>
  );
}

function ReviewBody({ doc, r }: { doc: WorkspaceDocument; r: RedactionReview }) {
  const { t, dateTime } = useI18n();
  const send = useSendReview(doc.id);
  const may = r.abilities.review && !r.stale;
  const fromReview = (): Decisions => Object.fromEntries(r.findings.map((f) => [f.id, f.decision]));
  const [decisions, setDecisions] = useState<Decisions>(fromReview);
  // A new list (after a save or a search) brings the decisions the server holds.
  const [seen, setSeen] = useState(`${r.version}/${r.findings.length}`);
  if (seen !== `${r.version}/${r.findings.length}`) {
    setSeen(`${r.version}/${r.findings.length}`);
    setDecisions(fromReview());
  }
  const decided = (d: Decisions): RedactionUpdate['decisions'] =>
    Object.entries(d).flatMap(([id, decision]) => (decision === 'proposed' ? [] : [{ id, decision }]));
  const search = useSubmit<RedactionReview>({
    action: () => send('POST', '/redactions/search'),
    success: (x) => fmt(t.woo.searched, { count: x.findings.length }),
  });
  const update = useSubmit<RedactionReview, { added?: AddedSpan[]; reviewed?: boolean; message: string }>({
    action: (a) =>
      send('PATCH', '/redactions', {
        version: r.version,
        decisions: decided(decisions),
        added: a.added,
        reviewed: a.reviewed,
      } satisfies RedactionUpdate),
    success: (_x, a) => a.message,
  });
  const publish = useSubmit<RedactionReview, 'publish' | 'unpublish'>({
    action: (what) =>
      what === 'publish' ? send('POST', '/publish', { version: r.version }) : send('POST', '/unpublish'),
    success: (_x, what) => (what === 'publish' ? t.woo.publishedNow : t.woo.unpublished),
  });
  const spans: Span[] = [
    ...r.findings.map((f) => ({ ...f, decision: decisions[f.id] ?? f.decision })),
    ...r.added,
  ];
  const open = Object.values(decisions).filter((d) => d === 'proposed').length;
  return (
    <>
      <FormFeedback submit={search} focusSuccess />
      <FormFeedback submit={update} focusSuccess />
      <FormFeedback submit={publish} focusSuccess />
      {!r.searched && <Paragraph>{t.woo.notSearched}</Paragraph>}
      {r.stale && (
        <Alert type="warning">
          <Paragraph data-testid="woo-stale">{t.woo.stale}</Paragraph>
        </Alert>
      )}
      {r.abilities.review ? (
        <Button
          appearance={r.searched && !r.stale ? 'secondary-action-button' : 'primary-action-button'}
          type="button"
          busy={search.busy}
          disabled={search.busy}
          onClick={() => void search.run()}
        >
          {r.searched ? t.woo.searchAgain : t.woo.search}
        </Button>
      ) : (
        <Paragraph>{t.woo.readOnly}</Paragraph>
      )}
      {r.searched && !r.stale && (
        <>
          <WooText
            text={r.text}
            spans={spans}
            may={may}
            busy={update.busy}
            onAdd={(added) =>
              update.run({
                added: [...r.added, ...added],
                message: fmt(t.woo.addedCount, { count: added.length }),
              })
            }
          />
          <WooFindings
            r={r}
            may={may}
            decisions={decisions}
            onDecide={(id, d) => setDecisions((old) => ({ ...old, [id]: d }))}
            onRemoveAdded={(i) =>
              void update.run({ added: r.added.filter((_a, k) => k !== i), message: t.common.saved })
            }
          />
          {may && (
            <section aria-labelledby="woo-finish-heading">
              <Heading level={3} id="woo-finish-heading" className="rd-visually-hidden">
                {t.woo.finish}
              </Heading>
              {open > 0 && <Paragraph>{fmt(t.woo.open, { count: open })}</Paragraph>}
              {r.reviewed && r.reviewedAt && (
                <Paragraph data-testid="woo-reviewed">
                  {fmt(t.woo.reviewedBy, {
                    name: r.reviewedBy ?? t.common.none,
                    when: dateTime(r.reviewedAt),
                  })}
                </Paragraph>
              )}
              <ButtonGroup>
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  busy={update.busy}
                  onClick={() => void update.run({ message: t.woo.decisionsSaved })}
                >
                  {t.woo.saveDecisions}
                </Button>
                {r.reviewed ? (
                  <Button
                    appearance="subtle-button"
                    type="button"
                    onClick={() => void update.run({ reviewed: false, message: t.woo.reopened })}
                  >
                    {t.woo.reopen}
                  </Button>
                ) : (
                  <Button
                    appearance="primary-action-button"
                    type="button"
                    busy={update.busy}
                    onClick={() => void update.run({ reviewed: true, message: t.woo.finished })}
                  >
                    {t.woo.finish}
                  </Button>
                )}
              </ButtonGroup>
            </section>
          )}
          <section aria-labelledby="woo-preview-heading" data-testid="woo-preview">
            <Heading level={3} id="woo-preview-heading">
              {t.woo.preview}
            </Heading>
            <Paragraph>{t.woo.previewIntro}</Paragraph>
            <div className="rd-woo-text" tabIndex={0} role="region" aria-labelledby="woo-preview-heading">
              {previewText(r.text, spans)}
            </div>
          </section>
        </>
      )}
      <Publication doc={doc} r={r} run={(what) => void publish.run(what)} busy={publish.busy} />
    </>
  );
}

function Publication(props: {
  doc: WorkspaceDocument;
  r: RedactionReview;
  run(what: 'publish' | 'unpublish'): void;
  busy: boolean;
}) {
  const { t, dateTime } = useI18n();
  const { r } = props;
  return (
    <section aria-labelledby="woo-publication-heading" data-testid="woo-publication">
      <Heading level={3} id="woo-publication-heading">
        {t.woo.publish}
      </Heading>
      {r.published && (
        <Paragraph data-testid="woo-published">
          {fmt(t.woo.publishedAt, { when: dateTime(r.published.at), count: r.published.redactions })}{' '}
          <AppLink to="/openbare-documenten/$id" params={{ id: props.doc.id }}>
            {t.woo.publicPage}
          </AppLink>
        </Paragraph>
      )}
      {r.abilities.publish && (
        <ButtonGroup>
          {r.reviewed && !r.stale && (
            <Button
              appearance="primary-action-button"
              type="button"
              busy={props.busy}
              onClick={() => props.run('publish')}
            >
              {t.woo.publish}
            </Button>
          )}
          {r.published && (
            <Button
              appearance="secondary-action-button"
              type="button"
              busy={props.busy}
              onClick={() => props.run('unpublish')}
            >
              {t.woo.unpublish}
            </Button>
          )}
        </ButtonGroup>
      )}
    </section>
  );
}
