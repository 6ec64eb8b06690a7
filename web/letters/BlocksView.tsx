import { useId } from 'react';
import {
  OrderedList,
  OrderedListItem,
  Paragraph,
  TableCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Block } from '../../src/letters/schema.ts';
import { DataTable } from '../components/DataTable.tsx';
import type { Table } from './blocks.ts';

/** A section's blocks as the page shows them: paragraphs, lists and tables (read only). */
export function BlocksView({ blocks }: { blocks: readonly Block[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'paragraph':
            return (
              <Paragraph key={i} className="rd-preline">
                {b.text}
              </Paragraph>
            );
          case 'bullets':
            return (
              <UnorderedList key={i}>
                {b.items.map((item, k) => (
                  <UnorderedListItem key={k}>{item}</UnorderedListItem>
                ))}
              </UnorderedList>
            );
          case 'numbered':
            return (
              <OrderedList key={i}>
                {b.items.map((item, k) => (
                  <OrderedListItem key={k}>{item}</OrderedListItem>
                ))}
              </OrderedList>
            );
          case 'table':
            return <TableView key={i} table={b} />;
        }
      })}
    </>
  );
}

export function TableView({ table, caption }: { table: Table; caption?: string }) {
  const id = useId();
  return (
    <DataTable
      captionId={id}
      caption={caption ?? table.caption ?? table.columns.join(', ')}
      columns={table.columns}
    >
      {table.rows.map((row, r) => (
        <TableRow key={r}>
          {row.map((cell, c) => (
            <TableCell key={c}>{cell}</TableCell>
          ))}
        </TableRow>
      ))}
    </DataTable>
  );
}
