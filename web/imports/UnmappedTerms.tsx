import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { UnmappedTerm } from '../../src/recommendations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import type { Term } from '../../src/taxonomy/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import {
  FilterForm,
  FormFeedback,
  TextField,
  useEditor,
  useFields,
  useSubmit,
} from '../components/form/index.ts';
import { ActionButton } from '../components/ui.tsx';

type Spelling = Pick<UnmappedTerm, 'scheme' | 'spelling'>;

/** Spellings that no taxonomy term knows, with their counts; where allowed, a button to map each. */
export function UnmappedTable(props: {
  id: string;
  caption: string;
  items: UnmappedTerm[];
  onMap?: (item: Spelling) => void;
}) {
  const { t } = useI18n();
  return (
    <DataTable
      captionId={`${props.id}-caption`}
      caption={props.caption}
      columns={[
        t.imports.spelling,
        t.imports.scheme,
        t.imports.count,
        Boolean(props.onMap) && t.imports.mapButton,
      ]}
      testId={props.id}
    >
      {props.items.map((u) => (
        <TableRow key={`${u.scheme}|${u.spelling}`}>
          <TableHeaderCell scope="row" lang="en">
            {u.spelling}
          </TableHeaderCell>
          <TableCell>{t.recommendations.schemes[u.scheme] ?? u.scheme}</TableCell>
          <TableCell>{u.count}</TableCell>
          {props.onMap && (
            <TableCell>
              <ActionButton
                text={t.imports.mapButton}
                subject={u.spelling}
                onClick={() => props.onMap?.(u)}
              />
            </TableCell>
          )}
        </TableRow>
      ))}
    </DataTable>
  );
}

/** The spellings imports brought in that no term knows; who may edit the taxonomy maps them to a term. */
export function UnmappedTerms({ mayMap }: { mayMap: boolean }) {
  const { t } = useI18n();
  const editor = useEditor<Spelling>();
  const unmapped = useQuery({
    queryKey: ['unmapped-terms'],
    queryFn: () => api<{ items: UnmappedTerm[] }>('GET', '/api/recommendations-unmapped-terms'),
  });
  return (
    <section aria-labelledby="import-map-heading">
      <Heading level={2} id="import-map-heading">
        {t.imports.mapHeading}
      </Heading>
      <Paragraph>{t.imports.mapIntro}</Paragraph>
      <QueryState query={unmapped} />
      {editor.notice}
      {unmapped.data &&
        (unmapped.data.items.length === 0 ? (
          <Paragraph>{t.imports.mapNone}</Paragraph>
        ) : (
          <UnmappedTable
            id="unmapped-terms"
            caption={t.imports.unmappedCaption}
            items={unmapped.data.items}
            onMap={mayMap ? editor.open : undefined}
          />
        ))}
      {editor.value && (
        <MapForm
          key={`${editor.value.scheme}|${editor.value.spelling}`}
          item={editor.value}
          onClose={editor.close}
        />
      )}
    </section>
  );
}

/** Finds the term a spelling means and makes the spelling an alias of it. */
function MapForm({ item, onClose }: { item: Spelling; onClose(done?: string | null): void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const search = useFields({ termQ: item.spelling });
  const [query, setQuery] = useState(item.spelling);
  const terms = useQuery({
    queryKey: ['taxonomy-terms', item.scheme, query],
    queryFn: () =>
      api<Page<Term>>('GET', `/api/taxonomy/terms${qs({ scheme: item.scheme, q: query, pageSize: 20 })}`),
  });
  const termLabel = (x: Term) => (lang === 'nl' && x.labelNl ? x.labelNl : x.labelEn);
  const label = (x: Term) => `${x.code} ${termLabel(x)}`;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const map = useSubmit({
    action: (term: Term) =>
      api<Term>('POST', `/api/taxonomy/terms/${term.id}/aliases`, { alias: item.spelling }),
    success: (term) => fmt(t.imports.mapped, { spelling: item.spelling, term: label(term) }),
    onSuccess: async (_term, message) => {
      await qc.invalidateQueries({ queryKey: ['unmapped-terms'] });
      onClose(message);
    },
  });
  return (
    <section className="rd-panel" aria-labelledby="import-mapform-heading" data-testid="map-form">
      <Heading level={3} id="import-mapform-heading" tabIndex={-1} ref={heading}>
        {fmt(t.imports.mapFormHeading, { spelling: item.spelling })}
      </Heading>
      <FilterForm
        submitLabel={t.imports.termSearchButton}
        fields={search}
        onApply={(v) => setQuery(v.termQ.trim())}
        actions={
          <Button appearance="secondary-action-button" type="button" onClick={() => onClose()}>
            {t.imports.cancel}
          </Button>
        }
      >
        <TextField label={t.imports.termSearch} hint={t.imports.termSearchHint} {...search.field('termQ')} />
      </FilterForm>
      <FormFeedback submit={map} />
      <QueryTable
        query={terms}
        empty={t.imports.noTermsFound}
        captionId="import-terms-caption"
        caption={t.imports.termsCaption}
        columns={[t.imports.termCode, t.imports.termLabel, t.imports.choose]}
        testId="term-choices"
        row={(x) => (
          <TableRow key={x.id}>
            <TableCell>
              <span className="rd-code">{x.code}</span>
            </TableCell>
            <TableHeaderCell scope="row">{termLabel(x)}</TableHeaderCell>
            <TableCell>
              <ActionButton
                text={t.imports.choose}
                subject={label(x)}
                disabled={map.busy}
                onClick={() => void map.run(x)}
              />
            </TableCell>
          </TableRow>
        )}
      />
    </section>
  );
}
