/**
 * The words of a recommendation as the suggestion model counts them: lower-cased, accents and
 * punctuation dropped, the commonest English endings stemmed, stop words left out; each word and each
 * pair of neighbouring words (joined with a space) a feature.
 */

const STOP = new Set(
  (
    'a an the and or of to in on for with by at as from its it be is are was were this that these those ' +
    'which who whom all any such other their his her them they has have had been being into than also ' +
    'so not no but if per upon about'
  ).split(' '),
);

/** A light English stemmer: plural and verb endings, so that "ratifies", "ratified" and "ratify" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  if (w.length > 6 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ment')) w = w.slice(0, -4);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The stemmed words of a text, stop words and numbers left out. */
export function words(text: string): string[] {
  const out: string[] = [];
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&amp;/g, ' and ');
  for (const raw of plain.split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP.has(raw) || /^\d+$/.test(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

/** The features of a text: its words and its pairs of neighbouring words, with repeats. */
export function features(text: string): string[] {
  const w = words(text);
  const out = w.slice();
  for (let i = 1; i < w.length; i++) out.push(`${w[i - 1]} ${w[i]}`);
  return out;
}
