import { useQuery } from '@tanstack/react-query';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { AppLink } from '../components/ui.tsx';
import './notifications.css';

export const NOTIFICATION_COUNT_KEY = ['notifications', 'count'] as const;

/** The bell in the header: a link to the notifications with the unread count (refreshed every few minutes). */
export function NotificationBell() {
  const { t } = useI18n();
  const count = useQuery({
    queryKey: NOTIFICATION_COUNT_KEY,
    queryFn: () => api<{ unread: number }>('GET', '/api/notifications/count'),
    refetchInterval: 5 * 60_000,
    retry: false,
  });
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
