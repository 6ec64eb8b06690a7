/**
 * The year each UPR Working Group session was held, from the OHCHR session calendar
 * (general knowledge, not checked against the source here: used only to file a recommendation
 * under a year when the source gives the session alone).
 */
const YEARS: Record<number, number> = {
  1: 2008,
  2: 2008,
  3: 2008,
  4: 2009,
  5: 2009,
  6: 2009,
  7: 2010,
  8: 2010,
  9: 2010,
  10: 2011,
  11: 2011,
  12: 2011,
  13: 2012,
  14: 2012,
  15: 2013,
  16: 2013,
  17: 2013,
  18: 2014,
  19: 2014,
  20: 2014,
  21: 2015,
  22: 2015,
  23: 2015,
  24: 2016,
  25: 2016,
  26: 2016,
  27: 2017,
  28: 2017,
  29: 2018,
  30: 2018,
  31: 2018,
  32: 2019,
  33: 2019,
  34: 2019,
  35: 2020,
  36: 2020,
  37: 2021,
  38: 2021,
  39: 2021,
  40: 2022,
  41: 2022,
  42: 2023,
  43: 2023,
  44: 2023,
  45: 2024,
  46: 2024,
  47: 2024,
};

export const uprSessionYear = (session: number): number | null => YEARS[session] ?? null;

/** UPR cycle of a session: 1-12 first, 13-26 second, 27-40 third, 41-54 fourth. */
export const uprCycle = (session: number) => (session <= 12 ? 1 : session <= 26 ? 2 : session <= 40 ? 3 : 4);

/**
 * The Human Rights Council sessions that adopted the outcomes of each UPR cycle (the Working Group
 * reports are issued as A/HRC/<council session>/<number>): cycle 1 at sessions 8-19, cycle 2 at
 * 21-34, cycle 3 at 36-49, cycle 4 from 52 (general knowledge, as the years above; the council
 * sessions between adopted no UPR outcomes).
 */
const COUNCIL_SESSIONS: [cycle: number, first: number, last: number][] = [
  [1, 8, 19],
  [2, 21, 34],
  [3, 36, 49],
  [4, 52, 69],
];

/**
 * The UPR cycle of a report's symbol: "A/HRC/8/31" (a Working Group report, by the council session
 * that adopted it) or "A/HRC/WG.6/1/NLD/1" (a document of Working Group session 1); null otherwise.
 */
export function uprCycleOfSymbol(symbol: string | null | undefined): number | null {
  const s = (symbol ?? '').trim().toUpperCase();
  const wg = /^A\/HRC\/WG\.6\/(\d{1,2})\//.exec(s);
  if (wg) return uprCycle(Number(wg[1]));
  const hrc = /^A\/HRC\/(\d{1,2})\/\d+/.exec(s);
  if (!hrc) return null;
  const n = Number(hrc[1]);
  return COUNCIL_SESSIONS.find(([, first, last]) => n >= first && n <= last)?.[0] ?? null;
}

/** The ordinal words up to 19, in order: first, second, ... (the parsers of UN documents read them). */
export const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS: Record<string, number> = { twent: 20, thirt: 30, fort: 40, fift: 50 };

/** "first" → 1, "twenty-eighth" → 28, "fortieth" → 40, "13th" → 13; null for anything else. */
function ordinal(word: string): number | null {
  const digits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(word);
  if (digits) return Number(digits[1]);
  const unit = ORDINAL_WORDS.indexOf(word) + 1;
  if (unit) return unit;
  const tens = /^(twent|thirt|fort|fift)(?:ieth|y-(\w+))$/.exec(word);
  if (!tens) return null;
  const rest = tens[2] ? ORDINAL_WORDS.indexOf(tens[2]) + 1 : 0;
  return tens[2] && (rest < 1 || rest > 9) ? null : TENS[tens[1]!]! + rest;
}

/**
 * The Working Group session a UPR report names in its introduction ("The Working Group on the
 * Universal Periodic Review ... held its first session from 7 to 18 April 2008"; "its 13th session").
 */
export function uprSessionInText(text: string): number | null {
  const m = /Universal Periodic Review[^.]{0,200}?held its\s+([\w-]+)\s+session/i.exec(text);
  return m ? ordinal(m[1]!.toLowerCase()) : null;
}
