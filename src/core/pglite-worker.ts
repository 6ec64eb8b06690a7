/**
 * The worker thread that owns the PGlite instance (see PgliteWorkerDb in db.ts). It answers each
 * request with its id; the order of statements and the holding of the connection by a transaction
 * are decided by the caller, so requests are simply run in the order they arrive.
 */
import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest } from './db.ts';

// The worker keeps the compiled code of PGlite's modules between starts too, as the command does
// (src/cli/main.ts); enabled before they load, hence their dynamic imports.
module.enableCompileCache?.();
const [{ PGlite: PGliteClass }, { extensions, pgliteParsers }] = await Promise.all([
  import('@electric-sql/pglite'),
  import('./db-types.ts'),
]);

let pg: PGlite | undefined;

const database = () => {
  if (!pg) throw new Error('The database is not open.');
  return pg;
};

/** Like pg's rowCount: PGlite reports affectedRows 0 for a select, so count the rows returned too. */
const rowCount = (r: { rows: unknown[]; affectedRows?: number }) =>
  Math.max(r.affectedRows ?? 0, r.rows.length);

async function handle(req: WorkerRequest): Promise<unknown> {
  switch (req.op) {
    case 'open':
      pg = await PGliteClass.create({
        dataDir: req.dataDir,
        parsers: pgliteParsers,
        extensions,
        loadDataDir: req.loadDataDir,
      });
      return null;
    case 'query': {
      const r = await database().query(req.sql, req.params);
      return { rows: r.rows, rowCount: rowCount(r) };
    }
    case 'exec':
      await database().exec(req.sql);
      return null;
    case 'copyFrom':
      await database().query(req.sql, [], { blob: req.blob });
      return null;
    case 'close':
      if (pg && !pg.closed) await pg.close();
      return null;
  }
}

/** The fields of a database error that the caller reads (code, detail, constraint, …), cloneable. */
function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const fields: Record<string, unknown> = { message: err.message, name: err.name };
  for (const [k, v] of Object.entries(err)) {
    if (k !== 'params' && (typeof v === 'string' || typeof v === 'number')) fields[k] = v;
  }
  return fields;
}

parentPort?.on('message', (msg: WorkerRequest & { id: number }) => {
  handle(msg).then(
    (result) => parentPort!.postMessage({ id: msg.id, ok: true, result } satisfies WorkerReply),
    (err: unknown) =>
      parentPort!.postMessage({ id: msg.id, ok: false, error: errorFields(err) } satisfies WorkerReply),
  );
});
