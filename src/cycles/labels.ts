/**
 * Names of reporting cycles in Dutch. The reference data and the API name a cycle in English
 * ("7th periodic report"); the browser app, the exports and the reminders show the Dutch name
 * when the user reads Dutch. A label of no known pattern is shown as recorded.
 */

const ORDINAL = /(\d+)(?:st|nd|rd|th)/g;
const nlOrdinal = (_: string, n: string) => `${n}e`;

const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^initial report$/i, () => 'Initiële rapportage'],
  [
    /^(\d+(?:st|nd|rd|th)) (to|and) (\d+(?:st|nd|rd|th)) periodic reports? \(combined\)$/i,
    (m) =>
      `${m[1]!.replace(ORDINAL, nlOrdinal)} ${m[2] === 'to' ? 't/m' : 'en'} ${m[3]!.replace(ORDINAL, nlOrdinal)} periodieke rapportage (gecombineerd)`,
  ],
  [
    /^(\d+(?:st|nd|rd|th)) periodic report$/i,
    (m) => `${m[1]!.replace(ORDINAL, nlOrdinal)} periodieke rapportage`,
  ],
  [/^UPR (\d+(?:st|nd|rd|th)) cycle$/i, (m) => `UPR ${m[1]!.replace(ORDINAL, nlOrdinal)} cyclus`],
  [/^GREVIO baseline evaluation$/i, () => 'GREVIO-basisevaluatie'],
  [/^GREVIO first thematic evaluation$/i, () => 'GREVIO eerste thematische evaluatie'],
  [/^Test cycle (\d+)$/i, (m) => `Testcyclus ${m[1]}`],
];

/** The Dutch name of a cycle label (the label itself when no pattern applies). */
export function cycleLabelNl(label: string): string {
  for (const [re, nl] of PATTERNS) {
    const m = label.match(re);
    if (m) return nl(m);
  }
  return label;
}

/** The name of a cycle in the given language. */
export function cycleLabelIn(lang: 'nl' | 'en', label: string): string {
  return lang === 'nl' ? cycleLabelNl(label) : label;
}
