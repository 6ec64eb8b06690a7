import { useState } from 'react';
import { Button, ButtonGroup, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { OutgoingState, WorkspaceDocument } from '../../src/letters/workspace-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { errorOf, parseJson } from '../lib/api.ts';
import { useErrorText } from '../components/feedback.tsx';
import {
  DateField,
  FormFeedback,
  FormPanel,
  TextField,
  useForm,
  useSubmit,
} from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { letterPath, useSaveLetter } from './api.ts';

/** The facts of the document, the state workflow the abilities allow, its Kamerstuk and downloads. */
export function LetterHeader({ doc }: { doc: WorkspaceDocument }) {
  const { t, date, dateTime } = useI18n();
  return (
    <section aria-labelledby="letter-facts" data-testid="letter-header">
      <Heading level={2} id="letter-facts" className="rd-visually-hidden">
        {t.letters.header}
      </Heading>
      <DataList className="rd-facts">
        <Fact label={t.letters.kind}>{t.letters.kinds[doc.kind]}</Fact>
        <Fact label={t.letters.state}>
          <span data-testid="letter-state">{t.letters.states[doc.state]}</span>
        </Fact>
        <Fact label={t.letters.owner}>
          {doc.ownerOrganisation.name} ({doc.ownerOrganisation.code})
        </Fact>
        <Fact label={t.letters.createdBy}>
          {doc.createdBy?.name ?? t.common.none}, {dateTime(doc.createdAt)}
        </Fact>
        <Fact label={t.letters.generatedAt}>{dateTime(doc.generatedAt)}</Fact>
        {doc.sentOn && <Fact label={t.letters.sentOn}>{date(doc.sentOn)}</Fact>}
        <Fact label={t.letters.kamerstuk}>{doc.kamerstuk ?? t.common.none}</Fact>
        <Fact label={t.letters.published}>{doc.public ? t.common.yes : t.common.no}</Fact>
      </DataList>
      <Workflow doc={doc} />
      {doc.abilities.setKamerstuk && <KamerstukForm doc={doc} />}
      <Downloads doc={doc} />
    </section>
  );
}

function Workflow({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const [sending, setSending] = useState(false);
  const move = useSubmit<WorkspaceDocument, OutgoingState>({
    action: (to) => save('POST', '/state', { to, version: doc.version }),
    success: (d) => fmt(t.letters.moved, { state: t.letters.states[d.state] }),
  });
  const moves = doc.abilities.moveTo;
  if (moves.length === 0 && move.success === null && move.error === null) return null;
  return (
    <section aria-labelledby="workflow-heading" data-testid="workflow">
      <Heading level={3} id="workflow-heading">
        {t.letters.workflow}
      </Heading>
      <FormFeedback submit={move} focusSuccess />
      {moves.length === 0 && <Paragraph>{t.letters.workflowNone}</Paragraph>}
      <ButtonGroup>
        {moves.map((to) => (
          <Button
            key={to}
            appearance={to === 'draft' ? 'secondary-action-button' : 'primary-action-button'}
            type="button"
            disabled={move.busy}
            onClick={() => (to === 'sent' ? setSending(true) : void move.run(to))}
          >
            {t.letters.moveTo[to]}
          </Button>
        ))}
      </ButtonGroup>
      {sending && <SentForm doc={doc} onClose={() => setSending(false)} />}
    </section>
  );
}

/** "Verzonden": the date sent, and the Kamerstuk number when it is known already. */
function SentForm({ doc, onClose }: { doc: WorkspaceDocument; onClose(): void }) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const form = useForm(
    { sentOn: new Date().toISOString().slice(0, 10), kamerstuk: doc.kamerstuk ?? '' },
    {
      action: (v) =>
        save('POST', '/state', {
          to: 'sent',
          version: doc.version,
          sentOn: v.sentOn,
          kamerstuk: v.kamerstuk.trim() || undefined,
        }),
      success: (d) => fmt(t.letters.moved, { state: t.letters.states[d.state] }),
      onSuccess: onClose,
    },
  );
  return (
    <FormPanel
      title={t.letters.moveTo.sent}
      headingLevel={4}
      focusOnMount
      panel
      submit={form}
      submitLabel={t.letters.confirmSent}
      onCancel={onClose}
    >
      <DateField label={t.letters.sentOnLabel} {...form.field('sentOn')} required />
      <TextField label={t.letters.kamerstuk} hint={t.letters.kamerstukHint} {...form.field('kamerstuk')} />
    </FormPanel>
  );
}

function KamerstukForm({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const form = useForm(
    { kamerstuk: doc.kamerstuk ?? '' },
    {
      action: (v) =>
        save('PATCH', '/kamerstuk', { kamerstuk: v.kamerstuk.trim() || null, version: doc.version }),
      success: t.letters.kamerstukSaved,
    },
  );
  return (
    <FormPanel
      title={t.letters.kamerstuk}
      headingLevel={3}
      submit={form}
      submitLabel={t.letters.saveKamerstuk}
    >
      <TextField label={t.letters.kamerstuk} hint={t.letters.kamerstukHint} {...form.field('kamerstuk')} />
    </FormPanel>
  );
}

/**
 * The .docx as a link; the PDF fetched first, because the server makes one only where it has
 * Chromium: when it answers pdf_unavailable, the page says so instead of a broken download.
 */
export function Downloads(props: { doc: { id: string; title: string }; docx?: string; pdf?: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const docx = props.docx ?? `${letterPath(props.doc.id)}/docx`;
  const pdf = props.pdf ?? `${letterPath(props.doc.id)}/pdf`;
  const [state, setState] = useState<'idle' | 'busy' | 'unavailable' | { error: string }>('idle');
  const getPdf = async () => {
    setState('busy');
    try {
      const res = await fetch(pdf, { credentials: 'same-origin' });
      if (!res.ok) {
        const err = errorOf(res.status, res.statusText, parseJson(await res.text()), null);
        setState(err.is('pdf_unavailable') ? 'unavailable' : { error: errorText(err) });
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${props.doc.title}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('idle');
    } catch {
      setState({ error: t.common.networkError });
    }
  };
  return (
    <section aria-labelledby="downloads-heading">
      <Heading level={3} id="downloads-heading">
        {t.letters.downloads}
      </Heading>
      <ul className="rd-downloads">
        <li>
          <a className="utrecht-link utrecht-link--html-a" href={docx} download data-testid="download-docx">
            {t.letters.docx}
          </a>
        </li>
        {state !== 'unavailable' && (
          <li>
            <Button
              appearance="subtle-button"
              type="button"
              busy={state === 'busy'}
              disabled={state === 'busy'}
              onClick={() => void getPdf()}
              data-testid="download-pdf"
            >
              {t.letters.pdf}
            </Button>
          </li>
        )}
      </ul>
      <div aria-live="polite">
        {state === 'busy' && <Paragraph>{t.letters.pdfBusy}</Paragraph>}
        {state === 'unavailable' && (
          <Paragraph data-testid="pdf-unavailable">{t.letters.pdfUnavailable}</Paragraph>
        )}
        {typeof state === 'object' && <Paragraph>{state.error}</Paragraph>}
      </div>
    </section>
  );
}
