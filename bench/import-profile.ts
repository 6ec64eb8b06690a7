/**
 * Where the first import of the UPR Info extract spends its time: `npm run bench -- import-profile`
 * (PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, PGlite on disk otherwise).
 *
 * The import runs as the application runs it (storeRecords, one transaction). Each statement that
 * writes rows is first run under EXPLAIN ANALYZE inside a savepoint that is rolled back, then for
 * real: the real runs give the times per step, the explained runs how each statement's time
 * divides into foreign key checks, the audit trail's hash chain and the triggers that keep the
 * search rows and facet counts in step. What is left of the store time beside its statements is
 * the importer's own JavaScript.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db, type Queryable } from '../src/core/db.ts';
import { migrate } from '../src/core/migrate.ts';
import { systemActor } from '../src/core/actor.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { readUprInfo } from '../src/recommendations/import-upr-info.ts';
import { storeRecords } from '../src/recommendations/store.ts';
import { createTempDatabase } from '../src/test/db.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');

/** The statements worth explaining: those that write many rows. */
const WRITES =
  /^\s*(with n as materialized|with ids as materialized|insert into recommendation_(terms|sources))/;

/** The step a statement belongs to, by its opening words. */
function step(sql: string): string {
  if (/^\s*with n as materialized/.test(sql)) return 'recommendations (insert or update)';
  if (/^\s*with ids as materialized/.test(sql)) return 'audit rows of the created recommendations';
  if (/^\s*insert into recommendation_terms/.test(sql)) return 'tags (recommendation_terms)';
  if (/^\s*insert into recommendation_sources/.test(sql)) return 'sources (recommendation_sources)';
  return 'other statements';
}

interface Profile {
  steps: Map<string, number>;
  foreignKeys: number;
  triggers: Map<string, number>;
  explained: number;
  /** Wall time of the explained runs, their savepoints included: taken off the store time. */
  explaining: number;
}

/** Reads an EXPLAIN ANALYZE plan's trigger lines and execution time into the profile. */
function readPlan(lines: string[], p: Profile) {
  for (const line of lines) {
    const fk = /^Trigger for constraint \S+.*time=([\d.]+)/.exec(line);
    const trigger = /^Trigger (\S+?):? .*time=([\d.]+)/.exec(line);
    const exec = /^Execution Time: ([\d.]+)/.exec(line);
    if (fk) p.foreignKeys += Number(fk[1]);
    else if (trigger) p.triggers.set(trigger[1]!, (p.triggers.get(trigger[1]!) ?? 0) + Number(trigger[2]));
    else if (exec) p.explained += Number(exec[1]);
  }
}

/** A transaction whose statements are timed, the writing ones explained first. */
function profiled(db: Db, p: Profile): Db {
  const transaction = db.transaction.bind(db);
  return Object.assign(Object.create(db) as Db, {
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      transaction((tx) => {
        const query = tx.query.bind(tx);
        const timedTx: Queryable = Object.assign(Object.create(tx) as Queryable, {
          query: async <R>(sql: string, params?: unknown[]) => {
            if (WRITES.test(sql)) {
              const e = performance.now();
              await query('savepoint profile');
              const plan = await query<{ 'QUERY PLAN': string }>(`explain (analyze) ${sql}`, params);
              readPlan(
                plan.rows.map((r) => r['QUERY PLAN']),
                p,
              );
              await query('rollback to savepoint profile');
              p.explaining += performance.now() - e;
            }
            const t = performance.now();
            const r = await query<R>(sql, params);
            p.steps.set(step(sql), (p.steps.get(step(sql)) ?? 0) + performance.now() - t);
            return r;
          },
        });
        return fn(timedTx);
      }),
  });
}

const ms = (x: number) => `${Math.round(x)} ms`.padStart(9);
const share = (x: number, of: number) => `${((100 * x) / of).toFixed(0)}%`.padStart(4);

export async function importProfile(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const tmp = url ? await createTempDatabase(url, 'rd_bench_profile') : null;
  const dir = tmp ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-profile-'));
  const db = tmp ? await openDb({ databaseUrl: tmp.url }) : await openDb({ dataDir: dir! });
  try {
    await migrate(db);
    await seedReferenceData(db);
    const p: Profile = { steps: new Map(), foreignKeys: 0, triggers: new Map(), explained: 0, explaining: 0 };
    const read = readUprInfo(new Uint8Array(fs.readFileSync(FILE)));
    const t = performance.now();
    await storeRecords(profiled(db, p), systemActor('bench'), {
      kind: 'upr-info',
      fileName: path.basename(FILE),
      sha256: 'bench',
      records: read.records,
      rowErrors: [],
      totalRows: read.totalRows,
    });
    const store = performance.now() - t - p.explaining;
    const sql = [...p.steps.values()].reduce((a, b) => a + b, 0);
    const js = store - sql;
    const explainedTotal = p.explained;
    console.log(
      `\n[${tmp ? 'postgresql' : 'pglite on disk'}] where the first import of ${read.totalRows} rows spends its time`,
    );
    console.log(`  store: ${ms(store).trim()} (the explained runs not counted)`);
    for (const [name, x] of [...p.steps].sort((a, b) => b[1] - a[1]))
      console.log(`  ${ms(x)} ${share(x, store)}  ${name}`);
    console.log(
      `  ${ms(js)} ${share(js, store)}  the importer's JavaScript (store time beside its statements)`,
    );
    console.log(`  of the writing statements (${ms(explainedTotal).trim()} explained):`);
    console.log(
      `  ${ms(p.foreignKeys)} ${share(p.foreignKeys, explainedTotal)}  foreign key checks (one per row written)`,
    );
    for (const [name, x] of [...p.triggers].sort((a, b) => b[1] - a[1]).filter(([, x]) => x >= 1))
      console.log(`  ${ms(x)} ${share(x, explainedTotal)}  trigger ${name}`);
  } finally {
    await db.close();
    await tmp?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
