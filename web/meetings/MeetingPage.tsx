import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { Meeting } from '../../src/meetings/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { AgendaSection } from './AgendaSection.tsx';
import { DecisionsSection } from './DecisionsSection.tsx';
import { MeetingDetails } from './MeetingDetails.tsx';
import { MinutesSection } from './MinutesSection.tsx';

export function MeetingPage() {
  const { id } = useParams({ from: '/meetings/$id' });
  const { t } = useI18n();
  const me = useMe();
  const meeting = useQuery({
    queryKey: ['meeting', id],
    queryFn: () => api<Meeting>('GET', `/api/meetings/${encodeURIComponent(id)}`),
    enabled: Boolean(me.data),
  });
  const m = meeting.data;
  return (
    <SignedInPage
      title={m ? m.title : t.meetings.title}
      back={<AppLink to="/meetings">{t.meetings.back}</AppLink>}
    >
      {() => (
        <>
          <QueryState query={meeting} notFound={t.meetings.notFound} />
          {m && (
            <>
              <MeetingDetails key={`details-${m.id}`} meeting={m} />
              <AgendaSection key={`agenda-${m.id}`} meeting={m} />
              <MinutesSection key={`minutes-${m.id}`} meeting={m} />
              <DecisionsSection key={`decisions-${m.id}`} meeting={m} />
            </>
          )}
        </>
      )}
    </SignedInPage>
  );
}
