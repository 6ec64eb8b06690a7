import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import {
  DataList,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { QueryState } from '../components/feedback.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { AppLink, Fact, PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { usePublicLetter, usePublicLetters } from './api.ts';
import { Downloads } from './LetterHeader.tsx';
import { KINDS } from './search.ts';
import './letters.css';
import '../i18n/letters-texts.ts';

/** The kind of a public document in words (the public list names it by its code). */
function useKindLabel() {
  const { t } = useI18n();
  return (kind: string) => {
    const k = KINDS.find((x) => x === kind);
    return k ? t.letters.kinds[k] : kind;
  };
}

/** "Openbare documenten": what has been published, for everyone, without signing in. */
export function PublicLettersPage() {
  const { t, date, dateTime, results } = useI18n();
  useDocumentTitle(t.publicLetters.title);
  const [page, setPage] = useState(1);
  const list = usePublicLetters(page);
  const kind = useKindLabel();
  return (
    <>
      <PageTitle>{t.publicLetters.title}</PageTitle>
      <Paragraph appearance="lead">{t.publicLetters.intro}</Paragraph>
      <QueryTable
        query={list}
        empty={t.publicLetters.none}
        captionId="public-letters-caption"
        caption={(total) => `${t.publicLetters.caption} (${results(total)})`}
        columns={[
          t.letters.docTitle,
          t.letters.kind,
          t.publicLetters.publishedAt,
          t.publicLetters.sentOn,
          t.letters.kamerstuk,
        ]}
        testId="public-letters-table"
        paging={{ page, pageSize: 50, onPage: setPage }}
        row={(d) => (
          <TableRow key={d.id}>
            <TableHeaderCell scope="row">
              <AppLink to="/openbare-documenten/$id" params={{ id: d.id }}>
                {d.title}
              </AppLink>
            </TableHeaderCell>
            <TableCell>{kind(d.kind)}</TableCell>
            <TableCell>{dateTime(d.publishedAt)}</TableCell>
            <TableCell>{date(d.sentOn)}</TableCell>
            <TableCell>{d.kamerstuk ?? t.common.none}</TableCell>
          </TableRow>
        )}
      />
    </>
  );
}

/** One public document: its public text (every redaction applied) and its .docx and PDF. */
export function PublicLetterPage() {
  const { id } = useParams({ from: '/openbare-documenten/$id' });
  const { t, date, dateTime } = useI18n();
  const doc = usePublicLetter(id);
  const d = doc.data;
  const kind = useKindLabel();
  useDocumentTitle(d?.title ?? t.publicLetters.title);
  const file = `/api/public/letters/${encodeURIComponent(id)}/file`;
  return (
    <>
      <Paragraph>
        <AppLink to="/openbare-documenten">{t.publicLetters.back}</AppLink>
      </Paragraph>
      <PageTitle>{d?.title ?? t.publicLetters.title}</PageTitle>
      <QueryState query={doc} notFound={t.publicLetters.notFound} />
      {d && (
        <>
          <DataList className="rd-facts">
            <Fact label={t.letters.kind}>{kind(d.kind)}</Fact>
            <Fact label={t.publicLetters.publishedAt}>{dateTime(d.publishedAt)}</Fact>
            <Fact label={t.publicLetters.sentOn}>{date(d.sentOn)}</Fact>
            <Fact label={t.letters.kamerstuk}>{d.kamerstuk ?? t.common.none}</Fact>
            <Fact label={t.publicLetters.redactions}>{d.redactions}</Fact>
          </DataList>
          <Downloads doc={d} docx={`${file}.docx`} pdf={`${file}.pdf`} />
          <section aria-labelledby="public-text-heading">
            <Heading level={2} id="public-text-heading">
              {t.publicLetters.text}
            </Heading>
            <Paragraph>{t.publicLetters.redactionNote}</Paragraph>
            <div className="rd-woo-text rd-woo-text--public" data-testid="public-text">
              {d.text}
            </div>
          </section>
        </>
      )}
    </>
  );
}
