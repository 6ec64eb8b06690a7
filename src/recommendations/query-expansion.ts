/**
 * Dutch words in a search, with the English words they stand for: the recommendations are mostly in
 * English, so "kinderen" must also find "children". The translations come from the glossary of
 * human-rights terms (src/reference/data/glossary.json) and from the Dutch labels of the taxonomy
 * (a search for "mensenhandel" also searches the English label of the theme called so in Dutch).
 * Longer phrases win ("huiselijk geweld" before "geweld"). A search written with the search syntax
 * (quotes, "-word", "or") is left as it is.
 */
export interface Translation {
  nl: string[];
  en: string[];
}

/** One part of the search: the words as typed, and the English words also searched for them. */
export interface QueryPart {
  text: string;
  english: string[];
}

export interface ExpandedQuery {
  parts: QueryPart[];
  /** Every English word or phrase added, in order, once ("ook gezocht op: children, child"). */
  alsoSearched: string[];
}

/** The longest Dutch phrase looked up, in words. */
const MAX_PHRASE = 5;

const words = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);

/** A lookup from Dutch phrases (lower case, single spaces) to English ones. */
export class Dictionary {
  private readonly map = new Map<string, string[]>();
  add(entries: Iterable<Translation>) {
    for (const e of entries) {
      for (const nl of e.nl) {
        const key = words(nl).join(' ');
        if (!key) continue;
        const known = this.map.get(key) ?? [];
        for (const en of e.en) if (!known.includes(en)) known.push(en);
        this.map.set(key, known);
      }
    }
    return this;
  }
  get size() {
    return this.map.size;
  }
  lookup(phrase: string): string[] | undefined {
    return this.map.get(phrase);
  }
}

/** A text split into parts, the longest Dutch phrase the dictionary knows first, with their English words. */
function partsOf(text: string, dictionary: Dictionary): QueryPart[] {
  const ws = words(text);
  const parts: QueryPart[] = [];
  for (let i = 0; i < ws.length;) {
    let found = false;
    for (let n = Math.min(MAX_PHRASE, ws.length - i); n >= 1; n--) {
      const phrase = ws.slice(i, i + n).join(' ');
      const english = dictionary.lookup(phrase);
      if (english) {
        parts.push({ text: phrase, english });
        i += n;
        found = true;
        break;
      }
    }
    if (!found) parts.push({ text: ws[i++]!, english: [] });
  }
  return parts;
}

/** The English words and phrases of the Dutch ones in a text, each once, in order. */
export function englishOf(text: string, dictionary: Dictionary): string[] {
  return [...new Set(partsOf(text, dictionary).flatMap((p) => p.english))];
}

/** The search split into parts with their English words; null when nothing needs translating. */
export function expandQuery(q: string, dictionary: Dictionary): ExpandedQuery | null {
  if (/["]|(^|\s)-\S|\s(or|OR)\s/.test(q)) return null;
  const parts = partsOf(q, dictionary);
  const alsoSearched = [...new Set(parts.flatMap((p) => p.english))].filter(
    (en) => !parts.some((p) => p.text === en.toLowerCase()),
  );
  return alsoSearched.length ? { parts, alsoSearched } : null;
}
