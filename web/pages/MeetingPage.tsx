import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { AgendaProposal, Meeting } from '../../src/meetings/schema.ts';
import type { Task } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
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
  SelectField,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';
import { TasksTable, TextAreaField, useIsCoordinatingMinistry, useOrganisations } from './TasksTable.tsx';

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
  useDocumentTitle(m ? m.title : t.meetings.title);
  return (
    <>
      <Paragraph>
        <AppLink to="/meetings">{t.meetings.back}</AppLink>
      </Paragraph>
      <PageTitle>{m ? m.title : t.meetings.title}</PageTitle>
      {me.isSuccess && !me.data && <LoginRequired redirect={`/meetings/${id}`} />}
      {meeting.isFetching && !m && <Loading />}
      {meeting.isError &&
        (meeting.error instanceof ApiError && meeting.error.status === 404 ? (
          <Paragraph>{t.meetings.notFound}</Paragraph>
        ) : (
          <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} />
        ))}
      {m && <MeetingDetail key={m.id} meeting={m} />}
    </>
  );
}

function MeetingDetail({ meeting }: { meeting: Meeting }) {
  const { t, date, lang } = useI18n();
  const mayEdit = useIsCoordinatingMinistry();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <section aria-labelledby="details-heading">
        <Heading level={2} id="details-heading">
          {t.meetings.details}
        </Heading>
        <DataList className="rd-facts">
          <DataListItem>
            <DataListKey>{t.meetings.date}</DataListKey>
            <DataListValue>{date(meeting.date)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t.meetings.location}</DataListKey>
            <DataListValue>{meeting.location ?? t.common.none}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t.meetings.participants}</DataListKey>
            <DataListValue>
              {meeting.participants.length === 0 ? (
                t.meetings.noParticipants
              ) : (
                <UnorderedList data-testid="participants">
                  {meeting.participants.map((p) => (
                    <UnorderedListItem key={p.id}>
                      {p.personName ?? ''}
                      {p.personName && p.organisationCode ? ', ' : ''}
                      {p.organisationCode
                        ? `${(lang === 'nl' ? p.organisationNameNl : p.organisationNameEn) ?? ''} (${p.organisationCode})`
                        : ''}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              )}
            </DataListValue>
          </DataListItem>
        </DataList>
        {mayEdit && !editing && (
          <Button appearance="secondary-action-button" type="button" onClick={() => setEditing(true)}>
            {t.meetings.editDetails}
          </Button>
        )}
        {mayEdit && editing && <DetailsForm meeting={meeting} onDone={() => setEditing(false)} />}
      </section>
      <AgendaSection meeting={meeting} mayEdit={mayEdit} />
      <MinutesSection meeting={meeting} mayEdit={mayEdit} />
      <DecisionsSection meeting={meeting} mayEdit={mayEdit} />
    </>
  );
}

function useSaveMeeting(meeting: Meeting) {
  const qc = useQueryClient();
  return async (path: string, body: unknown, method: 'PATCH' | 'POST' = 'PATCH') => {
    const m = await api<Meeting>(method, path, body);
    qc.setQueryData(['meeting', meeting.id], m);
    await qc.invalidateQueries({ queryKey: ['meetings'] });
    return m;
  };
}

/** Kingdom ministries and countries, the public bodies, and others that take part in the network. */
const PARTICIPANT_KINDS = new Set(['ministry', 'kingdom_country', 'public_body', 'nhri']);

function DetailsForm({ meeting, onDone }: { meeting: Meeting; onDone(): void }) {
  const { t, name } = useI18n();
  const announce = useAnnounce();
  const save = useSaveMeeting(meeting);
  const orgs = useOrganisations().data?.items ?? [];
  const [title, setTitle] = useState(meeting.title);
  const [day, setDay] = useState(meeting.date);
  const [location, setLocation] = useState(meeting.location ?? '');
  const [orgIds, setOrgIds] = useState(
    new Set(
      meeting.participants.flatMap((p) => (p.organisationId && !p.personName ? [p.organisationId] : [])),
    ),
  );
  const [persons, setPersons] = useState(
    meeting.participants.flatMap((p) => (p.personName ? [p.personName] : [])).join('\n'),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const candidates = orgs
    .filter((o) => PARTICIPANT_KINDS.has(o.kind) && (o.current || orgIds.has(o.id)))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await save(`/api/meetings/${meeting.id}`, {
        version: meeting.version,
        title: title.trim(),
        date: day,
        location: location.trim() || null,
        participants: [
          ...candidates.filter((o) => orgIds.has(o.id)).map((o) => ({ organisationId: o.id })),
          ...persons
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean)
            .map((personName) => ({ personName })),
        ],
      });
      announce(t.meetings.detailsSaved);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="rd-form"
      aria-label={t.meetings.editDetails}
    >
      {error !== null && <ErrorAlert error={error} />}
      <TextField label={t.meetings.meetingTitle} name="title" value={title} onChange={setTitle} required />
      <TextField label={t.meetings.date} name="date" type="date" value={day} onChange={setDay} required />
      <TextField label={t.meetings.location} name="location" value={location} onChange={setLocation} />
      <Fieldset>
        <FieldsetLegend>{t.meetings.organisations}</FieldsetLegend>
        <div className="rd-checkbox-columns">
          {candidates.map((o) => (
            <CheckboxField
              key={o.id}
              name={`org-${o.code}`}
              label={`${name(o)} (${o.code})`}
              checked={orgIds.has(o.id)}
              onChange={(v) => {
                const next = new Set(orgIds);
                if (v) next.add(o.id);
                else next.delete(o.id);
                setOrgIds(next);
              }}
            />
          ))}
        </div>
      </Fieldset>
      <TextAreaField
        label={t.meetings.persons}
        hint={t.meetings.personsHint}
        name="persons"
        value={persons}
        onChange={setPersons}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={busy}>
          {t.common.save}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </ButtonGroup>
    </form>
  );
}

interface DraftItem {
  key: number;
  title: string;
  notes: string;
  origin: AgendaProposal['items'][number]['origin'];
  cycleId: string | null;
}

let nextKey = 1;

function AgendaSection({ meeting, mayEdit }: { meeting: Meeting; mayEdit: boolean }) {
  const { t, lang, date } = useI18n();
  const announce = useAnnounce();
  const save = useSaveMeeting(meeting);
  const [draft, setDraft] = useState<DraftItem[] | null>(null);
  const [proposal, setProposal] = useState<AgendaProposal | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const propose = async () => {
    setBusy(true);
    setError(null);
    announce(t.meetings.proposing);
    try {
      const p = await api<AgendaProposal>(
        'GET',
        `/api/meetings/${meeting.id}/agenda-proposal${qs({ lang })}`,
      );
      setProposal(p);
      setDraft(p.items.map((i) => ({ ...i, notes: i.notes ?? '', key: nextKey++ })));
      announce(fmt(t.meetings.proposed, { n: p.items.length }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const edit = () => {
    setProposal(null);
    setDraft(
      meeting.agenda.map((i) => ({
        key: nextKey++,
        title: i.title,
        notes: i.notes ?? '',
        origin: i.origin,
        cycleId: i.cycleId,
      })),
    );
  };
  const update = (key: number, patch: Partial<DraftItem>) =>
    setDraft((d) => d && d.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const move = (index: number, by: number) =>
    setDraft((d) => {
      if (!d) return d;
      const next = [...d];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      await save(
        `/api/meetings/${meeting.id}/agenda`,
        {
          version: meeting.version,
          items: draft.map((i) => ({
            title: i.title,
            notes: i.notes || null,
            origin: i.origin,
            cycleId: i.cycleId,
          })),
        },
        'POST',
      );
      setDraft(null);
      setProposal(null);
      announce(t.meetings.agendaSaved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="agenda-heading">
      <Heading level={2} id="agenda-heading">
        {t.meetings.agenda}
      </Heading>
      {!draft &&
        (meeting.agenda.length === 0 ? (
          <Paragraph>{t.meetings.noAgenda}</Paragraph>
        ) : (
          <OrderedList data-testid="agenda">
            {meeting.agenda.map((i) => (
              <OrderedListItem key={i.id}>
                <strong>{i.title}</strong>
                {i.notes && <span className="rd-preline rd-subtle">{i.notes}</span>}
              </OrderedListItem>
            ))}
          </OrderedList>
        ))}
      {error !== null && <ErrorAlert error={error} />}
      {mayEdit && !draft && (
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            type="button"
            disabled={busy}
            onClick={() => void propose()}
          >
            {t.meetings.propose}
          </Button>
          {meeting.agenda.length > 0 && (
            <Button appearance="secondary-action-button" type="button" onClick={edit}>
              {t.meetings.editAgenda}
            </Button>
          )}
        </ButtonGroup>
      )}
      {draft && (
        <form
          onSubmit={(e) => void onSave(e)}
          noValidate
          className="rd-form"
          aria-label={t.meetings.editAgenda}
        >
          {proposal && (
            <Paragraph>
              {fmt(t.meetings.proposalIntro, { from: date(proposal.from), until: date(proposal.until) })}
            </Paragraph>
          )}
          <ol className="rd-agenda-edit" data-testid="agenda-draft">
            {draft.map((item, index) => (
              <li key={item.key} className="rd-agenda-edit__item">
                <TextField
                  label={fmt(t.meetings.itemTitle, { n: index + 1 })}
                  hint={t.meetings.origins[item.origin] ?? item.origin}
                  name={`item-${index}-title`}
                  value={item.title}
                  onChange={(v) => update(item.key, { title: v })}
                  required
                />
                <TextAreaField
                  label={fmt(t.meetings.itemNotes, { n: index + 1 })}
                  name={`item-${index}-notes`}
                  value={item.notes}
                  rows={Math.min(8, Math.max(2, item.notes.split('\n').length))}
                  onChange={(v) => update(item.key, { notes: v })}
                />
                <ButtonGroup>
                  {index > 0 && (
                    <ActionButton
                      text={t.process.moveUp}
                      subject={fmt(t.meetings.itemTitle, { n: index + 1 })}
                      onClick={() => move(index, -1)}
                    />
                  )}
                  {index < draft.length - 1 && (
                    <ActionButton
                      text={t.process.moveDown}
                      subject={fmt(t.meetings.itemTitle, { n: index + 1 })}
                      onClick={() => move(index, 1)}
                    />
                  )}
                  <ActionButton
                    text={t.process.remove}
                    subject={fmt(t.meetings.itemTitle, { n: index + 1 })}
                    onClick={() => setDraft(draft.filter((d) => d.key !== item.key))}
                  />
                </ButtonGroup>
              </li>
            ))}
          </ol>
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() =>
                setDraft([
                  ...draft,
                  { key: nextKey++, title: '', notes: '', origin: 'manual', cycleId: null },
                ])
              }
            >
              {t.meetings.addItem}
            </Button>
            <Button appearance="primary-action-button" type="submit" disabled={busy}>
              {t.meetings.saveAgenda}
            </Button>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => {
                setDraft(null);
                setProposal(null);
              }}
            >
              {t.common.cancel}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}

function MinutesSection({ meeting, mayEdit }: { meeting: Meeting; mayEdit: boolean }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const save = useSaveMeeting(meeting);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await save(`/api/meetings/${meeting.id}`, { version: meeting.version, minutes: minutes || null });
      announce(t.meetings.minutesSaved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="minutes-heading">
      <Heading level={2} id="minutes-heading">
        {t.meetings.minutes}
      </Heading>
      {!mayEdit && <Paragraph className="rd-preline">{meeting.minutes ?? t.common.none}</Paragraph>}
      {mayEdit && (
        <form
          onSubmit={(e) => void onSubmit(e)}
          noValidate
          className="rd-form"
          aria-labelledby="minutes-heading"
        >
          {error !== null && <ErrorAlert error={error} />}
          <TextAreaField
            label={t.meetings.minutesLabel}
            name="minutes"
            value={minutes}
            onChange={setMinutes}
            rows={8}
          />
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {t.meetings.saveMinutes}
          </Button>
        </form>
      )}
    </section>
  );
}

function DecisionsSection({ meeting, mayEdit }: { meeting: Meeting; mayEdit: boolean }) {
  const { t } = useI18n();
  const decisions = useQuery({
    queryKey: ['tasks', 'meeting', meeting.id],
    queryFn: () => api<Page<Task>>('GET', `/api/tasks${qs({ meetingId: meeting.id, pageSize: 500 })}`),
  });
  return (
    <section aria-labelledby="decisions-heading">
      <Heading level={2} id="decisions-heading">
        {t.meetings.decisions}
      </Heading>
      <Paragraph>{t.meetings.decisionsIntro}</Paragraph>
      {decisions.isPending && <Loading />}
      {decisions.isError && <ErrorAlert error={decisions.error} onRetry={() => void decisions.refetch()} />}
      {decisions.data && (
        <TasksTable
          tasks={decisions.data.items}
          caption={t.meetings.decisions}
          captionId="decisions-caption"
        />
      )}
      {mayEdit && <DecisionForm meeting={meeting} />}
    </section>
  );
}

function DecisionForm({ meeting }: { meeting: Meeting }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const me = useMe().data;
  const announce = useAnnounce();
  const orgs = useOrganisations().data?.items ?? [];
  const cycles = useQuery({
    queryKey: ['cycles', 'all'],
    queryFn: () => api<Page<Cycle>>('GET', `/api/cycles${qs({ pageSize: 500 })}`),
    staleTime: 60_000,
  });
  const instruments = useQuery({
    queryKey: ['instruments', 'codes'],
    queryFn: () => api<Page<{ id: string; code: string }>>('GET', `/api/instruments${qs({ pageSize: 500 })}`),
    staleTime: 60_000,
  });
  const codeOf = new Map((instruments.data?.items ?? []).map((i) => [i.id, i.code]));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState(me?.organisationId ?? '');
  const [due, setDue] = useState('');
  const [cycleId, setCycleId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await api<Task>('POST', `/api/meetings/${meeting.id}/decisions`, {
        title: title.trim(),
        description: description.trim() || null,
        ownerOrganisationId: owner,
        dueDate: due,
        cycleId: cycleId || null,
      });
      announce(t.meetings.decisionAdded);
      setTitle('');
      setDescription('');
      setDue('');
      setCycleId('');
      await qc.invalidateQueries({ queryKey: ['tasks'] });
      await qc.invalidateQueries({ queryKey: ['meeting', meeting.id] });
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
      className="rd-form"
      aria-labelledby="decision-form-heading"
    >
      <Heading level={3} id="decision-form-heading">
        {t.meetings.addDecision}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <TextField
        label={t.meetings.decisionTitle}
        name="decision"
        value={title}
        onChange={setTitle}
        required
        error={fieldErrors.title}
      />
      <TextAreaField
        label={t.meetings.decisionDescription}
        name="description"
        value={description}
        onChange={setDescription}
      />
      <SelectField
        label={t.meetings.decisionOwner}
        name="owner"
        value={owner}
        onChange={setOwner}
        required
        error={fieldErrors.ownerOrganisationId}
        options={[
          { value: '', label: t.meetings.choose },
          ...orgs
            .filter((o) => o.current)
            .sort((a, b) => name(a).localeCompare(name(b)))
            .map((o) => ({ value: o.id, label: `${name(o)} (${o.code})` })),
        ]}
      />
      <TextField
        label={t.meetings.decisionDue}
        name="due"
        type="date"
        value={due}
        onChange={setDue}
        required
        error={fieldErrors.dueDate}
      />
      <SelectField
        label={t.meetings.decisionCycle}
        name="cycle"
        value={cycleId}
        onChange={setCycleId}
        options={[
          { value: '', label: t.common.none },
          ...(cycles.data?.items ?? [])
            .map((c) => ({ value: c.id, label: `${codeOf.get(c.instrumentId) ?? ''} ${c.label}`.trim() }))
            .sort((a, b) => a.label.localeCompare(b.label)),
        ]}
      />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>
        {t.meetings.addDecision}
      </Button>
    </form>
  );
}
