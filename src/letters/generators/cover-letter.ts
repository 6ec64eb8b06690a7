/**
 * The covering letter ("oplegbrief") to the Voorzitter van de Eerste Kamer that sends, for
 * information, a letter of the workspace addressed to the Tweede Kamer: short, as the government's
 * covering letters are.
 */
import type { Queryable } from '../../core/db.ts';
import type { CoverLetterParams, OutgoingKind } from '../kinds.ts';
import type { z } from 'zod';
import { EERSTE_KAMER, ministerSignature, paragraph, section } from './common.ts';
import { letterErrors } from './errors.ts';
import { outgoingDocument } from './memo.ts';
import type { Generated, GenerateContext } from './types.ts';

/** The kinds of the workspace that are letters to the Tweede Kamer. */
const TO_TWEEDE_KAMER: OutgoingKind[] = ['annual_letter', 'advisory_response', 'concluding_response'];

export async function generateCoverLetter(
  q: Queryable,
  params: z.infer<typeof CoverLetterParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const sent = await outgoingDocument(q, params.document);
  if (!TO_TWEEDE_KAMER.includes(sent.kind as OutgoingKind))
    throw letterErrors.not_a_letter_to_parliament({ title: sent.title });
  return {
    title: `Oplegbrief Eerste Kamer – ${sent.title}`,
    frame: {
      kind: 'letter',
      addressee: EERSTE_KAMER,
      subject: sent.subject ?? sent.title,
      signature: await ministerSignature(q, ctx.actor),
      language: 'nl',
    },
    sections: [
      section('body', 'Aanbieding', [
        paragraph(
          `Hierbij zend ik u ter informatie een afschrift van mijn brief van heden aan de Voorzitter van de Tweede Kamer der Staten-Generaal met als onderwerp «${sent.subject ?? sent.title}».`,
        ),
      ]),
    ],
  };
}
