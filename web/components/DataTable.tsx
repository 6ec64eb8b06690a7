import type { ReactNode } from 'react';
import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';

/** A horizontally scrollable table container, reachable by keyboard (scrollable-region-focusable). */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="rd-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A table with its caption (which names the scroll region too) and column headers; the rows are
 * the children. A column given as false is left out.
 */
export function DataTable(props: {
  captionId: string;
  caption: ReactNode;
  columns: (string | false)[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll labelledBy={props.captionId}>
      <Table className="rd-table" data-testid={props.testId}>
        <TableCaption id={props.captionId}>{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {props.columns.map(
              (c, i) =>
                c !== false && (
                  <TableHeaderCell key={i} scope="col">
                    {c}
                  </TableHeaderCell>
                ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>{props.children}</TableBody>
      </Table>
    </TableScroll>
  );
}

/** Previous/next paging with a textual position. */
export function Pager(props: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <nav className="rd-pager" aria-label={t.common.pagination}>
      <Button
        appearance="secondary-action-button"
        type="button"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t.common.previous}
      </Button>
      <Paragraph className="rd-pager__status">
        {fmt(props.total === 1 ? t.common.pageOfOne : t.common.pageOf, {
          page: props.page,
          pages,
          total: props.total,
        })}
      </Paragraph>
      <Button
        appearance="secondary-action-button"
        type="button"
        disabled={props.page >= pages}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t.common.next}
      </Button>
    </nav>
  );
}
