/**
 * The open datasets and their columns: the one definition the downloads (.csv, .xlsx, JSON), the
 * data dictionary, the OpenAPI schemas and the DCAT-AP catalogue are all made from. Plain data, no
 * imports, so that schema.ts (and the browser app) can import it. A column's name is its CSV header
 * and its JSON key alike.
 */

/**
 * The kind of a column's values. In JSON a `list` is an array of strings and a `boolean` true or
 * false; in CSV and .xlsx a list is its items joined by "; " and a boolean "true"/"false". Dates are
 * ISO 8601 (`date` YYYY-MM-DD, `datetime` with time and offset); `uri` an absolute URL.
 */
export const COLUMN_TYPES = [
  'uuid',
  'uri',
  'string',
  'integer',
  'boolean',
  'date',
  'datetime',
  'list',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface OpenColumn {
  name: string;
  type: ColumnType;
  nl: string;
  en: string;
  /** Always has a value (else it may be empty: null in JSON, an empty cell in CSV). */
  required?: boolean;
  /** Width in characters in the .xlsx. */
  width?: number;
}

export const FORMATS = ['csv', 'xlsx', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const DATASET_NAMES = ['recommendations', 'documents', 'treaties'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export interface OpenDataset {
  name: DatasetName;
  title: { nl: string; en: string };
  description: { nl: string; en: string };
  /** EU data themes (http://publications.europa.eu/resource/authority/data-theme/...). */
  themes: readonly string[];
  columns: readonly OpenColumn[];
}

const c = (
  name: string,
  type: ColumnType,
  nl: string,
  en: string,
  extra: Pick<OpenColumn, 'required' | 'width'> = {},
): OpenColumn => ({ name, type, nl, en, ...extra });

const LEAD = [
  c('lead_ministry_code', 'string', 'Code van het verantwoordelijke ministerie', 'Code of the lead ministry'),
  c(
    'lead_ministry_name_nl',
    'string',
    'Naam van het verantwoordelijke ministerie (Nederlands)',
    'Name of the lead ministry (Dutch)',
    { width: 40 },
  ),
  c(
    'lead_ministry_name_en',
    'string',
    'Naam van het verantwoordelijke ministerie (Engels)',
    'Name of the lead ministry (English)',
    { width: 40 },
  ),
];

export const DATASETS: readonly OpenDataset[] = [
  {
    name: 'recommendations',
    title: {
      nl: 'Gepubliceerde mensenrechtenaanbevelingen en hun opvolging',
      en: 'Published human rights recommendations and their follow-up',
    },
    description: {
      nl: 'De aanbevelingen van VN-verdragscomités, de Universal Periodic Review en andere organen aan het Koninkrijk der Nederlanden waarvan de regering de opvolging heeft gepubliceerd: het standpunt met toelichting, het verantwoordelijke ministerie en de laatste goedgekeurde voortgang.',
      en: 'The recommendations of UN treaty bodies, the Universal Periodic Review and other bodies to the Kingdom of the Netherlands whose follow-up the government has published: its position with the explanation, the lead ministry and the latest approved progress.',
    },
    themes: ['JUST', 'GOVE'],
    columns: [
      c('id', 'uuid', 'Vaste identificatie van de aanbeveling', 'Stable identifier of the recommendation', {
        required: true,
        width: 38,
      }),
      c('url', 'uri', 'Vaste openbare URL van de aanbeveling', 'Stable public URL of the recommendation', {
        required: true,
        width: 60,
      }),
      c(
        'symbol',
        'string',
        'Documentsymbool van de bron, bijvoorbeeld CRC/C/NLD/CO/5-6',
        'Document symbol of the source, e.g. CRC/C/NLD/CO/5-6',
        { width: 24 },
      ),
      c(
        'mechanism',
        'string',
        'Mechanisme: treaty_body, upr, coe_body, special_procedure, advisory_council, nhri, parliament of other',
        'Mechanism: treaty_body, upr, coe_body, special_procedure, advisory_council, nhri, parliament or other',
      ),
      c(
        'body_code',
        'string',
        'Code van het toezichtsorgaan, bijvoorbeeld CRC',
        'Code of the monitoring body, e.g. CRC',
      ),
      c(
        'state_under_review',
        'string',
        'De staat waaraan de aanbeveling is gedaan',
        'The state under review',
        { required: true },
      ),
      c(
        'recommending_states',
        'list',
        'De staten die de aanbeveling deden (UPR)',
        'The recommending states (UPR)',
        { width: 30 },
      ),
      c('upr_session', 'integer', 'Zitting van de UPR-werkgroep', 'Session of the UPR working group'),
      c('year', 'integer', 'Jaar van de aanbeveling', 'Year of the recommendation'),
      c(
        'paragraph',
        'string',
        'Paragraafnummer in het brondocument',
        'Paragraph number in the source document',
      ),
      c('text', 'string', 'Tekst van de aanbeveling (Engels)', 'Text of the recommendation (English)', {
        required: true,
        width: 80,
      }),
      c(
        'text_nl',
        'string',
        'Nederlandse tekst van de aanbeveling, als die er is',
        'Dutch text of the recommendation, where there is one',
        { width: 80 },
      ),
      c('themes', 'list', "Thema's (UHRI-thema's, Engelse namen)", 'Themes (UHRI themes, English names)', {
        width: 40,
      }),
      c(
        'themes_nl',
        'list',
        "Thema's (UHRI-thema's, Nederlandse namen waar bekend)",
        'Themes (UHRI themes, Dutch names where known)',
        { width: 40 },
      ),
      c(
        'position',
        'string',
        'Standpunt van de regering: supported, supported_in_part, noted, agrees, partly_agrees, disagrees of under_consideration',
        "The government's position: supported, supported_in_part, noted, agrees, partly_agrees, disagrees or under_consideration",
      ),
      c(
        'position_appreciation',
        'string',
        'Appreciatie van de regering in eigen woorden',
        "The government's appreciation in its own words",
        { width: 40 },
      ),
      c('position_explanation', 'string', 'Toelichting op het standpunt', 'Explanation of the position', {
        width: 60,
      }),
      c(
        'position_date',
        'date',
        'Datum waarop het standpunt is vastgelegd',
        'Date the position was recorded',
      ),
      ...LEAD,
      c(
        'progress_status',
        'string',
        'Status van de laatste goedgekeurde voortgang: not_started, in_progress, partially_implemented, implemented, not_implemented of no_longer_relevant',
        'Status of the latest approved progress: not_started, in_progress, partially_implemented, implemented, not_implemented or no_longer_relevant',
      ),
      c(
        'progress_date',
        'date',
        'Datum van de laatste goedgekeurde voortgang (einde van de periode, anders de goedkeuring)',
        'Date of the latest approved progress (end of its period, else its approval)',
      ),
      c(
        'progress_text',
        'string',
        'Tekst van de laatste goedgekeurde voortgang',
        'Text of the latest approved progress',
        { width: 60 },
      ),
      c(
        'published_at',
        'datetime',
        'Moment waarop de opvolging openbaar werd',
        'When the follow-up was made public',
        { required: true, width: 26 },
      ),
    ],
  },
  {
    name: 'documents',
    title: { nl: 'Gepubliceerde documenten (openbare versies)', en: 'Published documents (public versions)' },
    description: {
      nl: 'De documenten die de regering over mensenrechtenrapportages verstuurt (brieven, nota’s, kabinetsreacties), in hun openbare versie volgens de Wet open overheid, met links naar .docx, PDF en de webpagina.',
      en: 'The documents the government sends on human rights reporting (letters, memos, cabinet responses), in their public version under the Open Government Act, with links to .docx, PDF and the web page.',
    },
    themes: ['GOVE', 'JUST'],
    columns: [
      c('id', 'uuid', 'Vaste identificatie van het document', 'Stable identifier of the document', {
        required: true,
        width: 38,
      }),
      c(
        'url',
        'uri',
        'Vaste openbare URL van het document (webpagina)',
        'Stable public URL of the document (web page)',
        { required: true, width: 60 },
      ),
      c('title', 'string', 'Titel van de openbare versie', 'Title of the public version', {
        required: true,
        width: 60,
      }),
      c(
        'kind',
        'string',
        'Soort document: annual_letter, memo, cover_letter, advisory_response, concluding_response of upr_addendum',
        'Kind of document: annual_letter, memo, cover_letter, advisory_response, concluding_response or upr_addendum',
        { required: true },
      ),
      c('language', 'string', 'Taal van het document (nl of en)', 'Language of the document (nl or en)', {
        required: true,
      }),
      c('sent_on', 'date', 'Datum van verzending', 'Date sent'),
      c('kamerstuk', 'string', 'Kamerstuknummer', 'Parliamentary paper number (Kamerstuk)'),
      c(
        'redactions',
        'integer',
        'Aantal weggelakte passages (Woo)',
        'Number of redacted passages (Open Government Act)',
        { required: true },
      ),
      c('published_at', 'datetime', 'Moment van publicatie', 'When it was published', {
        required: true,
        width: 26,
      }),
      c('docx_url', 'uri', 'De openbare versie als .docx', 'The public version as .docx', {
        required: true,
        width: 60,
      }),
      c(
        'pdf_url',
        'uri',
        'De openbare versie als toegankelijke PDF',
        'The public version as an accessible PDF',
        { required: true, width: 60 },
      ),
      c('html_url', 'uri', 'De openbare versie als webpagina', 'The public version as a web page', {
        required: true,
        width: 60,
      }),
    ],
  },
  {
    name: 'treaties',
    title: {
      nl: 'Mensenrechtenverdragen: rapportages en termijnen',
      en: 'Human rights treaties: reports and due dates',
    },
    description: {
      nl: 'De mensenrechtenverdragen waarbij het Koninkrijk partij is (en de UPR), met het verantwoordelijke ministerie, de laatste rapportage en de volgende termijn.',
      en: 'The human rights treaties the Kingdom is party to (and the UPR), with the lead ministry, the last state report and the next due date.',
    },
    themes: ['JUST', 'INTR'],
    columns: [
      c('id', 'uuid', 'Vaste identificatie van het verdrag', 'Stable identifier of the instrument', {
        required: true,
        width: 38,
      }),
      c('code', 'string', 'Code van het verdrag, bijvoorbeeld CRC', 'Code of the instrument, e.g. CRC', {
        required: true,
      }),
      c('name_nl', 'string', 'Naam (Nederlands)', 'Name (Dutch)', { required: true, width: 60 }),
      c('name_en', 'string', 'Naam (Engels)', 'Name (English)', { required: true, width: 60 }),
      c('kind', 'string', 'Soort: treaty of mechanism', 'Kind: treaty or mechanism', { required: true }),
      c('system', 'string', 'Stelsel: UN of CoE (Raad van Europa)', 'System: UN or CoE (Council of Europe)', {
        required: true,
      }),
      c('monitoring_body_code', 'string', 'Code van het toezichtsorgaan', 'Code of the monitoring body'),
      ...LEAD,
      c(
        'last_report_date',
        'date',
        'Datum van de laatste rapportage (zie de precisie)',
        'Date of the last state report (see its precision)',
      ),
      c(
        'last_report_date_precision',
        'string',
        'Precisie van die datum: day, month of year',
        'Precision of that date: day, month or year',
      ),
      c(
        'last_report_symbol',
        'string',
        'Documentsymbool van de laatste rapportage',
        'Document symbol of the last state report',
        { width: 24 },
      ),
      c('last_report_cycle', 'string', 'Cyclus van de laatste rapportage', 'Cycle of the last state report'),
      c('next_due_kind', 'string', 'Volgende stap (fase)', 'Next step (phase)', { width: 24 }),
      c('next_due_date', 'date', 'Volgende termijn (zie de precisie)', 'Next due date (see its precision)'),
      c(
        'next_due_date_precision',
        'string',
        'Precisie van die termijn: day, month of year',
        'Precision of that due date: day, month or year',
      ),
      c('next_due_overdue', 'boolean', 'Of de termijn verstreken is', 'Whether the due date has passed'),
      c(
        'next_due_derived',
        'boolean',
        'Of de termijn is afgeleid uit de regels van het toezichtsorgaan (niet vastgelegd)',
        "Whether the due date is derived from the body's rules (not recorded)",
      ),
      c('next_due_cycle', 'string', 'Cyclus van de volgende termijn', 'Cycle of the next due date'),
    ],
  },
];

export const datasetOf = (name: DatasetName): OpenDataset => DATASETS.find((d) => d.name === name)!;
