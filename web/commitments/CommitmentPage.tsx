import { useParams } from '@tanstack/react-router';
import { Button, ButtonGroup, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Commitment } from '../../src/commitments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { useEditor } from '../components/form/index.ts';
import { AppLink, Fact, Overdue } from '../components/ui.tsx';
import { useCommitment } from './api.ts';
import { CommitmentForm } from './CommitmentForm.tsx';
import { CommitmentLinks } from './CommitmentLinks.tsx';
import { StatusForm } from './StatusForm.tsx';
import './texts.ts';

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** One commitment: its details (edited here), its status with the evidence, and what it is linked to. */
export function CommitmentPage() {
  const { t } = useI18n();
  const { id } = useParams({ from: '/commitments/$id' });
  const c = useCommitment(id);
  return (
    <SignedInPage
      title={
        c.data ? fmt(t.commitments.detailTitle, { text: short(c.data.text) }) : t.commitments.detailTitlePlain
      }
      back={<AppLink to="/commitments">{t.commitments.back}</AppLink>}
    >
      {() => (
        <>
          <QueryState query={c} notFound={t.commitments.notFound} />
          {c.data && <Details c={c.data} />}
        </>
      )}
    </SignedInPage>
  );
}

function Details({ c }: { c: Commitment }) {
  const { t, name, date } = useI18n();
  const editor = useEditor<'edit'>();
  const none = t.common.none;
  const s = c.source;
  return (
    <>
      {editor.notice}
      {editor.value === 'edit' ? (
        <CommitmentForm commitment={c} onDone={(m) => editor.close(m)} />
      ) : (
        <section aria-labelledby="commitment-facts-heading" data-testid="commitment-facts">
          <Heading level={2} id="commitment-facts-heading">
            {t.commitments.facts}
          </Heading>
          <DataList className="rd-facts">
            <Fact label={t.commitments.kind}>{t.commitments.kinds[c.kind]}</Fact>
            <Fact label={t.commitments.text}>
              <span className="rd-prewrap">{c.text}</span>
            </Fact>
            <Fact label={t.commitments.source}>
              <span data-testid="commitment-citation">{c.citation ?? none}</span>
              {s?.type === 'kamerstuk' && s.dossier !== null && s.ondernummer !== null && (
                <>
                  {' — '}
                  {fmt(t.commitments.sourceParts, {
                    dossier: s.dossier,
                    toevoeging: s.toevoeging ? ` ${s.toevoeging}` : '',
                    nr: s.ondernummer,
                  })}
                </>
              )}
            </Fact>
            {c.responseSource && (
              <Fact label={t.commitments.points.from}>
                <AppLink to="/brieven/$id" params={{ id: c.responseSource.documentId }}>
                  {c.responseSource.title}
                </AppLink>
                <span data-testid="commitment-response-source">
                  {' — '}
                  {c.responseSource.heading ?? c.responseSource.sectionKey}
                  {', '}
                  {c.responseSource.part === null
                    ? t.commitments.points.wholeSection.toLowerCase()
                    : fmt(t.commitments.points.part, { n: c.responseSource.part + 1 }).toLowerCase()}
                </span>
              </Fact>
            )}
            <Fact label={t.commitments.organisation}>
              {name(c.organisation)} ({c.organisation.code})
              {!c.organisationVerified && (
                <>
                  {' '}
                  <em data-testid="to-confirm">({t.commitments.toConfirm})</em>
                  <Paragraph>{t.commitments.toConfirmHint}</Paragraph>
                </>
              )}
            </Fact>
            <Fact label={t.commitments.madeOn}>{c.madeOn ? date(c.madeOn) : none}</Fact>
            <Fact label={t.commitments.dueOn}>
              {c.dueOn ? date(c.dueOn) : none} {c.overdue && <Overdue />}
            </Fact>
            <Fact label={t.commitments.status}>
              <span data-testid="commitment-status">{t.commitments.statuses[c.status]}</span>
            </Fact>
            {c.tkNumber && <Fact label={t.commitments.tkNumber}>{c.tkNumber}</Fact>}
            {c.voteOutcome && (
              <Fact label={t.commitments.vote}>
                {t.commitments.outcomes[c.voteOutcome]}
                {c.seatsFor !== null &&
                  ` (${fmt(t.commitments.seats, { for: c.seatsFor, against: c.seatsAgainst ?? 0 })})`}
              </Fact>
            )}
            {c.submitters.length > 0 && (
              <Fact label={t.commitments.submitters}>{c.submitters.join(', ')}</Fact>
            )}
            {c.kabinetsappreciatie && <Fact label={t.commitments.appreciation}>{c.kabinetsappreciatie}</Fact>}
            {c.madeBy && <Fact label={t.commitments.madeBy}>{c.madeBy}</Fact>}
          </DataList>
          {c.abilities.edit && (
            <ButtonGroup>
              <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('edit')}>
                {t.commitments.edit}
              </Button>
            </ButtonGroup>
          )}
        </section>
      )}
      <StatusForm c={c} />
      <CommitmentLinks c={c} />
    </>
  );
}
