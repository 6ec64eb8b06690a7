/**
 * A memo ("nota") from its form: the fields, the purpose and the title as given, the sections
 * Aanleiding, Geadviseerd besluit, Kern, Toelichting, Krachtenveld and Informatie die niet openbaar
 * gemaakt kan worden (an empty one left out), and the attachments; the document of the workspace
 * it accompanies comes first among them.
 */
import type { Queryable } from '../../core/db.ts';
import { notFound } from '../../core/errors.ts';
import type { MemoParams } from '../kinds.ts';
import type { z } from 'zod';
import { paragraphs, section } from './common.ts';
import type { Generated } from './types.ts';

type Memo = z.infer<typeof MemoParams>;

/** The sections of a memo in their order: the key, the field of the form and the heading. */
const SECTIONS = [
  ['aanleiding', 'Aanleiding'],
  ['geadviseerdBesluit', 'Geadviseerd besluit'],
  ['kern', 'Kern'],
  ['toelichting', 'Toelichting'],
  ['krachtenveld', 'Krachtenveld'],
  ['nietOpenbaar', 'Informatie die niet openbaar gemaakt kan worden'],
] as const satisfies readonly (readonly [keyof Memo, string])[];

/** What is asked of the minister about the document the memo accompanies. */
const ASKED = { decision: 'Ter ondertekening en verzending', information: 'Ter informatie' } as const;

/** The document of the workspace a memo or covering letter refers to: its title, kind and (a letter's) subject. */
export async function outgoingDocument(q: Queryable, id: string) {
  const r = await q.query<{ id: string; title: string; kind: string; subject: string | null }>(
    "select id, title, kind, frame->>'subject' as subject from outgoing_documents where id = $1",
    [id],
  );
  if (!r.rows[0]) throw notFound('outgoing_document', id);
  return r.rows[0];
}

export async function generateMemo(q: Queryable, params: Memo): Promise<Generated> {
  const accompanies = params.accompanies ? await outgoingDocument(q, params.accompanies) : null;
  const sections = SECTIONS.flatMap(([field, heading]) => {
    const blocks = paragraphs(params[field]);
    return blocks.length > 0 ? [section(field, heading, blocks)] : [];
  });
  return {
    title: params.title,
    frame: {
      kind: 'memo',
      fields: params.fields,
      purpose: params.purpose,
      title: params.title,
      attachments: [
        ...(accompanies ? [{ name: accompanies.title, information: ASKED[params.purpose] }] : []),
        ...params.attachments,
      ],
    },
    sections,
  };
}
