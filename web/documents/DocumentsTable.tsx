import { Heading, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Document } from '../../src/documents/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Unverified } from '../components/ui.tsx';

/** The documents of an instrument: symbol, title (linked to the document), kind, date and language. */
export function DocumentsTable({ docs }: { docs: Document[] }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="documents-heading">
      <Heading level={2} id="documents-heading">
        {t.instrument.documents}
      </Heading>
      <DataTable
        captionId="documents-caption"
        caption={t.instrument.documentsCaption}
        columns={[
          t.instrument.docSymbol,
          t.instrument.docTitle,
          t.instrument.docKind,
          t.instrument.docDate,
          t.instrument.docLanguage,
        ]}
      >
        {docs.map((d) => (
          <TableRow key={d.id}>
            <TableCell>{d.symbol ? <span className="rd-symbol">{d.symbol}</span> : t.common.none}</TableCell>
            <TableHeaderCell scope="row">
              {d.url ? (
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={d.url}
                  rel="noreferrer"
                  hrefLang={d.language}
                >
                  <span lang={d.language}>{d.title}</span>
                </a>
              ) : (
                <span lang={d.language}>{d.title}</span>
              )}{' '}
              {!d.verified && <Unverified />}
            </TableHeaderCell>
            <TableCell>{t.documentKinds[d.kind] ?? d.kind}</TableCell>
            <TableCell>{date(d.date)}</TableCell>
            <TableCell>{d.language}</TableCell>
          </TableRow>
        ))}
      </DataTable>
    </section>
  );
}
