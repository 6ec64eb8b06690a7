/**
 * The cabinet response to a treaty body's concluding observations, in Dutch: an introduction, the
 * recommendations grouped by their subject where it is known (the UHRI theme they are tagged with;
 * the others together), each with the recommendation and the cabinet's appreciation (or a visible
 * placeholder), and a closing section.
 */
import type { Queryable } from '../../core/db.ts';
import type { ConcludingResponseParams } from '../kinds.ts';
import type { z } from 'zod';
import { recommendationBlocks, responseBlocks } from './advisory-response.ts';
import {
  TWEEDE_KAMER,
  dutchPeriod,
  ministerSignature,
  paragraph,
  recommendationsOf,
  section,
  shortTitle,
  sourceDocument,
  type RespondedRow,
} from './common.ts';
import type { Generated, GeneratedSection, GenerateContext } from './types.ts';

/** "para 5 (a)" → "Paragraaf 5 (a)"; another reference as it is. */
const reference = (p: string | null, i: number) =>
  p ? p.replace(/^para(?:graph)?\.?\s*/i, 'Paragraaf ') : `Aanbeveling ${i + 1}`;

const OTHER = { code: 'other', label: 'Overige aanbevelingen' };

export async function generateConcludingResponse(
  q: Queryable,
  params: z.infer<typeof ConcludingResponseParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const doc = await sourceDocument(q, params.document, ['concluding_observations'], 'slotopmerkingen');
  const recs = await recommendationsOf(q, doc);
  const body = (
    await q.query<{ name_nl: string; code: string }>(
      `select b.name_nl, b.code from instruments i join monitoring_bodies b on b.id = i.monitoring_body_id
        where i.id = $1`,
      [doc.instrument_id],
    )
  ).rows[0];
  const named = doc.symbol ? `${doc.title} (${doc.symbol})` : doc.title;
  const by = body ? ` van het ${body.name_nl}` : '';
  const dated = doc.date ? ` van ${dutchPeriod(doc.date)}` : '';

  // Groups in the order of their first recommendation; the recommendations without a subject last.
  const groups = new Map<string, { label: string; recs: RespondedRow[] }>();
  for (const r of recs) {
    const g = r.theme_code ? { code: r.theme_code, label: r.theme ?? r.theme_code } : OTHER;
    if (!groups.has(g.code)) groups.set(g.code, { label: g.label, recs: [] });
    groups.get(g.code)!.recs.push(r);
  }
  const ordered = [...groups].sort(([a], [b]) => Number(a === OTHER.code) - Number(b === OTHER.code));
  const subjects = ordered.length > 1 || ordered[0]?.[0] !== OTHER.code;

  const perSubject: GeneratedSection[] = ordered.flatMap(([code, g]) => [
    ...(subjects ? [section(`subject:${code}`, g.label, [])] : []),
    ...g.recs.map((r) => {
      const title = shortTitle(r.text_nl ?? r.text);
      return section(
        `recommendation:${r.id}`,
        `${reference(r.paragraph, recs.indexOf(r))} – ${title}`,
        [...recommendationBlocks(r, title), ...responseBlocks(r)],
        subjects ? { level: 2 } : {},
      );
    }),
  ]);
  const recorded = recs.filter((r) => r.recorded).length;
  const intro = section('intro', 'Inleiding', [
    paragraph(
      `Hierbij bied ik u de reactie van het kabinet aan op de slotopmerkingen${by}${dated}: ${named}. ` +
        `Het comité doet daarin ${recs.length} ${recs.length === 1 ? 'aanbeveling' : 'aanbevelingen'} aan het Koninkrijk.`,
    ),
    paragraph(
      (subjects
        ? 'Hieronder gaat het kabinet per onderwerp in op de aanbevelingen.'
        : 'Hieronder gaat het kabinet in op de aanbevelingen.') +
        (recorded < recs.length
          ? ` Op ${recs.length - recorded} ${recs.length - recorded === 1 ? 'aanbeveling' : 'aanbevelingen'} is de reactie nog niet vastgesteld.`
          : ''),
    ),
  ]);
  const closing = section('closing', 'Tot slot', [
    paragraph(
      'Het kabinet zal de aanbevelingen in overleg met de andere landen van het Koninkrijk opvolgen en uw Kamer informeren over de voortgang, onder meer in de jaarlijkse brief over rapportages onder mensenrechtenverdragen.',
    ),
  ]);
  const subject = `Kabinetsreactie op de slotopmerkingen ${doc.symbol ?? doc.title}`;
  return {
    title: subject,
    frame: {
      kind: 'letter',
      addressee: TWEEDE_KAMER,
      subject,
      signature: await ministerSignature(q, ctx.actor),
      language: 'nl',
    },
    sections: [intro, ...perSubject, closing],
  };
}
