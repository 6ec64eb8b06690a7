import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Button, ButtonGroup, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  CONTRIBUTION_LIMITS,
  type Contribution,
  type ContributionRequestDetail,
  type ContributionRequestWithLink,
} from '../../src/report/contributions-schema.ts';
import { FRAMEWORK_PRIORITIES } from '../../src/report/framework-schema.ts';
import { PRIORITY_LABELS } from '../../src/report/priorities.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, useEditor, useSubmit } from '../components/form/index.ts';
import { AppLink, Fact } from '../components/ui.tsx';
import { formatAmsterdam } from '../consultations/time.ts';
import { ContributionForm } from './ContributionForm.tsx';
import { ContributionLink } from './ContributionLink.tsx';
import { RequestForm, requestStatus } from './ContributionsPage.tsx';
import {
  closeRequest,
  examplesKey,
  renewLink,
  requestKey,
  selectExample,
  submitSignedIn,
  useExamples,
  useRequest,
} from './contributions-api.ts';
import { ExamplesSection } from './ExamplesSection.tsx';
import { ReportNav } from './ReportNav.tsx';

/** One request: its details, its contributions with their tags, and the examples of its year. */
export function ContributionRequestPage() {
  const { id } = useParams({ from: '/rapportage/bijdragen/$id' });
  const { t } = useI18n();
  const query = useRequest(id);
  const r = query.data;
  return (
    <SignedInPage
      title={r?.title ?? t.contributions.titlePlain}
      back={
        <AppLink to="/rapportage/bijdragen" search={r ? { year: r.year } : {}}>
          {t.contributions.back}
        </AppLink>
      }
    >
      {() => (
        <>
          <ReportNav />
          <QueryState query={query} notFound={t.contributions.notFound} />
          {r && <RequestView r={r} />}
        </>
      )}
    </SignedInPage>
  );
}

function RequestView({ r }: { r: ContributionRequestDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const editor = useEditor<'edit' | 'send'>();
  const [confirm, setConfirm] = useState<'close' | 'renew' | null>(null);
  const [link, setLink] = useState<string | null>(null);
  // The titles of the result areas come with the examples of the year (shown below).
  const areas = (useExamples(r.year).data?.areas ?? []).map((a) => ({
    code: a.code,
    labelNl: a.titleNl,
    labelEn: a.titleEn,
  }));
  const refresh = () => qc.invalidateQueries({ queryKey: ['report', 'contributions'] });
  const act = useSubmit<unknown, 'close' | 'renew'>({
    action: (what) => (what === 'close' ? closeRequest(r.id, r.version) : renewLink(r.id, r.version)),
    success: (_r, what) => (what === 'close' ? t.contributions.closedDone : t.contributions.renewed),
    onSuccess: async (result, _m, what) => {
      setConfirm(null);
      if (what === 'renew') setLink((result as ContributionRequestWithLink).link);
      await refresh();
    },
  });
  return (
    <>
      <section aria-labelledby="request-facts">
        <Heading level={2} id="request-facts">
          {t.contributions.facts}
        </Heading>
        <DataList className="rd-facts">
          <Fact label={t.contributions.yearLabel}>{r.year}</Fact>
          <Fact label={t.contributions.addressees}>{r.addressees.join(', ') || t.common.none}</Fact>
          <Fact label={t.contributions.deadline}>{formatAmsterdam(r.deadline, t.meta.locale)}</Fact>
          <Fact label={t.contributions.status}>
            <span data-testid="request-status">{requestStatus(r, t)}</span>
          </Fact>
        </DataList>
        {r.instructions.split(/\n{2,}/).map((p, i) => (
          <Paragraph key={i} className="rd-prewrap">
            {p}
          </Paragraph>
        ))}
        {editor.notice}
        <FormFeedback submit={act} focusSuccess />
        {link && <ContributionLink path={link} />}
        {r.abilities.manage &&
          (editor.value === 'edit' ? (
            <RequestForm year={r.year} request={r} onDone={(m) => editor.close(m)} />
          ) : confirm ? (
            <Confirmation
              question={
                confirm === 'close'
                  ? fmt(t.contributions.closeQuestion, { title: r.title })
                  : t.contributions.renewQuestion
              }
              yes={confirm === 'close' ? t.contributions.closeYes : t.contributions.renewYes}
              submit={{ ...act, run: () => act.run(confirm) }}
              onCancel={() => setConfirm(null)}
            />
          ) : (
            <ButtonGroup>
              <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('edit')}>
                {t.contributions.edit}
              </Button>
              <Button appearance="secondary-action-button" type="button" onClick={() => setConfirm('renew')}>
                {t.contributions.renew}
              </Button>
              {!r.closed && (
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  onClick={() => setConfirm('close')}
                >
                  {t.contributions.close}
                </Button>
              )}
            </ButtonGroup>
          ))}
        {r.abilities.submit &&
          (editor.value === 'send' ? (
            <ContributionForm
              title={t.contributions.sendTitle}
              form={{ areas, priorities: PRIORITY_CHOICES, limits: CONTRIBUTION_LIMITS }}
              send={(fields) => submitSignedIn(r.id, fields)}
              onSent={() => void refresh()}
              onCancel={() => editor.close()}
            />
          ) : (
            <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('send')}>
              {t.contributions.send}
            </Button>
          ))}
      </section>
      <section aria-labelledby="request-contributions">
        <Heading level={2} id="request-contributions">
          {fmt(t.contributions.received, { total: r.contributions.length })}
        </Heading>
        {r.contributions.length === 0 ? (
          <Paragraph>{t.contributions.noContributions}</Paragraph>
        ) : (
          <ul className="rd-plain-list">
            {r.contributions.map((c) => (
              <li key={c.id} data-testid="contribution">
                <ContributionItem c={c} year={r.year} manage={r.abilities.manage} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ExamplesSection year={r.year} />
    </>
  );
}

const PRIORITY_CHOICES = FRAMEWORK_PRIORITIES.map((code) => ({
  code,
  labelNl: PRIORITY_LABELS[code].nl,
  labelEn: PRIORITY_LABELS[code].en,
}));

function ContributionItem({ c, year, manage }: { c: Contribution; year: number; manage: boolean }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const select = useSubmit<unknown, number>({
    action: (areaCode) => selectExample({ contributionId: c.id, areaCode }),
    success: (_r, areaCode) => fmt(t.contributions.selected, { code: areaCode }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: requestKey(c.requestId) });
      await qc.invalidateQueries({ queryKey: examplesKey(year) });
    },
  });
  return (
    <article aria-labelledby={`contribution-${c.id}`} className="rd-panel">
      <Heading level={3} id={`contribution-${c.id}`}>
        {c.title}
      </Heading>
      <DataList className="rd-facts">
        <Fact label={t.contributions.from}>{c.organisation}</Fact>
        {c.contactName && (
          <Fact label={t.contributions.contact}>
            {c.contactName} ({c.contactEmail})
          </Fact>
        )}
        <Fact label={t.contributions.sentAt}>
          {formatAmsterdam(c.submittedAt, t.meta.locale)} (
          {c.signedIn ? t.contributions.sentSignedIn : t.contributions.sentByLink})
        </Fact>
        <Fact label={t.contributions.areas}>
          <span data-testid="contribution-areas">
            {c.areas.map((a) => fmt(t.contributions.area, { code: a })).join(', ')}
          </span>
        </Fact>
        {c.priorities.length > 0 && (
          <Fact label={t.contributions.priorities}>
            <span data-testid="contribution-priorities">
              {c.priorities.map((p) => PRIORITY_LABELS[p][lang]).join(', ')}
            </span>
          </Fact>
        )}
      </DataList>
      <Paragraph className="rd-prewrap">{c.body}</Paragraph>
      <FormFeedback submit={select} focusSuccess />
      {manage && (
        <ButtonGroup>
          {c.areas.map((a) =>
            c.exampleAreas.includes(a) ? (
              <Paragraph key={a} className="rd-hint">
                {fmt(t.contributions.isExample, { code: a })}
              </Paragraph>
            ) : (
              <Button
                key={a}
                appearance="secondary-action-button"
                type="button"
                busy={select.busy}
                disabled={select.busy}
                onClick={() => void select.run(a)}
              >
                {fmt(t.contributions.select, { code: a })}
                <span className="rd-visually-hidden"> ({c.title})</span>
              </Button>
            ),
          )}
        </ButtonGroup>
      )}
    </article>
  );
}
