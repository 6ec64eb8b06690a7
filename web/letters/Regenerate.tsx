import { useState } from 'react';
import {
  Button,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { RegenerateResult, WorkspaceDocument } from '../../src/letters/workspace-schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { useSaveLetter } from './api.ts';

/** "Opnieuw genereren" and what it did: per section changed, unchanged, new or gone, and the outcome. */
export function Regenerate({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const [report, setReport] = useState<RegenerateResult | null>(null);
  const run = useSubmit<RegenerateResult>({
    action: () => save<RegenerateResult>('POST', '/regenerate', { version: doc.version }),
    success: t.letters.regenerated,
    onSuccess: (r) => setReport(r),
  });
  if (!doc.abilities.edit) return null;
  return (
    <section aria-labelledby="regenerate-heading" data-testid="regenerate">
      <Heading level={2} id="regenerate-heading">
        {t.letters.regenerate}
      </Heading>
      <Paragraph>{t.letters.regenerateIntro}</Paragraph>
      <Button
        appearance="secondary-action-button"
        type="button"
        busy={run.busy}
        disabled={run.busy}
        onClick={() => void run.run()}
      >
        {t.letters.regenerate}
      </Button>
      <FormFeedback submit={run} focusSuccess />
      {report && <Report report={report} />}
    </section>
  );
}

function Report({ report }: { report: RegenerateResult }) {
  const { t } = useI18n();
  return (
    <div data-testid="regenerate-report">
      <Heading level={3}>{t.letters.report}</Heading>
      <Paragraph>{t.letters.frameReport[report.frame]}</Paragraph>
      {report.backToDraft && <Paragraph>{t.letters.backToDraft}</Paragraph>}
      <DataTable
        captionId="regenerate-caption"
        caption={t.letters.reportCaption}
        columns={[t.letters.sectionColumn, t.letters.state, t.letters.outcomeLabel]}
      >
        {report.changes.map((c) => (
          <TableRow key={c.key} data-testid="change" data-status={c.status}>
            <TableHeaderCell scope="row">{c.heading}</TableHeaderCell>
            <TableCell>
              {t.letters.status[c.status]}
              {c.origin && c.origin !== 'generated' && ` (${t.letters.origin[c.origin]})`}
            </TableCell>
            <TableCell>
              {t.letters.outcome[c.outcome]}
              {c.status === 'changed' && c.outcome === 'kept' && (
                <Paragraph className="rd-letter-meta" data-testid="data-changed">
                  {t.letters.dataChanged}
                </Paragraph>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </div>
  );
}
