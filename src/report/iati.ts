/**
 * Reads an IATI activity file (IATI 2.01–2.03, <iati-activities>) into activities with what the
 * financial annex needs. Pure: no database.
 *
 * Refused as a whole (one error, nothing saved): a file that is not well-formed XML, that declares a
 * DOCTYPE, whose root is not <iati-activities>, or whose version is not 2.01–2.03; an activity without
 * identifier; and any transaction without a valid date, with an amount that is not a number, or whose
 * currency (its own value/@currency, else the activity's @default-currency) is missing or not an
 * ISO 4217 code. Those transaction problems are collected over the whole file and the error names the
 * first (activity and transaction number, counted from 1 within the activity) and lists them all in its
 * details, so that one correction round fixes the file.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isIsoDate } from './currency.ts';
import { reportErrors, type Problem } from './errors.ts';
import { isCurrency } from './currency.ts';

export interface IatiSector {
  code: string;
  /** Sector vocabulary; absent in the file means 1 (OECD DAC CRS 5-digit). */
  vocabulary: string;
  percentage: number | null;
}

export interface IatiPeriodValue {
  start: string | null;
  end: string | null;
  value: number;
  currency: string | null;
}

export interface IatiTransaction {
  /** Its position among the activity's transactions, from 1. */
  number: number;
  ref: string | null;
  /** TransactionType code: 2 outgoing commitment, 3 disbursement, 4 expenditure, … */
  type: string;
  date: string;
  value: number;
  valueDate: string | null;
  /** The transaction's own currency, or the activity's default. */
  currency: string;
  description: string | null;
}

export interface IatiActivity {
  identifier: string;
  title: string | null;
  defaultCurrency: string | null;
  sectors: IatiSector[];
  recipientCountries: { code: string; percentage: number | null }[];
  recipientRegions: { code: string; percentage: number | null }[];
  policyMarkers: { code: string; vocabulary: string; significance: string | null }[];
  budgets: IatiPeriodValue[];
  plannedDisbursements: IatiPeriodValue[];
  transactions: IatiTransaction[];
}

export interface IatiFile {
  version: string;
  activities: IatiActivity[];
}

export interface TransactionProblem {
  activity: string;
  transaction: number;
  problem: Problem;
  value: string;
}

const SUPPORTED = /^2\.0[123]$/;
const LISTS = new Set([
  'iati-activity',
  'narrative',
  'sector',
  'recipient-country',
  'recipient-region',
  'policy-marker',
  'budget',
  'planned-disbursement',
  'transaction',
  'title',
  'description',
]);

// A node as fast-xml-parser gives it: attributes as "@_name", text as "#text".
type XmlNode = { [key: string]: unknown };

const node = (v: unknown): XmlNode | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as XmlNode) : null;
const list = (v: unknown): XmlNode[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => node(x) ?? { '#text': x });
const attr = (n: XmlNode | null | undefined, name: string): string | null => {
  const v = n?.[`@_${name}`];
  return v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
};
const text = (n: unknown): string | null => {
  const v = node(n) ? node(n)!['#text'] : n;
  return v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
};
/** The first narrative of an element (title, description): in the activity's language if there is one. */
const narrative = (el: unknown): string | null => {
  for (const n of list(el)) for (const nar of list(n.narrative)) if (text(nar)) return text(nar);
  return null;
};
const percentage = (n: XmlNode): number | null => {
  const p = attr(n, 'percentage');
  return p === null || !Number.isFinite(Number(p)) ? null : Number(p);
};
const AMOUNT = /^-?\d+(\.\d+)?$/;

function periodValue(n: XmlNode, fallbackCurrency: string | null): IatiPeriodValue | null {
  const value = node(list(n.value)[0]);
  const v = text(value);
  if (v === null || !AMOUNT.test(v)) return null;
  return {
    start: attr(node(n['period-start']), 'iso-date'),
    end: attr(node(n['period-end']), 'iso-date'),
    value: Number(v),
    currency: attr(value, 'currency') ?? fallbackCurrency,
  };
}

function readActivity(a: XmlNode, position: number, problems: TransactionProblem[]): IatiActivity {
  const identifier = text(list(a['iati-identifier'])[0]);
  if (!identifier) throw reportErrors.iati_no_identifier({ position });
  const defaultCurrency = attr(a, 'default-currency');
  const transactions: IatiTransaction[] = [];
  list(a.transaction).forEach((t, i) => {
    const number = i + 1;
    const problem = (p: Problem, value = '') =>
      problems.push({ activity: identifier, transaction: number, problem: p, value });
    const value = node(list(t.value)[0]);
    const date = attr(node(t['transaction-date']), 'iso-date');
    const amount = text(value);
    const currency = attr(value, 'currency') ?? defaultCurrency;
    const before = problems.length;
    if (date === null) problem('date_missing');
    else if (!isIsoDate(date)) problem('date_invalid', date);
    if (amount === null || !AMOUNT.test(amount)) problem('amount_invalid', amount ?? '');
    if (currency === null) problem('currency_missing');
    else if (!isCurrency(currency)) problem('currency_unknown', currency);
    if (problems.length > before) return;
    transactions.push({
      number,
      ref: attr(t, 'ref'),
      type: attr(node(t['transaction-type']), 'code') ?? '',
      date: date!,
      value: Number(amount),
      valueDate: attr(value, 'value-date'),
      currency: currency!,
      description: narrative(t.description),
    });
  });
  const periods = (key: string) =>
    list(a[key])
      .map((n) => periodValue(n, defaultCurrency))
      .filter((p): p is IatiPeriodValue => p !== null);
  return {
    identifier,
    title: narrative(a.title),
    defaultCurrency,
    sectors: list(a.sector)
      .filter((s) => attr(s, 'code'))
      .map((s) => ({
        code: attr(s, 'code')!,
        vocabulary: attr(s, 'vocabulary') ?? '1',
        percentage: percentage(s),
      })),
    recipientCountries: list(a['recipient-country'])
      .filter((c) => attr(c, 'code'))
      .map((c) => ({ code: attr(c, 'code')!, percentage: percentage(c) })),
    recipientRegions: list(a['recipient-region'])
      .filter((c) => attr(c, 'code'))
      .map((c) => ({ code: attr(c, 'code')!, percentage: percentage(c) })),
    policyMarkers: list(a['policy-marker'])
      .filter((m) => attr(m, 'code'))
      .map((m) => ({
        code: attr(m, 'code')!,
        vocabulary: attr(m, 'vocabulary') ?? '1',
        significance: attr(m, 'significance'),
      })),
    budgets: periods('budget'),
    plannedDisbursements: periods('planned-disbursement'),
    transactions,
  };
}

/** Reads an IATI 2.0x activity file; see the top of this file for what is refused. */
export function readIati(bytes: Uint8Array, fileName: string): IatiFile {
  const xml = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Checked before parsing: a DOCTYPE can declare entities that expand; IATI files have none.
  if (/<!DOCTYPE/i.test(xml)) throw reportErrors.iati_doctype({ fileName });
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw reportErrors.iati_not_xml({
      fileName,
      reason: `${valid.err.msg} (line ${valid.err.line})`,
    });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => LISTS.has(name),
  });
  const doc = parser.parse(xml) as XmlNode;
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!rootName) throw reportErrors.iati_not_xml({ fileName, reason: 'no root element' });
  if (rootName !== 'iati-activities') throw reportErrors.iati_wrong_root({ fileName, root: rootName });
  const root = node(doc[rootName]) ?? {};
  const version = attr(root, 'version');
  // IATI 1.x files may leave the version out; 2.0x requires it.
  if (version === null || !SUPPORTED.test(version))
    throw reportErrors.iati_version({ fileName, version: version ?? '' });
  const problems: TransactionProblem[] = [];
  const activities = list(root['iati-activity']).map((a, i) => readActivity(a, i + 1, problems));
  const first = problems[0];
  if (first)
    throw reportErrors.iati_transaction(
      {
        activity: first.activity,
        transaction: first.transaction,
        problem: first.problem,
        value: first.value,
        count: problems.length,
      },
      { problems },
    );
  return { version, activities };
}
