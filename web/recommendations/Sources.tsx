import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { z } from 'zod';
import type {
  MergeResult,
  RecommendationDetail as Detail,
  SplitRequest,
} from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useActorName } from '../lib/actors.ts';
import { api } from '../lib/api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';

type Source = Detail['sources'][number];

/**
 * Where a recommendation comes from: each source with what it says (wording, states, position,
 * date). Where the sources disagree, a notice says on what; for those who may, each source can be
 * taken out again, after a confirmation.
 */
export function Sources({ r }: { r: Detail }) {
  const { t, dateTime } = useI18n();
  const actorName = useActorName();
  const qc = useQueryClient();
  const none = t.common.none;
  const [asking, setAsking] = useState<Source | null>(null);
  const [otherId, setOtherId] = useState<string | null>(null);
  const split = useSubmit({
    action: (source: Source) =>
      api<MergeResult>('POST', `/api/recommendations/${r.id}/split`, {
        sourceKind: source.kind,
        sourceKey: source.sourceKey,
        version: r.version,
      } satisfies z.input<typeof SplitRequest>),
    success: t.recommendations.splitDone,
    onSuccess: async (result) => {
      setAsking(null);
      setOtherId(result.otherId);
      qc.setQueryData(['recommendation', r.id], result.recommendation);
      await qc.invalidateQueries({ queryKey: ['recommendations'] });
    },
  });
  const position = (p: Source['reportedPosition']) => (p ? (t.recommendations.positions[p] ?? p) : none);
  return (
    <section aria-labelledby="rec-sources-heading">
      <Heading level={2} id="rec-sources-heading">
        {t.recommendations.sourcesHeading}
      </Heading>
      {r.disagreements.length > 0 && (
        <Alert type="warning" data-testid="sources-disagree">
          <Paragraph>
            {fmt(t.recommendations.disagreement, {
              fields: r.disagreements.map((d) => t.recommendations.disagreementFields[d]).join(', '),
            })}
          </Paragraph>
        </Alert>
      )}
      {r.sources.length === 0 ? (
        <Paragraph>{t.recommendations.noSources}</Paragraph>
      ) : (
        <DataTable
          captionId="rec-sources-caption"
          caption={t.recommendations.sourcesCaption}
          columns={[
            t.recommendations.sourceKind,
            t.recommendations.sourceKey,
            t.recommendations.reportedText,
            t.recommendations.reportedStates,
            t.recommendations.reportedPosition,
            t.recommendations.reportedDate,
            t.recommendations.importedAt,
            t.recommendations.importedBy,
            ...(r.abilities.split ? [t.recommendations.sourceActions] : []),
          ]}
          testId="sources-table"
        >
          {r.sources.map((s, i) => (
            <TableRow key={`${s.kind}-${s.sourceKey}-${i}`}>
              <TableHeaderCell scope="row">{t.imports.kinds[s.kind] ?? s.kind}</TableHeaderCell>
              <TableCell>
                <span className="rd-code">{s.sourceKey}</span>
                {s.fileName && <div className="rd-subtle">{s.fileName}</div>}
                {s.paragraph && (
                  <div className="rd-subtle">
                    {t.recommendations.paragraphLabel} {s.paragraph}
                  </div>
                )}
              </TableCell>
              <TableCell>
                {s.reportedText ? (
                  <span lang="en" className="rd-prewrap">
                    {s.reportedText}
                  </span>
                ) : (
                  none
                )}
              </TableCell>
              <TableCell>{s.reportedStates.length ? s.reportedStates.join(', ') : none}</TableCell>
              <TableCell data-testid="reported-position">{position(s.reportedPosition)}</TableCell>
              <TableCell>{s.reportedDate ?? none}</TableCell>
              <TableCell>{dateTime(s.importedAt)}</TableCell>
              <TableCell>{s.importedBy === null ? none : actorName(s.importedBy)}</TableCell>
              {r.abilities.split && (
                <TableCell>
                  <Button
                    appearance="secondary-action-button"
                    type="button"
                    onClick={() => setAsking(s)}
                    data-testid="split-button"
                  >
                    {t.recommendations.splitButton}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </DataTable>
      )}
      {asking && (
        <div
          className="rd-panel"
          role="group"
          aria-label={t.recommendations.splitButton}
          data-testid="split-confirm"
        >
          <Paragraph>
            {fmt(t.recommendations.splitConfirm, {
              source: `${t.imports.kinds[asking.kind] ?? asking.kind} ${asking.sourceKey}`,
            })}
          </Paragraph>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              type="button"
              busy={split.busy}
              disabled={split.busy}
              onClick={() => void split.run(asking)}
              data-testid="split-confirm-button"
            >
              {t.recommendations.splitYes}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setAsking(null)}>
              {t.common.cancel}
            </Button>
          </ButtonGroup>
        </div>
      )}
      <FormFeedback submit={split} focusSuccess successTestId="split-done" />
      {otherId && (
        <Paragraph>
          <AppLink to="/recommendations/$id" params={{ id: otherId }}>
            {t.recommendations.splitOpen}
          </AppLink>
        </Paragraph>
      )}
    </section>
  );
}
