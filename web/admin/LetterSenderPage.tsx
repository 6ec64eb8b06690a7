import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { LOGO_MAX_BYTES, type SenderSetting } from '../../src/letters/sender-schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { SignedInPage } from '../components/access.tsx';
import {
  CheckboxField,
  FileField,
  FormPanel,
  TextAreaField,
  TextField,
  useForm,
} from '../components/form/index.ts';

/** The sender the installation prints on its letters and memos, set by an administrator. */
export function LetterSenderPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.letterSender.title} ability="setLetterSender">
      {() => <SenderForm />}
    </SignedInPage>
  );
}

/** The bytes of a file as base64, as the server takes a logo. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function SenderForm() {
  const current = useQuery({
    queryKey: ['letter-sender'],
    queryFn: () => api<SenderSetting>('GET', '/api/settings/letter-sender'),
  });
  if (!current.data) return null;
  // Not keyed by the version: a save must not remount the form and take its message away.
  return <Editor sender={current.data} />;
}

function Editor({ sender }: { sender: SenderSetting }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [logo, setLogo] = useState<File | null>(null);
  const form = useForm(
    {
      organisation: sender.organisation,
      unit: sender.unit ?? '',
      addressLines: sender.addressLines.join('\n'),
      font: sender.font,
      removeLogo: false as boolean,
    },
    {
      validate: (): Record<string, string> =>
        logo && logo.size > LOGO_MAX_BYTES ? { logo: t.letterSender.logoTooLarge } : {},
      action: async (v) =>
        api<SenderSetting>('PATCH', '/api/settings/letter-sender', {
          organisation: v.organisation.trim(),
          unit: v.unit.trim() || null,
          addressLines: v.addressLines
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
          font: v.font.trim(),
          ...(logo ? { logo: await base64Of(logo) } : v.removeLogo ? { logo: null } : {}),
          version: sender.version,
        }),
      success: () => t.letterSender.saved,
      onSuccess: (saved) => {
        // The next save carries the new version; the form keeps what was typed.
        qc.setQueryData(['letter-sender'], saved);
        setLogo(null);
        form.set('removeLogo', false);
      },
    },
  );
  return (
    <FormPanel
      intro={<Paragraph appearance="lead">{t.letterSender.intro}</Paragraph>}
      label={t.letterSender.title}
      submit={form}
      submitLabel={t.common.save}
      successTestId="letter-sender-saved"
    >
      <TextField label={t.letterSender.organisation} {...form.field('organisation')} required />
      <TextField label={t.letterSender.unit} {...form.field('unit')} />
      <TextAreaField
        label={t.letterSender.addressLines}
        hint={t.letterSender.addressHint}
        {...form.field('addressLines')}
      />
      <TextField
        label={t.letterSender.font}
        hint={t.letterSender.fontHint}
        {...form.field('font')}
        required
      />
      <Paragraph>{t.letterSender.currentLogo}:</Paragraph>
      {sender.logo ? (
        <img
          className="rd-letter-logo"
          src={`data:image/png;base64,${sender.logo}`}
          alt={`${t.letterSender.currentLogo}: ${sender.organisation}`}
          style={{ maxWidth: '12rem', maxHeight: '6rem' }}
        />
      ) : (
        <Paragraph>{t.letterSender.noLogo}</Paragraph>
      )}
      <FileField
        label={t.letterSender.logo}
        name="logo"
        accept="image/png,.png"
        error={form.fieldErrors.logo}
        onChange={(files) => setLogo(files[0] ?? null)}
      />
      {sender.logo && <CheckboxField label={t.letterSender.removeLogo} {...form.checkbox('removeLogo')} />}
    </FormPanel>
  );
}
