/**
 * The registry of generators: one per kind of document (kinds.ts). The generators register
 * themselves (all.ts imports them); the workspace asks for the one of a document's kind.
 */
import { workspaceErrors } from '../errors.ts';
import type { OutgoingKind, OutgoingParams } from '../kinds.ts';
import type { Queryable } from '../../core/db.ts';
import type { GenerateContext, Generated, Generator } from './types.ts';

type ParamsOf<K extends OutgoingKind> = Extract<OutgoingParams, { kind: K }>;

const generators: { [K in OutgoingKind]?: Generator<ParamsOf<K>> } = {};

/** Registers the generator of a kind; returns a function that puts back the one it replaced. */
export function registerGenerator<K extends OutgoingKind>(kind: K, fn: Generator<ParamsOf<K>>): () => void {
  const before = generators[kind];
  generators[kind] = fn as (typeof generators)[K];
  return () => {
    generators[kind] = before;
  };
}

/** The generator of a kind; refused with letter.no_generator when none is registered. */
export function generatorFor<K extends OutgoingKind>(kind: K): Generator<ParamsOf<K>> {
  const fn = generators[kind];
  if (!fn) throw workspaceErrors.no_generator({ kind });
  return fn as Generator<ParamsOf<K>>;
}

/** Runs the generator of the parameters' kind. */
export const generate = (q: Queryable, params: OutgoingParams, ctx: GenerateContext): Promise<Generated> =>
  (generatorFor(params.kind) as Generator)(q, params, ctx);
