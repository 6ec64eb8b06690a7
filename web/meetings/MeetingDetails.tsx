import { useState } from 'react';
import {
  Button,
  DataList,
  Fieldset,
  FieldsetLegend,
  Heading,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { Meeting, MeetingUpdate, Participant } from '../../src/meetings/schema.ts';
import type { OrganisationKind } from '../../src/organisations/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { useOrganisations } from '../lib/organisations.ts';
import {
  CheckboxField,
  DateField,
  FormPanel,
  TextAreaField,
  TextField,
  useEditor,
  useForm,
} from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { useSaveMeeting } from './useSaveMeeting.ts';

/** Kingdom ministries and countries, the public bodies and the NHRI: who takes part in the network. */
const PARTICIPANT_KINDS: readonly OrganisationKind[] = ['ministry', 'kingdom_country', 'public_body', 'nhri'];

/** The meeting's date, place and participants; who may edit the meeting changes them. */
export function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const { t, date, lang } = useI18n();
  const editor = useEditor<true>();
  const participant = (p: Participant) =>
    [
      p.personName,
      p.organisationCode &&
        `${(lang === 'nl' ? p.organisationNameNl : p.organisationNameEn) ?? ''} (${p.organisationCode})`,
    ]
      .filter(Boolean)
      .join(', ');
  return (
    <section aria-labelledby="details-heading">
      <Heading level={2} id="details-heading">
        {t.meetings.details}
      </Heading>
      <DataList className="rd-facts">
        <Fact label={t.meetings.date}>{date(meeting.date)}</Fact>
        <Fact label={t.meetings.location}>{meeting.location ?? t.common.none}</Fact>
        <Fact label={t.meetings.participants}>
          {meeting.participants.length === 0 ? (
            t.meetings.noParticipants
          ) : (
            <UnorderedList data-testid="participants">
              {meeting.participants.map((p) => (
                <UnorderedListItem key={p.id}>{participant(p)}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Fact>
      </DataList>
      {editor.notice}
      {meeting.abilities.edit && editor.value === null && (
        <Button appearance="secondary-action-button" type="button" onClick={() => editor.open(true)}>
          {t.meetings.editDetails}
        </Button>
      )}
      {meeting.abilities.edit && editor.value && <DetailsForm meeting={meeting} onClose={editor.close} />}
    </section>
  );
}

function DetailsForm({ meeting, onClose }: { meeting: Meeting; onClose(done?: string | null): void }) {
  const { t, name } = useI18n();
  const save = useSaveMeeting(meeting);
  const orgs = useOrganisations().data?.items ?? [];
  const [orgIds, setOrgIds] = useState(
    () =>
      new Set(
        meeting.participants.flatMap((p) => (p.organisationId && !p.personName ? [p.organisationId] : [])),
      ),
  );
  const candidates = orgs
    .filter((o) => PARTICIPANT_KINDS.includes(o.kind) && (o.current || orgIds.has(o.id)))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));
  const form = useForm(
    {
      title: meeting.title,
      date: meeting.date,
      location: meeting.location ?? '',
      persons: meeting.participants.flatMap((p) => (p.personName ? [p.personName] : [])).join('\n'),
    },
    {
      action: (v) =>
        save(`/api/meetings/${meeting.id}`, {
          version: meeting.version,
          title: v.title.trim(),
          date: v.date,
          location: v.location.trim() || null,
          participants: [
            ...candidates.filter((o) => orgIds.has(o.id)).map((o) => ({ organisationId: o.id })),
            ...v.persons
              .split('\n')
              .map((p) => p.trim())
              .filter(Boolean)
              .map((personName) => ({ personName })),
          ],
        } satisfies z.input<typeof MeetingUpdate>),
      success: t.meetings.detailsSaved,
      onSuccess: (_m, message) => onClose(message),
    },
  );
  const toggle = (id: string, on: boolean) =>
    setOrgIds((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <FormPanel label={t.meetings.editDetails} submit={form} submitLabel={t.common.save} onCancel={onClose}>
      <TextField label={t.meetings.meetingTitle} {...form.field('title')} required />
      <DateField label={t.meetings.date} {...form.field('date')} required />
      <TextField label={t.meetings.location} {...form.field('location')} />
      <Fieldset>
        <FieldsetLegend>{t.meetings.organisations}</FieldsetLegend>
        <div className="rd-checkbox-columns">
          {candidates.map((o) => (
            <CheckboxField
              key={o.id}
              name={`org-${o.code}`}
              label={`${name(o)} (${o.code})`}
              checked={orgIds.has(o.id)}
              onChange={(on) => toggle(o.id, on)}
            />
          ))}
        </div>
      </Fieldset>
      <TextAreaField label={t.meetings.persons} hint={t.meetings.personsHint} {...form.field('persons')} />
    </FormPanel>
  );
}
