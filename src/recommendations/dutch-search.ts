import { loadGlossary } from '../reference/glossary.ts';
import { referenceData } from '../reference/records.ts';
import { Dictionary, expandQuery, type ExpandedQuery } from './query-expansion.ts';

let dictionary: Dictionary | undefined;

/**
 * The Dutch-English dictionary of the search: the glossary of human-rights terms and the Dutch
 * labels of the UN themes and groups of affected persons (built once, at the first search).
 */
export function searchDictionary(): Dictionary {
  if (!dictionary) {
    const { uhri_themes, uhri_groups, nl_priorities } = referenceData.taxonomy;
    dictionary = new Dictionary()
      .add(loadGlossary())
      .add(
        [...uhri_themes, ...uhri_groups, ...nl_priorities]
          .filter((t) => t.label_nl)
          .map((t) => ({ nl: [t.label_nl!], en: [t.label_en] })),
      );
  }
  return dictionary;
}

/** A search in Dutch with the English words it also looks for; null when there are none. */
export function expandDutch(q: string): ExpandedQuery | null {
  return expandQuery(q, searchDictionary());
}
