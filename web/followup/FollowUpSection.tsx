import {
  DataList,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { FollowUp } from '../../src/followup/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { Fact } from '../components/ui.tsx';
import { useFollowUp } from './api.ts';
import { positionText } from './labels.ts';
import { PositionForm } from './PositionForm.tsx';
import { ResponsibilityForm, ResponsibilityFacts } from './ResponsibilityForm.tsx';
import './followup.css';
import '../i18n/followup-texts.ts';

/**
 * The follow-up of a recommendation: the government's position (a form for those who may record it,
 * the facts for others), its history, and who is responsible.
 */
export function FollowUpSection({ recommendationId }: { recommendationId: string }) {
  // The follow-up is for signed-in users: anonymous visitors see the recommendation without it.
  const me = useMe();
  return me.data ? <FollowUpSectionContent recommendationId={recommendationId} /> : null;
}

function FollowUpSectionContent({ recommendationId }: { recommendationId: string }) {
  const { t } = useI18n();
  const fu = useFollowUp(recommendationId);
  return (
    <section aria-labelledby="fu-heading" className="rd-fu" data-testid="followup">
      <Heading level={2} id="fu-heading">
        {t.followUp.heading}
      </Heading>
      <QueryState query={fu} />
      {fu.data && <Body fu={fu.data} />}
    </section>
  );
}

function Body({ fu }: { fu: FollowUp }) {
  const { t } = useI18n();
  return (
    <>
      {fu.abilities.editPosition ? <PositionForm fu={fu} /> : <PositionFacts fu={fu} />}
      <History fu={fu} />
      {fu.abilities.editResponsibility || fu.abilities.changeLead ? (
        <ResponsibilityForm fu={fu} />
      ) : (
        <section aria-labelledby="fu-resp-heading">
          <Heading level={3} id="fu-resp-heading">
            {t.followUp.responsibilityHeading}
          </Heading>
          <ResponsibilityFacts fu={fu} />
        </section>
      )}
    </>
  );
}

/** The recorded position, read-only. */
function PositionFacts({ fu }: { fu: FollowUp }) {
  const { t, dateTime } = useI18n();
  const p = fu.position;
  return (
    <section aria-labelledby="fu-position-heading">
      <Heading level={3} id="fu-position-heading">
        {t.followUp.positionHeading}
      </Heading>
      {!p ? (
        <Paragraph data-testid="position-facts">{t.followUp.noPosition}</Paragraph>
      ) : (
        <DataList className="rd-facts" data-testid="position-facts">
          <Fact label={fu.positionOptions.length ? t.followUp.position : t.followUp.appreciation}>
            <span className="rd-prewrap">{positionText(t, p) || t.common.none}</span>
          </Fact>
          <Fact label={t.followUp.explanation}>
            <span className="rd-prewrap">{p.explanation ?? t.common.none}</span>
          </Fact>
          <Fact label={t.followUp.historyWho}>
            {fmt(t.followUp.recordedBy, {
              name: p.recordedBy?.name ?? t.followUp.unknownUser,
              when: dateTime(p.recordedAt),
            })}
          </Fact>
        </DataList>
      )}
    </section>
  );
}

/** Every position recorded, newest first: who, when, what. */
function History({ fu }: { fu: FollowUp }) {
  const { t, dateTime } = useI18n();
  return (
    <section aria-labelledby="fu-history-heading" data-testid="position-history">
      <Heading level={3} id="fu-history-heading">
        {t.followUp.historyHeading}
      </Heading>
      {fu.history.length === 0 ? (
        <Paragraph>{t.followUp.historyNone}</Paragraph>
      ) : (
        <DataTable
          captionId="fu-history-caption"
          caption={t.followUp.historyHeading}
          columns={[t.followUp.historyWhen, t.followUp.historyWho, t.followUp.historyWhat]}
        >
          {fu.history.map((h, i) => (
            <TableRow key={`${h.recordedAt}-${i}`}>
              <TableHeaderCell scope="row">{dateTime(h.recordedAt)}</TableHeaderCell>
              <TableCell>{h.recordedBy?.name ?? t.followUp.unknownUser}</TableCell>
              <TableCell className="rd-prewrap">
                {positionText(t, h) || t.common.none}
                {h.explanation ? ` — ${h.explanation}` : ''}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
