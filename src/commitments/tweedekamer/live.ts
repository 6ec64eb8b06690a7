/**
 * Reads motions from the Tweede Kamer's live OData API (the Gegevensmagazijn): Zaak with Soort
 * Motie changed since a date whose subject or dossier title contains a word, with its submitters,
 * decisions, votes, dossier and documents expanded; every page, by following @odata.nextLink.
 */
import { tweedekamerErrors } from './errors.ts';
import { parseOData } from './parse-odata.ts';
import type { ParsedFile } from './types.ts';

export const ODATA_BASE = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0';

export interface FetchMotionsOptions {
  /** YYYY-MM-DD: motions whose GewijzigdOp is on or after this day (Dutch time). */
  since: string;
  /** A word of the subject or the dossier's title ("mensenrecht"). */
  topic: string;
  baseUrl?: string;
  /** Per request; 30 seconds unless given. */
  timeoutMs?: number;
  /** At most this many pages are followed (a guard against a link that loops). */
  maxPages?: number;
}

/** "+01:00" or "+02:00": the offset of Dutch time at noon of a day. */
function amsterdamOffset(day: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  return /[+-]\d{2}:\d{2}/.exec(name ?? '')?.[0] ?? '+01:00';
}

const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The first page's URL. */
export function motionsUrl(o: Pick<FetchMotionsOptions, 'since' | 'topic' | 'baseUrl'>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.since) || Number.isNaN(Date.parse(o.since))) {
    throw new RangeError(`since must be a date YYYY-MM-DD, not "${o.since}"`);
  }
  const topic = literal(o.topic.trim());
  const filter = [
    'Verwijderd eq false',
    "Soort eq 'Motie'",
    `GewijzigdOp ge ${o.since}T00:00:00${amsterdamOffset(o.since)}`,
    `(contains(Onderwerp,${topic}) or contains(Titel,${topic}))`,
  ].join(' and ');
  const expand = [
    "ZaakActor($filter=Relatie eq 'Indiener' or Relatie eq 'MedeIndiener')",
    'Besluit($filter=Verwijderd eq false;$expand=Stemming($filter=Verwijderd eq false))',
    'Kamerstukdossier',
    "Document($filter=Soort eq 'Motie' or Soort eq 'Motie (gewijzigd/nader)')",
  ].join(',');
  const base = (o.baseUrl ?? ODATA_BASE).replace(/\/+$/, '');
  return `${base}/Zaak?$filter=${encodeURIComponent(filter)}&$expand=${encodeURIComponent(expand)}&$orderby=GewijzigdOp`;
}

function reasonOf(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
    return `geen antwoord binnen ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`;
  }
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

async function page(url: string, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw tweedekamerErrors.unreachable({ url, reason: reasonOf(e, timeoutMs) });
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw tweedekamerErrors.api_failed({ url, status: res.status });
  }
  try {
    return await res.json();
  } catch (e) {
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
      throw tweedekamerErrors.unreachable({ url, reason: reasonOf(e, timeoutMs) });
    }
    throw tweedekamerErrors.not_odata({ fileName: url, reason: 'geen geldige JSON' });
  }
}

export async function fetchMotions(o: FetchMotionsOptions): Promise<ParsedFile & { pages: number }> {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const maxPages = o.maxPages ?? 200;
  const out: ParsedFile & { pages: number } = {
    format: 'odata-json',
    motions: [],
    toezeggingen: [],
    warnings: [],
    pages: 0,
  };
  const origin = new URL(o.baseUrl ?? ODATA_BASE).origin;
  let url: string | null = motionsUrl(o);
  while (url) {
    if (out.pages >= maxPages) {
      out.warnings.push({ record: url, message: `meer dan ${maxPages} pagina's; de rest is niet gelezen.` });
      break;
    }
    const body = await page(url, timeoutMs);
    out.pages += 1;
    const parsed = parseOData(body, url);
    out.motions.push(...parsed.motions);
    out.toezeggingen.push(...parsed.toezeggingen);
    out.warnings.push(...parsed.warnings);
    const next =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['@odata.nextLink'] : null;
    const current: string = url;
    url = null;
    if (typeof next === 'string') {
      const target = new URL(next, current);
      if (target.origin !== origin) {
        out.warnings.push({ record: next, message: 'volgende pagina op een andere server; niet gevolgd.' });
      } else url = target.href;
    }
  }
  return out;
}
