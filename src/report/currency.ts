/**
 * ISO 4217 currency codes, as the ICU data of the running Node knows them
 * (Intl.supportedValuesOf('currency')): the codes in use, not the withdrawn ones.
 */
const CODES = new Set(Intl.supportedValuesOf('currency'));

export const isCurrency = (code: string): boolean => CODES.has(code);

const EUR = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** An amount in euros written as Dutch texts do: "EUR 9.395.942". */
export const formatEur = (amount: number): string => `EUR ${EUR.format(amount)}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Whether the text is a real calendar date written YYYY-MM-DD. */
export const isIsoDate = (v: string): boolean =>
  ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
