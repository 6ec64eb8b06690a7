/** Helpers of the process tests: reference data by code, cycles with dated phases, the default guide. */
import { expect } from 'vitest';
import type { Session, TestApp } from '../test/app.ts';
import { DEFAULT_TEMPLATE_CODE } from './seed.ts';
import type { Template } from './schema.ts';

export async function orgId(t: TestApp, code: string): Promise<string> {
  const r = await t.db.query<{ id: string }>('select id from organisations where code = $1', [code]);
  return r.rows[0]!.id;
}

export async function instrumentId(t: TestApp, code: string): Promise<string> {
  const r = await t.db.query<{ id: string }>('select id from instruments where code = $1', [code]);
  return r.rows[0]!.id;
}

/** A new cycle of the instrument, with the phases given. */
export async function newCycle(
  t: TestApp,
  as: Session,
  instrument: string,
  sequence: number,
  phases: { kind: string; date: string }[],
): Promise<string> {
  const res = await t.call(as, 'POST', '/api/cycles', {
    instrumentId: await instrumentId(t, instrument),
    label: `Test cycle ${sequence}`,
    sequence,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  for (const p of phases) {
    const r = await t.call(as, 'POST', `/api/cycles/${id}/phases`, p);
    expect(r.statusCode, r.body).toBe(201);
  }
  return id;
}

export const countTasks = async (t: TestApp): Promise<number> =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from tasks')).rows[0]!.n;

/** The default guide, as the user signed in as `as` sees it. */
export async function defaultTemplate(t: TestApp, as: Session): Promise<Template> {
  const list = await t.call(as, 'GET', '/api/process-templates');
  expect(list.statusCode, list.body).toBe(200);
  return (list.json() as { items: Template[] }).items.find((x) => x.code === DEFAULT_TEMPLATE_CODE)!;
}
