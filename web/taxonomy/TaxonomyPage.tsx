import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Page } from '../../src/shared/schema.ts';
import { Scheme, type Term } from '../../src/taxonomy/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { filled } from '../lib/search.ts';
import { QueryTable } from '../components/QueryTable.tsx';
import { FilterForm, SelectField, TextField, useFields } from '../components/form/index.ts';
import { PageTitle, Unverified, useDocumentTitle } from '../components/ui.tsx';

const PAGE_SIZE = 50;

/**
 * The taxonomies in full: every term with its English and Dutch label, its spellings and its
 * source. A Dutch label that no source confirms (the UN themes and groups have no official Dutch)
 * is marked as not verified.
 */
export function TaxonomyPage() {
  const { t, lang, results } = useI18n();
  useDocumentTitle(t.taxonomy.title);
  const search = useSearch({ from: '/taxonomy' });
  const navigate = useNavigate({ from: '/taxonomy' });
  const page = search.page ?? 1;
  const filters = useFields({ scheme: search.scheme ?? '', q: search.q ?? '' });

  const list = useQuery({
    queryKey: ['taxonomy-terms', search.scheme ?? '', search.q ?? '', page],
    queryFn: () =>
      api<Page<Term>>(
        'GET',
        `/api/taxonomy/terms${qs({ scheme: search.scheme, q: search.q, page, pageSize: PAGE_SIZE })}`,
      ),
  });

  const schemes = Scheme.options.map((s) => ({ value: s, label: t.taxonomy.schemes[s] }));
  const dutch = lang === 'nl';

  return (
    <>
      <PageTitle>{t.taxonomy.title}</PageTitle>
      <Paragraph appearance="lead">{t.taxonomy.intro}</Paragraph>

      <FilterForm
        legend={t.taxonomy.filterLegend}
        fields={filters}
        resettable
        onApply={(v) => {
          const { scheme, q } = filled(v);
          void navigate({ search: { scheme: scheme as Scheme | undefined, q } });
        }}
      >
        <SelectField
          label={t.taxonomy.scheme}
          {...filters.field('scheme')}
          options={[{ value: '', label: t.common.all }, ...schemes]}
        />
        <TextField label={t.taxonomy.search} type="search" {...filters.field('q')} />
      </FilterForm>

      <QueryTable
        query={list}
        empty={t.common.noResults}
        captionId="taxonomy-caption"
        caption={(total) => `${t.taxonomy.caption} (${results(total)})`}
        columns={[
          t.taxonomy.code,
          dutch ? t.taxonomy.labelNl : t.taxonomy.labelEn,
          dutch ? t.taxonomy.labelEn : t.taxonomy.labelNl,
          t.taxonomy.scheme,
          t.taxonomy.aliases,
          t.common.source,
        ]}
        testId="taxonomy-table"
        paging={{
          page,
          pageSize: PAGE_SIZE,
          onPage: (p) => void navigate({ search: (s) => ({ ...s, page: p }) }),
        }}
        row={(term) => {
          const nl = term.labelNl ? (
            <>
              <span lang="nl">{term.labelNl}</span> {!term.labelNlVerified && <Unverified />}
            </>
          ) : (
            t.common.none
          );
          const en = (
            <>
              <span lang="en">{term.labelEn}</span> {!term.verified && <Unverified />}
            </>
          );
          return (
            <TableRow key={term.id} data-testid={`term-${term.scheme}-${term.code}`}>
              <TableCell>{term.code}</TableCell>
              <TableHeaderCell scope="row">{dutch ? nl : en}</TableHeaderCell>
              <TableCell>{dutch ? en : nl}</TableCell>
              <TableCell>{t.taxonomy.schemes[term.scheme]}</TableCell>
              <TableCell>{term.aliases.length ? term.aliases.join('; ') : t.common.none}</TableCell>
              <TableCell lang="en">
                {dutch && term.labelNlSource ? (
                  <>
                    {term.source ?? t.common.none}
                    <br />
                    <span lang="nl">{t.taxonomy.labelNlSource}:</span> {term.labelNlSource}
                  </>
                ) : (
                  (term.source ?? t.common.none)
                )}
              </TableCell>
            </TableRow>
          );
        }}
      />
    </>
  );
}
