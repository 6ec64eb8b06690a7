/**
 * The points of a cabinet response (a workspace document of kind advisory_response or
 * concluding_response), shown on the document's page: each section and its paragraphs and items,
 * the ones registered as commitments marked, and a form to register one (text taken from the
 * response and editable, the responsible ministry, a due date).
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  RESPONSE_KINDS,
  type ResponsePart,
  type ResponseSection,
} from '../../src/commitments/from-response-schema.ts';
import type { Commitment } from '../../src/commitments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { QueryState, SuccessNotice } from '../components/feedback.tsx';
import {
  DateField,
  FormPanel,
  SelectField,
  TextAreaField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { registerResponsePoint, responsePointsKey, useResponsePoints } from './api.ts';
import './texts.ts';

type Target = { key: string; part: number | null };
const same = (a: Target | null, b: Target) => a?.key === b.key && a.part === b.part;

/** Shown for a cabinet response only: the other documents of the workspace have no points. */
export function ResponsePoints({ doc }: { doc: { id: string; kind: string } }) {
  return (RESPONSE_KINDS as readonly string[]).includes(doc.kind) ? <Points letterId={doc.id} /> : null;
}

function Points({ letterId }: { letterId: string }) {
  const { t } = useI18n();
  const points = useResponsePoints(letterId);
  const [open, setOpen] = useState<Target | null>(null);
  const [notice, setNotice] = useState<{ message: string; id: string } | null>(null);
  const p = points.data;
  if (p && !p.isResponse) return null;
  return (
    <section aria-labelledby="response-points-heading" data-testid="response-points">
      <Heading level={2} id="response-points-heading">
        {t.commitments.points.title}
      </Heading>
      <QueryState query={points} />
      {p && (
        <>
          <Paragraph>{t.commitments.points.intro}</Paragraph>
          {notice && (
            <>
              <SuccessNotice key={notice.id} message={notice.message} focus testId="response-point-saved" />
              <Paragraph>
                <AppLink to="/commitments/$id" params={{ id: notice.id }}>
                  {t.commitments.points.open}
                </AppLink>
              </Paragraph>
            </>
          )}
          {p.sections.length === 0 && <Paragraph>{t.commitments.points.none}</Paragraph>}
          {p.sections.map((s) => (
            <SectionPoints
              key={s.key}
              letterId={letterId}
              section={s}
              canRegister={p.abilities.register}
              open={open}
              onOpen={(target) => {
                setNotice(null);
                setOpen(target);
              }}
              onDone={(saved, message) => {
                setOpen(null);
                if (saved && message) setNotice({ message, id: saved.id });
              }}
            />
          ))}
        </>
      )}
    </section>
  );
}

function SectionPoints(props: {
  letterId: string;
  section: ResponseSection;
  canRegister: boolean;
  open: Target | null;
  onOpen(t: Target): void;
  onDone(saved: Commitment | null, message: string | null): void;
}) {
  const { t } = useI18n();
  const s = props.section;
  const rec = s.recommendation;
  const candidates: { part: number | null; label: string; text: string }[] = [
    { part: null, label: t.commitments.points.wholeSection, text: s.text },
    ...s.parts.map((x: ResponsePart) => ({
      part: x.part,
      label: fmt(t.commitments.points.part, { n: x.part + 1 }),
      text: x.text,
    })),
  ];
  return (
    <div className="rd-response-section" data-testid="response-section" data-key={s.key}>
      <Heading level={3}>{s.heading}</Heading>
      {rec && (
        <Paragraph>
          <AppLink to="/recommendations/$id" params={{ id: rec.id }}>
            {fmt(t.commitments.points.about, {
              label: [rec.symbol, rec.paragraph].filter(Boolean).join(' ') || s.heading,
            })}
          </AppLink>
        </Paragraph>
      )}
      <ul className="rd-response-parts">
        {candidates.map((c) => {
          const target = { key: s.key, part: c.part };
          const registered = s.points.filter((x) => x.part === c.part);
          const what = `${s.heading}, ${c.label}`;
          return (
            <li key={c.part ?? 'all'} data-testid="response-part" data-registered={registered.length > 0}>
              <strong>{c.label}</strong>
              {c.part !== null && <Paragraph>{c.text}</Paragraph>}
              {registered.map((r) => (
                <Paragraph key={r.commitmentId} className="rd-response-registered">
                  {'✓ '}
                  <AppLink to="/commitments/$id" params={{ id: r.commitmentId }}>
                    {t.commitments.points.registered}
                  </AppLink>{' '}
                  (
                  {fmt(t.commitments.points.registeredLabel, {
                    org: r.organisation.code,
                    status: t.commitments.statuses[r.status],
                  })}
                  )
                </Paragraph>
              ))}
              {props.canRegister && registered.length === 0 && !same(props.open, target) && (
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  aria-label={fmt(t.commitments.points.registerLabel, { what })}
                  onClick={() => props.onOpen(target)}
                >
                  {t.commitments.points.register}
                </Button>
              )}
              {same(props.open, target) && (
                <PointForm
                  letterId={props.letterId}
                  sectionKey={s.key}
                  part={c.part}
                  heading={what}
                  text={c.text}
                  onDone={props.onDone}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type Values = { text: string; organisationId: string; dueOn: string };

function PointForm(props: {
  letterId: string;
  sectionKey: string;
  part: number | null;
  heading: string;
  text: string;
  onDone(saved: Commitment | null, message: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const options = useOrganisationOptions(t.commitments.chooseOrganisation);
  const fields = useFields<Values>({ text: props.text, organisationId: '', dueOn: '' });
  const submit = useSubmit<Commitment>({
    validate: (): FieldErrors => {
      const e: FieldErrors = {};
      if (!fields.values.text.trim()) e.text = t.commitments.textRequired;
      if (!fields.values.organisationId) e.organisationId = t.commitments.organisationRequired;
      return e;
    },
    action: () =>
      registerResponsePoint(props.letterId, {
        sectionKey: props.sectionKey,
        part: props.part,
        text: fields.values.text.trim(),
        organisationId: fields.values.organisationId,
        dueOn: fields.values.dueOn || null,
      }),
    success: t.commitments.points.created,
    onSuccess: async (r, message) => {
      await qc.invalidateQueries({ queryKey: responsePointsKey(props.letterId) });
      await qc.invalidateQueries({ queryKey: ['commitments', 'list'] });
      props.onDone(r, message);
    },
  });
  return (
    <FormPanel
      title={fmt(t.commitments.points.formTitle, { heading: props.heading })}
      headingLevel={4}
      panel
      focusOnMount
      submit={submit}
      submitLabel={t.commitments.points.submit}
      onCancel={() => props.onDone(null, null)}
      testId="response-point-form"
      showSuccess={false}
    >
      <TextAreaField
        label={t.commitments.points.text}
        hint={t.commitments.points.textHint}
        {...fields.field('text')}
        error={submit.fieldErrors.text}
        rows={5}
        required
      />
      <SelectField
        label={t.commitments.organisation}
        options={options}
        {...fields.field('organisationId')}
        error={submit.fieldErrors.organisationId}
        required
      />
      <DateField label={t.commitments.dueOn} {...fields.field('dueOn')} error={submit.fieldErrors.dueOn} />
    </FormPanel>
  );
}
