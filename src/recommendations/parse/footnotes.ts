/**
 * Footnotes of PDFs: the standard UN editorial notes ("Conclusions and recommendations have not been
 * edited") and the footnotes at the bottom of a page with their references in the text.
 */

export interface PageLine {
  text: string;
  line: number;
  page: number;
}

/** Standard UN footnotes that say nothing about the content, wherever the PDF put them. */
const EDITORIAL_NOTES = [
  /\s*\*{0,3}\s*(?:The )?(?:conclusions and(?:\/or)? recommendations|annex(?:es)?)\b[^.;()*]{0,60}?\b(?:(?:have|has) not been|(?:will|would) not be) edited\.?/gi,
  /\s*\*{0,3}\s*The annex(?:es)? to the present report (?:is|are) circulated as received\.?/gi,
  /\s*\*{0,3}\s*The present (?:document|report) (?:was|has|will) not (?:been |be )?edited\b[^.;()]{0,120}\./gi,
];

export function removeEditorialNotes(text: string): string {
  if (!/edited|circulated as received/i.test(text)) return text;
  return EDITORIAL_NOTES.reduce((t, re) => t.replace(re, ''), text);
}

const FOOTNOTE_START = /^(?:\*{1,3}|(\d{1,2}))\s*(?=\p{Lu}|["\u201c])/u;

/**
 * Footnotes at the bottom of a page: from the first line that starts with a footnote mark ("*",
 * "**", "2") to the end of the page, when that mark is referred to higher on the page or the page
 * before ("Review*", "recommendations2") and no numbered paragraph follows it. The references of
 * numbered footnotes ("Families2") go with them.
 */
export function removeFootnotes<L extends PageLine>(
  lines: L[],
  startsSection: (text: string) => boolean,
): L[] {
  const pages = new Map<number, L[]>();
  for (const l of lines) if (l.text) (pages.get(l.page) ?? pages.set(l.page, []).get(l.page)!).push(l);
  if (pages.size < 2) return lines;
  const drop = new Set<L>();
  const edited = new Map<L, string>();
  const textOf = (l: L) => edited.get(l) ?? l.text;
  const refTo = (mark: string) =>
    mark.startsWith('*')
      ? new RegExp(`[\\p{L}.,;:)]\\s?${mark.replace(/\*/g, '\\*')}(?!\\*)`, 'u')
      : new RegExp(`(?<=(?:\\p{L}|[)\u201d"])[.,;:]?)${mark}(?!\\d)`, 'gu');
  for (const [page, pl] of pages) {
    const above = [...(pages.get(page - 1) ?? []), ...pl];
    /** The nearest line above `before` that refers to `mark`. */
    const referrer = (mark: string, before: L): L | null => {
      const re = refTo(mark);
      let hit: L | null = null;
      for (const l of above) {
        if (l === before) break;
        re.lastIndex = 0;
        if (re.test(textOf(l))) hit = l;
      }
      return hit;
    };
    for (let i = Math.max(1, pl.length - 12); i < pl.length; i++) {
      const m = FOOTNOTE_START.exec(pl[i]!.text);
      if (!m) continue;
      const mark = m[1] ?? /^\*+/.exec(pl[i]!.text)![0];
      if (pl.slice(i + 1).some((l) => startsSection(l.text))) continue;
      if (!referrer(mark, pl[i]!)) continue;
      for (let k = i; k < pl.length; k++) {
        const l = pl[k]!;
        drop.add(l);
        const n = /^(\d{1,2})\s*(?=\p{Lu}|["\u201c])/u.exec(l.text)?.[1];
        const ref = n ? referrer(n, pl[i]!) : null;
        if (n && ref) {
          // the last reference in that line
          const t = textOf(ref);
          const all = [...t.matchAll(refTo(n))];
          const at = all[all.length - 1]!.index;
          edited.set(ref, t.slice(0, at) + t.slice(at + n.length));
        }
      }
      break;
    }
  }
  if (!drop.size) return lines;
  return lines.filter((l) => !drop.has(l)).map((l) => (edited.has(l) ? { ...l, text: edited.get(l)! } : l));
}
