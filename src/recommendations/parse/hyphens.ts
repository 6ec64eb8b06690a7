/**
 * Line-break hyphenation in text taken out of PDFs: whether "pre-" at a line end and "post" on the
 * next line make "pre-post" or "prepost", from the document's own spelling first and then from lists
 * of compounds; and "ill- treatment", a break that became a space.
 */

const UPPER_START = /^[\p{Lu}]/u;

export interface TextLine {
  text: string;
}

/** Words whose hyphen at a line end is a real hyphen, not a break ("follow-\nup"). */
const KEEP_HYPHEN_PREFIXES = new Set([
  'non',
  'anti',
  'self',
  'ex',
  'co',
  'well',
  'ill',
  'pre',
  'post',
  'cross',
  'follow',
  'asylum',
  'decision',
  'long',
  'short',
  'full',
  'part',
  'high',
  'low',
  'multi',
  'inter',
  'socio',
  'counter',
  'child',
  'gender',
  'age',
  'law',
  'e',
  'oud',
  'niet',
  'zuid',
  'noord',
  'west',
  'oost',
  'far',
  'same',
]);
/** Second halves that make a compound with a hyphen ("gender-\nbased", "state-\nowned", "asylum-\nseeking"). */
const KEEP_HYPHEN_SUFFIXES = new Set([
  'based',
  'related',
  'wing',
  'term',
  'owned',
  'making',
  'seeking',
  'seeker',
  'seekers',
  'free',
  'friendly',
  'sensitive',
  'specific',
  'oriented',
  'scale',
  'level',
  'speaking',
  'income',
  'treatment',
]);
const KEEP_HYPHEN_WORDS = new Set([
  'follow-up',
  'follow-ups',
  'asylum-seeker',
  'asylum-seekers',
  'de-legitimization',
  'ill-treatment',
  'decision-making',
  'e-mail',
  'x-ray',
  'mid-term',
  'up-to-date',
  'ad-hoc',
]);

/** The words of a document, as evidence of how it writes a word that a line break cut. */
export interface WordForms {
  plain: Set<string>;
  hyphenated: Set<string>;
}

export function wordForms(lines: readonly TextLine[]): WordForms {
  const plain = new Set<string>();
  const hyphenated = new Set<string>();
  for (const l of lines) {
    // Words inside a line only: the first and last word may be cut.
    const words = l.text.match(/\p{L}+(?:-\p{L}+)*/gu) ?? [];
    for (let i = 1; i < words.length - 1; i++) {
      const w = words[i]!.toLowerCase();
      (w.includes('-') ? hyphenated : plain).add(w);
    }
  }
  return { plain, hyphenated };
}

/** Whether "pre-" + "post" is a real hyphen: the document's own spelling first, then known compounds. */
export function hyphenKept(before: string, after: string, forms?: WordForms): boolean {
  const pre = /([\p{L}\d]+)-$/u.exec(before.slice(-64))?.[1] ?? '';
  const post = /^[\p{L}]+/u.exec(after.slice(0, 64))?.[0] ?? '';
  if (!UPPER_START.test(after) && !/^\d/.test(after)) {
    const p = pre.toLowerCase();
    const q = post.toLowerCase();
    if (forms?.hyphenated.has(`${p}-${q}`)) return true;
    if (forms?.plain.has(`${p}${q}`)) return false;
    if (KEEP_HYPHEN_WORDS.has(`${p}-${q}`)) return true;
    if (KEEP_HYPHEN_PREFIXES.has(p)) return true;
    if (p.length >= 3 && KEEP_HYPHEN_SUFFIXES.has(q)) return true;
    if (/^[\p{Lu}\d]+$/u.test(pre) && pre.length <= 6) return true; // EU-, SDG-, 2022-
    return false;
  }
  return true;
}

/**
 * "ill- treatment": a line-end hyphen whose break became a space. Mended when the document or the
 * lists know the compound or the word; "pre- and post-natal" stays.
 */
export function mendSpacedHyphens(text: string, forms: WordForms): string {
  if (!text.includes('- ')) return text;
  return text.replace(/(?<![\p{L}-])(\p{L}+)- (\p{Ll}+)/gu, (all, pre: string, post: string) => {
    if (/^(?:and|or|to|nor|as|en|of|tot)$/.test(post)) return all;
    const p = pre.toLowerCase();
    if (forms.hyphenated.has(`${p}-${post}`) || KEEP_HYPHEN_WORDS.has(`${p}-${post}`))
      return `${pre}-${post}`;
    if (forms.plain.has(`${p}${post}`)) return `${pre}${post}`;
    if (KEEP_HYPHEN_PREFIXES.has(p) || (p.length >= 3 && KEEP_HYPHEN_SUFFIXES.has(post)))
      return `${pre}-${post}`;
    return all;
  });
}
