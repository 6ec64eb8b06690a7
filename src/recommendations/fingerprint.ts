import crypto from 'node:crypto';

/**
 * The text of a recommendation reduced to what identifies it: without a leading paragraph number
 * ("118.4", "12."), without the recommending states in closing parentheses, lower case, single
 * spaces, plain quotes and dashes.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/^\s*\d{1,4}(\.\d{1,4})*\.?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]+$/, '')
    .toLowerCase();
}

/**
 * The same recommendation arriving from two sources (UHRI and UPR Info, a document and a
 * spreadsheet) gets the same fingerprint: the state under review, the document or UPR session it
 * was made in, and its normalised text.
 */
export function fingerprint(r: {
  stateUnderReview: string;
  symbol?: string | null | undefined;
  uprSession?: number | null | undefined;
  text: string;
}): string {
  const where = r.uprSession ? `upr-session-${r.uprSession}` : (r.symbol ?? '').trim().toUpperCase();
  const key = `${r.stateUnderReview.trim().toLowerCase()}|${where}|${normalizeText(r.text)}`;
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 40);
}
