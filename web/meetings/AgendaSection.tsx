import { useState } from 'react';
import {
  Button,
  ButtonGroup,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { AgendaProposal, AgendaSave, Meeting } from '../../src/meetings/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { FormFeedback, FormPanel, TextAreaField, TextField, useSubmit } from '../components/form/index.ts';
import { ActionButton } from '../components/ui.tsx';
import { useSaveMeeting } from './useSaveMeeting.ts';
import './meetings.css';

interface DraftItem {
  key: number;
  title: string;
  notes: string;
  origin: AgendaProposal['items'][number]['origin'];
  cycleId: string | null;
}

let nextKey = 1;

/**
 * The meeting's agenda: as saved, or a draft being edited, which starts from a proposal the server
 * makes from the cycles and the tasks, or from the saved agenda.
 */
export function AgendaSection({ meeting }: { meeting: Meeting }) {
  const { t, lang, date } = useI18n();
  const saveMeeting = useSaveMeeting(meeting);
  const [draft, setDraft] = useState<DraftItem[] | null>(null);
  const [proposal, setProposal] = useState<AgendaProposal | null>(null);
  const mayEdit = meeting.abilities.edit;

  const propose = useSubmit({
    action: () => api<AgendaProposal>('GET', `/api/meetings/${meeting.id}/agenda-proposal${qs({ lang })}`),
    success: (p) => fmt(t.meetings.proposed, { n: p.items.length }),
    onSuccess: (p) => {
      setProposal(p);
      setDraft(p.items.map((i) => ({ ...i, notes: i.notes ?? '', key: nextKey++ })));
    },
  });
  const close = () => {
    setDraft(null);
    setProposal(null);
    propose.reset();
  };
  const save = useSubmit({
    action: () =>
      saveMeeting(
        `/api/meetings/${meeting.id}/agenda`,
        {
          version: meeting.version,
          items: (draft ?? []).map((i) => ({
            title: i.title,
            notes: i.notes || null,
            origin: i.origin,
            cycleId: i.cycleId,
          })),
        } satisfies z.input<typeof AgendaSave>,
        'POST',
      ),
    success: t.meetings.agendaSaved,
    onSuccess: close,
  });
  const edit = () => {
    save.reset();
    setProposal(null);
    setDraft(meeting.agenda.map((i) => ({ ...i, notes: i.notes ?? '', key: nextKey++ })));
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
  const add = () =>
    setDraft((d) => [
      ...(d ?? []),
      { key: nextKey++, title: '', notes: '', origin: 'manual', cycleId: null },
    ]);

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
      <FormFeedback submit={propose} />
      {!draft && <FormFeedback submit={save} focusSuccess />}
      {mayEdit && !draft && (
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            type="button"
            busy={propose.busy}
            disabled={propose.busy}
            onClick={() => void propose.run()}
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
        <FormPanel
          label={t.meetings.editAgenda}
          submit={save}
          submitLabel={t.meetings.saveAgenda}
          actions={
            <Button appearance="secondary-action-button" type="button" onClick={add}>
              {t.meetings.addItem}
            </Button>
          }
          onCancel={close}
        >
          {proposal && (
            <Paragraph>
              {fmt(t.meetings.proposalIntro, { from: date(proposal.from), until: date(proposal.until) })}
            </Paragraph>
          )}
          <ol className="rd-agenda-edit" data-testid="agenda-draft">
            {draft.map((item, index) => {
              const subject = fmt(t.meetings.itemTitle, { n: index + 1 });
              return (
                <li key={item.key} className="rd-agenda-edit__item">
                  <TextField
                    label={subject}
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
                        subject={subject}
                        onClick={() => move(index, -1)}
                      />
                    )}
                    {index < draft.length - 1 && (
                      <ActionButton
                        text={t.process.moveDown}
                        subject={subject}
                        onClick={() => move(index, 1)}
                      />
                    )}
                    <ActionButton
                      text={t.process.remove}
                      subject={subject}
                      onClick={() => setDraft(draft.filter((d) => d.key !== item.key))}
                    />
                  </ButtonGroup>
                </li>
              );
            })}
          </ol>
        </FormPanel>
      )}
    </section>
  );
}
