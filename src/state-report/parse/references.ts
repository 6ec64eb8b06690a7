/**
 * What a list of issues refers to: the articles in its headings ("(arts. 2, 3 and 26)", "Articles 5–9",
 * "articles 1–27 of the Covenant") and the paragraphs of concluding observations in its questions
 * ("(CCPR/C/NLD/CO/5, paras. 12 and 13)", "the previous concluding observations (paras. 4 and 6)",
 * or a footnote "3 CAT/C/NLD/CO/7, paras. 7 and 8." / "5 Ibid., para. 11.").
 */

const CO_SYMBOL =
  /\b(?:CCPR\/C|E\/C\.12|CAT\/C|CRC\/C|CEDAW\/C|CERD\/C|CRPD\/C|CED\/C|CMW\/C)\/[A-Z]{3}\/CO\/\d{1,2}(?:-\d{1,2})?(?!\/|\d)/g;

/** "2, 3 and 26" / "5–9" / "2 (1), 3 and 10-12" → [2, 3, 26] / [5, 6, 7, 8, 9] / [2, 3, 10, 11, 12] */
export function numberList(list: string): number[] {
  const out: number[] = [];
  for (const m of list
    .replace(/\(\d{1,2}\)/g, '')
    .matchAll(/(\d{1,3})(?:\s*[-\u2013\u2014]\s*(\d{1,3}))?/g)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let n = from; n <= Math.min(to, from + 100); n++) if (!out.includes(n)) out.push(n);
  }
  return out;
}

const ARTICLES =
  /\b(?:arts?\.|articles?)\s+(\d{1,3}(?:\s*\(\d{1,2}\))?(?:\s*(?:[-\u2013\u2014]|,|,?\s*and|,?\s*to)\s*\d{1,3}(?:\s*\(\d{1,2}\))?)*)/gi;

/** The articles a heading names, in their order. */
export function articlesOf(heading: string): number[] {
  const out: number[] = [];
  for (const m of heading.matchAll(ARTICLES)) {
    const list = m[1]!.replace(/\bto\b/g, '-');
    for (const n of numberList(list)) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** "9", "12 and 13", "28–30", "8 (a), 10 and 12 (b)" → ["9"], ["12", "13"], ["28", "29", "30"], ["8 (a)", "10", "12 (b)"] */
export function paragraphList(list: string): string[] {
  const out: string[] = [];
  let last: string | null = null;
  for (const m of list.matchAll(
    /(\d{1,3})(?:\s*[-\u2013\u2014]\s*(\d{1,3}))?(?:\s*\(([a-z]{1,4})\))?|\(([a-z]{1,4})\)/g,
  )) {
    if (m[4]) {
      if (last) out.push(`${last} (${m[4]})`);
      continue;
    }
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let n = from; n <= Math.min(to, from + 30); n++) out.push(String(n));
    last = String(to);
    if (m[3]) out[out.length - 1] = `${to} (${m[3]})`;
  }
  return out;
}

const PARAS =
  /^,?\s*paras?\.\s*((?:\d{1,3}(?:\s*\([a-z]{1,4}\))?|\([a-z]{1,4}\)|\s*(?:[-\u2013\u2014]|,|,?\s*and)\s*)+)/;

/** The symbols of concluding observations a text names, in their order. */
export function coSymbols(text: string): string[] {
  return [...new Set([...text.matchAll(CO_SYMBOL)].map((m) => m[0]))];
}

/**
 * The references of a question to concluding observations. `previous` is the symbol that "the previous
 * concluding observations (paras. 4 and 6)" stands for (null when the document never names it).
 */
export function coReferences(text: string, previous: string | null): string[] {
  const out: string[] = [];
  const add = (symbol: string, paras: string | undefined) => {
    const list = paras ? paragraphList(paras) : [];
    if (!list.length && !out.some((r) => r.startsWith(symbol))) out.push(symbol);
    for (const p of list) if (!out.includes(`${symbol} para. ${p}`)) out.push(`${symbol} para. ${p}`);
  };
  for (const m of text.matchAll(CO_SYMBOL)) {
    const after = PARAS.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 120));
    // "(CCPR/C/NLD/CO/5)" after a mention with paragraphs adds nothing
    if (after || !out.some((r) => r.startsWith(`${m[0]} para.`))) add(m[0], after?.[1]);
  }
  // "the previous concluding observations (paras. 4 and 6)", "(see paras. 8 (a), 10 and 12 (b))"
  if (/\bconcluding observations\b/i.test(text)) {
    for (const m of text.matchAll(/\((?:see )?(paras?\.\s*[^()]*(?:\([a-z]{1,4}\)[^()]*)*)\)/g)) {
      const p = PARAS.exec(m[1]!);
      if (!p) continue;
      if (previous) add(previous, p[1]);
      else for (const n of paragraphList(p[1]!)) out.push(`previous concluding observations para. ${n}`);
    }
  }
  return out;
}

interface RawLine {
  text: string;
  page: number;
}

/**
 * Footnotes that cite concluding observations ("3 CAT/C/NLD/CO/7, paras. 7 and 8.", "5 Ibid., para. 11.")
 * are put in the text where their mark is ("observations,3" → "observations (CAT/C/NLD/CO/7, paras. 7
 * and 8),"), and their lines removed; other footnotes are left to the clean-up.
 */
export function inlineCoFootnotes(text: string): string {
  const lines: RawLine[] = [];
  let page = 0;
  for (const raw of text.split('\n')) {
    const parts = raw.split('\f');
    page += parts.length - 1;
    lines.push({ text: parts.join('\f'), page });
  }
  let lastSymbol: string | null = null;
  const drop = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(\d{1,2})\s+((?:See(?: also)? )?(?:Ibid\.|[A-Z][A-Za-z.]*\/)[^\n]*)$/.exec(lines[i]!.text);
    if (!m) continue;
    let note = m[2]!
      .trim()
      .replace(/\.$/, '')
      .replace(/^See\b/, 'see');
    if (/Ibid\./.test(note)) {
      if (!lastSymbol) continue;
      note = note.replace(/Ibid\./, lastSymbol);
    }
    const s = coSymbols(note);
    if (!s.length) {
      if (!/Ibid\./.test(m[2]!)) lastSymbol = null; // "Ibid." now stands for another document
      continue;
    }
    lastSymbol = s[s.length - 1]!;
    // the mark: the nearest line above, on this page or the one before, with "word3" or "word,3"
    const mark = new RegExp(`(?<=[\\p{L})][.,;:]?)${m[1]}(?!\\d)`, 'u');
    for (let k = i - 1; k >= 0 && lines[k]!.page >= lines[i]!.page - 1; k--) {
      if (drop.has(k)) continue;
      const hit = mark.exec(lines[k]!.text);
      if (!hit) continue;
      const t = lines[k]!.text;
      const punct = /[.,;:]$/.exec(t.slice(0, hit.index))?.[0] ?? '';
      const before = t.slice(0, hit.index - punct.length);
      lines[k]!.text = `${before} (${note})${punct}${t.slice(hit.index + m[1]!.length)}`;
      drop.add(i);
      break;
    }
  }
  // emptied, not removed: the line numbers of the questions stay those of the input
  return lines.map((l, i) => (drop.has(i) ? (/\f/.test(l.text) ? '\f' : '') : l.text)).join('\n');
}
