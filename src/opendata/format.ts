/**
 * The open data as files: a dataset's rows as CSV or .xlsx through the writers of the
 * recommendations export (src/recommendations/export.ts: UTF-8 with a byte-order mark, comma, CRLF),
 * the column names as headers; and the data dictionary, made from the same column definitions.
 */
import type { Readable } from 'node:stream';
import {
  csvTableStream,
  xlsxTableStream,
  type TableColumn,
  type TableRow,
} from '../recommendations/export.ts';
import { COLUMN_TYPES, DATASETS, datasetOf, type ColumnType, type DatasetName } from './datasets.ts';
import type { Dictionary, DictionaryColumn, OpenRow, OpenValue } from './schema.ts';

export const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

/** A list's items in one cell. */
export const LIST_SEPARATOR = '; ';

const cell = (v: OpenValue): string | number | boolean | null =>
  Array.isArray(v) ? v.join(LIST_SEPARATOR) : v;

const tableColumns = (name: DatasetName): TableColumn[] =>
  datasetOf(name).columns.map((c) => ({
    key: c.name,
    header: c.name,
    width: c.width,
    wrap: (c.width ?? 0) >= 60,
  }));

const flat = (rows: readonly OpenRow[]): TableRow[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)])));

async function* once<T>(value: T) {
  yield value;
}

/** A dataset's rows as CSV or .xlsx. */
export function tableFile(name: DatasetName, rows: readonly OpenRow[], format: 'csv' | 'xlsx'): Readable {
  const batches = once(flat(rows));
  return format === 'csv'
    ? csvTableStream(batches, tableColumns(name))
    : xlsxTableStream(batches, tableColumns(name), name);
}

const TYPE_TEXT: Record<ColumnType, string> = {
  uuid: 'UUID (RFC 9562)',
  uri: 'An absolute URL / Een absolute URL',
  string: 'Text / Tekst',
  integer: 'Whole number / Geheel getal',
  boolean: 'true or false / true of false',
  date: 'Date, ISO 8601 YYYY-MM-DD / Datum, ISO 8601 JJJJ-MM-DD',
  datetime: 'Date and time with offset, ISO 8601 / Datum en tijd met tijdzone, ISO 8601',
  list: `JSON: an array of texts; CSV and .xlsx: the texts joined by "${LIST_SEPARATOR}" / JSON: een lijst teksten; CSV en .xlsx: de teksten gescheiden door "${LIST_SEPARATOR}"`,
};

/** The data dictionary: per dataset each column with its type and its description in Dutch and English. */
export function dictionary(): Dictionary {
  return {
    types: Object.fromEntries(COLUMN_TYPES.map((t) => [t, TYPE_TEXT[t]])) as Dictionary['types'],
    datasets: DATASETS.map((d) => ({
      name: d.name,
      title_nl: d.title.nl,
      title_en: d.title.en,
      description_nl: d.description.nl,
      description_en: d.description.en,
      columns: d.columns.map((c): DictionaryColumn => ({
        dataset: d.name,
        name: c.name,
        type: c.type,
        required: c.required === true,
        description_nl: c.nl,
        description_en: c.en,
      })),
    })),
  };
}

const DICTIONARY_COLUMNS: (keyof DictionaryColumn)[] = [
  'dataset',
  'name',
  'type',
  'required',
  'description_nl',
  'description_en',
];

/** The data dictionary as CSV: one row per dataset and column. */
export function dictionaryCsv(): Readable {
  const rows = dictionary().datasets.flatMap((d) => d.columns);
  return csvTableStream(
    once(rows),
    DICTIONARY_COLUMNS.map((k) => ({ key: k, header: k })),
  );
}
