import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { Pager } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { excerpt, useRecommendationRef } from '../recommendations/ResultList.tsx';
import { useImportSuggestions } from './api.ts';
import { SuggestionList } from './SuggestionList.tsx';
import { TagImportButton } from './TagImport.tsx';

const PAGE_SIZE = 20;

/** The new recommendations of an import, each with the tags the model suggests, to accept or reject. */
export function ImportSuggestionsPage() {
  const { importId } = useParams({ from: '/suggesties/$importId' });
  const { t } = useI18n();
  return (
    <SignedInPage
      title={t.suggestions.pageTitle}
      back={<AppLink to="/imports">{t.suggestions.backToImports}</AppLink>}
    >
      {() => <ImportSuggestions importId={importId} />}
    </SignedInPage>
  );
}

function ImportSuggestions({ importId }: { importId: string }) {
  const { t, dateTime } = useI18n();
  const ref = useRecommendationRef();
  const [page, setPage] = useState(1);
  const query = useImportSuggestions(importId, page, PAGE_SIZE);
  const s = query.data;
  return (
    <>
      <Paragraph appearance="lead">{t.suggestions.pageIntro}</Paragraph>
      <QueryState query={query} notFound={t.suggestions.notFound} />
      {s && (
        <>
          <Paragraph data-testid="import-facts">
            {fmt(t.suggestions.importFacts, {
              file: s.fileName,
              date: dateTime(s.importedAt),
              total: s.total,
              untagged: s.untagged,
            })}
          </Paragraph>
          {!s.abilities.decide && <Paragraph>{t.suggestions.readOnly}</Paragraph>}
          {s.abilities.decide && (
            <TagImportButton importId={importId} modelVersion={s.modelVersion} untagged={s.untagged} />
          )}
          <Heading level={2}>{t.suggestions.recommendationsCaption}</Heading>
          <ol className="rd-sg-recs" data-testid="import-suggestion-list">
            {s.items.map((r) => (
              <li key={r.id} data-testid="import-recommendation" data-id={r.id}>
                <Heading level={3} id={`sg-rec-${r.id}`} appearance="utrecht-heading-5">
                  <AppLink to="/recommendations/$id" params={{ id: r.id }}>
                    {ref(r)}
                  </AppLink>
                </Heading>
                <Paragraph lang="en">{excerpt(r.text, 320)}</Paragraph>
                <Paragraph className="rd-subtle">
                  {r.tagCount === 0
                    ? t.suggestions.noTags
                    : r.tagCount === 1
                      ? t.suggestions.tagOne
                      : fmt(t.suggestions.tagCount, { count: r.tagCount })}
                </Paragraph>
                <SuggestionList
                  recommendationId={r.id}
                  modelVersion={s.modelVersion}
                  items={r.suggestions}
                  mayDecide={s.abilities.decide}
                  labelledBy={`sg-rec-${r.id}`}
                  empty={t.suggestions.noSuggestions}
                />
              </li>
            ))}
          </ol>
          {s.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={s.total} onPage={setPage} />}
        </>
      )}
    </>
  );
}
