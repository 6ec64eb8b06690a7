/**
 * The open data's schemas, made from the dataset definitions (datasets.ts): a row of each dataset
 * as JSON, and the data dictionary. What a download holds is what these say, so the OpenAPI
 * document describes the downloads from the same definitions.
 */
import { z } from 'zod';
import { COLUMN_TYPES, DATASET_NAMES, datasetOf, type ColumnType, type DatasetName } from './datasets.ts';

const VALUE: Record<ColumnType, () => z.ZodType> = {
  uuid: () => z.string(),
  uri: () => z.string(),
  string: () => z.string(),
  integer: () => z.number().int(),
  boolean: () => z.boolean(),
  date: () => z.string(),
  datetime: () => z.string(),
  list: () => z.array(z.string()),
};

/** One row of a dataset as JSON: every column, described in English, null where it has no value. */
function rowSchema(name: DatasetName) {
  const shape = Object.fromEntries(
    datasetOf(name).columns.map((col) => {
      const value = VALUE[col.type]();
      return [col.name, (col.required ? value : value.nullable()).describe(col.en)];
    }),
  );
  return z.object(shape);
}

export const OpenRecommendation = rowSchema('recommendations');
export const OpenDocument = rowSchema('documents');
export const OpenTreaty = rowSchema('treaties');
export const OPEN_ROW_SCHEMAS = {
  recommendations: OpenRecommendation,
  documents: OpenDocument,
  treaties: OpenTreaty,
} as const;

/** A value of a column, as the JSON download holds it. */
export type OpenValue = string | number | boolean | string[] | null;
/** A row of a dataset: each column's value by its name. */
export type OpenRow = Record<string, OpenValue>;

export const DictionaryColumn = z.object({
  dataset: z.enum(DATASET_NAMES),
  name: z.string().describe('The column: its CSV header and JSON key'),
  type: z.enum(COLUMN_TYPES),
  required: z.boolean().describe('Always has a value'),
  description_nl: z.string(),
  description_en: z.string(),
});
export type DictionaryColumn = z.infer<typeof DictionaryColumn>;

export const DictionaryDataset = z.object({
  name: z.enum(DATASET_NAMES),
  title_nl: z.string(),
  title_en: z.string(),
  description_nl: z.string(),
  description_en: z.string(),
  columns: z.array(DictionaryColumn),
});
export const Dictionary = z.object({
  types: z.record(z.enum(COLUMN_TYPES), z.string()).describe('What each type means'),
  datasets: z.array(DictionaryDataset),
});
export type Dictionary = z.infer<typeof Dictionary>;
