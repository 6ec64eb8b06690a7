import type { ParsedDocument } from './types.ts';

/** A readable list of the parsed recommendations (for `rightsdesk parse --format text`). */
export function formatParsedText(doc: ParsedDocument, source: string): string {
  const out: string[] = [];
  const head = [doc.kind, doc.symbol, doc.date, doc.title].filter(Boolean).join(' | ');
  out.push(`${source}: ${head}`);
  out.push(`${doc.recommendations.length} recommendation(s)`);
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
