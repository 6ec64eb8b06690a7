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
import type { Notification } from '../../src/notifications/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  ActionButton,
  AppLink,
  CheckboxField,
  ErrorAlert,
  Loading,
  LoginRequired,
  PageTitle,
  Pager,
  TableScroll,
  useDocumentTitle,
} from '../components/ui.tsx';

const PAGE_SIZE = 50;
export const NOTIFICATION_COUNT_KEY = ['notifications', 'count'] as const;

/** The unread count for the header (refreshed every few minutes). */
export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: NOTIFICATION_COUNT_KEY,
    queryFn: () => api<{ unread: number }>('GET', '/api/notifications/count'),
    enabled,
    refetchInterval: 5 * 60_000,
    retry: false,
  });
}

/** Reminder texts are stored in Dutch (first line) and English (second line). */
const bodyIn = (body: string, lang: string) => {
  const [nl, en] = body.split('\n');
  return (lang === 'en' ? en : nl) ?? body;
};

export function NotificationsPage() {
  const { t, lang, date, dateTime } = useI18n();
  useDocumentTitle(t.notifications.title);
  const me = useMe();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [page, setPage] = useState(1);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = useQuery({
    queryKey: ['notifications', 'list', page, onlyUnread],
    queryFn: () =>
      api<Page<Notification>>(
        'GET',
        `/api/notifications${qs({ page, pageSize: PAGE_SIZE, unread: onlyUnread ? 'true' : undefined })}`,
      ),
    enabled: Boolean(me.data),
  });

  if (me.isPending) return <Loading />;
  if (!me.data)
    return (
      <>
        <PageTitle>{t.notifications.title}</PageTitle>
        <LoginRequired redirect="/notifications" />
      </>
    );

  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = async (n: Notification) => {
    setError(null);
    try {
      await api('POST', `/api/notifications/${n.id}/read`);
      announce(t.notifications.marked);
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  const markAll = async () => {
    setError(null);
    try {
      await api('POST', '/api/notifications/read-all');
      announce(t.notifications.markedAll);
      await refresh();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageTitle>{t.notifications.title}</PageTitle>
      <Paragraph appearance="lead">{t.notifications.intro}</Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      <div className="rd-toolbar">
        <CheckboxField
          label={t.notifications.onlyUnread}
          name="unread"
          checked={onlyUnread}
          onChange={(v) => {
            setOnlyUnread(v);
            setPage(1);
          }}
        />
        <Button appearance="secondary-action-button" type="button" onClick={() => void markAll()}>
          {t.notifications.markAllRead}
        </Button>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t.notifications.none}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <>
          <TableScroll labelledBy="notifications-caption">
            <Table className="rd-table" data-testid="notifications-table">
              <TableCaption id="notifications-caption">{t.notifications.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.notifications.subject}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.notifications.kind}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.notifications.due}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.notifications.received}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.notifications.state}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((n) => (
                  <TableRow key={n.id} className={n.readAt ? undefined : 'rd-row--unread'}>
                    <TableHeaderCell scope="row">
                      {n.link ? (
                        <a className="utrecht-link utrecht-link--html-a" href={n.link}>
                          {n.title}
                        </a>
                      ) : (
                        n.title
                      )}
                      <span className="rd-subtle rd-notification-text">{bodyIn(n.body, lang)}</span>
                    </TableHeaderCell>
                    <TableCell>
                      <span className={`rd-marker ${n.kind === 'overdue' ? 'rd-marker--overdue' : ''}`}>
                        {t.notifications.kinds[n.kind] ?? n.kind}
                      </span>
                    </TableCell>
                    <TableCell>{date(n.dueDate)}</TableCell>
                    <TableCell>{dateTime(n.createdAt)}</TableCell>
                    <TableCell>
                      {n.readAt ? (
                        dateTime(n.readAt)
                      ) : (
                        <ActionButton
                          text={t.notifications.markRead}
                          subject={n.title}
                          onClick={() => void markRead(n)}
                        />
                      )}
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

/** The bell in the header: a link to the notifications with the unread count. */
export function NotificationBell() {
  const { t } = useI18n();
  const count = useUnreadNotifications(true);
  const unread = count.data?.unread ?? 0;
  return (
    <AppLink to="/notifications" className="rd-bell" data-testid="notification-bell">
      <svg
        className="rd-bell__icon"
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        width="18"
        height="18"
      >
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>{' '}
      {unread > 0 ? fmt(t.notifications.bellCount, { count: unread }) : t.notifications.bell}
    </AppLink>
  );
}
