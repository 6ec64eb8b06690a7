import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type {
  Consultation,
  ConsultationUpdate,
  PublicConsultation,
  Submission,
} from '../../src/consultations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { NoAccess, SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormPanel, TextAreaField, useEditor, useForm } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { ConsultationForm } from './ConsultationForm.tsx';
import { consultationTitle } from './shared.tsx';
import { SubmissionReview } from './SubmissionReview.tsx';

/** The coordinators' page of a round: edit it, review each submission, summarise what was done with them. */
export function ConsultationModerationPage() {
  const { id } = useParams({ from: '/consultations/$id/moderation' });
  const { t, lang } = useI18n();
  const me = useMe();
  const consultation = useQuery({
    queryKey: ['consultation', id],
    queryFn: () => api<PublicConsultation>('GET', `/api/consultations/${encodeURIComponent(id)}`),
    enabled: Boolean(me.data),
  });
  const c = consultation.data;
  return (
    <SignedInPage
      title={t.consultations.moderationTitle}
      heading={
        <>
          {t.consultations.moderationTitle}
          {c && <span className="rd-title-sub">{consultationTitle(c, lang)}</span>}
        </>
      }
      back={
        <AppLink to="/consultations/$id" params={{ id }}>
          {t.consultations.publicPage}
        </AppLink>
      }
    >
      {() => (
        <>
          <QueryState query={consultation} />
          {c && !c.abilities.moderate && <NoAccess text={t.consultations.mayNotModerate} />}
          {c?.abilities.moderate && <Moderation c={c} />}
        </>
      )}
    </SignedInPage>
  );
}

function Moderation({ c }: { c: PublicConsultation }) {
  const { t } = useI18n();
  const editor = useEditor<true>();
  const erased = useEditor<true>();
  const submissions = useQuery({
    queryKey: ['consultation-submissions', c.id],
    queryFn: () =>
      api<Page<Submission>>('GET', `/api/consultations/${c.id}/submissions${qs({ pageSize: 500 })}`),
  });
  return (
    <>
      <Paragraph appearance="lead">{t.consultations.moderationIntro}</Paragraph>
      {editor.notice}
      {c.abilities.edit && editor.value === null && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open(true)}>
            {t.consultations.editButton}
          </Button>
        </Paragraph>
      )}
      {c.abilities.edit && editor.value && <ConsultationForm consultation={c} onClose={editor.close} />}
      <section aria-labelledby="submissions-heading">
        <Heading level={2} id="submissions-heading">
          {t.consultations.submissions} ({submissions.data?.total ?? c.submissionCount})
        </Heading>
        {erased.notice}
        <QueryState query={submissions} />
        {submissions.data?.items.length === 0 && <Paragraph>{t.consultations.noSubmissions}</Paragraph>}
        {submissions.data?.items.map((s) => (
          <SubmissionReview key={s.id} s={s} canErase={c.abilities.erase} onErased={erased.close} />
        ))}
      </section>
      {c.abilities.edit && <SummaryForm key={c.id} c={c} />}
    </>
  );
}

/** What was done with the input, in a few sentences on the public page. */
function SummaryForm({ c }: { c: PublicConsultation }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const form = useForm(
    { usageSummary: c.usageSummary ?? '' },
    {
      action: (v) =>
        api<Consultation>('PATCH', `/api/consultations/${c.id}`, {
          version: c.version,
          usageSummary: v.usageSummary.trim() || null,
        } satisfies z.input<typeof ConsultationUpdate>),
      success: t.consultations.summarySaved,
      onSuccess: () => qc.invalidateQueries({ queryKey: ['consultation', c.id] }),
    },
  );
  return (
    <FormPanel
      title={t.consultations.summaryTitle}
      panel
      submit={form}
      submitLabel={t.consultations.saveSummary}
    >
      <TextAreaField label={t.consultations.usageSummary} {...form.field('usageSummary')} rows={5} />
    </FormPanel>
  );
}
