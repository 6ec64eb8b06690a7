/**
 * Stores what the Tweede Kamer's open data says (the records of tweedekamer/*.ts) in the register,
 * by the Tweede Kamer's Id: a re-import updates, never duplicates, and a record that did not change
 * at the source writes nothing (source_hash).
 *
 * - Only motions on human rights are kept (their subject or dossier names it, see ON_HUMAN_RIGHTS).
 *   An adopted one becomes an open commitment; a rejected one is kept as an imported motion with
 *   status "lapsed" (the vote is on record, nothing is to be done); one without a vote yet is skipped
 *   until a re-import brings its vote. A motion removed at the source becomes "withdrawn" (one
 *   never stored is skipped).
 * - Toezeggingen are kept with their status mapped (Openstaand → open, Deels Afgedaan or Deels
 *   Voldaan → partly_done, Afgedaan or Voldaan → done, Vervallen → lapsed); a toezegging without text is skipped.
 * - The responsible ministry is found by ministry.ts; when none is named, the coordinating ministry
 *   is assigned with organisation_verified = false, shown as "ministry to confirm".
 * A status a coordinator set is kept when a motion is re-imported unless its vote changed; a
 * toezegging's status follows the source whenever the source changed it.
 */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { insertRow, recordEvent, updateRow } from '../core/write.ts';
import { COORDINATING_MINISTRY_CODE } from '../core/policy.ts';
import { formatCitation } from './citation.ts';
import { commitmentErrors } from './errors.ts';
import { findMinistry, loadMinistries, type Ministries } from './ministry.ts';
import { commitmentTable, type CommitmentRow, type CommitmentWrite } from './rows.ts';
import type { CommitmentStatus, ImportResult } from './schema.ts';
import type { ParsedFile, ParsedMotion, ParsedToezegging } from './tweedekamer/types.ts';

export const ON_HUMAN_RIGHTS =
  /mensenrecht|human rights|discriminat|lhbt|gelijke rechten|persvrijheid|vrijheid van (meningsuiting|godsdienst|religie)|godsdienstvrijheid|geloofsafval|doodstraf|foltering|marteling|demonstratierecht|maatschappelijk middenveld|racisme|slavernij|vrouwenrechten|kinderrechten|rechtsstaat/i;

const TOEZEGGING_STATUS: Record<string, CommitmentStatus> = {
  openstaand: 'open',
  'deels afgedaan': 'partly_done',
  'deels voldaan': 'partly_done',
  afgedaan: 'done',
  voldaan: 'done',
  vervallen: 'lapsed',
};

const hash = (v: unknown) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex');
const withoutChangedAt = <T extends { changedAt: string | null }>(r: T) => ({ ...r, changedAt: undefined });

type Fields = Omit<
  CommitmentWrite,
  'createdBy' | 'status' | 'statusNote' | 'evidenceDocumentId' | 'evidenceOutgoingId'
> & {
  status: CommitmentStatus;
  evidenceCitation: string | null;
};

function motionFields(m: ParsedMotion, ministries: Ministries): Fields {
  const k = m.kamerstuk;
  const cited =
    k && k.nr !== null
      ? { type: 'kamerstuk' as const, dossier: k.dossier, toevoeging: k.toevoeging, nr: k.nr }
      : null;
  const org = findMinistry(ministries, {
    texts: [m.dossierTitle, m.subject],
    toevoeging: k?.toevoeging ?? null,
  });
  return {
    kind: 'motie',
    text: m.subject,
    citation: cited ? formatCitation(cited) : null,
    citationType: cited ? 'kamerstuk' : null,
    dossier: k?.dossier ?? null,
    toevoeging: k?.toevoeging ?? null,
    ondernummer: k?.nr ?? null,
    kamer: 'II',
    vergaderjaar: m.vergaderjaar,
    handelingenNr: null,
    handelingenItem: null,
    organisationId: org.organisationId,
    organisationVerified: org.verified,
    madeOn: m.date,
    dueOn: null,
    status: m.deleted ? 'withdrawn' : m.outcome === 'adopted' ? 'open' : 'lapsed',
    evidenceCitation: null,
    tkId: m.tkId,
    tkNumber: m.number,
    submitters: m.submitters,
    voteOutcome: m.outcome,
    seatsFor: m.decision?.seatsFor ?? null,
    seatsAgainst: m.decision?.seatsAgainst ?? null,
    kabinetsappreciatie: m.kabinetsappreciatie,
    madeBy: null,
    sourceHash: hash(withoutChangedAt(m)),
  };
}

function toezeggingFields(t: ParsedToezegging, ministries: Ministries): Fields {
  const org = findMinistry(ministries, { ministry: t.ministry, texts: [t.madeBy.function, t.text] });
  const status = t.deleted ? 'withdrawn' : (TOEZEGGING_STATUS[(t.status ?? '').toLowerCase()] ?? 'open');
  return {
    kind: 'toezegging',
    text: t.text,
    citation: null,
    citationType: null,
    dossier: null,
    toevoeging: null,
    ondernummer: null,
    kamer: 'II',
    vergaderjaar: null,
    handelingenNr: null,
    handelingenItem: null,
    organisationId: org.organisationId,
    organisationVerified: org.verified,
    madeOn: t.madeOn,
    dueOn: t.madeOn && t.dueOn && t.dueOn < t.madeOn ? null : t.dueOn,
    status,
    evidenceCitation: t.fulfilledBy.length ? t.fulfilledBy.join('; ') : null,
    tkId: t.tkId,
    tkNumber: t.number,
    submitters: [],
    voteOutcome: null,
    seatsFor: null,
    seatsAgainst: null,
    kabinetsappreciatie: null,
    madeBy: [t.madeBy.name, t.madeBy.function].filter(Boolean).join(', ') || null,
    sourceHash: hash(withoutChangedAt(t)),
  };
}

const COLUMN_OF: Record<keyof Fields, keyof CommitmentRow> = Object.fromEntries(
  commitmentTable.writable.map((k) => [k, k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]),
) as Record<keyof Fields, keyof CommitmentRow>;

/** The fields that differ from the stored row; the status only where the rules above allow. */
function changes(before: CommitmentRow, next: Fields, keepStatus: boolean): Partial<Fields> {
  const out: Partial<Fields> = {};
  for (const key of Object.keys(next) as (keyof Fields)[]) {
    if (key === 'status' && keepStatus) continue;
    if (key === 'evidenceCitation' && next.evidenceCitation === null) continue;
    // The ministry a coordinator confirmed stays.
    if ((key === 'organisationId' || key === 'organisationVerified') && before.organisation_verified)
      continue;
    if (JSON.stringify(before[COLUMN_OF[key]]) !== JSON.stringify(next[key]))
      Object.assign(out, { [key]: next[key] });
  }
  return out;
}

async function store(
  tx: Queryable,
  actor: Actor,
  existing: Map<string, CommitmentRow>,
  fields: Fields,
  keepStatus: (before: CommitmentRow) => boolean,
  result: ImportResult,
) {
  const before = existing.get(fields.tkId!);
  let status = fields.status;
  if (!before) {
    await insertRow(tx, actor, commitmentTable, { ...fields, createdBy: actor.id ?? null });
    result.created++;
  } else if (before.source_hash === fields.sourceHash) {
    result.unchanged++;
    return;
  } else {
    const keep = keepStatus(before);
    if (keep) status = before.status;
    const diff = changes(before, fields, keep);
    await updateRow(tx, actor, commitmentTable, before.id, { ...diff, version: before.version });
    result.updated++;
  }
  if (status === 'open') result.openCommitments++;
  if (!fields.organisationVerified && !before?.organisation_verified) result.organisationToConfirm++;
}

export async function storeTweedeKamer(db: Db, actor: Actor, file: ParsedFile): Promise<ImportResult> {
  const result: ImportResult = {
    format: file.format,
    created: 0,
    updated: 0,
    unchanged: 0,
    openCommitments: 0,
    organisationToConfirm: 0,
    skipped: file.warnings.map((w) => ({ record: w.record, reason: w.message })),
  };
  await db.transaction(async (tx) => {
    const ministries = await loadMinistries(tx);
    if (!ministries.byCode.has(COORDINATING_MINISTRY_CODE))
      throw commitmentErrors.coordinating_ministry_missing();
    const ids = [...file.motions.map((m) => m.tkId), ...file.toezeggingen.map((t) => t.tkId)];
    const existing = new Map(
      (
        await tx.query<CommitmentRow>('select * from commitments where tk_id = any($1::uuid[]) for update', [
          ids,
        ])
      ).rows.map((r) => [r.tk_id!, r]),
    );
    for (const m of file.motions) {
      const label = `Motie ${m.number}`;
      if (!ON_HUMAN_RIGHTS.test(`${m.subject} ${m.dossierTitle ?? ''}`)) {
        result.skipped.push({ record: label, reason: 'not on human rights' });
        continue;
      }
      if (m.deleted && !existing.has(m.tkId)) {
        result.skipped.push({ record: label, reason: 'removed at the source' });
        continue;
      }
      if (m.outcome === null && !m.deleted && !existing.has(m.tkId)) {
        result.skipped.push({ record: label, reason: 'not voted on yet' });
        continue;
      }
      const fields = motionFields(m, ministries);
      if (m.outcome === null && !m.deleted) fields.status = existing.get(m.tkId)!.status;
      await store(
        tx,
        actor,
        existing,
        fields,
        (b) => b.vote_outcome === fields.voteOutcome && !m.deleted,
        result,
      );
    }
    for (const t of file.toezeggingen) {
      const label = `Toezegging ${t.number}`;
      if (t.deleted && !existing.has(t.tkId)) {
        result.skipped.push({ record: label, reason: 'removed at the source' });
        continue;
      }
      if (!t.text.trim()) {
        if (!result.skipped.some((s) => s.record === label))
          result.skipped.push({ record: label, reason: 'no text' });
        continue;
      }
      await store(tx, actor, existing, toezeggingFields(t, ministries), () => false, result);
    }
    await recordEvent(tx, actor, {
      action: 'import',
      entityType: 'commitment_import',
      after: {
        format: result.format,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
      },
    });
  });
  return result;
}
