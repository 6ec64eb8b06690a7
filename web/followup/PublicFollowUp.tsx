import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { PublicFollowUp as Published } from '../../src/followup/publish-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { QueryState } from '../components/feedback.tsx';
import { Fact } from '../components/ui.tsx';
import { positionText } from './labels.ts';
import { usePublicFollowUp, usePublishTexts } from './publish-api.ts';
import './followup.css';

/**
 * The government's follow-up of a recommendation as the public reads it, once published: the
 * position and its explanation, the lead organisation and the approved progress. For anonymous
 * visitors; signed-in users see the whole follow-up instead.
 */
export function PublicFollowUp({
  recommendationId,
  published,
}: {
  recommendationId: string;
  published: boolean;
}) {
  const me = useMe();
  const show = published && me.isSuccess && !me.data;
  const fu = usePublicFollowUp(recommendationId, show);
  const p = usePublishTexts();
  if (!show) return null;
  return (
    <section aria-labelledby="public-fu-heading" className="rd-fu" data-testid="public-followup">
      <Heading level={2} id="public-fu-heading">
        {p.publicHeading}
      </Heading>
      <QueryState query={fu} />
      {fu.data && <Body f={fu.data} />}
    </section>
  );
}

function Body({ f }: { f: Published }) {
  const p = usePublishTexts();
  const { t, date, name } = useI18n();
  const pos = f.position;
  return (
    <>
      <Paragraph className="rd-subtle">{fmt(p.publicSince, { date: date(f.publishedAt) })}</Paragraph>
      <DataList className="rd-facts" data-testid="public-position">
        <Fact label={p.lead}>{f.lead ? `${name(f.lead)} (${f.lead.code})` : p.noLead}</Fact>
        {pos ? (
          <>
            <Fact label={pos.position ? p.position : p.appreciation}>
              <span className="rd-prewrap">{positionText(t, pos) || t.common.none}</span>
            </Fact>
            <Fact label={p.explanation}>
              <span className="rd-prewrap">{pos.explanation ?? t.common.none}</span>
            </Fact>
            <Fact label={p.positionDate}>{date(pos.date)}</Fact>
          </>
        ) : (
          <Fact label={p.position}>{p.noPosition}</Fact>
        )}
      </DataList>
      <Heading level={3}>{p.progressHeading}</Heading>
      {f.progress.length === 0 ? (
        <Paragraph>{p.progressNone}</Paragraph>
      ) : (
        <ul className="rd-fu-updates" data-testid="public-progress">
          {f.progress.map((u, i) => (
            <li key={i} className="rd-fu-update" data-state="approved">
              <Paragraph>
                <strong>
                  {p.status}: {t.followUp.statuses[u.status] ?? u.status}
                </strong>
                {(u.periodStart || u.periodEnd) && (
                  <>
                    {' · '}
                    {p.period}: {date(u.periodStart) || '…'} – {date(u.periodEnd) || '…'}
                  </>
                )}
              </Paragraph>
              <Paragraph className="rd-prewrap">{u.text}</Paragraph>
              <Paragraph className="rd-subtle">
                {fmt(p.approvedOn, { date: date(u.approvedOn) })}
                {u.viaCluster && ` ${p.viaCluster}`}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
