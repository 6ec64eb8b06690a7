/**
 * The same JavaScript values from both engines: dates as 'YYYY-MM-DD' strings, int8 and numeric as
 * numbers, timestamps as ISO strings; and the extensions the migrations may create. A file of its own so
 * that the PGlite worker thread (pglite-worker.ts) loads only PGlite, not the PostgreSQL client: opening
 * the database is the longest step of a start.
 */
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const DATE_OID = 1082;
const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const NUMERIC_OID = 1700;

const toIso = (v: string) =>
  new Date(v.includes('T') || /[+-]\d\d(:\d\d)?$/.test(v) ? v : v + 'Z').toISOString();

/** The parser of each type, by its oid: for PGlite's `parsers` and for pg.types.setTypeParser. */
export const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
  [TIMESTAMPTZ_OID]: (v: string) => new Date(v).toISOString(),
  [TIMESTAMP_OID]: (v: string) => toIso(v),
};

/** Extensions the migrations may create: PostgreSQL ships them in contrib, PGlite needs them loaded. */
export const extensions = { pg_trgm, unaccent };
