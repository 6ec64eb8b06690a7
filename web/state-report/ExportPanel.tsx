import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { StateReport } from '../../src/state-report/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { exportStateReport, reportKey } from './api.ts';

/**
 * "Exporteren": makes (or renews) the report in the UN layout and the memo to the minister in the
 * document workspace, then links to both (their pages there give versions and the .docx).
 */
export function ExportPanel({ r }: { r: StateReport }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const submit = useSubmit({
    action: () => exportStateReport(r.id),
    success: t.stateReport.exported,
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKey(r.id) }),
  });
  return (
    <section aria-labelledby="state-report-export" data-testid="state-report-export">
      <Heading level={2} id="state-report-export">
        {t.stateReport.exportTitle}
      </Heading>
      <Paragraph>{t.stateReport.exportIntro}</Paragraph>
      <FormFeedback submit={submit} successTestId="state-report-exported" />
      <Button
        appearance="secondary-action-button"
        type="button"
        busy={submit.busy}
        disabled={submit.busy}
        onClick={() => void submit.run()}
      >
        {t.stateReport.exportSubmit}
      </Button>
      {r.letterId && r.memoId && (
        <UnorderedList>
          <UnorderedListItem>
            <AppLink to="/brieven/$id" params={{ id: r.letterId }} data-testid="state-report-letter">
              {t.stateReport.exportReport}
            </AppLink>
          </UnorderedListItem>
          <UnorderedListItem>
            <AppLink to="/brieven/$id" params={{ id: r.memoId }} data-testid="state-report-memo">
              {t.stateReport.exportMemo}
            </AppLink>
          </UnorderedListItem>
        </UnorderedList>
      )}
    </section>
  );
}
