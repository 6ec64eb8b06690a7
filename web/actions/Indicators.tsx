import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ValueType, type Action, type Indicator } from '../../src/actions/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import {
  FormPanel,
  SelectField,
  TextField,
  useEditor,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';
import { actionKey, addMeasurement, createIndicator } from './api.ts';
import { formatEuros, parseAmount } from './money.ts';
import '../i18n/followup-texts.ts';

/** A value as the user reads it: in euros for an amount, with a percent sign for a percentage. */
function useValueText() {
  const { lang } = useI18n();
  return (i: Pick<Indicator, 'valueType' | 'unit'>, v: number | null, unit = i.unit) => {
    if (v === null) return '';
    if (i.valueType === 'amount' && unit === '€') return formatEuros(v, lang);
    const n = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(
      v,
    );
    return `${n} ${unit}`;
  };
}

/** The indicators of an action, each with its measurements against the target, and the forms to add them. */
export function Indicators({ a }: { a: Action }) {
  const { t } = useI18n();
  const editor = useEditor<'new'>();
  return (
    <section aria-labelledby="indicators-heading" data-testid="indicators">
      <Heading level={2} id="indicators-heading">
        {t.actions.indicatorsHeading}
      </Heading>
      {editor.notice}
      {a.indicators.length === 0 && <Paragraph>{t.actions.indicatorsNone}</Paragraph>}
      {a.indicators.map((i) => (
        <IndicatorView key={i.id} i={i} canMeasure={a.abilities.measure} />
      ))}
      {a.abilities.edit &&
        (editor.value === 'new' ? (
          <IndicatorForm actionId={a.id} onDone={(m) => editor.close(m)} />
        ) : (
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
            {t.actions.newIndicator}
          </Button>
        ))}
    </section>
  );
}

function IndicatorView({ i, canMeasure }: { i: Indicator; canMeasure: boolean }) {
  const { t, date } = useI18n();
  const value = useValueText();
  const editor = useEditor<'new'>();
  const headingId = `indicator-${i.id}`;
  return (
    <article aria-labelledby={headingId} className="rd-cl-indicator" data-testid="indicator">
      <Heading level={3} id={headingId}>
        {i.name}
      </Heading>
      <Paragraph>
        {t.actions.valueTypes[i.valueType]} · {t.actions.unit}: {i.unit}
        {i.baseline !== null && (
          <>
            {' · '}
            {t.actions.baseline}: {value(i, i.baseline)}
            {i.baselineDate && ` (${date(i.baselineDate)})`}
          </>
        )}
        {i.target !== null && (
          <>
            {' · '}
            {t.actions.target}: {value(i, i.target)}
            {i.targetDate && ` (${date(i.targetDate)})`}
          </>
        )}
      </Paragraph>
      {i.source && (
        <Paragraph className="rd-subtle">
          {t.actions.indicatorSource}: {i.source}
        </Paragraph>
      )}
      {editor.notice}
      {i.measurements.length === 0 ? (
        <Paragraph>{t.actions.measurementsNone}</Paragraph>
      ) : (
        <DataTable
          captionId={`${headingId}-caption`}
          caption={fmt(t.actions.measurementsCaption, { name: i.name })}
          testId="measurements-table"
          columns={[t.actions.measuredOn, t.actions.value, t.actions.target, t.actions.note]}
        >
          {i.measurements.map((m) => (
            <TableRow key={m.id}>
              <TableHeaderCell scope="row">{date(m.measuredOn)}</TableHeaderCell>
              <TableCell>{value(i, m.value, m.unit)}</TableCell>
              <TableCell>{i.target === null ? t.common.none : value(i, i.target)}</TableCell>
              <TableCell>{m.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {canMeasure &&
        (editor.value === 'new' ? (
          <MeasurementForm i={i} onDone={(m) => editor.close(m)} />
        ) : (
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
            {t.actions.newMeasurement}
            <span className="rd-visually-hidden"> {i.name}</span>
          </Button>
        ))}
    </article>
  );
}

const numberOrNull = (s: string, lang: 'nl' | 'en') => (s.trim() ? parseAmount(s, lang) : null);

function IndicatorForm({ actionId, onDone }: { actionId: string; onDone(message: string | null): void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const form = useForm(
    {
      name: '',
      valueType: 'count',
      unit: '',
      baseline: '',
      baselineDate: '',
      target: '',
      targetDate: '',
      source: '',
    },
    {
      validate: (v): FieldErrors => {
        const e: FieldErrors = {};
        if (!v.name.trim()) e.name = t.actions.nameRequired;
        if (!v.unit.trim()) e.unit = t.actions.unitRequired;
        for (const k of ['baseline', 'target'] as const)
          if (v[k].trim() && Number.isNaN(parseAmount(v[k], lang))) e[k] = t.actions.numberInvalid;
        return e;
      },
      action: (v) =>
        createIndicator(actionId, {
          name: v.name.trim(),
          valueType: v.valueType as ValueType,
          unit: v.unit.trim(),
          baseline: numberOrNull(v.baseline, lang),
          baselineDate: v.baselineDate || null,
          target: numberOrNull(v.target, lang),
          targetDate: v.targetDate || null,
          source: v.source.trim() || null,
        }),
      success: t.actions.indicatorSaved,
      onSuccess: (r, message) => {
        qc.setQueryData(actionKey(actionId), r);
        onDone(message);
      },
    },
  );
  return (
    <FormPanel
      title={t.actions.newIndicator}
      headingLevel={3}
      panel
      focusOnMount
      submit={form}
      submitLabel={t.actions.saveIndicator}
      onCancel={() => onDone(null)}
      testId="indicator-form"
      showSuccess={false}
    >
      <TextField label={t.actions.indicatorName} {...form.field('name')} required />
      <SelectField
        label={t.actions.valueType}
        options={ValueType.options.map((v) => ({ value: v, label: t.actions.valueTypes[v] }))}
        {...form.field('valueType')}
        required
      />
      <TextField label={t.actions.unit} hint={t.actions.unitHint} {...form.field('unit')} required />
      <div className="rd-fu-period">
        <TextField label={t.actions.baseline} {...form.field('baseline')} />
        <TextField label={t.actions.baselineDate} type="date" {...form.field('baselineDate')} />
      </div>
      <div className="rd-fu-period">
        <TextField label={t.actions.target} {...form.field('target')} />
        <TextField label={t.actions.targetDate} type="date" {...form.field('targetDate')} />
      </div>
      <TextField label={t.actions.indicatorSource} {...form.field('source')} />
    </FormPanel>
  );
}

/** Recording a measurement: the date, the value and the unit (the indicator's, which the server checks). */
function MeasurementForm({ i, onDone }: { i: Indicator; onDone(message: string | null): void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const form = useForm(
    { measuredOn: new Date().toISOString().slice(0, 10), value: '', unit: i.unit, note: '' },
    {
      validate: (v): FieldErrors => {
        const e: FieldErrors = {};
        if (!v.measuredOn) e.measuredOn = t.actions.dateRequired;
        if (Number.isNaN(parseAmount(v.value, lang))) e.value = t.actions.numberInvalid;
        if (!v.unit.trim()) e.unit = t.actions.unitRequired;
        return e;
      },
      action: (v) =>
        addMeasurement(i.id, {
          measuredOn: v.measuredOn,
          value: parseAmount(v.value, lang),
          unit: v.unit.trim(),
          note: v.note.trim() || null,
        }),
      success: t.actions.measurementSaved,
      onSuccess: (r, message) => {
        qc.setQueryData(actionKey(i.actionId), r);
        onDone(message);
      },
    },
  );
  return (
    <FormPanel
      title={fmt(t.actions.newMeasurementOf, { name: i.name })}
      headingLevel={4}
      panel
      focusOnMount
      submit={form}
      submitLabel={t.actions.saveMeasurement}
      onCancel={() => onDone(null)}
      testId="measurement-form"
      showSuccess={false}
    >
      <div className="rd-fu-period">
        <TextField label={t.actions.measuredOn} type="date" {...form.field('measuredOn')} required />
        <TextField label={t.actions.value} {...form.field('value')} required />
        <TextField label={t.actions.unit} {...form.field('unit')} required />
      </div>
      <TextField label={t.actions.note} {...form.field('note')} />
    </FormPanel>
  );
}
