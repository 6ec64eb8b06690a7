import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Area, Framework } from '../../src/report/framework-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { QueryState } from '../components/feedback.tsx';
import {
  FormFeedback,
  FormPanel,
  TextField,
  useEditor,
  useFields,
  useSubmit,
} from '../components/form/index.ts';
import { ActionButton, AppLink, Unverified } from '../components/ui.tsx';
import { copyFramework, frameworkKey, updateArea, useFramework } from './api.ts';
import { GoalList } from './GoalList.tsx';
import { ReportNav } from './ReportNav.tsx';
import { YearChoice } from './YearChoice.tsx';
import { defaultReportYear } from './search.ts';
import './texts.ts';

/** The results framework of one year: areas → priorities → goals → indicators, and the copy to the next year. */
export function FrameworkPage() {
  const { t } = useI18n();
  const search = useSearch({ from: '/resultatenkader' });
  const year = search.year ?? defaultReportYear();
  const fw = useFramework(year);
  const navigate = useNavigate();
  return (
    <SignedInPage title={fmt(t.framework.title, { year })}>
      {() => (
        <>
          <ReportNav />
          <Paragraph>{t.framework.intro}</Paragraph>
          <YearChoice
            year={year}
            years={fw.data?.years ?? []}
            onChoose={(y) => void navigate({ to: '/resultatenkader', search: { year: y } })}
          />
          <QueryState query={fw} />
          {fw.data && <FrameworkView fw={fw.data} />}
        </>
      )}
    </SignedInPage>
  );
}

function FrameworkView({ fw }: { fw: Framework }) {
  const { t } = useI18n();
  if (fw.areas.length === 0)
    return <Paragraph data-testid="framework-empty">{fmt(t.framework.empty, { year: fw.year })}</Paragraph>;
  return (
    <>
      {fw.abilities.edit && <CopyToNext year={fw.year} exists={fw.years.includes(fw.year + 1)} />}
      {fw.areas.map((a) => (
        <AreaSection key={a.id} year={fw.year} area={a} edit={fw.abilities.edit} />
      ))}
    </>
  );
}

function AreaSection({ year, area, edit }: { year: number; area: Area; edit: boolean }) {
  const { t, lang } = useI18n();
  const editor = useEditor<'edit'>();
  const title = lang === 'nl' ? area.titleNl : area.titleEn;
  const headingId = `framework-area-${area.code}`;
  return (
    <section aria-labelledby={headingId} data-testid={`framework-area-${area.code}`}>
      <Heading level={2} id={headingId}>
        {fmt(t.framework.area, { code: area.code, title })}{' '}
        {lang === 'nl' && !area.titleNlVerified && <Unverified />}
      </Heading>
      {lang === 'nl' && area.titleNlSource && (
        <Paragraph className="rd-hint">{fmt(t.framework.source, { source: area.titleNlSource })}</Paragraph>
      )}
      {editor.notice}
      {edit &&
        (editor.value === 'edit' ? (
          <AreaForm year={year} area={area} onDone={(m) => editor.close(m)} />
        ) : (
          <ActionButton text={t.framework.editArea} subject={title} onClick={() => editor.open('edit')} />
        ))}
      {area.priorities.length > 0 && (
        <>
          <Heading level={3}>{t.framework.priorities}</Heading>
          {area.priorities.map((p) => {
            const name = lang === 'nl' ? p.labelNl : p.labelEn;
            return (
              <section key={p.id} aria-label={name} data-testid={`framework-priority-${p.priority}`}>
                <Heading level={4}>
                  {name} {lang === 'nl' && !p.labelNlVerified && <Unverified />}
                </Heading>
                <GoalList year={year} parent={{ priorityId: p.id }} name={name} goals={p.goals} edit={edit} />
              </section>
            );
          })}
        </>
      )}
      <Heading level={3}>{t.framework.goals}</Heading>
      <GoalList year={year} parent={{ areaId: area.id }} name={title} goals={area.goals} edit={edit} />
    </section>
  );
}

function AreaForm({ year, area, onDone }: { year: number; area: Area; onDone: (m?: string | null) => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const fields = useFields({ titleNl: area.titleNl, titleEn: area.titleEn });
  const submit = useSubmit<unknown>({
    action: () => updateArea(area.id, { ...fields.values, version: area.version }),
    success: t.framework.areaSaved,
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: frameworkKey(year) });
      onDone(message);
    },
  });
  return (
    <FormPanel
      title={t.framework.editArea}
      headingLevel={3}
      focusOnMount
      panel
      submit={submit}
      submitLabel={t.framework.save}
      onCancel={() => onDone()}
    >
      <TextField label={t.framework.titleNl} required {...fields.field('titleNl')} />
      <TextField label={t.framework.titleEn} required {...fields.field('titleEn')} />
    </FormPanel>
  );
}

function CopyToNext({ year, exists }: { year: number; exists: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const copy = useSubmit<{ goals: number }>({
    action: () => copyFramework(year),
    success: (r) => fmt(t.framework.copied, { from: year, to: year + 1, goals: r.goals }),
    onSuccess: async () => {
      setConfirming(false);
      setDone(true);
      await qc.invalidateQueries({ queryKey: ['report', 'framework'] });
    },
  });
  return (
    <div data-testid="framework-copy">
      <FormFeedback submit={copy} focusSuccess />
      {(done || exists) && (
        <Paragraph>
          <AppLink to="/resultatenkader" search={{ year: year + 1 }}>
            {fmt(t.framework.openCopy, { year: year + 1 })}
          </AppLink>
        </Paragraph>
      )}
      {!exists &&
        !done &&
        (confirming ? (
          <Confirmation
            question={fmt(t.framework.copyQuestion, { from: year, to: year + 1 })}
            yes={t.framework.copyYes}
            submit={copy}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={() => setConfirming(true)}>
              {fmt(t.framework.copy, { year: year + 1 })}
            </Button>
          </ButtonGroup>
        ))}
    </div>
  );
}
