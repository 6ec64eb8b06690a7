/**
 * The open data described in DCAT-AP (the metadata standard of data.overheid.nl and data.europa.eu)
 * as JSON-LD: a dcat:Catalog with a dcat:Dataset per dataset of datasets.ts and a dcat:Distribution
 * per download, each with its absolute download URL, IANA media type and EU file type, the data
 * dictionary as what it conforms to, and the EU vocabularies for themes, languages and licence.
 */
import { DATASETS, FORMATS, type DatasetName, type Format } from './datasets.ts';
import { MEDIA_TYPES } from './format.ts';
import { publicUrls } from './service.ts';

/**
 * The licence of the open data: CC0 1.0 (public domain dedication), as the Dutch government's open-data
 * policy asks of data it publishes itself (no conditions on reuse). The UN bodies' recommendation texts are
 * public documents. Change this one constant (to the EU vocabulary's CC_BY_4_0) if attribution is required.
 */
export const LICENCE = 'http://publications.europa.eu/resource/authority/licence/CC0';

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'https://www.iana.org/assignments/media-types';
const FILE_TYPE: Record<Format, string> = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };
/** The web page of each dataset on the public portal (src/portal), for people (dcat:landingPage). */
const LANDING: Record<DatasetName, string> = {
  recommendations: '/openbaar/aanbevelingen',
  documents: '/openbaar/documenten',
  treaties: '/openbaar/verdragen',
};

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const text = (nl: string, en: string) => [
  { '@value': nl, '@language': 'nl' },
  { '@value': en, '@language': 'en' },
];
const ref = (id: string) => ({ '@id': id });
const dateTime = (at: string) => ({ '@value': new Date(at).toISOString(), '@type': 'xsd:dateTime' });

export interface CatalogFacts {
  base: string;
  /** The publisher's name in Dutch and English. */
  publisher: { nl: string; en: string };
  /** When each dataset last changed (the latest published_at), or null when nothing is published. */
  modified: Record<DatasetName, string | null>;
}

/** The DCAT-AP catalogue of the open data, as a JSON-LD document. */
export function catalog(f: CatalogFacts) {
  const url = publicUrls(f.base);
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': text(f.publisher.nl, f.publisher.en) };
  const languages = [ref(`${EU}/language/NLD`), ref(`${EU}/language/ENG`)];
  const dictionary = { '@id': url.download('dictionary.json'), '@type': 'dct:Standard' };
  const all = Object.values(f.modified).filter((m): m is string => m !== null);
  const latest = all.sort().at(-1) ?? null;
  const datasets = DATASETS.map((d) => {
    const modified = d.name === 'treaties' ? latest : f.modified[d.name];
    return {
      '@id': `${url.download('catalog.jsonld')}#${d.name}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.name,
      'dct:title': text(d.title.nl, d.title.en),
      'dct:description': text(d.description.nl, d.description.en),
      'dct:publisher': publisher,
      'dct:language': languages,
      'dct:license': ref(LICENCE),
      'dct:accessRights': ref(`${EU}/access-right/PUBLIC`),
      'dct:conformsTo': dictionary,
      'dcat:theme': d.themes.map((t) => ref(`${EU}/data-theme/${t}`)),
      'dcat:landingPage': ref(`${f.base}${LANDING[d.name]}`),
      ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
      'dcat:distribution': FORMATS.map((format) => {
        const file = url.download(`${d.name}.${format}`);
        return {
          '@id': `${url.download('catalog.jsonld')}#${d.name}-${format}`,
          '@type': 'dcat:Distribution',
          'dct:title': text(`${d.title.nl} (${FILE_TYPE[format]})`, `${d.title.en} (${FILE_TYPE[format]})`),
          'dcat:accessURL': ref(file),
          'dcat:downloadURL': ref(file),
          'dcat:mediaType': ref(`${IANA}/${MEDIA_TYPES[format].split(';')[0]}`),
          'dct:format': ref(`${EU}/file-type/${FILE_TYPE[format]}`),
          'dct:license': ref(LICENCE),
          'dct:conformsTo': dictionary,
        };
      }),
    };
  });
  return {
    '@context': CONTEXT,
    '@id': url.download('catalog.jsonld'),
    '@type': 'dcat:Catalog',
    'dct:title': text('Rightsdesk: open data over mensenrechten', 'Rightsdesk: open data on human rights'),
    'dct:description': text(
      'De gepubliceerde aanbevelingen aan het Koninkrijk der Nederlanden met hun opvolging, de openbare documenten en de mensenrechtenverdragen met hun termijnen.',
      'The published recommendations to the Kingdom of the Netherlands with their follow-up, the public documents and the human rights treaties with their due dates.',
    ),
    'dct:publisher': publisher,
    'dct:language': languages,
    'dct:license': ref(LICENCE),
    'foaf:homepage': ref(`${f.base}/`),
    ...(latest ? { 'dct:modified': dateTime(latest) } : {}),
    'dcat:dataset': datasets,
  };
}
