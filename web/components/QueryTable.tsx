import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { DataTable, Pager } from './DataTable.tsx';
import { QueryState } from './feedback.tsx';

/**
 * The list a query fetched, as a table: loading and errors, the text for an empty list, a row per
 * item, and (with `paging`) the pager when there is more than one page.
 */
export function QueryTable<T>(props: {
  query: UseQueryResult<{ items: T[]; total?: number }>;
  empty: string;
  captionId: string;
  /** The caption, or a function of the total number of items. */
  caption: string | ((total: number) => string);
  columns: (string | false)[];
  testId?: string;
  row(item: T): ReactNode;
  paging?: { page: number; pageSize: number; onPage(page: number): void };
  /** Shown above the table once there are items (e.g. a note on the time zone). */
  intro?: ReactNode;
}) {
  const { data } = props.query;
  const total = data?.total ?? data?.items.length ?? 0;
  return (
    <>
      <QueryState query={props.query} />
      {data && data.items.length === 0 && <Paragraph>{props.empty}</Paragraph>}
      {data && data.items.length > 0 && (
        <>
          {props.intro}
          <DataTable
            captionId={props.captionId}
            caption={typeof props.caption === 'function' ? props.caption(total) : props.caption}
            columns={props.columns}
            testId={props.testId}
          >
            {data.items.map((item) => props.row(item))}
          </DataTable>
          {props.paging && total > props.paging.pageSize && <Pager {...props.paging} total={total} />}
        </>
      )}
    </>
  );
}
