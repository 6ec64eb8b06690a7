/**
 * A section's content as the text of one textarea, and back. The mapping (explained on the page):
 * - paragraphs are separated by an empty line; lines within a paragraph stay line breaks;
 * - a line starting with "• " is a bullet, one starting with "1. " (any number) a numbered paragraph;
 * - a line starting with "## " is the heading of a subsection, and what follows belongs to it;
 * - a table is not edited here: the line "[Tabel N]" holds its place (the section's N-th table, in
 *   order over the section and its subsections) and the table is kept as it was. A table whose line
 *   was removed is kept at the end of the section.
 */
import type { z } from 'zod';
import type { Block, Subsection } from '../../src/letters/schema.ts';

type Sub = z.infer<typeof Subsection>;
export type Table = Extract<Block, { type: 'table' }>;

export interface Content {
  blocks: Block[];
  subsections: Sub[];
}

const BULLET = /^[•·\-*]\s+/;
const NUMBERED = /^\d+[.)]\s+/;
const TABLE = /^\[Tabel (\d+)\]$/i;
const SUBHEADING = /^##\s+/;

/** Every table of the content, in order: the numbers of the "[Tabel N]" lines. */
export function tablesOf(c: Content): Table[] {
  return [...c.blocks, ...c.subsections.flatMap((s) => s.blocks)].filter(
    (b): b is Table => b.type === 'table',
  );
}

function blocksToText(blocks: Block[], tableNo: { n: number }): string[] {
  return blocks.map((b) => {
    switch (b.type) {
      case 'paragraph':
        return b.text;
      case 'bullets':
        return b.items.map((i) => `• ${i.replace(/\n/g, ' ')}`).join('\n');
      case 'numbered':
        return b.items.map((i, k) => `${k + 1}. ${i.replace(/\n/g, ' ')}`).join('\n');
      case 'table':
        tableNo.n += 1;
        return `[Tabel ${tableNo.n}]`;
    }
  });
}

/** The content as the textarea shows it. */
export function contentToText(c: Content): string {
  const tableNo = { n: 0 };
  const parts = blocksToText(c.blocks, tableNo);
  for (const s of c.subsections) parts.push(`## ${s.heading}`, ...blocksToText(s.blocks, tableNo));
  return parts.join('\n\n');
}

/** The blocks of one chunk of lines (between empty lines): runs of bullets, numbered lines, other text. */
function chunkBlocks(lines: string[], tables: Table[], used: Set<number>): Block[] {
  const out: Block[] = [];
  for (const line of lines) {
    const table = TABLE.exec(line);
    const last = out.at(-1);
    if (table) {
      const i = Number(table[1]) - 1;
      const t = tables[i];
      if (t && !used.has(i)) {
        used.add(i);
        out.push(t);
      }
    } else if (BULLET.test(line)) {
      const item = line.replace(BULLET, '').trim();
      if (!item) continue;
      if (last?.type === 'bullets') last.items.push(item);
      else out.push({ type: 'bullets', items: [item] });
    } else if (NUMBERED.test(line)) {
      const item = line.replace(NUMBERED, '').trim();
      if (!item) continue;
      if (last?.type === 'numbered') last.items.push(item);
      else out.push({ type: 'numbered', items: [item] });
    } else if (last?.type === 'paragraph') last.text = `${last.text}\n${line}`;
    else out.push({ type: 'paragraph', text: line });
  }
  return out;
}

/** The text of the textarea as content; the tables are those of the section before the edit. */
export function textToContent(text: string, before: Content): Content {
  const tables = tablesOf(before);
  const used = new Set<number>();
  const content: Content = { blocks: [], subsections: [] };
  let target = content.blocks;
  let chunk: string[] = [];
  const flush = () => {
    target.push(...chunkBlocks(chunk, tables, used));
    chunk = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (SUBHEADING.test(line)) {
      flush();
      const sub: Sub = { heading: line.replace(SUBHEADING, '').trim() || '—', blocks: [] };
      content.subsections.push(sub);
      target = sub.blocks;
    } else if (line === '') flush();
    else chunk.push(line);
  }
  flush();
  const left = tables.filter((_t, i) => !used.has(i));
  content.blocks.push(...left);
  return content;
}
