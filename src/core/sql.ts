import type { Queryable } from './db.ts';
import type { Page } from '../shared/schema.ts';

/** snake_case row keys to camelCase API keys. */
export function camelize<T = Record<string, unknown>>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = v;
  return out as T;
}

export const snake = (k: string) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** Builds a WHERE clause from conditions, numbering parameters as it goes. */
export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  /** Adds a condition; "?" in it stands for the next parameter. */
  add(condition: string, ...values: unknown[]): this {
    let i = 0;
    this.parts.push(
      condition.replace(/\?/g, () => {
        this.params.push(values[i++]);
        return `$${this.params.length}`;
      }),
    );
    return this;
  }
  addIf(value: unknown, condition: string, ...values: unknown[]): this {
    return value === undefined || value === null || value === '' ? this : this.add(condition, ...values);
  }
  sql(): string {
    return this.parts.length ? `where ${this.parts.join(' and ')}` : '';
  }
  /** The placeholder for one more parameter. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** One page of rows of type R (as the query returns them), each presented as T. */
export async function pageOf<T, R extends object = Record<string, unknown>>(
  q: Queryable,
  opts: {
    select: string;
    from: string;
    where: Where;
    orderBy: string;
    page: number;
    pageSize: number;
    map: (row: R) => T;
  },
): Promise<Page<T>> {
  const { where, page, pageSize } = opts;
  const total = await q.query<{ n: number }>(
    `select count(*)::int as n from ${opts.from} ${where.sql()}`,
    where.params,
  );
  const limit = where.param(pageSize);
  const offset = where.param((page - 1) * pageSize);
  const rows = await q.query<R>(
    `select ${opts.select} from ${opts.from} ${where.sql()} order by ${opts.orderBy} limit ${limit} offset ${offset}`,
    where.params,
  );
  return { items: rows.rows.map(opts.map), total: total.rows[0]?.n ?? 0, page, pageSize };
}
