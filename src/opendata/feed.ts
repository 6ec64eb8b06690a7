/**
 * An Atom 1.0 feed (RFC 4287) of what was published last: documents (their public versions) and
 * recommendations whose follow-up became public, the latest 50, newest first. Written with
 * fast-xml-parser's XMLBuilder, which escapes text and attributes.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Queryable } from '../core/db.ts';
import { publicUrls, publishedDocuments, publishedRecommendations } from './service.ts';

export const FEED_SIZE = 50;
const SUMMARY_CHARS = 500;

interface Entry {
  id: string;
  title: string;
  updated: string;
  link: string;
  summary: string;
}

const iso = (at: string) => new Date(at).toISOString();
const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The feed's entries: the latest published recommendations and documents together, newest first. */
async function entries(q: Queryable, base: string): Promise<Entry[]> {
  const recs = await publishedRecommendations(q, base, { limit: FEED_SIZE });
  const docs = await publishedDocuments(q, base, FEED_SIZE);
  const fromRecs = recs.map((r): Entry => {
    const source = [
      str(r.symbol) || str(r.body_code) || str(r.mechanism),
      r.paragraph ? `par. ${str(r.paragraph)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const position = r.position ? `Standpunt: ${str(r.position)}. ` : '';
    return {
      id: `urn:uuid:${str(r.id)}`,
      title: `Aanbeveling ${source} (${str(r.state_under_review)})`,
      updated: iso(str(r.published_at)),
      link: str(r.url),
      summary: shorten(`${position}${str(r.text_nl) || str(r.text)}`, SUMMARY_CHARS),
    };
  });
  const fromDocs = docs.map((d): Entry => ({
    id: `urn:uuid:${str(d.id)}`,
    title: str(d.title),
    updated: iso(str(d.published_at)),
    link: str(d.url),
    summary: `Openbare versie (${str(d.kind)})${d.kamerstuk ? `, Kamerstuk ${str(d.kamerstuk)}` : ''}.`,
  }));
  return [...fromRecs, ...fromDocs]
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE);
}

/** The feed as XML; `publisher` names its author. */
export async function atomFeed(q: Queryable, base: string, publisher: string): Promise<string> {
  const url = publicUrls(base);
  const list = await entries(q, base);
  // A feed without entries still needs an updated: the start of the epoch says "never".
  const updated = list[0]?.updated ?? new Date(0).toISOString();
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'nl',
      id: url.download('feed.atom'),
      title: 'Rightsdesk: nieuw gepubliceerd',
      subtitle: 'Nieuw gepubliceerde documenten en opvolging van mensenrechtenaanbevelingen',
      updated,
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': url.download('feed.atom') },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${base}/` },
      ],
      author: { name: publisher },
      entry: list.map((e) => ({
        id: e.id,
        title: { '@_type': 'text', '#text': e.title },
        updated: e.updated,
        link: { '@_rel': 'alternate', '@_href': e.link },
        summary: { '@_type': 'text', '#text': e.summary },
      })),
    },
  }) as string;
}
