/**
 * The key under which a taxonomy term or alias is looked up. The same term comes spelt
 * several ways in UN exports: "&amp;", "&" or "and"; upper or lower case; a code in front
 * ("A12 Acceptance of international norms", "16 - PEACE, JUSTICE ..."); extra spaces or a
 * trailing full stop. All of these give the same key.
 */
export function normalizeTerm(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/&amp;/gi, '&')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase()
    .replace(/^\s*[a-z]\d{1,2}\s+/, '') // UHRI cycle-2 codes such as "A12 " or "G1 "
    .replace(/^\s*\d{1,2}\s+-\s+/, '') // SDG goal numbers as in "16 - PEACE, JUSTICE ..."
    .replace(/\s*&\s*/g, ' and ')
    .replace(/[\s/]+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/[.;:\s]+$/, '')
    .trim();
}
