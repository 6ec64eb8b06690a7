import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Notification } from '../../src/notifications/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { CheckboxField, FormFeedback, useSubmit } from '../components/form/index.ts';
import { ActionButton } from '../components/ui.tsx';

const PAGE_SIZE = 50;

/** Reminder texts are stored in Dutch (first line) and English (second line). */
const bodyIn = (body: string, lang: string) => {
  const [nl, en] = body.split('\n');
  return (lang === 'en' ? en : nl) ?? body;
};

export function NotificationsPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.notifications.title}>{() => <Notifications />}</SignedInPage>;
}

function Notifications() {
  const { t, lang, date, dateTime } = useI18n();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useQuery({
    queryKey: ['notifications', 'list', page, onlyUnread],
    queryFn: () =>
      api<Page<Notification>>(
        'GET',
        `/api/notifications${qs({ page, pageSize: PAGE_SIZE, unread: onlyUnread ? 'true' : undefined })}`,
      ),
  });
  /** Marks one notification read, or (without one) all of them. */
  const markRead = useSubmit({
    action: (n: Notification | null) =>
      api('POST', n ? `/api/notifications/${n.id}/read` : '/api/notifications/read-all'),
    success: (_r, n) => (n ? t.notifications.marked : t.notifications.markedAll),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });

  return (
    <>
      <Paragraph appearance="lead">{t.notifications.intro}</Paragraph>
      <FormFeedback submit={markRead} focusSuccess successTestId="notifications-notice" />
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
        <Button appearance="secondary-action-button" type="button" onClick={() => void markRead.run(null)}>
          {t.notifications.markAllRead}
        </Button>
      </div>
      <QueryTable
        query={list}
        empty={t.notifications.none}
        captionId="notifications-caption"
        caption={t.notifications.caption}
        columns={[
          t.notifications.subject,
          t.notifications.kind,
          t.notifications.due,
          t.notifications.received,
          t.notifications.state,
        ]}
        testId="notifications-table"
        paging={{ page, pageSize: PAGE_SIZE, onPage: setPage }}
        row={(n) => (
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
                  onClick={() => void markRead.run(n)}
                />
              )}
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
