import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Meeting } from '../../src/meetings/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  AppLink,
  ErrorAlert,
  Loading,
  Pager,
  TableScroll,
  TextField,
  SignedInPage,
} from '../components/ui.tsx';
import { useIsCoordinatingMinistry } from './TasksTable.tsx';

const PAGE_SIZE = 50;

export function MeetingsPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.meetings.title} redirect="/meetings">
      {() => <MeetingsList />}
    </SignedInPage>
  );
}

function MeetingsList() {
  const { t, date } = useI18n();
  const mayEdit = useIsCoordinatingMinistry();
  const [page, setPage] = useState(1);
  const meetings = useQuery({
    queryKey: ['meetings', page],
    queryFn: () => api<Page<Meeting>>('GET', `/api/meetings${qs({ page, pageSize: PAGE_SIZE })}`),
  });
  return (
    <>
      <Paragraph appearance="lead">{t.meetings.intro}</Paragraph>
      {mayEdit ? <CreateMeetingForm /> : <Paragraph>{t.meetings.readOnly}</Paragraph>}
      {meetings.isPending && <Loading />}
      {meetings.isError && <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {meetings.data && meetings.data.items.length === 0 && <Paragraph>{t.meetings.none}</Paragraph>}
      {meetings.data && meetings.data.items.length > 0 && (
        <>
          <TableScroll labelledBy="meetings-caption">
            <Table className="rd-table" data-testid="meetings-table">
              <TableCaption id="meetings-caption">
                {t.meetings.caption} ({fmt(t.common.results, { total: meetings.data.total })})
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.meetings.date}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.meetings.meetingTitle}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.meetings.location}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.meetings.participants}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.meetings.agendaItems}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.meetings.decisions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {meetings.data.items.map((m) => (
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
                ))}
              </TableBody>
            </Table>
          </TableScroll>
          {meetings.data.total > PAGE_SIZE && (
            <Pager page={page} pageSize={PAGE_SIZE} total={meetings.data.total} onPage={setPage} />
          )}
        </>
      )}
    </>
  );
}

function CreateMeetingForm() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [title, setTitle] = useState(t.meetings.defaultTitle);
  const [day, setDay] = useState('');
  const [location, setLocation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const m = await api<Meeting>('POST', '/api/meetings', {
        title: title.trim(),
        date: day.trim(),
        location: location.trim() || null,
      });
      announce(t.meetings.created);
      await qc.invalidateQueries({ queryKey: ['meetings'] });
      await navigate({ to: '/meetings/$id', params: { id: m.id } });
    } catch (err) {
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="create-meeting-heading"
      className="rd-form"
    >
      <Heading level={2} id="create-meeting-heading">
        {t.meetings.create}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <TextField
        label={t.meetings.meetingTitle}
        name="title"
        value={title}
        onChange={setTitle}
        required
        error={fieldErrors.title}
      />
      <TextField
        label={t.meetings.date}
        name="date"
        type="date"
        value={day}
        onChange={setDay}
        required
        error={fieldErrors.date}
      />
      <TextField
        label={t.meetings.location}
        name="location"
        value={location}
        onChange={setLocation}
        error={fieldErrors.location}
      />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>
        {t.meetings.create}
      </Button>
    </form>
  );
}
