import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { OutboxMessage, ScanResult } from '../../src/notifications/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';

const PAGE_SIZE = 50;

export function OutboxPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.outbox.title} ability="readOutbox">
      {() => <Outbox />}
    </SignedInPage>
  );
}

function Outbox() {
  const { t, dateTime } = useI18n();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['outbox', page],
    queryFn: () => api<Page<OutboxMessage>>('GET', `/api/outbox${qs({ page, pageSize: PAGE_SIZE })}`),
  });
  const scan = useSubmit({
    action: () => api<ScanResult>('POST', '/api/notifications/scan'),
    success: (r) =>
      fmt(t.outbox.scanDone, {
        notifications: r.notifications,
        sent: r.emailsSent,
        outbox: r.emailsToOutbox,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['outbox'] });
      await qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });

  return (
    <>
      <Paragraph appearance="lead">{t.outbox.intro}</Paragraph>
      <Paragraph>
        <Button
          appearance="secondary-action-button"
          type="button"
          busy={scan.busy}
          disabled={scan.busy}
          onClick={() => void scan.run()}
        >
          {t.outbox.scan}
        </Button>
      </Paragraph>
      <FormFeedback submit={scan} successTestId="scan-result" />
      <QueryTable
        query={list}
        empty={t.outbox.none}
        captionId="outbox-caption"
        caption={t.outbox.caption}
        columns={[t.outbox.created, t.outbox.to, t.outbox.subject, t.outbox.status]}
        testId="outbox-table"
        paging={{ page, pageSize: PAGE_SIZE, onPage: setPage }}
        row={(m) => (
          <TableRow key={m.id}>
            <TableCell>{dateTime(m.createdAt)}</TableCell>
            <TableCell>{m.toAddress}</TableCell>
            <TableHeaderCell scope="row">
              {m.subject}
              <details>
                <summary>{t.outbox.showBody}</summary>
                <pre className="rd-prewrap">{m.body}</pre>
              </details>
            </TableHeaderCell>
            <TableCell>
              {t.outbox.statuses[m.status] ?? m.status}
              {m.error && <span className="rd-subtle"> ({m.error})</span>}
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
