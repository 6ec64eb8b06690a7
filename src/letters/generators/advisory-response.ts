/**
 * The cabinet response to an advisory report (kabinetsreactie), in the layout of the response to
 * AIV advice 122: an introduction, then for each recommendation "Aanbeveling N – title" with the
 * recommendation and the cabinet's appreciation (the recorded position and its explanation, or a
 * visible placeholder where none is recorded), and a closing section. The recommendations are the
 * report's, imported with the document importer.
 */
import type { Queryable } from '../../core/db.ts';
import type { AdvisoryResponseParams } from '../kinds.ts';
import type { Block } from '../schema.ts';
import type { z } from 'zod';
import {
  NO_RESPONSE,
  TWEEDE_KAMER,
  dutchPeriod,
  ministerSignature,
  paragraph,
  paragraphs,
  recommendationsOf,
  section,
  shortTitle,
  sourceDocument,
  type RespondedRow,
} from './common.ts';
import type { Generated, GenerateContext } from './types.ts';

/** The cabinet's appreciation in one sentence, per position an advisory body's recommendation can have. */
const APPRECIATION: Record<string, string> = {
  agrees: 'Het kabinet onderschrijft deze aanbeveling.',
  partly_agrees: 'Het kabinet onderschrijft deze aanbeveling gedeeltelijk.',
  disagrees: 'Het kabinet neemt deze aanbeveling niet over.',
  under_consideration: 'Het kabinet beraadt zich nog op deze aanbeveling.',
};

/** The number of a recommendation from its reference ("Aanbeveling 3" → "3"); else its place in the list. */
const numberOf = (r: RespondedRow, i: number) => /(\d+)\s*$/.exec(r.paragraph ?? '')?.[1] ?? String(i + 1);

/** The cabinet's response to one recommendation: the appreciation, then the explanation. */
export function responseBlocks(r: RespondedRow): Block[] {
  if (!r.recorded) return [paragraph(NO_RESPONSE)];
  return [
    ...(r.position && APPRECIATION[r.position] ? [paragraph(APPRECIATION[r.position]!)] : []),
    ...paragraphs(r.appreciation ?? ''),
    ...paragraphs(r.explanation ?? ''),
  ];
}

/** The recommendation's own words under its heading, when the heading does not already say all of them. */
export function recommendationBlocks(r: RespondedRow, title: string): Block[] {
  const text = (r.text_nl ?? r.text).replace(/\s+/g, ' ').trim();
  return text.replace(/[.;:]$/, '') === title ? [] : [paragraph(text)];
}

export async function generateAdvisoryResponse(
  q: Queryable,
  params: z.infer<typeof AdvisoryResponseParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const doc = await sourceDocument(q, params.document, ['advisory_report'], 'adviesrapport');
  const recs = await recommendationsOf(q, doc);
  const recorded = recs.filter((r) => r.recorded).length;
  const published = doc.date ? `, gepubliceerd op ${dutchPeriod(doc.date)}` : '';
  const intro = section('intro', 'Inleiding', [
    paragraph(
      `Hierbij bied ik u de kabinetsreactie aan op het advies «${doc.title}»${published}. ` +
        'Het kabinet is erkentelijk voor het advies en gaat in deze kabinetsreactie in op de aanbevelingen.',
    ),
    paragraph(
      `Het advies bevat ${recs.length} ${recs.length === 1 ? 'aanbeveling' : 'aanbevelingen'}. ` +
        'Hieronder vindt u een appreciatie van het advies per aanbeveling.' +
        (recorded < recs.length
          ? ` Op ${recs.length - recorded} ${recs.length - recorded === 1 ? 'aanbeveling' : 'aanbevelingen'} is de reactie nog niet vastgesteld.`
          : ''),
    ),
  ]);
  const perRecommendation = recs.map((r, i) => {
    const title = shortTitle(r.text_nl ?? r.text);
    return section(`recommendation:${r.id}`, `Aanbeveling ${numberOf(r, i)} – ${title}`, [
      ...recommendationBlocks(r, title),
      ...responseBlocks(r),
    ]);
  });
  const closing = section('closing', 'Tot slot', [
    paragraph(
      'Het kabinet dankt de adviesraad voor het advies en zal uw Kamer informeren over de uitvoering van de aanbevelingen die het overneemt.',
    ),
  ]);
  return {
    title: `Kabinetsreactie op het advies «${doc.title}»`,
    frame: {
      kind: 'letter',
      addressee: TWEEDE_KAMER,
      subject: `Kabinetsreactie op het advies «${doc.title}»`,
      signature: await ministerSignature(q, ctx.actor),
      language: 'nl',
    },
    sections: [intro, ...perRecommendation, closing],
  };
}
