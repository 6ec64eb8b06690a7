/**
 * The model learnt from English texts. A Dutch text (an advisory council's recommendation, a cabinet
 * response) is read with the English words of its Dutch terms added, from the search's Dutch-English
 * dictionary (the glossary of human-rights terms and the taxonomy's Dutch labels): "kinderen met een
 * handicap" is also read as "children" and "persons with disabilities".
 */
import { searchDictionary } from '../recommendations/dutch-search.ts';
import { englishOf } from '../recommendations/query-expansion.ts';

/** Short words frequent in Dutch and not in English, and the other way round. */
const DUTCH = new Set(
  'de het een van en voor dat die te met zijn wordt worden op niet aan bij om als ook naar door over deze er moet kabinet'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the of and to for that with be on by as its all is are ensure take measures'.split(' '),
);

/** Whether a text reads as Dutch: more of Dutch's short words than of English's, two at least. */
export function isDutch(text: string): boolean {
  let nl = 0;
  let en = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (DUTCH.has(w)) nl++;
    else if (ENGLISH.has(w)) en++;
  }
  return nl >= 2 && nl > en;
}

/** The text the model reads: a Dutch one with the English words of its Dutch terms after it. */
export function textForModel(text: string): string {
  if (!isDutch(text)) return text;
  const english = englishOf(text, searchDictionary());
  return english.length ? `${text}\n${english.join('\n')}` : text;
}
