import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { SavedSearch, SavedSearchCreate } from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { QueryTable } from '../components/QueryTable.tsx';
import {
  FormFeedback,
  FormPanel,
  TextField,
  useForm,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { ActionButton, AppLink } from '../components/ui.tsx';
import { useFilterLabel } from './Facets.tsx';
import { FILTER_KEYS, queryToSearch, searchToQuery, type RecommendationsSearch } from './search.ts';

const SAVED_KEY = ['saved-searches'] as const;

/** The user's saved searches: save the current one under a name, reopen or delete one. */
export function SavedSearches({ search }: { search: RecommendationsSearch }) {
  const { t, dateTime } = useI18n();
  const label = useFilterLabel();
  const qc = useQueryClient();
  const saved = useQuery({
    queryKey: SAVED_KEY,
    queryFn: () => api<{ items: SavedSearch[] }>('GET', '/api/saved-searches'),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: SAVED_KEY });
  const form = useForm(
    { name: '' },
    {
      validate: (v): FieldErrors => (v.name.trim() ? {} : { name: t.recommendations.saveNameRequired }),
      action: (v) =>
        api<SavedSearch>('POST', '/api/saved-searches', {
          name: v.name.trim(),
          query: searchToQuery(search),
        } satisfies z.input<typeof SavedSearchCreate>),
      success: (s) => fmt(t.recommendations.saved, { name: s.name }),
      onSuccess: () => {
        form.set('name', '');
        return refresh();
      },
    },
  );
  const remove = useSubmit({
    action: (s: SavedSearch) =>
      api<void>('DELETE', `/api/saved-searches/${s.id}${qs({ version: s.version })}`),
    success: (_r, s) => fmt(t.recommendations.deletedSaved, { name: s.name }),
    onSuccess: refresh,
  });
  const describe = (query: string) => {
    const s = queryToSearch(query);
    const parts = FILTER_KEYS.filter((k) => s[k] !== undefined).map(
      (k) => `${t.recommendations.facets[k] ?? k}: ${label(k, String(s[k]))}`,
    );
    return parts.length ? parts.join('; ') : t.recommendations.savedEmptyQuery;
  };
  return (
    <section className="rd-panel" aria-labelledby="rec-saved-heading">
      <Heading level={2} id="rec-saved-heading">
        {t.recommendations.savedHeading}
      </Heading>
      <FormPanel labelledBy="rec-saved-heading" submit={form} submitLabel={t.recommendations.saveButton}>
        <TextField label={t.recommendations.saveName} {...form.field('name')} name="savedName" required />
      </FormPanel>
      <FormFeedback submit={remove} focusSuccess />
      <QueryTable
        query={saved}
        empty={t.recommendations.savedNone}
        captionId="rec-saved-caption"
        caption={t.recommendations.savedCaption}
        columns={[
          t.recommendations.savedName,
          t.recommendations.savedQuery,
          t.recommendations.savedCreated,
          t.recommendations.savedActions,
        ]}
        testId="saved-searches"
        row={(s) => (
          <TableRow key={s.id}>
            <TableHeaderCell scope="row">
              <AppLink to="/recommendations" search={queryToSearch(s.query)}>
                {s.name}
              </AppLink>
            </TableHeaderCell>
            <TableCell>{describe(s.query)}</TableCell>
            <TableCell>{dateTime(s.createdAt)}</TableCell>
            <TableCell>
              <ActionButton
                text={t.recommendations.deleteSaved}
                subject={s.name}
                onClick={() => void remove.run(s)}
              />
            </TableCell>
          </TableRow>
        )}
      />
    </section>
  );
}
