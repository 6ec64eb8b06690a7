import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { FollowUp, PositionInput } from '../../src/followup/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { SuccessNotice } from '../components/feedback.tsx';
import { FormPanel, RadioField, TextAreaField, useFields, useSubmit } from '../components/form/index.ts';
import { fetchFollowUp, followUpKey, savePosition } from './api.ts';
import { ConflictView } from './ConflictView.tsx';
import { positionText, proposedPosition } from './labels.ts';
import '../i18n/followup-texts.ts';

type Values = { position: string; appreciation: string; explanation: string };
type Stored = NonNullable<FollowUp['position']>;

const valuesOf = (p: Stored | null): Values => ({
  position: p?.position ?? '',
  appreciation: p?.appreciation ?? '',
  explanation: p?.explanation ?? '',
});

/** What a save found instead of the version the user had seen. */
interface Conflict {
  mine: Values;
  theirs: Stored | null;
}

/**
 * Recording the government's position: a choice among the positions of the mechanism, or a free
 * appreciation where the mechanism has none, with an explanation. Without a recorded position the
 * sources' reported one is the proposed starting value. A save that comes after someone else's shows
 * both versions (ConflictView) and keeps the user's values in the form.
 */
export function PositionForm({ fu }: { fu: FollowUp }) {
  const { t, dateTime, problem } = useI18n();
  const qc = useQueryClient();
  const free = fu.positionOptions.length === 0;
  const fields = useFields<Values>(() =>
    fu.position ? valuesOf(fu.position) : { ...valuesOf(null), position: proposedPosition(fu) ?? '' },
  );
  // The position's version the user's edit starts from (null: none was recorded).
  const [seen, setSeen] = useState<number | null>(fu.position?.version ?? null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = useSubmit<{ saved: boolean }, Values | undefined>({
    validate: () =>
      !fields.values.position && !fields.values.appreciation.trim()
        ? {
            [free ? 'appreciation' : 'position']: problem({ code: 'followup.position_empty', detail: '' }),
          }
        : {},
    action: async (override) => {
      const v = override ?? fields.values;
      const body: PositionInput = {
        position: free || !v.position ? null : (v.position as PositionInput['position']),
        appreciation: v.appreciation.trim() || null,
        explanation: v.explanation.trim() || null,
        version: seen,
      };
      setNotice(null);
      try {
        await savePosition(fu.recommendationId, body);
      } catch (err) {
        if (!(err instanceof ApiError && err.isStale)) throw err;
        // Someone saved first: show both versions and start again from theirs.
        const current = await fetchFollowUp(fu.recommendationId);
        qc.setQueryData(followUpKey(fu.recommendationId), current);
        setSeen(current.position?.version ?? null);
        setConflict({ mine: v, theirs: current.position });
        return { saved: false };
      }
      const current = await fetchFollowUp(fu.recommendationId);
      qc.setQueryData(followUpKey(fu.recommendationId), current);
      setSeen(current.position?.version ?? null);
      fields.setValues(valuesOf(current.position));
      setConflict(null);
      return { saved: true };
    },
    success: (r) => (r.saved ? t.followUp.positionSaved : ''),
  });

  const show = (v: Values) =>
    positionText(t, { position: (v.position || null) as Stored['position'], appreciation: v.appreciation });
  const adopt = (position: string) => {
    const p = position === 'pending' ? 'under_consideration' : position;
    if ((fu.positionOptions as string[]).includes(p)) fields.set('position', p);
    else fields.set('appreciation', t.recommendations.positions[position] ?? position);
    setNotice(t.followUp.adopted);
  };

  return (
    <>
      {fu.sourcePositions.length > 0 && (
        <section aria-labelledby="fu-sources-heading" data-testid="source-positions">
          <Heading level={3} id="fu-sources-heading">
            {t.followUp.sourcesHeading}
          </Heading>
          <Paragraph>{t.followUp.sourcesIntro}</Paragraph>
          <ul className="rd-fu-sources">
            {fu.sourcePositions.map((s, i) => {
              const label = fmt(t.followUp.sourceFact, {
                position: t.recommendations.positions[s.position] ?? s.position,
                source: [t.imports.kinds[s.kind] ?? s.kind, s.fileName].filter(Boolean).join(', '),
              });
              return (
                <li key={i}>
                  {label}{' '}
                  <Button appearance="subtle-button" type="button" onClick={() => adopt(s.position)}>
                    {t.followUp.adopt}
                    <span className="rd-visually-hidden"> {label}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
          {notice && <SuccessNotice message={notice} testId="adopt-notice" />}
        </section>
      )}
      {conflict && (
        <ConflictView
          busy={submit.busy}
          savedBy={
            conflict.theirs?.recordedBy
              ? fmt(t.followUp.conflictTheirsBy, {
                  name: conflict.theirs.recordedBy.name,
                  when: dateTime(conflict.theirs.recordedAt),
                })
              : undefined
          }
          rows={[
            {
              label: free ? t.followUp.appreciation : t.followUp.position,
              mine: show(conflict.mine),
              theirs: positionText(t, conflict.theirs),
            },
            {
              label: t.followUp.explanation,
              mine: conflict.mine.explanation,
              theirs: conflict.theirs?.explanation ?? '',
            },
          ]}
          onKeepMine={() => {
            fields.setValues(conflict.mine);
            void submit.run(conflict.mine);
          }}
          onTakeTheirs={() => {
            fields.setValues(valuesOf(conflict.theirs));
            setConflict(null);
            setNotice(t.followUp.tookTheirs);
          }}
        />
      )}
      <FormPanel
        title={t.followUp.positionHeading}
        headingLevel={3}
        submit={submit}
        submitLabel={t.followUp.savePosition}
        testId="position-form"
        successTestId="position-saved"
      >
        {free ? (
          <TextAreaField
            label={t.followUp.appreciation}
            hint={t.followUp.appreciationHint}
            error={submit.fieldErrors.appreciation}
            {...fields.field('appreciation')}
          />
        ) : (
          <RadioField
            label={t.followUp.position}
            error={submit.fieldErrors.position}
            options={fu.positionOptions.map((p) => ({ value: p, label: t.followUp.positions[p] ?? p }))}
            {...fields.field('position')}
          />
        )}
        <TextAreaField
          label={t.followUp.explanation}
          error={submit.fieldErrors.explanation}
          {...fields.field('explanation')}
        />
      </FormPanel>
    </>
  );
}
