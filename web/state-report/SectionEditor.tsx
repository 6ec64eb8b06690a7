import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { StateReportSection } from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { FormPanel, TextAreaField, useSubmit } from '../components/form/index.ts';
import { countWords, reportKey, sectionKey, updateSection } from './api.ts';

/** The words of a text, counted as the server counts them, shown as "123 woorden". */
export function LiveWords({ text, testId }: { text: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Paragraph className="rd-subtle" data-testid={testId}>
      {fmt(t.stateReport.liveWords, { words: countWords(text).toLocaleString(t.meta.locale) })}
    </Paragraph>
  );
}

/**
 * The section's text: a textarea with its word count as one types, saved with the version the user
 * saw (a section changed meanwhile, e.g. by a merge, is refused with the stale-edit message). A text
 * the server changed while this one was not edited is taken over.
 */
export function SectionEditor({ s }: { s: StateReportSection }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [base, setBase] = useState({ text: s.text, version: s.version });
  const [text, setText] = useState(s.text);
  useEffect(() => {
    // A new version from the server (a merge) replaces a text not edited here; an edited one keeps
    // the version it was based on, so that its save is refused as stale instead of undoing the merge.
    if (s.version !== base.version && text === base.text) {
      setText(s.text);
      setBase({ text: s.text, version: s.version });
    }
  }, [s.version, s.text, base, text]);
  const submit = useSubmit({
    action: () => updateSection(s.reportId, s.id, { text, version: base.version }),
    success: t.stateReport.saved,
    onSuccess: async (saved) => {
      setBase({ text: saved.text, version: saved.version });
      qc.setQueryData(sectionKey(s.reportId, s.id), saved);
      await qc.invalidateQueries({ queryKey: reportKey(s.reportId) });
    },
  });
  if (!s.abilities.manage)
    return (
      <section aria-labelledby="section-text">
        <Heading level={2} id="section-text">
          {t.stateReport.editorTitle}
        </Heading>
        <Paragraph className="rd-prewrap">{s.text || t.common.none}</Paragraph>
      </section>
    );
  return (
    <FormPanel
      title={t.stateReport.editorTitle}
      submit={submit}
      submitLabel={t.stateReport.save}
      testId="section-editor"
      successTestId="section-saved"
      errorTestId="section-save-error"
    >
      <TextAreaField
        label={t.stateReport.text}
        hint={t.stateReport.textHint}
        name="text"
        rows={16}
        value={text}
        onChange={setText}
        error={submit.fieldErrors.text}
      />
      <LiveWords text={text} testId="section-live-words" />
    </FormPanel>
  );
}
