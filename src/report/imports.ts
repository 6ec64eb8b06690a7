/**
 * Imports of expenditures: an IATI activity file or a spreadsheet, all or nothing, in one
 * transaction. The file is read and checked completely before anything is written.
 *
 * IATI: an activity is taken when one of its sectors (vocabulary 1, the DAC 5-digit purpose codes) is
 * a human rights sector (report_sectors: 15160, and those a coordinator adds), or when a coordinator
 * has set its priority. Its disbursements become expenditures on a cash basis (cash-basis.ts), for
 * the priority set for the activity, else 'other'. An activity with several sectors counts for the
 * share of its human rights sectors (their percentages). The file holds each activity it lists in
 * full: a payment of such an activity that the file no longer has is deleted, one of an activity that
 * is no longer taken too.
 */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { insertRow, type TableSpec } from '../core/write.ts';
import { camelize } from '../core/sql.ts';
import { reportErrors } from './errors.ts';
import type { IatiActivity } from './iati.ts';
import { cashPayments, noteForPaidYear, round2 } from './cash-basis.ts';
import { readExpenditureSheet } from './sheet.ts';
import { reportPolicy } from './policy.ts';
import type { PriorityCode } from './priorities.ts';
import type { ExpenditureImportRow } from './rows.ts';
import type { ExpenditureImport } from './schema.ts';
import { applyPlan, planExpenditures, type Candidate } from './store.ts';

type ImportInput = Omit<ExpenditureImport, 'id' | 'importedAt'>;
const importSpec: TableSpec<ExpenditureImportRow, ImportInput> = {
  table: 'expenditure_imports',
  entity: 'expenditure_import',
  writable: [
    'source',
    'fileName',
    'sha256',
    'importedBy',
    'rowsRead',
    'created',
    'updated',
    'deleted',
    'unchanged',
    'skipped',
  ],
};

const presentImport = (r: ExpenditureImportRow): ExpenditureImport => {
  const {
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = camelize<
    ExpenditureImport & {
      version: number;
      createdAt: string;
      updatedAt: string;
    }
  >(r as unknown as Record<string, unknown>);
  return rest;
};

/** The share (in %) of an activity that counts for human rights: that of its human rights sectors. */
function humanRightsShare(activity: IatiActivity, sectors: Set<string>): number {
  const relevant = activity.sectors.filter((s) => s.vocabulary === '1' && sectors.has(s.code));
  if (relevant.length === 0) return 100; // taken because a coordinator set its priority
  if (relevant.some((s) => s.percentage === null)) return 100;
  return Math.min(
    100,
    relevant.reduce((sum, s) => sum + s.percentage!, 0),
  );
}

function iatiCandidates(activity: IatiActivity, priority: PriorityCode, share: number): Candidate[] {
  const perDate = new Map<string, number>();
  return cashPayments(activity).map((p) => {
    const n = (perDate.get(p.date) ?? 0) + 1;
    perDate.set(p.date, n);
    const amountEur = p.currency === 'EUR' ? round2((p.value * share) / 100) : null;
    const notes: string[] = [];
    if (p.advanceFor !== null) notes.push(noteForPaidYear(p.advanceFor, amountEur, activity.identifier));
    if (share < 100)
      notes.push(`Telt voor ${share}% mee: het aandeel van de mensenrechtensectoren van de activiteit.`);
    return {
      externalKey: `iati:${activity.identifier}:${p.ref ? `ref:${p.ref}` : `${p.date}#${n}`}`,
      year: p.year,
      priority,
      amount: p.value,
      currency: p.currency,
      amountEur,
      activityIdentifier: activity.identifier,
      description: p.description ?? activity.title,
      source: 'iati' as const,
      paidOn: p.date,
      advanceFor: p.advanceFor,
      note: notes.length ? notes.join(' ') : null,
    };
  });
}

async function store(
  db: Db,
  actor: Actor,
  meta: { source: 'iati' | 'spreadsheet'; fileName: string; sha256: string; rowsRead: number },
  build: (
    tx: Queryable,
  ) => Promise<{ candidates: Candidate[]; replacedActivities: string[]; skipped: number }>,
): Promise<ExpenditureImport> {
  return db.transaction(async (tx) => {
    const { candidates, replacedActivities, skipped } = await build(tx);
    const plan = await planExpenditures(tx, candidates, replacedActivities);
    const imp = await insertRow(tx, actor, importSpec, {
      ...meta,
      skipped,
      importedBy: actor.id,
      created: plan.creates.length,
      updated: plan.updates.length,
      deleted: plan.deletes.length,
      unchanged: plan.unchanged,
    });
    await applyPlan(tx, actor, plan, imp.id);
    return presentImport(imp);
  });
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

export async function importIati(
  db: Db,
  actor: Actor,
  fileName: string,
  bytes: Uint8Array,
): Promise<ExpenditureImport> {
  authorize(reportPolicy.manage(actor), () => reportErrors.import_forbidden());
  if (bytes.length === 0) throw reportErrors.file_missing();
  // The XML parser loads at the first IATI file, not at the server's start.
  const { readIati } = await import('./iati.ts');
  const file = readIati(bytes, fileName);
  return store(
    db,
    actor,
    { source: 'iati', fileName, sha256: sha256(bytes), rowsRead: file.activities.length },
    async (tx) => {
      const sectors = new Set(
        (await tx.query<{ code: string }>('select code from report_sectors')).rows.map((r) => r.code),
      );
      const mapped = new Map(
        (
          await tx.query<{ activity_identifier: string; priority: PriorityCode }>(
            'select activity_identifier, priority from report_activity_priorities where activity_identifier = any($1::text[])',
            [file.activities.map((a) => a.identifier)],
          )
        ).rows.map((r) => [r.activity_identifier, r.priority]),
      );
      const candidates: Candidate[] = [];
      let skipped = 0;
      for (const a of file.activities) {
        const taken =
          mapped.has(a.identifier) || a.sectors.some((s) => s.vocabulary === '1' && sectors.has(s.code));
        if (!taken) {
          skipped++;
          continue;
        }
        candidates.push(
          ...iatiCandidates(a, mapped.get(a.identifier) ?? 'other', humanRightsShare(a, sectors)),
        );
      }
      return { candidates, replacedActivities: file.activities.map((a) => a.identifier), skipped };
    },
  );
}

export async function importSheet(
  db: Db,
  actor: Actor,
  fileName: string,
  bytes: Uint8Array,
): Promise<ExpenditureImport> {
  authorize(reportPolicy.manage(actor), () => reportErrors.import_forbidden());
  if (bytes.length === 0) throw reportErrors.file_missing();
  const rows = await readExpenditureSheet(bytes, fileName);
  const occurrences = new Map<string, number>();
  const candidates: Candidate[] = rows.map((r) => {
    const identity = [r.year, r.priority, r.activity ?? '', r.paidOn, r.currency, r.description ?? ''].join(
      '|',
    );
    const n = (occurrences.get(identity) ?? 0) + 1;
    occurrences.set(identity, n);
    const hash = crypto.createHash('sha256').update(`${identity}|${n}`).digest('hex').slice(0, 32);
    return {
      externalKey: `sheet:${hash}`,
      year: r.year,
      priority: r.priority,
      amount: r.amount,
      currency: r.currency,
      amountEur: r.amountEur,
      activityIdentifier: r.activity,
      description: r.description,
      source: 'spreadsheet',
      paidOn: r.paidOn,
      advanceFor: r.advanceFor,
      note: r.advanceFor === null ? null : noteForPaidYear(r.advanceFor, r.amountEur, r.activity),
    };
  });
  return store(
    db,
    actor,
    { source: 'spreadsheet', fileName, sha256: sha256(bytes), rowsRead: rows.length },
    async () => ({ candidates, replacedActivities: [], skipped: 0 }),
  );
}
