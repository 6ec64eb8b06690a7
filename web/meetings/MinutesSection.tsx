import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { Meeting, MeetingUpdate } from '../../src/meetings/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { FormPanel, TextAreaField, useForm } from '../components/form/index.ts';
import { useSaveMeeting } from './useSaveMeeting.ts';

/** The minutes of the meeting: read, or written by who may edit the meeting. */
export function MinutesSection({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const save = useSaveMeeting(meeting);
  const form = useForm(
    { minutes: meeting.minutes ?? '' },
    {
      action: (v) =>
        save(`/api/meetings/${meeting.id}`, {
          version: meeting.version,
          minutes: v.minutes || null,
        } satisfies z.input<typeof MeetingUpdate>),
      success: t.meetings.minutesSaved,
    },
  );
  return (
    <section aria-labelledby="minutes-heading">
      <Heading level={2} id="minutes-heading">
        {t.meetings.minutes}
      </Heading>
      {meeting.abilities.edit ? (
        <FormPanel labelledBy="minutes-heading" submit={form} submitLabel={t.meetings.saveMinutes}>
          <TextAreaField label={t.meetings.minutesLabel} {...form.field('minutes')} rows={8} />
        </FormPanel>
      ) : (
        <Paragraph className="rd-preline">{meeting.minutes ?? t.common.none}</Paragraph>
      )}
    </section>
  );
}
