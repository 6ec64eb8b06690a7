import { useEffect } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { YearTotals } from '../../src/report/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FilterForm, SelectField, useFields } from '../components/form/index.ts';
import { AnnexActivities } from './AnnexActivities.tsx';
import { AnnexImport } from './AnnexImport.tsx';
import { AnnexSectors } from './AnnexSectors.tsx';
import { useAnnexTotals } from './annex-api.ts';
import type { AnnexSearch } from './annex-search.ts';
import { ExpenditureComparison } from './ExpenditureComparison.tsx';
import { ExpenditureYear } from './ExpenditureTable.tsx';
import { ReportNav } from './ReportNav.tsx';
import './annex.css';
import './annex-texts.ts';

/**
 * The financial annex of the annual human rights report: per year a table of the priorities with
 * their expenditures on a cash basis and the year's notes, a bar chart on request, the comparison of
 * the years chosen; for BZ's and BZK's coordinators the imports, the activities' priorities and the
 * human rights sectors.
 */
export function AnnexPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.annex.title}>
      {() => (
        <>
          <ReportNav />
          <Paragraph>{t.annex.intro}</Paragraph>
          <Paragraph>{t.annex.noPie}</Paragraph>
          <Annex />
        </>
      )}
    </SignedInPage>
  );
}

function Annex() {
  const { t } = useI18n();
  const search = useSearch({ from: '/rapportage/financien' });
  const totals = useAnnexTotals();
  const all = totals.data?.years ?? [];
  const shown = all.filter(
    (y) =>
      (search.from === undefined || y.year >= search.from) &&
      (search.to === undefined || y.year <= search.to),
  );
  return (
    <>
      <QueryState query={totals} />
      {totals.data &&
        (all.length === 0 ? (
          <Paragraph data-testid="annex-empty">{t.annex.empty}</Paragraph>
        ) : (
          <>
            <YearRange years={all} search={search} />
            {shown.length === 0 && <Paragraph data-testid="annex-empty">{t.annex.emptyRange}</Paragraph>}
            {shown.map((y) => (
              <ExpenditureYear key={y.year} totals={y} />
            ))}
            {shown.length > 1 && <ExpenditureComparison years={shown} />}
          </>
        ))}
      {totals.data?.abilities.manage && (
        <section aria-labelledby="annex-manage" className="rd-annex-manage">
          <Heading level={2} id="annex-manage">
            {t.annex.manage}
          </Heading>
          <AnnexImport />
          <AnnexActivities />
          <AnnexSectors />
        </section>
      )}
    </>
  );
}

const rangeOf = (s: AnnexSearch, years: YearTotals[]) => ({
  from: String(s.from ?? years[0]?.year ?? ''),
  to: String(s.to ?? years.at(-1)?.year ?? ''),
});

/** The first and last year shown; the choice goes into the URL, so that it can be bookmarked. */
function YearRange({ years, search }: { years: YearTotals[]; search: AnnexSearch }) {
  const { t } = useI18n();
  const navigate = useNavigate({ from: '/rapportage/financien' });
  const fields = useFields(() => rangeOf(search, years));
  const setValues = fields.setValues;
  const key = JSON.stringify(rangeOf(search, years));
  // The form follows the URL and the years there are (back and forward, an import).
  useEffect(() => setValues(JSON.parse(key) as ReturnType<typeof rangeOf>), [key, setValues]);
  const options = years.map((y) => ({ value: String(y.year), label: String(y.year) }));
  return (
    <FilterForm
      fields={fields}
      legend={t.annex.rangeLegend}
      submitLabel={t.annex.show}
      className="rd-annex-range"
      onApply={(v) => {
        const [from, to] = [Number(v.from), Number(v.to)].sort((a, b) => a - b);
        void navigate({ search: { from, to } });
      }}
    >
      <SelectField label={t.annex.from} options={options} {...fields.field('from')} />
      <SelectField label={t.annex.to} options={options} {...fields.field('to')} />
    </FilterForm>
  );
}
