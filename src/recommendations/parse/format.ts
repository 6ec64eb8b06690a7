import type { ParsedDocument } from './types.ts';

/** What a user checks first: how many were found, and how many lack states or a position. */
export interface ParseSummary {
  found: number;
  withStates: number;
  withPosition: number;
  warnings: number;
  /** the paragraphs without recommending states (UPR only) */
  withoutStates: string[];
}

export function summarize(doc: ParsedDocument): ParseSummary {
  const recs = doc.recommendations;
  const upr = doc.kind === 'upr';
  return {
    found: recs.length,
    withStates: recs.filter((r) => r.recommendingStates.length).length,
    withPosition: recs.filter((r) => r.position !== null).length,
    warnings: doc.warnings.length,
    withoutStates: upr ? recs.filter((r) => !r.recommendingStates.length).map((r) => r.paragraph) : [],
  };
}

/** The summary as a short block of text. */
export function formatSummary(s: ParseSummary, kind: ParsedDocument['kind']): string[] {
  const out = [
    `Summary: ${s.found} found, ${kind === 'upr' ? `${s.withStates} with states, ` : ''}${s.withPosition} with a position, ${s.warnings} warning(s)`,
  ];
  if (s.withoutStates.length) out.push(`  without states: ${s.withoutStates.join(', ')}`);
  if (s.found && s.withPosition < s.found) out.push(`  without a position: ${s.found - s.withPosition}`);
  if (!s.found) out.push('  no recommendations found: is this the right kind of document?');
  return out;
}

/** A readable list of the parsed recommendations (for `rightsdesk parse --format text`). */
export function formatParsedText(doc: ParsedDocument, source: string): string {
  const out: string[] = [];
  const head = [doc.kind, doc.symbol, doc.date, doc.title].filter(Boolean).join(' | ');
  out.push(`${source}: ${head}`);
  out.push(`${doc.recommendations.length} recommendation(s)`);
  out.push(...formatSummary(summarize(doc), doc.kind));
  if (doc.followUpParagraphs)
    out.push(
      `Follow-up within ${doc.followUpDueMonths ?? '?'} months: paragraphs ${doc.followUpParagraphs.join(', ')}`,
    );
  let heading: string | undefined;
  for (const r of doc.recommendations) {
    if (r.heading && r.heading !== heading) {
      heading = r.heading;
      out.push('', `== ${heading}`);
    }
    const flags = [r.position ?? 'no position', r.followUp ? 'follow-up' : null].filter(Boolean).join(', ');
    const states = r.recommendingStates.length ? ` — ${r.recommendingStates.join('; ')}` : '';
    out.push('', `${r.paragraph} [${flags}] (line ${r.sourceLine})${states}`, `  ${r.text}`);
    if (r.positionExplanation) {
      const e = r.positionExplanation.replace(/\s+/g, ' ');
      out.push(`  Appreciation: ${e.length > 300 ? `${e.slice(0, 297)}...` : e}`);
    }
  }
  if (doc.warnings.length) out.push('', 'Warnings:', ...doc.warnings.map((w) => `  - ${w}`));
  return out.join('\n');
}
