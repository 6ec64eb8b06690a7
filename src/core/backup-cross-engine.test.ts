import { countAllFacets, countFacets } from '../recommendations/facets.ts';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, readBackup, restore } from './backup.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { createUser } from '../users/service.ts';
import {
  actor,
  addConsultation,
  auditTrail,
  contentSums,
  freshDb,
  importUpr,
  maxAuditId,
  pgUrl,
  testKey,
  tmpFiles,
  UPR_INFO_FILE,
} from './backup-test-helpers.ts';

/**
 * The round trip of a full installation: the real UPR Info extract (30,261 rows) imported, a
 * consultation with an attachment, users and their audit trail, backed up on PGlite and restored on
 * PostgreSQL, then backed up there and restored on PGlite. Needs TEST_DATABASE_URL (CI's PostgreSQL pass).
 */
const present = fs.existsSync(UPR_INFO_FILE);
const skip = !pgUrl || (!present && process.env.CI !== 'true');
const files = tmpFiles();
afterAll(files.remove);

type Sums = Awaited<ReturnType<typeof contentSums>>;
type Fresh = Awaited<ReturnType<typeof freshDb>>;
const counts = (s: Sums) => Object.fromEntries(Object.entries(s).map(([t, v]) => [t, v.rows]));
const searchCount = async (db: Fresh['db']) =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from recommendations where search @@ plainto_tsquery('english', 'torture prevention')`,
    )
  ).rows[0]!.n;

describe.skipIf(skip)(
  skip
    ? 'backup round trip PGlite ⇄ PostgreSQL with the UPR Info extract — SKIPPED: needs TEST_DATABASE_URL and ../shared/data/upr-info'
    : 'backup round trip PGlite → PostgreSQL → PGlite with 30,000 imported recommendations',
  () => {
    const dbs: Fresh[] = [];
    let liteSums: Sums;
    let pgSums: Sums;
    let pgSumsBefore: Sums;
    let lite2Sums: Sums;
    let liteAuditMax: number;
    let pgAuditMax: number;
    let created: number;
    let liteSearch: number;
    let pgSearch: number;
    let lite2Search: number;
    const toPg = files.file('pglite.rdbackup.gz');
    const toLite = files.file('postgresql.rdbackup.gz');

    beforeAll(async () => {
      const lite = await freshDb('pglite');
      dbs.push(lite);
      await seedReferenceData(lite.db);
      created = (await importUpr(lite.db, new Uint8Array(fs.readFileSync(UPR_INFO_FILE)))).created;
      await addConsultation(lite.db, 'ronde');
      for (const role of ['coordinator', 'observer'] as const) {
        const org = role === 'coordinator' ? { organisationId: await bzk(lite.db) } : {};
        await createUser(lite.db, actor, {
          email: `${role}@example.org`,
          name: `Test ${role}`,
          role,
          password: 'correct horse battery staple',
          ...org,
        });
      }
      liteSums = await contentSums(lite.db);
      liteAuditMax = await maxAuditId(lite.db);
      liteSearch = await searchCount(lite.db);
      await backup(lite.db, toPg, testKey);

      const pg = await freshDb('postgresql');
      dbs.push(pg);
      await restore(pg.db, toPg, actor, { key: testKey });
      pgSums = await contentSums(pg.db, liteAuditMax);
      pgSearch = await searchCount(pg.db);
      pgSumsBefore = await contentSums(pg.db);
      pgAuditMax = await maxAuditId(pg.db);
      await backup(pg.db, toLite, testKey);

      const lite2 = await freshDb('pglite');
      dbs.push(lite2);
      await restore(lite2.db, toLite, actor, { key: testKey });
      lite2Sums = await contentSums(lite2.db, pgAuditMax);
      lite2Search = await searchCount(lite2.db);
    }, 900_000);
    afterAll(async () => {
      for (const d of dbs) await d.dispose();
    });

    const bzk = async (db: Fresh['db']) =>
      (await db.query<{ id: string }>("select id from organisations where code = 'BZK'")).rows[0]!.id;

    it('holds the data of a real installation', () => {
      expect(created).toBeGreaterThan(29_000);
      expect(liteSums.recommendations!.rows).toBe(created);
      expect(liteSums.recommendation_sources!.rows).toBe(30_261);
      expect(liteSums.audit_events!.rows).toBeGreaterThan(created);
      expect(liteSums.consultation_attachments!.rows).toBe(1);
      expect(liteSums.users!.rows).toBe(2);
      expect(readBackup(toPg, testKey).header.engine).toBe('pglite');
      expect(readBackup(toLite, testKey).header.engine).toBe('postgresql');
      // The search vector is computed by the restoring database, not carried in the file.
      const rec = readBackup(toPg, testKey).tables.find((t) => t.table === 'recommendations')!;
      expect(rec.columns).not.toContain('search');
    });

    it('PGlite → PostgreSQL: every table has the same rows and contents', () => {
      expect(counts(pgSums)).toEqual(counts(liteSums));
      expect(pgSums).toEqual(liteSums);
      expect(pgSumsBefore.audit_events!.rows).toBe(liteSums.audit_events!.rows + 1);
    });

    it('PostgreSQL → PGlite: every table has the same rows and contents', () => {
      expect(counts(lite2Sums)).toEqual(counts(pgSumsBefore));
      expect(lite2Sums).toEqual(pgSumsBefore);
    });

    it('search finds the same recommendations on every engine (the search vector is recomputed)', () => {
      expect(liteSearch).toBeGreaterThan(100);
      expect(pgSearch).toBe(liteSearch);
      expect(lite2Search).toBe(liteSearch);
    });

    it('the facet counts kept for the unfiltered list are rebuilt by the restored rows', async () => {
      for (const { db } of dbs) {
        const kept = await countAllFacets(db);
        expect(kept.total).toBe(created);
        expect(kept).toEqual(await countFacets(db, '', []));
      }
    });

    it("each restore records its own audit event, signed by this installation's key", async () => {
      const trail = await auditTrail(dbs[2]!.db);
      const restores = trail.filter((r) => r.action === 'restore');
      expect(restores.map((r) => (r.after as { engine: string }).engine)).toEqual(['pglite', 'postgresql']);
      expect(restores.map((r) => (r.after as { signature: string }).signature)).toEqual(['valid', 'valid']);
    });
  },
);
