/**
 * A state report to a treaty body (src/state-report/), in the layout the UN asks of state reports
 * (laid out by docx-un.ts): the title page with the symbol ("CAT/C/NLD/?" until the UN gives one)
 * and the date received ("[Date received: …]" until it is submitted), a heading per article of the
 * treaty or per question of the list of issues, the sections' texts as paragraphs numbered on
 * through the whole report, and the annexes last, unnumbered.
 */
import type { Queryable } from '../../core/db.ts';
import type { z } from 'zod';
import { exportReport, symbolOrPlaceholder, type ExportSection } from '../../state-report/export-data.ts';
import { longDate } from '../dates.ts';
import type { StateReportDocumentParams } from '../kinds.ts';
import type { Block } from '../schema.ts';
import { paragraph, section } from './common.ts';
import type { Generated, GeneratedSection } from './types.ts';

/** What a block of the layout holds at most: a paragraph's characters, a numbered list's items. */
const MAX_CHARS = 20_000;
const MAX_ITEMS = 500;

/** A section's text as paragraphs (separated by an empty line), each cut to what a block holds. */
export function textParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t]+\n/g, '\n').trim())
    .filter(Boolean)
    .flatMap((p) => {
      const parts: string[] = [];
      for (let i = 0; i < p.length; i += MAX_CHARS) parts.push(p.slice(i, i + MAX_CHARS));
      return parts;
    });
}

/** Numbered paragraphs in lists of at most MAX_ITEMS (the numbering continues across them). */
const numbered = (items: string[]): Block[] => {
  const out: Block[] = [];
  for (let i = 0; i < items.length; i += MAX_ITEMS)
    out.push({ type: 'numbered', items: items.slice(i, i + MAX_ITEMS) });
  return out;
};

/** The heading of a section, as the UN's reports head them: "Article 2", "Reply to paragraph 12 of the list of issues". */
export function sectionHeading(s: ExportSection): string {
  const h = s.heading.trim();
  const with_ = (label: string) =>
    h.toLowerCase().startsWith(label.toLowerCase()) ? h : `${label}${h ? `: ${h}` : ''}`;
  if (s.part === 'article' && s.number) return with_(`Article ${s.number}`);
  if (s.part === 'question' && s.number) return with_(`Reply to paragraph ${s.number} of the list of issues`);
  if (s.part === 'annex' && s.number) return with_(`Annex ${s.number}`);
  return h || 'Introduction';
}

const EMPTY = '[No text yet: this section is still to be written.]';

function reportSection(s: ExportSection): GeneratedSection {
  const paras = textParagraphs(s.text);
  const heading = sectionHeading(s).slice(0, 300);
  if (paras.length === 0) return section(s.key, heading, [paragraph(EMPTY)]);
  // The annexes are not numbered paragraphs of the report.
  return section(s.key, heading, s.part === 'annex' ? paras.map(paragraph) : numbered(paras));
}

export async function generateStateReport(
  q: Queryable,
  params: z.infer<typeof StateReportDocumentParams>,
): Promise<Generated> {
  const r = await exportReport(q, params.report);
  const symbol = symbolOrPlaceholder(r);
  const committee = r.committeeEn ?? r.instrumentNameEn;
  const what =
    r.kind === 'simplified'
      ? 'Replies of the Netherlands (Kingdom of the) to the list of issues prior to reporting'
      : `Report submitted by the Netherlands (Kingdom of the) under the ${r.instrumentNameEn}`;
  const received = r.submittedOn ? longDate(r.submittedOn, 'en') : '…';
  return {
    title: `${r.title} (${symbol})`,
    frame: {
      kind: 'letter',
      // A UN document has no addressee: the treaty (the organ of the masthead, src/letters/export.ts),
      // the committee that receives it and the report's cycle.
      addressee: [r.instrumentNameEn, committee, r.cycleLabel],
      // The title block, a line each (docx-un.ts): the report's title, the state, the date received.
      subject: [r.title, what, `[Date received: ${received}]`].join(' — '),
      reference: symbol,
      signature: [],
      language: 'en',
    },
    sections: r.sections.map(reportSection),
  };
}
