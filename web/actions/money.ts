/** Euros as the user reads and types them: "€ 1.250.000,50" in Dutch, "€1,250,000.50" in English. */
export function formatEuros(value: number, lang: 'nl' | 'en'): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: value % 1 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/**
 * A number as typed, in either notation: "1.250.000,50" and "1250000.50" are the same amount. With
 * both marks, the last one is the decimal mark. A lone mark is read in the user's language: in Dutch
 * "1.250" is a thousand two hundred and fifty and "12,5" twelve and a half; in English the other way
 * round. NaN when it is no number.
 */
export function parseAmount(typed: string, lang: 'nl' | 'en' = 'nl'): number {
  const s = typed.replace(/[€\s\u00a0]/g, '');
  if (!s) return NaN;
  const comma = s.lastIndexOf(',');
  const point = s.lastIndexOf('.');
  let normal: string;
  if (comma >= 0 && point >= 0)
    normal = comma > point ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma >= 0)
    normal = lang === 'en' && /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  else if (lang === 'nl' && /^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
  else normal = s;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : NaN;
}
