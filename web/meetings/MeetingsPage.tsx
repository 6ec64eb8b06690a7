import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { Meeting, MeetingCreate } from '../../src/meetings/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { DateField, FormPanel, TextField, useForm } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';

const PAGE_SIZE = 50;

export function MeetingsPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.meetings.title}>
      {(me) => <MeetingsList mayPlan={me.abilities.manageMeetings} />}
    </SignedInPage>
  );
}

function MeetingsList({ mayPlan }: { mayPlan: boolean }) {
  const { t, date, results } = useI18n();
  const [page, setPage] = useState(1);
  const meetings = useQuery({
    queryKey: ['meetings', page],
    queryFn: () => api<Page<Meeting>>('GET', `/api/meetings${qs({ page, pageSize: PAGE_SIZE })}`),
  });
  return (
    <>
      <Paragraph appearance="lead">{t.meetings.intro}</Paragraph>
      {mayPlan ? <CreateMeetingForm /> : <Paragraph>{t.meetings.readOnly}</Paragraph>}
      <QueryTable
        query={meetings}
        empty={t.meetings.none}
        captionId="meetings-caption"
        caption={(total) => `${t.meetings.caption} (${results(total)})`}
        columns={[
          t.meetings.date,
          t.meetings.meetingTitle,
          t.meetings.location,
          t.meetings.participants,
          t.meetings.agendaItems,
          t.meetings.decisions,
        ]}
        testId="meetings-table"
        paging={{ page, pageSize: PAGE_SIZE, onPage: setPage }}
        row={(m) => (
          <TableRow key={m.id}>
            <TableCell>{date(m.date)}</TableCell>
            <TableHeaderCell scope="row">
              <AppLink to="/meetings/$id" params={{ id: m.id }}>
                {m.title}
              </AppLink>
            </TableHeaderCell>
            <TableCell>{m.location ?? t.common.none}</TableCell>
            <TableCell>{m.participants.length}</TableCell>
            <TableCell>{m.agenda.length}</TableCell>
            <TableCell>{m.decisionCount}</TableCell>
          </TableRow>
        )}
      />
    </>
  );
}

function CreateMeetingForm() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm(
    { title: t.meetings.defaultTitle, date: '', location: '' },
    {
      action: (v) =>
        api<Meeting>('POST', '/api/meetings', {
          title: v.title.trim(),
          date: v.date.trim(),
          location: v.location.trim() || null,
        } satisfies z.input<typeof MeetingCreate>),
      success: t.meetings.created,
      onSuccess: async (m, message) => {
        await qc.invalidateQueries({ queryKey: ['meetings'] });
        await navigate({
          to: '/meetings/$id',
          params: { id: m.id },
          state: { notice: message ?? undefined },
        });
      },
    },
  );
  return (
    <FormPanel title={t.meetings.create} submit={form} submitLabel={t.meetings.create}>
      <TextField label={t.meetings.meetingTitle} {...form.field('title')} required />
      <DateField label={t.meetings.date} {...form.field('date')} required />
      <TextField label={t.meetings.location} {...form.field('location')} />
    </FormPanel>
  );
}
