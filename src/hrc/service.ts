/** Changing the Human Rights Council membership: terms, priorities, pledges, resolutions, results. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors, staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, getRow, insertRow, updateRow } from '../core/write.ts';
import { insertCommitment } from '../commitments/service.ts';
import { hrcErrors } from './errors.ts';
import { getTerm } from './load.ts';
import { HRC_MINISTRY_CODE, hrcPolicy } from './policy.ts';
import { priorityTable, pledgeTable, resolutionTable, resultTable, termTable } from './rows.ts';
import {
  RESOLUTION_SYMBOL,
  type PledgeCreate,
  type PriorityCreate,
  type PriorityUpdate,
  type ResolutionCreate,
  type ResolutionUpdate,
  type ResultCreate,
  type ResultUpdate,
  type Term,
  type TermCreate,
  type TermUpdate,
} from './schema.ts';

const assertEditor = (actor: Actor) => authorize(hrcPolicy.edit(actor), () => hrcErrors.edit_forbidden());

async function assertTermFree(tx: Queryable, startYear: number, endYear: number, except: string | null) {
  if (endYear < startYear)
    throw hrcErrors.term_order(
      { startYear, endYear },
      { fields: [{ path: 'body.endYear', message: 'the end year must be on or after the start year' }] },
    );
  const r = await tx.query('select 1 from hrc_terms where start_year = $1 and end_year = $2 and id <> $3', [
    startYear,
    endYear,
    except ?? '00000000-0000-0000-0000-000000000000',
  ]);
  if (r.rows.length) throw hrcErrors.term_exists({ startYear, endYear });
}

export async function createTerm(db: Db, actor: Actor, input: TermCreate): Promise<Term> {
  const id = await db.transaction(async (tx) => {
    assertEditor(actor);
    await assertTermFree(tx, input.startYear, input.endYear, null);
    return (await insertRow(tx, actor, termTable, input)).id;
  });
  return getTerm(db, actor, id);
}

export async function updateTerm(db: Db, actor: Actor, id: string, input: TermUpdate): Promise<Term> {
  await db.transaction(async (tx) => {
    assertEditor(actor);
    const before = await getRow(tx, termTable, id, true);
    if (before.version !== input.version) throw staleEdit('hrc_term', before.version, input.version);
    await assertTermFree(tx, input.startYear ?? before.start_year, input.endYear ?? before.end_year, id);
    // Saving a field the source did not state confirms it.
    const unverified = before.unverified_fields.filter((f) => input[f as keyof TermUpdate] === undefined);
    await updateRow(tx, actor, termTable, id, {
      ...input,
      ...(unverified.length !== before.unverified_fields.length ? { unverifiedFields: unverified } : {}),
    });
  });
  return getTerm(db, actor, id);
}

export async function addPriority(
  db: Db,
  actor: Actor,
  termId: string,
  input: PriorityCreate,
): Promise<Term> {
  await db.transaction(async (tx) => {
    assertEditor(actor);
    await getRow(tx, termTable, termId, true);
    await insertRow(tx, actor, priorityTable, { termId, ...input });
  });
  return getTerm(db, actor, termId);
}

export async function updatePriority(db: Db, actor: Actor, id: string, input: PriorityUpdate): Promise<Term> {
  const termId = await db.transaction(async (tx) => {
    assertEditor(actor);
    return (await updateRow(tx, actor, priorityTable, id, input)).term_id;
  });
  return getTerm(db, actor, termId);
}

export async function deletePriority(db: Db, actor: Actor, id: string, version: number): Promise<Term> {
  const termId = await db.transaction(async (tx) => {
    assertEditor(actor);
    return (await deleteRow(tx, actor, priorityTable, id, version)).term_id;
  });
  return getTerm(db, actor, termId);
}

/** A pledge is registered in the register of commitments (kind 'pledge', BZ responsible) and linked to the term. */
export async function addPledge(db: Db, actor: Actor, termId: string, input: PledgeCreate): Promise<Term> {
  await db.transaction(async (tx) => {
    assertEditor(actor);
    await getRow(tx, termTable, termId, true);
    const bz = (
      await tx.query<{ id: string }>('select id from organisations where code = $1', [HRC_MINISTRY_CODE])
    ).rows[0];
    if (!bz) throw hrcErrors.ministry_missing();
    const commitmentId = await insertCommitment(tx, actor, {
      kind: 'pledge',
      text: input.text,
      citation: null,
      organisationId: bz.id,
      madeOn: input.madeOn,
      dueOn: input.dueOn,
      recommendationIds: [],
      actionIds: [],
      documentIds: [],
    });
    await insertRow(tx, actor, pledgeTable, { termId, commitmentId });
  });
  return getTerm(db, actor, termId);
}

function checkSymbol(symbol: string) {
  if (!RESOLUTION_SYMBOL.test(symbol))
    throw hrcErrors.symbol_invalid(
      { symbol },
      { fields: [{ path: 'body.symbol', message: 'write the symbol as A/HRC/RES/49/1' }] },
    );
}

async function assertResolutionFree(tx: Queryable, termId: string, symbol: string, except: string | null) {
  const r = await tx.query('select 1 from hrc_resolutions where term_id = $1 and symbol = $2 and id <> $3', [
    termId,
    symbol,
    except ?? '00000000-0000-0000-0000-000000000000',
  ]);
  if (r.rows.length) throw hrcErrors.resolution_exists({ symbol });
}

export async function addResolution(
  db: Db,
  actor: Actor,
  termId: string,
  input: ResolutionCreate,
): Promise<Term> {
  await db.transaction(async (tx) => {
    assertEditor(actor);
    checkSymbol(input.symbol);
    await getRow(tx, termTable, termId, true);
    await assertResolutionFree(tx, termId, input.symbol, null);
    await insertRow(tx, actor, resolutionTable, { termId, ...input });
  });
  return getTerm(db, actor, termId);
}

export async function updateResolution(
  db: Db,
  actor: Actor,
  id: string,
  input: ResolutionUpdate,
): Promise<Term> {
  const termId = await db.transaction(async (tx) => {
    assertEditor(actor);
    const before = await getRow(tx, resolutionTable, id, true);
    if (input.symbol !== undefined) {
      checkSymbol(input.symbol);
      await assertResolutionFree(tx, before.term_id, input.symbol, id);
    }
    return (await updateRow(tx, actor, resolutionTable, id, input)).term_id;
  });
  return getTerm(db, actor, termId);
}

export async function deleteResolution(db: Db, actor: Actor, id: string, version: number): Promise<Term> {
  const termId = await db.transaction(async (tx) => {
    assertEditor(actor);
    return (await deleteRow(tx, actor, resolutionTable, id, version)).term_id;
  });
  return getTerm(db, actor, termId);
}

export async function addResult(db: Db, actor: Actor, termId: string, input: ResultCreate): Promise<Term> {
  await db.transaction(async (tx) => {
    assertEditor(actor);
    await getRow(tx, termTable, termId, true);
    const r = await tx.query('select 1 from hrc_results where term_id = $1 and year = $2', [
      termId,
      input.year,
    ]);
    if (r.rows.length) throw hrcErrors.result_exists({ year: input.year });
    await insertRow(tx, actor, resultTable, { termId, ...input });
  });
  return getTerm(db, actor, termId);
}

export async function updateResult(db: Db, actor: Actor, id: string, input: ResultUpdate): Promise<Term> {
  const termId = await db.transaction(async (tx) => {
    assertEditor(actor);
    const before = await getRow(tx, resultTable, id, true);
    if (before.text === input.text && before.version === input.version)
      throw errors.nothing_to_change({ entity: 'hrc_result' });
    return (await updateRow(tx, actor, resultTable, id, input)).term_id;
  });
  return getTerm(db, actor, termId);
}

export async function deleteResult(db: Db, actor: Actor, id: string, version: number): Promise<Term> {
  const termId = await db.transaction(async (tx) => {
    assertEditor(actor);
    return (await deleteRow(tx, actor, resultTable, id, version)).term_id;
  });
  return getTerm(db, actor, termId);
}
