import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { OutboxMessage, ScanResult } from '../../src/notifications/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  ErrorAlert,
  Loading,
  LoginRequired,
  NoAccess,
  PageTitle,
  Pager,
  TableScroll,
  useDocumentTitle,
} from '../components/ui.tsx';

const PAGE_SIZE = 50;

export function OutboxPage() {
  const { t, dateTime } = useI18n();
  useDocumentTitle(t.outbox.title);
  const me = useMe();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isAdmin = me.data?.role === 'admin';
  const list = useQuery({
    queryKey: ['outbox', page],
    queryFn: () => api<Page<OutboxMessage>>('GET', `/api/outbox${qs({ page, pageSize: PAGE_SIZE })}`),
    enabled: isAdmin,
  });

  if (me.isPending) return <Loading />;
  if (!me.data)
    return (
      <>
        <PageTitle>{t.outbox.title}</PageTitle>
        <LoginRequired redirect="/outbox" />
      </>
    );
  if (!isAdmin)
    return (
      <>
        <PageTitle>{t.outbox.title}</PageTitle>
        <NoAccess />
      </>
    );

  const scan = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await api<ScanResult>('POST', '/api/notifications/scan');
      const text = fmt(t.outbox.scanDone, {
        notifications: r.notifications,
        sent: r.emailsSent,
        outbox: r.emailsToOutbox,
      });
      setResult(text);
      announce(text);
      await qc.invalidateQueries({ queryKey: ['outbox'] });
      await qc.invalidateQueries({ queryKey: ['notifications'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t.outbox.title}</PageTitle>
      <Paragraph appearance="lead">{t.outbox.intro}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <Paragraph>
        <Button
          appearance="secondary-action-button"
          type="button"
          busy={busy}
          disabled={busy}
          onClick={() => void scan()}
        >
          {t.outbox.scan}
        </Button>
      </Paragraph>
      {result && <Paragraph data-testid="scan-result">{result}</Paragraph>}
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t.outbox.none}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <>
          <TableScroll labelledBy="outbox-caption">
            <Table className="rd-table" data-testid="outbox-table">
              <TableCaption id="outbox-caption">{t.outbox.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.outbox.created}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.outbox.to}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.outbox.subject}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.outbox.status}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((m) => (
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
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
