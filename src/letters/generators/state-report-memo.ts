/**
 * The memo ("nota") to the minister that asks to agree to sending a state report to its treaty body,
 * "TER BESLISSING": Aanleiding (the report for the committee), Geadviseerd besluit (agree to sending
 * it), Kern (the word count against the UN's limit, with a warning when the report is over it, and
 * the contributions merged); the report of the workspace is its attachment.
 */
import type { Queryable } from '../../core/db.ts';
import type { z } from 'zod';
import { exportReport, symbolOrPlaceholder } from '../../state-report/export-data.ts';
import type { StateReportMemoDocumentParams } from '../kinds.ts';
import type { Block } from '../schema.ts';
import { paragraph, section } from './common.ts';
import type { GenerateContext, Generated } from './types.ts';

const nl = (n: number) => n.toLocaleString('nl-NL');

/** "Ministerie van Justitie en Veiligheid" → "Minister van Justitie en Veiligheid". */
export const ministerOf = (ministry: string | null): string =>
  ministry && /^Ministerie van /.test(ministry) ? ministry.replace(/^Ministerie/, 'Minister') : 'De minister';

/** The warning of a report over its word limit, as the memo and the app say it. */
export const overLimitWarning = (limit: number, words: number): string =>
  `Let op: het rapport overschrijdt de woordlimiet van ${nl(limit)} woorden met ${nl(words - limit)} woorden.`;

export async function generateStateReportMemo(
  q: Queryable,
  params: z.infer<typeof StateReportMemoDocumentParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const r = await exportReport(q, params.report);
  const committee = r.committeeNl ?? r.instrumentNameNl;
  const symbol = symbolOrPlaceholder(r);
  const over = r.words > r.limit.words;
  const what =
    r.kind === 'simplified'
      ? 'de antwoorden van het Koninkrijk op de lijst van vragen voorafgaand aan de rapportage (vereenvoudigde procedure)'
      : 'het periodieke rapport van het Koninkrijk';
  const c = r.contributions;
  const kern: Block[] = [
    {
      type: 'bullets',
      items: [
        `Het rapport telt ${nl(r.words)} woorden. De woordlimiet van de VN voor dit document (${r.limit.labelNl.toLowerCase()}) is ${nl(r.limit.words)} woorden (${r.limit.source}${r.limit.verified ? '' : '; nog niet geverifieerd'}).`,
        c.accepted > 0
          ? `Het rapport verwerkt ${c.accepted} ${c.accepted === 1 ? 'bijdrage' : 'bijdragen'} van ${c.organisations} ${c.organisations === 1 ? 'organisatie' : 'organisaties'}${c.late > 0 ? `, waarvan ${c.late} na de termijn ${c.late === 1 ? 'is' : 'zijn'} ingediend` : ''}.`
          : 'Er zijn (nog) geen bijdragen van andere organisaties aanvaard.',
        `Het symbool ${r.symbol ? `van het rapport is ${r.symbol}` : `wordt door de VN toegekend (nu ${symbol})`}.`,
      ],
    },
    ...(over ? [paragraph(overLimitWarning(r.limit.words, r.words))] : []),
  ];
  return {
    title: `Nota verzending ${r.title}`,
    frame: {
      kind: 'memo',
      fields: {
        to: [ministerOf(r.leadNameNl)],
        from: [r.leadNameNl ?? 'Coördinator verdragsrapportage'],
        date: ctx.today,
      },
      purpose: 'decision',
      title: `Verzending ${r.title} aan het ${committee}`,
      attachments: [{ name: `${r.title} (${symbol})`, information: 'Ter beslissing' }],
    },
    sections: [
      section('aanleiding', 'Aanleiding', [
        paragraph(
          `Nederland rapporteert periodiek aan het ${committee} over de uitvoering van het ${r.instrumentNameNl} (${r.cycleLabel}). Bijgaand treft u ${what} aan, ter verzending aan het comité.`,
        ),
      ]),
      section('geadviseerdBesluit', 'Geadviseerd besluit', [
        paragraph(`Instemmen met de verzending van het rapport aan het ${committee}.`),
      ]),
      section('kern', 'Kern', kern),
    ],
  };
}
