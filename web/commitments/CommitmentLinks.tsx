import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Commitment, LinkKind } from '../../src/commitments/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorAlert } from '../components/feedback.tsx';
import {
  FormFeedback,
  FormPanel,
  SelectField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { addCommitmentLink, commitmentKey, removeCommitmentLink } from './api.ts';
import { useActionChoices, useDocumentChoices } from './choices.ts';
import { RecommendationPicker, type PickedRecommendation } from './RecommendationPicker.tsx';
import './texts.ts';

const KINDS: LinkKind[] = ['recommendation', 'action', 'document'];
/** Recommendations are found with the picker; actions and documents chosen from a list. */
const LISTED: LinkKind[] = ['action', 'document'];

/** The recommendations, actions and documents a commitment concerns; linked and unlinked by whoever may edit it. */
export function CommitmentLinks({ c }: { c: Commitment }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const actions = useActionChoices();
  const documents = useDocumentChoices();
  const fields = useFields({ kind: 'document', targetId: '' });
  const done = async (r: Commitment) => {
    qc.setQueryData(commitmentKey(r.id), r);
    await qc.invalidateQueries({ queryKey: ['commitments', 'list'] });
  };
  const add = useSubmit<Commitment>({
    validate: (): FieldErrors => (fields.values.targetId ? {} : { targetId: t.commitments.linkTarget }),
    action: () =>
      addCommitmentLink(c.id, {
        kind: fields.values.kind as LinkKind,
        targetId: fields.values.targetId.trim(),
        version: c.version,
      }),
    success: t.commitments.linked,
    onSuccess: async (r) => {
      fields.set('targetId', '');
      await done(r);
    },
  });
  const pick = useSubmit<Commitment, PickedRecommendation>({
    action: (r) => addCommitmentLink(c.id, { kind: 'recommendation', targetId: r.id, version: c.version }),
    success: t.commitments.linked,
    onSuccess: done,
  });
  const remove = useSubmit<Commitment, { kind: LinkKind; id: string }>({
    action: ({ kind, id }) => removeCommitmentLink(c, kind, id),
    success: t.commitments.unlinked,
    onSuccess: done,
  });
  const items: Record<LinkKind, { id: string; label: string; to?: string }[]> = {
    recommendation: c.recommendations.map((r) => ({
      id: r.id,
      label: [r.symbol, r.paragraph].filter(Boolean).join(' ') || r.text.slice(0, 80),
      to: '/recommendations/$id',
    })),
    action: c.actions.map((a) => ({ id: a.id, label: a.title, to: '/actions/$id' })),
    document: c.documents.map((d) => ({ id: d.id, label: d.symbol ? `${d.symbol}: ${d.title}` : d.title })),
  };
  const heading = {
    recommendation: t.commitments.recommendations,
    action: t.commitments.actions,
    document: t.commitments.documents,
  };
  const kind = fields.values.kind as LinkKind;
  const choices = kind === 'action' ? (actions.data ?? []) : (documents.data ?? []);
  return (
    <section aria-labelledby="commitment-links-heading" data-testid="commitment-links">
      <Heading level={2} id="commitment-links-heading">
        {t.commitments.linksTitle}
      </Heading>
      {remove.error !== null && <ErrorAlert error={remove.error} />}
      {remove.success && <Paragraph role="status">{remove.success}</Paragraph>}
      {KINDS.map((k) => (
        <div key={k}>
          <Heading level={3}>{heading[k]}</Heading>
          {items[k].length === 0 ? (
            <Paragraph>{t.commitments.noLinks}</Paragraph>
          ) : (
            <UnorderedList>
              {items[k].map((i) => (
                <UnorderedListItem key={i.id}>
                  {i.to === '/recommendations/$id' ? (
                    <AppLink to="/recommendations/$id" params={{ id: i.id }}>
                      {i.label}
                    </AppLink>
                  ) : i.to === '/actions/$id' ? (
                    <AppLink to="/actions/$id" params={{ id: i.id }}>
                      {i.label}
                    </AppLink>
                  ) : (
                    i.label
                  )}{' '}
                  {c.abilities.link && (
                    <Button
                      appearance="subtle-button"
                      type="button"
                      disabled={remove.busy}
                      aria-label={`${t.commitments.unlink}: ${i.label}`}
                      onClick={() => void remove.run({ kind: k, id: i.id })}
                    >
                      {t.commitments.unlink}
                    </Button>
                  )}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          {k === 'recommendation' && c.abilities.link && (
            <>
              <FormFeedback submit={pick} testId="pick-error" />
              <RecommendationPicker
                picked={items.recommendation}
                busy={pick.busy}
                onPick={(r) => void pick.run(r)}
              />
            </>
          )}
        </div>
      ))}
      {c.abilities.link && (
        <FormPanel
          label={t.commitments.addLink}
          submit={add}
          submitLabel={t.commitments.addLink}
          testId="link-form"
        >
          <SelectField
            label={t.commitments.linkKind}
            options={LISTED.map((k) => ({ value: k, label: t.commitments.linkKinds[k] }))}
            {...fields.field('kind')}
          />
          <SelectField
            label={t.commitments.linkTarget}
            options={[{ value: '', label: t.commitments.linkTarget }, ...choices]}
            {...fields.field('targetId')}
            error={add.fieldErrors.targetId}
          />
        </FormPanel>
      )}
    </section>
  );
}
