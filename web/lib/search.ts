import { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/** The URL search params of a route: the chosen keys of a server query schema, each optional. */
export type SearchOf<S extends Shape, K extends keyof S> = {
  [P in K]?: Exclude<z.output<S[P]>, undefined>;
};

/** A value of the URL as the server would receive it: text ('' and blanks count as absent). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/**
 * A route's `validateSearch` from the server's zod query schema (the same rules as the API): each
 * key is checked on its own, so that one bad value in a bookmark drops only that value. A value
 * equal to the schema's default is left out, which keeps the URLs short.
 */
export function searchValidator<S extends Shape, K extends keyof S & string>(shape: S, keys: readonly K[]) {
  return (raw: Record<string, unknown>): SearchOf<S, K> => {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const text = asText(raw[key]);
      if (text === undefined) continue;
      let schema: z.ZodType = shape[key]!;
      let fallback: unknown;
      if (schema instanceof z.ZodDefault) {
        fallback = schema.def.defaultValue;
        schema = schema.unwrap() as z.ZodType;
      }
      const parsed = schema.safeParse(text);
      if (parsed.success && parsed.data !== undefined && parsed.data !== fallback) out[key] = parsed.data;
    }
    return out as SearchOf<S, K>;
  };
}

/** The filled-in values of a filter form, '' left out (for the URL). */
export function filled<T extends Record<string, string>>(values: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const v = String(values[key] ?? '').trim();
    if (v !== '') out[key] = v;
  }
  return out;
}
