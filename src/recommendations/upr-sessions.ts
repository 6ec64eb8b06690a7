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
