/** Meetings of the network of treaty coordinators: reading, planning and changing them, with their participants. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { errors, staleEdit } from '../core/errors.ts';
import { getRow, insertRow, replaceChildren, updateRow } from '../core/write.ts';
import { assertOrganisationExists } from '../process/owners.ts';
import type { Page } from '../shared/schema.ts';
import { meetingErrors } from './errors.ts';
import { assertMayCreateMeeting, assertMayEditMeeting, meetingAbilities } from './policy.ts';
import {
  meetingTable,
  participantList,
  type AgendaItemRow,
  type MeetingRow,
  type ParticipantViewRow,
} from './rows.ts';
import type { Meeting, MeetingCreate, MeetingQuery, MeetingUpdate, ParticipantInput } from './schema.ts';

/** What belongs to a set of meetings: participants, agenda items and the number of decisions, per meeting. */
interface MeetingParts {
  participants: Map<string, ParticipantViewRow[]>;
  agenda: Map<string, AgendaItemRow[]>;
  decisions: Map<string, number>;
}

function group<R extends { meeting_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) out.set(r.meeting_id, [...(out.get(r.meeting_id) ?? []), r]);
  return out;
}

async function partsOf(q: Queryable, ids: readonly string[]): Promise<MeetingParts> {
  const participants = await q.query<ParticipantViewRow>(
    `select p.id, p.meeting_id, p.organisation_id, o.code as organisation_code,
            o.name_nl as organisation_name_nl, o.name_en as organisation_name_en, p.person_name
       from meeting_participants p left join organisations o on o.id = p.organisation_id
      where p.meeting_id = any($1::uuid[]) order by p.meeting_id, p.position`,
    [ids],
  );
  const agenda = await q.query<AgendaItemRow>(
    'select * from meeting_agenda_items where meeting_id = any($1::uuid[]) order by meeting_id, position',
    [ids],
  );
  const decisions = await q.query<{ meeting_id: string; n: number }>(
    `select meeting_id, count(*)::int as n from tasks where meeting_id = any($1::uuid[]) group by meeting_id`,
    [ids],
  );
  return {
    participants: group(participants.rows),
    agenda: group(agenda.rows),
    decisions: new Map(decisions.rows.map((r) => [r.meeting_id, r.n])),
  };
}

export function presentMeeting(r: MeetingRow, parts: MeetingParts, actor: Actor | null): Meeting {
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    location: r.location,
    minutes: r.minutes,
    participants: (parts.participants.get(r.id) ?? []).map((p) => ({
      id: p.id,
      organisationId: p.organisation_id,
      organisationCode: p.organisation_code,
      organisationNameNl: p.organisation_name_nl,
      organisationNameEn: p.organisation_name_en,
      personName: p.person_name,
    })),
    agenda: (parts.agenda.get(r.id) ?? []).map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      notes: a.notes,
      origin: a.origin,
      cycleId: a.cycle_id,
    })),
    decisionCount: parts.decisions.get(r.id) ?? 0,
    abilities: meetingAbilities(actor),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getMeeting(q: Queryable, actor: Actor | null, id: string): Promise<Meeting> {
  const row = await getRow(q, meetingTable, id);
  return presentMeeting(row, await partsOf(q, [id]), actor);
}

export async function listMeetings(
  q: Queryable,
  actor: Actor | null,
  f: MeetingQuery,
): Promise<Page<Meeting>> {
  const now = today();
  const where =
    f.when === 'upcoming' ? 'where date >= $1::date' : f.when === 'past' ? 'where date < $1::date' : '';
  const params: unknown[] = where ? [now] : [];
  const total = await q.query<{ n: number }>(`select count(*)::int as n from meetings ${where}`, params);
  const rows = await q.query<MeetingRow>(
    `select * from meetings ${where}
      order by ${f.when === 'upcoming' ? 'date, created_at' : 'date desc, created_at desc'}
      limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, f.pageSize, (f.page - 1) * f.pageSize],
  );
  const parts = await partsOf(
    q,
    rows.rows.map((r) => r.id),
  );
  return {
    items: rows.rows.map((r) => presentMeeting(r, parts, actor)),
    total: total.rows[0]?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Locks the meeting the user saw at `version`; a meeting changed since is refused with 409. */
export async function lockMeeting(tx: Queryable, id: string, version: number): Promise<MeetingRow> {
  const row = await getRow(tx, meetingTable, id, true);
  if (row.version !== version) throw staleEdit('meeting', row.version, version);
  return row;
}

/** Moves the meeting's version on when only what belongs to it (participants, agenda, decisions) changed. */
export async function touchMeeting(tx: Queryable, id: string): Promise<void> {
  await tx.query('update meetings set version = version + 1, updated_at = now() where id = $1', [id]);
}

/** Replaces the participants; each organisation must exist on the meeting date. Audited as one change of the meeting. */
async function saveParticipants(
  tx: Queryable,
  actor: Actor,
  meetingId: string,
  date: string,
  list: readonly ParticipantInput[],
): Promise<void> {
  const seen = new Set<string>();
  for (const p of list) {
    if (!p.organisationId) continue;
    if (seen.has(p.organisationId)) throw meetingErrors.participant_twice();
    seen.add(p.organisationId);
    await assertOrganisationExists(tx, p.organisationId, date);
  }
  await replaceChildren(
    tx,
    actor,
    participantList,
    meetingId,
    list.map((p, i) => ({
      organisationId: p.organisationId ?? null,
      personName: p.personName?.trim() || null,
      position: i + 1,
    })),
  );
}

export async function createMeeting(db: Db, actor: Actor, input: MeetingCreate): Promise<Meeting> {
  const id = await db.transaction(async (tx) => {
    assertMayCreateMeeting(actor);
    const { participants, ...fields } = input;
    const row = await insertRow(tx, actor, meetingTable, fields);
    if (participants?.length) await saveParticipants(tx, actor, row.id, row.date, participants);
    return row.id;
  });
  return getMeeting(db, actor, id);
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  id: string,
  input: MeetingUpdate,
): Promise<Meeting> {
  await db.transaction(async (tx) => {
    await getRow(tx, meetingTable, id);
    assertMayEditMeeting(actor);
    const before = await lockMeeting(tx, id, input.version);
    const { participants, ...fields } = input;
    const hasFields = meetingTable.writable.some((k) => fields[k] !== undefined);
    if (!hasFields && participants === undefined) throw errors.nothing_to_change({ entity: 'meeting' });
    const after = hasFields ? await updateRow(tx, actor, meetingTable, id, fields) : before;
    if (participants !== undefined) {
      await saveParticipants(tx, actor, id, after.date, participants);
      if (!hasFields) await touchMeeting(tx, id);
    }
  });
  return getMeeting(db, actor, id);
}
