import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { SectionRecommendation, StateReportSection } from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { AppLink, Fact } from '../components/ui.tsx';

/**
 * What a section must answer: the recommendations of the previous concluding observations it refers
 * to (with the government's position, the lead, the actions and the last approved progress, and the
 * treaty body's follow-up priority mark), and the input of the cycle's consultation.
 */
export function SectionGuidance({ s }: { s: StateReportSection }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="section-guidance" data-testid="section-guidance">
      <Heading level={2} id="section-guidance">
        {t.stateReport.mustAnswer}
      </Heading>
      <Heading level={3}>
        {fmt(t.stateReport.recommendationsCaption, { total: s.recommendations.length })}
      </Heading>
      {s.recommendations.length === 0 ? (
        <Paragraph>{t.stateReport.recommendationsNone}</Paragraph>
      ) : (
        <ul className="rd-plain-list">
          {s.recommendations.map((rec) => (
            <li key={rec.id} data-testid="section-recommendation">
              <RecommendationItem rec={rec} />
            </li>
          ))}
        </ul>
      )}
      <Heading level={3}>{t.stateReport.consultationTitle}</Heading>
      {s.consultationInput.length === 0 ? (
        <Paragraph>{t.stateReport.consultationNone}</Paragraph>
      ) : (
        <ul className="rd-plain-list">
          {s.consultationInput.map((c) => (
            <li key={c.id} className="rd-panel">
              <Paragraph>
                <strong>{c.organisationName}</strong> ({c.consultationTitle}, {dateTime(c.submittedAt)})
              </Paragraph>
              <Paragraph className="rd-prewrap">{c.body}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RecommendationItem({ rec }: { rec: SectionRecommendation }) {
  const { t, name, date } = useI18n();
  const headingId = `recommendation-${rec.id}`;
  const where = [rec.symbol, rec.paragraph && `${t.stateReport.paragraph} ${rec.paragraph}`]
    .filter(Boolean)
    .join(', ');
  return (
    <article aria-labelledby={headingId} className="rd-panel">
      <Heading level={4} id={headingId}>
        <AppLink to="/recommendations/$id" params={{ id: rec.id }}>
          {where || t.stateReport.recommendation}
        </AppLink>{' '}
        {rec.priority && <span className="rd-marker">{t.stateReport.priorityMark}</span>}
      </Heading>
      <Paragraph className="rd-prewrap">{rec.text}</Paragraph>
      <DataList className="rd-facts rd-facts--compact">
        <Fact label={t.stateReport.positionLabel}>
          {rec.position ? (t.recommendations.positions[rec.position] ?? rec.position) : t.common.none}
          {rec.positionExplanation && ` — ${rec.positionExplanation}`}
        </Fact>
        <Fact label={t.stateReport.lead}>
          {rec.lead ? `${name(rec.lead)} (${rec.lead.code})` : t.common.none}
        </Fact>
        <Fact label={t.stateReport.actions}>
          {rec.actions.length === 0
            ? t.common.none
            : rec.actions.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ', '}
                  <AppLink to="/actions/$id" params={{ id: a.id }}>
                    {a.title}
                  </AppLink>
                </span>
              ))}
        </Fact>
        <Fact label={t.stateReport.progress}>
          {rec.progress
            ? `${t.recommendations.statuses[rec.progress.status] ?? rec.progress.status}${
                rec.progress.approvedAt ? ` (${date(rec.progress.approvedAt)})` : ''
              }: ${rec.progress.text}`
            : t.common.none}
        </Fact>
      </DataList>
    </article>
  );
}
