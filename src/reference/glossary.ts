/**
 * The Dutch-English glossary of human-rights terms (./data/glossary.json): Dutch words and phrases
 * (lower case, singular and plural) with the English ones they stand for in recommendations. The
 * search uses it to find English recommendations with a Dutch query. Written for Rightsdesk, not
 * an official translation (verified: false).
 */
import { z } from 'zod';
import glossaryJson from './data/glossary.json' with { type: 'json' };

const Word = z.string().trim().min(1);

export const GlossaryEntry = z.object({
  nl: z.array(Word.refine((w) => w === w.toLowerCase(), 'Dutch words are written in lower case')).min(1),
  en: z.array(Word).min(1),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const Glossary = z
  .object({ source: z.string().min(1), verified: z.boolean(), entries: z.array(GlossaryEntry).min(1) })
  .superRefine((g, ctx) => {
    // A Dutch word belongs to one entry: two entries with the same word would give two translations.
    const seen = new Map<string, number>();
    g.entries.forEach((e, i) => {
      for (const nl of e.nl) {
        const first = seen.get(nl);
        if (first !== undefined && first !== i) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'nl'],
            message: `"${nl}" is also in entry ${first} (${g.entries[first]!.en.join(', ')})`,
          });
        } else seen.set(nl, i);
      }
    });
  });
export type Glossary = z.infer<typeof Glossary>;

let loaded: GlossaryEntry[] | undefined;

/** The entries of the glossary, checked once. */
export function loadGlossary(): GlossaryEntry[] {
  loaded ??= Glossary.parse(glossaryJson).entries;
  return loaded;
}
