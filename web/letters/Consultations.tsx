import { useState } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Consultation, WorkspaceDocument } from '../../src/letters/workspace-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { SuccessNotice } from '../components/feedback.tsx';
import {
  FormFeedback,
  FormPanel,
  SelectField,
  TextField,
  useForm,
  useSubmit,
  type FieldErrors,
  type Form,
} from '../components/form/index.ts';
import { useSaveLetter } from './api.ts';

/**
 * The ministries the document is "afgestemd met": asking one (who edits the document), its
 * coordinator confirming, withdrawing the request.
 */
export function Consultations({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  // Shown here, not in the item: a withdrawn request's item is gone after the save.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="consultations-heading" data-testid="consultations">
      <Heading level={2} id="consultations-heading">
        {t.letters.consultations}
      </Heading>
      <Paragraph>{t.letters.consultationsIntro}</Paragraph>
      {notice && <SuccessNotice key={notice} message={notice} focus />}
      {doc.consultations.length === 0 ? (
        <Paragraph>{t.letters.noConsultations}</Paragraph>
      ) : (
        <ul className="rd-letter-consultations">
          {doc.consultations.map((c) => (
            <ConsultationItem key={c.id} doc={doc} c={c} onDone={setNotice} />
          ))}
        </ul>
      )}
      {doc.abilities.edit && doc.state !== 'sent' && <RequestForm doc={doc} />}
    </section>
  );
}

function ConsultationItem(props: { doc: WorkspaceDocument; c: Consultation; onDone(message: string): void }) {
  const { doc, c } = props;
  const { t, dateTime } = useI18n();
  const save = useSaveLetter(doc.id);
  const act = useSubmit<WorkspaceDocument, 'confirm' | 'withdraw'>({
    action: (what) =>
      what === 'confirm'
        ? save('POST', `/consultations/${c.id}/confirm`, { version: c.version })
        : save('DELETE', `/consultations/${c.id}?version=${c.version}`),
    success: (_d, what) => (what === 'confirm' ? t.letters.confirmed : t.letters.withdrawn),
    onSuccess: (_d, message) => props.onDone(message ?? ''),
  });
  const who = `${c.organisation.name} (${c.organisation.code})`;
  return (
    <li data-testid="consultation">
      <strong>{who}</strong>
      {c.note && <Paragraph>{c.note}</Paragraph>}
      <Paragraph className="rd-letter-meta">
        {fmt(t.letters.requestedBy, {
          name: c.requestedBy?.name ?? t.common.none,
          when: dateTime(c.requestedAt),
        })}
        <br />
        {c.confirmedAt
          ? fmt(t.letters.confirmedBy, {
              name: c.confirmedBy?.name ?? t.common.none,
              when: dateTime(c.confirmedAt),
            })
          : t.letters.open}
      </Paragraph>
      <FormFeedback submit={act} showSuccess={false} />
      <ButtonGroup>
        {c.abilities.confirm && (
          <Button
            appearance="primary-action-button"
            type="button"
            busy={act.busy}
            onClick={() => void act.run('confirm')}
          >
            {t.letters.confirm}
            <span className="rd-visually-hidden"> {who}</span>
          </Button>
        )}
        {c.abilities.withdraw && (
          <Button
            appearance="subtle-button"
            type="button"
            busy={act.busy}
            onClick={() => void act.run('withdraw')}
          >
            {t.letters.withdraw}
            <span className="rd-visually-hidden"> {who}</span>
          </Button>
        )}
      </ButtonGroup>
    </li>
  );
}

function RequestForm({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const options = useOrganisationOptions(t.letters.choose);
  const form: Form<{ organisation: string; note: string }> = useForm(
    { organisation: '', note: '' },
    {
      validate: (v): FieldErrors => (v.organisation ? {} : { organisation: t.letters.choose }),
      action: (v) => save('POST', '/consultations', { organisation: v.organisation, note: v.note.trim() }),
      success: t.letters.requested,
      onSuccess: (): void => form.setValues({ organisation: '', note: '' }),
    },
  );
  return (
    <FormPanel
      title={t.letters.requestConsultation}
      headingLevel={3}
      submit={form}
      submitLabel={t.letters.requestConsultation}
    >
      <SelectField
        label={t.letters.consultOrganisation}
        options={options}
        {...form.field('organisation')}
        required
      />
      <TextField label={t.letters.consultNote} {...form.field('note')} />
    </FormPanel>
  );
}
