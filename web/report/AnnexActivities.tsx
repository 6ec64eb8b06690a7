import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { AnnexActivity } from '../../src/report/schema.ts';
import { PRIORITY_CODES, PRIORITY_LABELS, type PriorityCode } from '../../src/report/priorities.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import {
  FormPanel,
  SelectField,
  TextField,
  useEditor,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { ActionButton } from '../components/ui.tsx';
import { annexKey, formatEuro, setActivityPriority, useAnnexActivities } from './annex-api.ts';
import './annex-texts.ts';

/** The priorities as options, in the order of the annex. */
function usePriorityOptions() {
  const { lang } = useI18n();
  return PRIORITY_CODES.map((p) => ({ value: p, label: PRIORITY_LABELS[p][lang] }));
}

/**
 * The IATI activities of the annex with the priority each counts for, and the way to change it
 * (its payments move along); a priority can be set for an activity not yet imported too.
 */
export function AnnexActivities() {
  const { t, lang } = useI18n();
  const activities = useAnnexActivities();
  const editor = useEditor<AnnexActivity>();
  const items = activities.data?.items ?? [];
  const locale = t.meta.locale;
  return (
    <section aria-labelledby="annex-activities" data-testid="annex-activities">
      <Heading level={3} id="annex-activities">
        {t.annex.activities}
      </Heading>
      <Paragraph>{t.annex.activitiesIntro}</Paragraph>
      <QueryState query={activities} />
      {editor.notice}
      {activities.data &&
        (items.length === 0 ? (
          <Paragraph>{t.annex.noActivities}</Paragraph>
        ) : (
          <DataTable
            captionId="annex-activities-caption"
            caption={t.annex.activitiesCaption}
            columns={[
              t.annex.activity,
              t.annex.activityTitle,
              t.annex.payments,
              t.annex.amount,
              t.annex.paid,
              t.annex.priority,
            ]}
            testId="annex-activity-table"
          >
            {items.map((a) => (
              <TableRow key={a.activityIdentifier} data-activity={a.activityIdentifier}>
                <TableHeaderCell scope="row">
                  <span className="rd-code">{a.activityIdentifier}</span>
                </TableHeaderCell>
                <TableCell>
                  {/* The title as the ministry published it, in whichever language. */}
                  <span data-recorded="">{a.description ?? t.common.none}</span>
                </TableCell>
                <TableCell className="rd-annex-num">{a.payments}</TableCell>
                <TableCell className="rd-annex-num">{formatEuro(locale, a.amountEur)}</TableCell>
                <TableCell>
                  {a.firstPaidOn && a.lastPaidOn
                    ? `${a.firstPaidOn.slice(0, 4)}–${a.lastPaidOn.slice(0, 4)}`
                    : t.annex.notImported}
                </TableCell>
                <TableCell data-testid="annex-activity-priority">
                  {PRIORITY_LABELS[a.priority][lang]}
                  {a.version === null && ` ${t.annex.notSet}`}{' '}
                  <ActionButton
                    text={t.annex.change}
                    subject={a.activityIdentifier}
                    onClick={() => editor.open(a)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        ))}
      {editor.value && (
        <PriorityForm
          key={editor.value.activityIdentifier}
          activity={editor.value}
          onDone={(m) => editor.close(m)}
        />
      )}
      <OtherActivityForm items={items} />
    </section>
  );
}

function PriorityForm({
  activity,
  onDone,
}: {
  activity: AnnexActivity;
  onDone(message?: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const options = usePriorityOptions();
  const fields = useFields({ priority: activity.priority as string });
  const submit = useSubmit({
    action: () =>
      setActivityPriority(activity.activityIdentifier, {
        priority: fields.values.priority as PriorityCode,
        ...(activity.version === null ? {} : { version: activity.version }),
      }),
    success: (r) =>
      fmt(t.annex.priorityChanged, { activity: r.activityIdentifier, moved: r.expendituresMoved }),
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: annexKey });
      onDone(message);
    },
  });
  return (
    <FormPanel
      title={fmt(t.annex.changeTitle, { activity: activity.activityIdentifier })}
      headingLevel={4}
      focusOnMount
      panel
      narrow
      submit={submit}
      submitLabel={t.annex.save}
      onCancel={() => onDone()}
      testId="annex-priority-form"
    >
      <SelectField label={t.annex.priority} options={options} {...fields.field('priority')} />
    </FormPanel>
  );
}

/** A priority for an activity by its identifier: one the import skipped is taken the next time. */
function OtherActivityForm({ items }: { items: AnnexActivity[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const options = usePriorityOptions();
  const fields = useFields({ identifier: '', priority: 'other' });
  const submit = useSubmit({
    validate: (): FieldErrors =>
      fields.values.identifier.trim() ? {} : { identifier: t.annex.identifierRequired },
    action: () => {
      const identifier = fields.values.identifier.trim();
      // An activity listed already changes from the version shown.
      const known = items.find((a) => a.activityIdentifier === identifier)?.version;
      return setActivityPriority(identifier, {
        priority: fields.values.priority as PriorityCode,
        ...(known == null ? {} : { version: known }),
      });
    },
    success: (r) =>
      fmt(t.annex.priorityChanged, { activity: r.activityIdentifier, moved: r.expendituresMoved }),
    onSuccess: async () => {
      fields.setValues({ identifier: '', priority: 'other' });
      await qc.invalidateQueries({ queryKey: annexKey });
    },
  });
  return (
    <FormPanel
      title={t.annex.other}
      headingLevel={4}
      intro={<Paragraph>{t.annex.otherIntro}</Paragraph>}
      narrow
      submit={submit}
      submitLabel={t.annex.set}
      testId="annex-other-activity"
    >
      <TextField
        label={t.annex.identifier}
        required
        error={submit.fieldErrors.identifier}
        {...fields.field('identifier')}
      />
      <SelectField label={t.annex.priority} options={options} {...fields.field('priority')} />
    </FormPanel>
  );
}
