import { useState, type FormEvent } from 'react';
import { Button } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { SelectField } from '../components/form/index.ts';
import { defaultReportYear } from './search.ts';
import './texts.ts';

/**
 * The choice of the report's year, as a small form: the years given, the chosen one and the
 * current report year are offered, newest first; "Tonen" calls `onChoose`.
 */
export function YearChoice({
  year,
  years,
  onChoose,
}: {
  year: number;
  years: number[];
  onChoose: (year: number) => void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(String(year));
  const options = [...new Set([...years, year, defaultReportYear()])]
    .sort((a, b) => b - a)
    .map((y) => ({ value: String(y), label: String(y) }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onChoose(Number(chosen));
  };
  return (
    <form onSubmit={onSubmit} aria-label={t.framework.yearLegend} className="rd-filter">
      <SelectField
        label={t.framework.yearLabel}
        name="year"
        value={chosen}
        onChange={setChosen}
        options={options}
      />
      <Button appearance="secondary-action-button" type="submit">
        {t.framework.show}
      </Button>
    </form>
  );
}
