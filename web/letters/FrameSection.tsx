import type { ReactNode } from 'react';
import { Button, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type {
  LetterFrame,
  MemoFrame,
  ReportFrame,
  WorkspaceDocument,
} from '../../src/letters/workspace-schema.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  FormPanel,
  TextAreaField,
  TextField,
  useEditor,
  useForm,
  type SubmitState,
} from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { useSaveLetter } from './api.ts';
import { linesOf, MemoFieldInputs, memoFieldsOf, memoFieldValues } from './MemoFields.tsx';

type Letter = z.infer<typeof LetterFrame>;
type Memo = z.infer<typeof MemoFrame>;
type Report = z.infer<typeof ReportFrame>;
const lines = (l: readonly string[] | undefined) => (l ?? []).join('\n');

/**
 * The parts outside the sections: a letter's addressee, subject, references and signature; a memo's
 * fields; a report's title page.
 */
export function FrameSection({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  const editor = useEditor<true>();
  const f = doc.frame;
  return (
    <section aria-labelledby="frame-heading" data-testid="frame">
      <Heading level={2} id="frame-heading">
        {t.letters.frame}
      </Heading>
      {doc.frameEdited && <Paragraph className="rd-letter-meta">{t.letters.frameEdited}</Paragraph>}
      {f.kind === 'letter' ? (
        <LetterFacts f={f} />
      ) : f.kind === 'memo' ? (
        <MemoFacts f={f} />
      ) : (
        <ReportFacts f={f} />
      )}
      {editor.notice}
      {doc.abilities.edit && editor.value === null && (
        <Button appearance="secondary-action-button" type="button" onClick={() => editor.open(true)}>
          {t.letters.editFrame}
        </Button>
      )}
      {doc.abilities.edit &&
        editor.value &&
        (f.kind === 'letter' ? (
          <LetterFrameForm doc={doc} f={f} onClose={editor.close} />
        ) : f.kind === 'memo' ? (
          <MemoFrameForm doc={doc} f={f} onClose={editor.close} />
        ) : (
          <ReportFrameForm doc={doc} f={f} onClose={editor.close} />
        ))}
    </section>
  );
}

function Lines({ items }: { items: readonly string[] | undefined }) {
  const { t } = useI18n();
  if (!items || items.length === 0) return <>{t.common.none}</>;
  return <span className="rd-preline">{items.join('\n')}</span>;
}

function LetterFacts({ f }: { f: Letter }) {
  const { t } = useI18n();
  return (
    <DataList className="rd-facts">
      <Fact label={t.letters.addressee}>
        <Lines items={f.addressee} />
      </Fact>
      <Fact label={t.letters.subject}>{f.subject}</Fact>
      <Fact label={t.letters.letterReference}>{f.reference ?? t.common.none}</Fact>
      <Fact label={t.letters.yourReference}>{f.yourReference ?? t.common.none}</Fact>
      <Fact label={t.letters.signature}>
        <Lines items={f.signature} />
      </Fact>
    </DataList>
  );
}

function MemoFacts({ f }: { f: Memo }) {
  const { t, date } = useI18n();
  const m = t.letters.memo;
  return (
    <DataList className="rd-facts">
      <Fact label={m.to}>
        <Lines items={f.fields.to} />
      </Fact>
      <Fact label={m.from}>
        <Lines items={f.fields.from} />
      </Fact>
      <Fact label={m.via}>
        <Lines items={f.fields.via} />
      </Fact>
      <Fact label={m.copyTo}>
        <Lines items={f.fields.copyTo} />
      </Fact>
      <Fact label={m.consultedWith}>
        <Lines items={f.fields.consultedWith} />
      </Fact>
      <Fact label={m.date}>{date(f.fields.date)}</Fact>
      <Fact label={m.reference}>{f.fields.reference ?? t.common.none}</Fact>
      <Fact label={m.draftedBy}>
        <Lines items={f.fields.draftedBy} />
      </Fact>
      <Fact label={m.deadline}>
        {f.fields.deadline
          ? `${date(f.fields.deadline.date)}${f.fields.deadline.note ? ` (${f.fields.deadline.note})` : ''}`
          : t.common.none}
      </Fact>
      <Fact label={m.purpose}>{f.purpose === 'decision' ? m.decision : m.information}</Fact>
      <Fact label={m.memoTitle}>{f.title}</Fact>
      <Fact label={m.attachments}>
        {f.attachments.length === 0 ? (
          m.noAttachments
        ) : (
          <ol>
            {f.attachments.map((a, i) => (
              <li key={i}>
                {a.name}
                {a.information && ` – ${a.information}`}
              </li>
            ))}
          </ol>
        )}
      </Fact>
    </DataList>
  );
}

function ReportFacts({ f }: { f: Report }) {
  const { t } = useI18n();
  return (
    <DataList className="rd-facts">
      <Fact label={t.letters.reportFrame.title}>{f.title}</Fact>
      <Fact label={t.letters.reportFrame.subtitle}>{f.subtitle || t.common.none}</Fact>
    </DataList>
  );
}

/** The panel of each frame form, opened by "Briefhoofd bewerken". */
function FramePanel(props: {
  submit: SubmitState;
  onClose(done?: string | null): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <FormPanel
      title={t.letters.editFrame}
      headingLevel={3}
      focusOnMount
      panel
      submit={props.submit}
      submitLabel={t.common.save}
      onCancel={() => props.onClose()}
      testId="frame-form"
    >
      {props.children}
    </FormPanel>
  );
}

interface FormProps<F> {
  doc: WorkspaceDocument;
  f: F;
  onClose(done?: string | null): void;
}

function LetterFrameForm({ doc, f, onClose }: FormProps<Letter>) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const form = useForm(
    {
      title: doc.title,
      addressee: lines(f.addressee),
      subject: f.subject,
      reference: f.reference ?? '',
      yourReference: f.yourReference ?? '',
      signature: lines(f.signature),
    },
    {
      action: (v) =>
        save('PATCH', '/frame', {
          version: doc.version,
          title: v.title,
          frame: {
            ...f,
            addressee: linesOf(v.addressee),
            subject: v.subject,
            reference: v.reference.trim() || undefined,
            yourReference: v.yourReference.trim() || undefined,
            signature: linesOf(v.signature),
          },
        }),
      success: t.letters.frameSaved,
      onSuccess: (_d, message) => onClose(message),
    },
  );
  return (
    <FramePanel submit={form} onClose={onClose}>
      <TextField label={t.letters.titleLabel} {...form.field('title')} required />
      <TextAreaField label={t.letters.addressee} rows={4} {...form.field('addressee')} required />
      <TextField label={t.letters.subject} {...form.field('subject')} required />
      <TextField label={t.letters.letterReference} {...form.field('reference')} />
      <TextField label={t.letters.yourReference} {...form.field('yourReference')} />
      <TextAreaField label={t.letters.signature} rows={3} {...form.field('signature')} />
    </FramePanel>
  );
}

function MemoFrameForm({ doc, f, onClose }: FormProps<Memo>) {
  const { t } = useI18n();
  const m = t.letters.memo;
  const save = useSaveLetter(doc.id);
  const form = useForm(
    { ...memoFieldValues(f.fields, f.purpose), title: f.title },
    {
      action: (v) =>
        save('PATCH', '/frame', {
          version: doc.version,
          title: v.title,
          frame: { ...f, ...memoFieldsOf(v), title: v.title },
        }),
      success: t.letters.frameSaved,
      onSuccess: (_d, message) => onClose(message),
    },
  );
  return (
    <FramePanel submit={form} onClose={onClose}>
      <MemoFieldInputs field={form.field} />
      <TextField label={m.memoTitle} {...form.field('title')} required />
    </FramePanel>
  );
}

function ReportFrameForm({ doc, f, onClose }: FormProps<Report>) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const form = useForm(
    { title: f.title, subtitle: f.subtitle },
    {
      action: (v) =>
        save('PATCH', '/frame', {
          version: doc.version,
          title: v.title,
          frame: { ...f, title: v.title, subtitle: v.subtitle },
        }),
      success: t.letters.frameSaved,
      onSuccess: (_d, message) => onClose(message),
    },
  );
  return (
    <FramePanel submit={form} onClose={onClose}>
      <TextField label={t.letters.reportFrame.title} {...form.field('title')} required />
      <TextField label={t.letters.reportFrame.subtitle} {...form.field('subtitle')} />
    </FramePanel>
  );
}
