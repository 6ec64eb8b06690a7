import { expect } from 'vitest';
import type { Session, TestApp } from '../../test/app.ts';
import { UPR_INFO_COLUMNS } from '../../recommendations/import-upr-info.ts';

/** What the recipes of the audit matrix share: the app, the sessions, and what earlier recipes made. */

export type Method = 'POST' | 'PATCH' | 'DELETE';
export type Role = 'contributor' | 'coordinator' | 'admin';

export interface Performed {
  status: number;
  body: unknown;
}

export interface Recipe {
  /** Which role performs it (default: admin). */
  as?: Role;
  /** Performs the request; returns the response. */
  run(call: Caller): Promise<Performed>;
  /** The entity the audit row must name: its type and id (from the answer or the context). */
  entity(res: Performed): { type: string; id: string };
}

export type Caller = (method: Method, url: string, body?: unknown) => Promise<Performed>;

/** The running app, set by the test before the recipes run. */
export const state: { t: TestApp } = { t: undefined as unknown as TestApp };
export const ctx: Record<string, string> = {};
export const sessions: Partial<Record<Role, Session>> = {};

export interface CycleWithDerived {
  id: string;
  abilities: { edit: boolean };
  derivedPhases: { kind: string; override: { id: string; version: number } | null }[];
}

/** The phase of a kind in a cycle answer. */
export const phaseOf = (res: Performed, kind: string) =>
  (res.body as { phases: { kind: string }[] }).phases.find((p) => p.kind === kind);

export const idOf = (res: Performed) => (res.body as { id: string }).id;
export const versionOf = (res: Performed) => (res.body as { version: number }).version;
export const mem: Record<string, Performed> = {};
export const remember = (key: string) => (res: Performed) => {
  mem[key] = res;
  return res;
};

export async function get<T>(url: string): Promise<T> {
  const res = await state.t.call(sessions.admin!, 'GET', url);
  expect(res.statusCode, `GET ${url}: ${res.body}`).toBe(200);
  return res.json() as T;
}

export const CSV = [
  UPR_INFO_COLUMNS.join(','),
  '1,Netherlands,WEOG,EU,"Take measures to combat racial discrimination in the labour market.",Canada,WEOG,,Accepted,4,"Racial discrimination",1',
].join('\n');

export { multipart } from '../../test/multipart.ts';

export const stamp = Date.now().toString(36).toUpperCase();

/** One recipe per mutating route, performed in this order (later ones use what earlier ones made). */
