import { findTitle, readHeader } from '../../recommendations/parse/header.ts';
import { ORDINAL_WORDS } from '../../recommendations/upr-sessions.ts';
import type { Committee, LoiKind } from './types.ts';

/** The symbol, committee, kind, report and adoption of a list of issues, from its first page. */

const PREFIXES: [RegExp, Committee][] = [
  [/^CCPR\/C\//, 'CCPR'],
  [/^E\/C\.12\//, 'CESCR'],
  [/^CAT\/C\//, 'CAT'],
  [/^CRC\/C\//, 'CRC'],
  [/^CEDAW\/C\//, 'CEDAW'],
  [/^CERD\/C\//, 'CERD'],
  [/^CRPD\/C\//, 'CRPD'],
  [/^CED\/C\//, 'CED'],
  [/^CMW\/C\//, 'CMW'],
];
const NAMES: [RegExp, Committee][] = [
  [/^Human Rights Committee$/i, 'CCPR'],
  [/^Committee on Economic, Social and Cultural Rights$/i, 'CESCR'],
  [/^Committee against Torture$/i, 'CAT'],
  [/^Committee on the Rights of the Child$/i, 'CRC'],
  [/^Committee on the Elimination of Discrimination against Women$/i, 'CEDAW'],
  [/^Committee on the Elimination of Racial Discrimination$/i, 'CERD'],
  [/^Committee on the Rights of Persons with Disabilities$/i, 'CRPD'],
  [/^Committee on Enforced Disappearances$/i, 'CED'],
  [
    /^Committee on Migrant Workers$|^Committee on the Protection of the Rights of All Migrant Workers/i,
    'CMW',
  ],
];
/** ".../QPR/6", ".../Q/5-6", ".../QPR/6-7" */
const LOI_SYMBOL = /\/(QPR|Q)\/(\d{1,2}(?:-\d{1,2})?)$/;
const TITLE = /^List of issues\b/i;
/** The ordinals of a report in a title: "initial" is the first. */
const ORDINALS = ['initial|first', ...ORDINAL_WORDS.slice(1), 'twentieth'];
const ordinalOf = (word: string) => ORDINALS.findIndex((o) => new RegExp(`^(?:${o})$`, 'i').test(word)) + 1;

export interface LoiHeader {
  symbol?: string;
  committee?: Committee;
  kind?: LoiKind;
  reportOrdinal?: number | string;
  adoptedAt?: string;
  title?: string;
  date?: string;
  /** The symbol is of another kind of document (concluding observations, a report). */
  otherSymbol?: boolean;
}

/** "6" → 6, "6-7" → "6-7" */
const ordinal = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);

/** "... of the combined fifth and sixth periodic reports" → "5-6"; "the sixth periodic report" → 6. */
function ordinalFromTitle(title: string): number | string | undefined {
  const words = ORDINALS.join('|');
  const m = new RegExp(
    `\\b(${words})(?:\\s+(?:and|to)\\s+(${words}))?\\s+(?:combined\\s+)?(?:periodic\\s+)?reports?\\b`,
    'i',
  ).exec(title);
  if (!m) return undefined;
  const a = ordinalOf(m[1]!);
  const b = m[2] ? ordinalOf(m[2]) : 0;
  return b ? `${a}-${b}` : a;
}

export function readLoiHeader(text: string): LoiHeader {
  const header = readHeader(text, 80);
  const h: LoiHeader = {};
  if (header.symbol) h.symbol = header.symbol;
  if (header.date) h.date = header.date;
  const title = findTitle(header.lines, TITLE);
  if (title) h.title = title.replace(/\s*\*+$/, '');
  const committee =
    PREFIXES.find(([re]) => re.test(h.symbol ?? ''))?.[1] ??
    NAMES.find(([re]) => header.lines.some((l) => re.test(l)))?.[1];
  if (committee) h.committee = committee;

  const loi = h.symbol ? LOI_SYMBOL.exec(h.symbol) : null;
  if (loi) {
    h.kind = loi[1] === 'QPR' ? 'loipr' : 'loi';
    h.reportOrdinal = ordinal(loi[2]!);
  } else if (h.symbol) h.otherSymbol = true;
  if (h.title) {
    if (!h.kind) h.kind = /\bprior to (?:the )?(?:submission|reporting)\b/i.test(h.title) ? 'loipr' : 'loi';
    if (h.reportOrdinal === undefined) {
      const o = ordinalFromTitle(h.title);
      if (o !== undefined) h.reportOrdinal = o;
    }
  }
  const adopted = /\bAdopted by the Committee at its\s+([^)]{0,120}\))/.exec(text.slice(0, 50_000));
  if (adopted) h.adoptedAt = adopted[1]!.replace(/\s+/g, ' ').trim();
  return h;
}
