/** Word counts of the state report: the words of a text are its whitespace-separated tokens. */

/** The number of words of a text: its whitespace-separated tokens. */
export function countWords(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/u).length;
}
