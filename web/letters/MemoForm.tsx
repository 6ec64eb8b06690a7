import { useState } from 'react';
import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { FormPanel, TextAreaField, TextField, useForm } from '../components/form/index.ts';
import { ActionButton } from '../components/ui.tsx';
import { MemoFieldInputs, memoFieldsOf, memoFieldValues } from './MemoFields.tsx';
import { WorkspaceChoice, type useCreateLetter } from './NewLetterPanel.tsx';

const TEXTS = [
  'aanleiding',
  'geadviseerdBesluit',
  'kern',
  'toelichting',
  'krachtenveld',
  'nietOpenbaar',
] as const;

interface Attachment {
  key: number;
  name: string;
  information: string;
}

/** The memo form: every field of a nota, its texts, its attachments and the document it accompanies. */
export function MemoForm(props: { create: ReturnType<typeof useCreateLetter>; onCancel(): void }) {
  const { t } = useI18n();
  const m = t.letters.memo;
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const form = useForm(
    {
      ...memoFieldValues(),
      title: '',
      aanleiding: '',
      geadviseerdBesluit: '',
      kern: '',
      toelichting: '',
      krachtenveld: '',
      nietOpenbaar: '',
      accompanies: '',
    },
    {
      action: (v) =>
        props.create.action({
          kind: 'memo',
          ...memoFieldsOf(v),
          title: v.title,
          aanleiding: v.aanleiding,
          geadviseerdBesluit: v.geadviseerdBesluit,
          kern: v.kern,
          toelichting: v.toelichting,
          krachtenveld: v.krachtenveld,
          nietOpenbaar: v.nietOpenbaar,
          attachments: attachments
            .filter((a) => a.name.trim())
            .map((a) => ({ name: a.name.trim(), information: a.information.trim() })),
          accompanies: v.accompanies || undefined,
        }),
      success: props.create.success,
      onSuccess: props.create.onSuccess,
    },
  );
  const change = (key: number, patch: Partial<Attachment>) =>
    setAttachments((old) => old.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  return (
    <FormPanel
      label={t.letters.kinds.memo}
      submit={form}
      submitLabel={t.letters.generate}
      onCancel={props.onCancel}
      testId="memo-form"
    >
      <MemoFieldInputs field={form.field} />
      <TextField label={m.memoTitle} {...form.field('title')} required />
      {TEXTS.map((k) => (
        <TextAreaField
          key={k}
          label={m[k]}
          hint={m.textHint}
          rows={k === 'aanleiding' || k === 'kern' ? 5 : 3}
          {...form.field(k)}
          required={k === 'aanleiding' || k === 'kern'}
        />
      ))}
      <Fieldset>
        <FieldsetLegend>{m.attachments}</FieldsetLegend>
        {attachments.length === 0 && <Paragraph>{m.noAttachments}</Paragraph>}
        <ol className="rd-letter-attachments">
          {attachments.map((a, i) => (
            <li key={a.key}>
              <TextField
                label={fmt(m.attachmentName, { n: i + 1 })}
                name={`attachment-${a.key}-name`}
                value={a.name}
                onChange={(name) => change(a.key, { name })}
              />
              <TextField
                label={fmt(m.attachmentInfo, { n: i + 1 })}
                name={`attachment-${a.key}-information`}
                value={a.information}
                onChange={(information) => change(a.key, { information })}
              />
              <ActionButton
                text={t.letters.removeSection}
                subject={fmt(m.removeAttachment, { n: i + 1 })}
                onClick={() => setAttachments((old) => old.filter((x) => x.key !== a.key))}
              />
            </li>
          ))}
        </ol>
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => {
            setAttachments((old) => [...old, { key: nextKey, name: '', information: '' }]);
            setNextKey((n) => n + 1);
          }}
        >
          {m.addAttachment}
        </Button>
      </Fieldset>
      <WorkspaceChoice
        label={m.accompanies}
        required={false}
        empty={m.accompaniesNone}
        {...form.field('accompanies')}
      />
    </FormPanel>
  );
}
