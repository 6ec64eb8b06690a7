import { Facet, Recommendation, type RecommendationPage } from './schema.ts';

/**
 * The body of a search answer, written without passing it through zod on every request. Under load
 * most of the server's time went to validating, stringifying and encoding the same facet lists again
 * and again (the state facets alone hold hundreds of values with their Dutch names). A search's page
 * and its counts are kept between searches (search-cache.ts) and come back as the same objects, so
 * their JSON is written once, as UTF-8 bytes, and kept beside them: a WeakMap, so the bytes go when
 * the kept result is dropped or replaced after a write. A kept result is never changed in place (every
 * search shares it), which is what makes its bytes safe to reuse.
 *
 * Only what the response schema (RecommendationPage) lets through is written: the fields it names for
 * a recommendation and for a facet value, in its order, so the bytes are those zod's serializer would
 * send (routes.test.ts compares them with the schema's own output on real searches). The route still
 * declares the schema, so the OpenAPI document describes the answer.
 */

/**
 * The fields of a recommendation and of a facet value, in the schema's order. Neither holds an object
 * of its own (only text, numbers and lists of text); one that did would need its fields listed here too.
 */
const RECOMMENDATION_FIELDS = Object.keys(Recommendation.shape);
const FACET_FIELDS = Object.keys(Facet.shape);

/** The JSON of each kept set of facet counts (one per search, shared by its pages), as UTF-8. */
const facetBytes = new WeakMap<object, Buffer>();
/**
 * The whole answer per kept page, with the rest of the answer it was written with: one per variant of
 * its facets (signed in, and the public's without the internal ones).
 */
const answers = new WeakMap<object, { facets: object; middle: string; tail: string; body: Buffer }[]>();

/** The JSON of a search answer, as the bytes to send (content type application/json). */
export function searchResponseBody(page: RecommendationPage): Buffer {
  const { items, total, page: n, pageSize, facets, alsoSearched } = page;
  const middle = `,"total":${total},"page":${n},"pageSize":${pageSize},"facets":`;
  const tail = `,"alsoSearched":${JSON.stringify(alsoSearched)}}`;
  const variants = answers.get(items) ?? [];
  const kept = variants.find((v) => v.facets === facets && v.middle === middle && v.tail === tail);
  if (kept) return kept.body;
  let facetsJson = facetBytes.get(facets);
  if (!facetsJson) {
    const lists = Object.entries(facets).map(
      ([name, values]) => `${JSON.stringify(name)}:${JSON.stringify(values, FACET_FIELDS)}`,
    );
    facetsJson = Buffer.from(`{${lists.join(',')}}`);
    facetBytes.set(facets, facetsJson);
  }
  // A list of field names given to JSON.stringify keeps only those fields, in that order, at every level.
  const body = Buffer.concat([
    Buffer.from(`{"items":${JSON.stringify(items, RECOMMENDATION_FIELDS)}${middle}`),
    facetsJson,
    Buffer.from(tail),
  ]);
  answers.set(items, [...variants.slice(-1), { facets, middle, tail, body }]);
  return body;
}

/**
 * Facets that tell who is responsible for a recommendation: part of its follow-up, which the public
 * sees only once it is published (src/followup/publish.ts).
 */
const INTERNAL_FACETS = new Set(['lead']);
/** The public variant of each kept set of facet counts, kept as long as it (so its bytes are kept too). */
const publicFacets = new WeakMap<object, RecommendationPage['facets']>();

/** A search answer as a visitor who is not signed in gets it: without the internal facets. */
export function publicPage(page: RecommendationPage): RecommendationPage {
  let facets = publicFacets.get(page.facets);
  if (!facets) {
    facets = Object.fromEntries(Object.entries(page.facets).filter(([name]) => !INTERNAL_FACETS.has(name)));
    publicFacets.set(page.facets, facets);
  }
  return { ...page, facets };
}
