import { useQueryClient } from '@tanstack/react-query';
import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Commitment } from '../../src/commitments/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  FormPanel,
  SelectField,
  TextAreaField,
  TextField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { commitmentKey, setCommitmentStatus } from './api.ts';
import { useDocumentChoices, useLetterChoices } from './choices.ts';
import { COMMITMENT_STATUSES, type CommitmentStatus } from './values.ts';
import './texts.ts';

/** The status of a commitment and the evidence of its fulfilment: shown, and set by whoever may edit it. */
export function StatusForm({ c }: { c: Commitment }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const documents = useDocumentChoices();
  const letters = useLetterChoices();
  const fields = useFields({
    status: c.status as string,
    note: c.statusNote ?? '',
    evidenceDocumentId: c.evidence.document?.id ?? '',
    evidenceOutgoingId: c.evidence.outgoingDocument?.id ?? '',
    evidenceCitation: c.evidence.citation ?? '',
  });
  const submit = useSubmit<Commitment>({
    validate: (): FieldErrors => {
      const v = fields.values;
      return v.status === 'done' &&
        !v.evidenceDocumentId &&
        !v.evidenceOutgoingId &&
        !v.evidenceCitation.trim()
        ? { evidenceCitation: t.commitments.evidenceHint }
        : {};
    },
    action: () => {
      const v = fields.values;
      return setCommitmentStatus(c.id, {
        status: v.status as CommitmentStatus,
        note: v.note.trim() || null,
        evidenceDocumentId: v.evidenceDocumentId || null,
        evidenceOutgoingId: v.evidenceOutgoingId || null,
        evidenceCitation: v.evidenceCitation.trim() || null,
        version: c.version,
      });
    },
    success: t.commitments.statusSaved,
    onSuccess: async (r) => {
      qc.setQueryData(commitmentKey(r.id), r);
      await qc.invalidateQueries({ queryKey: ['commitments', 'list'] });
      await qc.invalidateQueries({ queryKey: ['commitments', 'overdue'] });
    },
  });
  const e = c.evidence;
  const none = [{ value: '', label: t.commitments.noDocument }];
  return (
    <section aria-labelledby="commitment-status-heading" data-testid="commitment-evidence">
      <Heading level={2} id="commitment-status-heading">
        {t.commitments.statusTitle}
      </Heading>
      {e.document || e.outgoingDocument || e.citation ? (
        <DataList className="rd-facts">
          {e.document && <Fact label={t.commitments.evidenceDocument}>{e.document.title}</Fact>}
          {e.outgoingDocument && (
            <Fact label={t.commitments.evidenceOutgoing}>
              {e.outgoingDocument.title}
              {e.outgoingDocument.kamerstuk && ` (${e.outgoingDocument.kamerstuk})`}
            </Fact>
          )}
          {e.citation && <Fact label={t.commitments.evidenceCitation}>{e.citation}</Fact>}
          {c.statusNote && <Fact label={t.commitments.note}>{c.statusNote}</Fact>}
        </DataList>
      ) : (
        <Paragraph>{t.commitments.noEvidence}</Paragraph>
      )}
      {c.abilities.setStatus && (
        <FormPanel
          label={t.commitments.statusTitle}
          submit={submit}
          submitLabel={t.commitments.statusSubmit}
          testId="status-form"
        >
          <SelectField
            label={t.commitments.status}
            options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t.commitments.statuses[s] }))}
            {...fields.field('status')}
            error={submit.fieldErrors.status}
          />
          <SelectField
            label={t.commitments.evidenceDocument}
            options={[...none, ...(documents.data ?? [])]}
            {...fields.field('evidenceDocumentId')}
            error={submit.fieldErrors.evidenceDocumentId}
          />
          <SelectField
            label={t.commitments.evidenceOutgoing}
            options={[...none, ...(letters.data ?? [])]}
            {...fields.field('evidenceOutgoingId')}
            error={submit.fieldErrors.evidenceOutgoingId}
          />
          <TextField
            label={t.commitments.evidenceCitation}
            hint={t.commitments.evidenceHint}
            {...fields.field('evidenceCitation')}
            error={submit.fieldErrors.evidenceCitation}
          />
          <TextAreaField label={t.commitments.note} {...fields.field('note')} rows={2} />
        </FormPanel>
      )}
    </section>
  );
}
