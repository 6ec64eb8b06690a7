import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, type Actor } from '../core/audit.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { badRequest, staleEdit } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import { loadCycles } from '../cycles/service.ts';
import { today } from '../cycles/status.ts';
import type { PhaseKind } from '../cycles/schema.ts';
import {
  addMonths,
  assertCoordinatingMinistry,
  assertOrganisationExists,
  getTask,
  insertTask,
  listTasks,
} from '../process/service.ts';
import type { AgendaItem, AgendaProposal, Meeting, Participant, ProposedItem } from './schema.ts';

export const meetingTable: TableSpec = {
  table: 'meetings',
  entity: 'meeting',
  writable: ['title', 'date', 'location', 'minutes'],
};

type ParticipantIn = { organisationId?: string | null | undefined; personName?: string | null | undefined };

async function participantsOf(q: Queryable, meetingId: string): Promise<Participant[]> {
  const r = await q.query<Record<string, unknown>>(
    `select p.id, p.organisation_id, o.code as organisation_code, o.name_nl as organisation_name_nl,
            o.name_en as organisation_name_en, p.person_name
       from meeting_participants p left join organisations o on o.id = p.organisation_id
      where p.meeting_id = $1 order by p.position`,
    [meetingId],
  );
  return r.rows.map((x) => camelize<Participant>(x));
}

async function agendaOf(q: Queryable, meetingId: string): Promise<AgendaItem[]> {
  const r = await q.query<Record<string, unknown>>(
    'select id, position, title, notes, origin, cycle_id from meeting_agenda_items where meeting_id = $1 order by position',
    [meetingId],
  );
  return r.rows.map((x) => camelize<AgendaItem>(x));
}

async function toMeeting(q: Queryable, row: Record<string, unknown>): Promise<Meeting> {
  const id = String(row.id);
  const n = await q.query<{ n: number }>('select count(*)::int as n from tasks where meeting_id = $1', [id]);
  return {
    ...camelize<Omit<Meeting, 'participants' | 'agenda' | 'decisionCount'>>(row),
    participants: await participantsOf(q, id),
    agenda: await agendaOf(q, id),
    decisionCount: n.rows[0]?.n ?? 0,
  };
}

export async function getMeeting(q: Queryable, id: string): Promise<Meeting> {
  return toMeeting(q, await getRow(q, meetingTable, id));
}

export async function listMeetings(
  q: Queryable,
  f: { page: number; pageSize: number; when?: 'upcoming' | 'past' | undefined },
) {
  const where = new Where();
  if (f.when === 'upcoming') where.add('date >= ?::date', today());
  if (f.when === 'past') where.add('date < ?::date', today());
  const page = await pageOf(q, {
    select: '*',
    from: 'meetings',
    where,
    orderBy: f.when === 'upcoming' ? 'date, created_at' : 'date desc, created_at desc',
    page: f.page,
    pageSize: f.pageSize,
    map: (r) => r,
  });
  const items: Meeting[] = [];
  for (const r of page.items) items.push(await toMeeting(q, r));
  return { ...page, items };
}

/** Replaces the participants; each organisation must exist on the meeting date. Audited as one change. */
async function replaceParticipants(
  tx: Queryable,
  actor: Actor,
  meetingId: string,
  date: string,
  list: ParticipantIn[],
) {
  const seen = new Set<string>();
  for (const p of list) {
    if (!p.organisationId) continue;
    if (seen.has(p.organisationId))
      throw badRequest('An organisation is listed twice among the participants: remove one.');
    seen.add(p.organisationId);
    await assertOrganisationExists(tx, p.organisationId, date);
  }
  const before = await participantsOf(tx, meetingId);
  await tx.query('delete from meeting_participants where meeting_id = $1', [meetingId]);
  for (const [i, p] of list.entries())
    await tx.query(
      'insert into meeting_participants (meeting_id, organisation_id, person_name, position) values ($1, $2, $3, $4)',
      [meetingId, p.organisationId ?? null, p.personName?.trim() || null, i + 1],
    );
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'meeting_participants',
    entityId: meetingId,
    before,
    after: await participantsOf(tx, meetingId),
  });
}

export async function createMeeting(
  db: Db,
  actor: Actor,
  input: Record<string, unknown> & { date: string; participants?: ParticipantIn[] | undefined },
) {
  const id = await db.transaction(async (tx) => {
    await assertCoordinatingMinistry(tx, actor, 'plan a meeting of the network of treaty coordinators');
    const row = await insertRow(tx, actor, meetingTable, input);
    if (input.participants?.length)
      await replaceParticipants(tx, actor, String(row.id), input.date, input.participants);
    return String(row.id);
  });
  return getMeeting(db, id);
}

async function lockMeeting(tx: Queryable, id: string, version: number) {
  const row = await getRow(tx, meetingTable, id, true);
  if (row.version !== version) throw staleEdit('meeting', Number(row.version), version);
  return row;
}

const touch = (tx: Queryable, id: string) =>
  tx.query('update meetings set version = version + 1, updated_at = now() where id = $1', [id]);

export async function updateMeeting(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number; participants?: ParticipantIn[] | undefined },
) {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, meetingTable, id);
    await assertCoordinatingMinistry(tx, actor, 'change a meeting of the network of treaty coordinators');
    await lockMeeting(tx, id, input.version);
    const { participants, ...fields } = input;
    const hasFields = meetingTable.writable.some((k) => fields[k] !== undefined);
    if (!hasFields && participants === undefined)
      throw badRequest('Nothing to change: send at least one field of the meeting.');
    const after = hasFields ? await updateRow(tx, actor, meetingTable, id, fields as typeof input) : before;
    if (participants !== undefined) {
      await replaceParticipants(tx, actor, id, String(after.date), participants);
      if (!hasFields) await touch(tx, id);
    }
  });
  return getMeeting(db, id);
}

export async function saveAgenda(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    version: number;
    items: {
      title: string;
      notes?: string | null | undefined;
      origin?: string | undefined;
      cycleId?: string | null | undefined;
    }[];
  },
) {
  await db.transaction(async (tx) => {
    await getRow(tx, meetingTable, id);
    await assertCoordinatingMinistry(tx, actor, 'change the agenda of a network meeting');
    await lockMeeting(tx, id, input.version);
    const before = await agendaOf(tx, id);
    await tx.query('delete from meeting_agenda_items where meeting_id = $1', [id]);
    for (const [i, item] of input.items.entries())
      await tx.query(
        `insert into meeting_agenda_items (meeting_id, position, title, notes, origin, cycle_id)
         values ($1, $2, $3, $4, $5, $6)`,
        [id, i + 1, item.title, item.notes?.trim() || null, item.origin ?? 'manual', item.cycleId ?? null],
      );
    await touch(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'meeting_agenda',
      entityId: id,
      before,
      after: await agendaOf(tx, id),
    });
  });
  return getMeeting(db, id);
}

/** A decision of the meeting becomes a follow-up task with an owner and a due date, linked to the meeting. */
export async function recordDecision(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: {
    title: string;
    description?: string | null | undefined;
    ownerOrganisationId: string;
    dueDate: string;
    cycleId?: string | null | undefined;
  },
) {
  const taskId = await db.transaction(async (tx) => {
    await getRow(tx, meetingTable, meetingId);
    await assertCoordinatingMinistry(tx, actor, 'record a decision of a network meeting');
    if (input.cycleId) {
      const c = await tx.query('select 1 from cycles where id = $1', [input.cycleId]);
      if (!c.rowCount)
        throw badRequest(`No reporting cycle with id "${input.cycleId}" exists: choose one from the list.`);
    }
    const row = await insertTask(tx, actor, {
      title: input.title,
      description: input.description ?? null,
      ownerOrganisationId: input.ownerOrganisationId,
      dueDate: input.dueDate,
      cycleId: input.cycleId ?? null,
      meetingId,
      status: 'open',
    });
    await touch(tx, meetingId);
    return String(row.id);
  });
  return getTask(db, taskId);
}

// ---------------------------------------------------------------- agenda proposal

/** Deadlines of the state that the network plans for. */
const REPORT_STEPS = new Set<PhaseKind>([
  'report_due',
  'next_report_due',
  'replies_due',
  'upr_midterm_report',
]);
const FOLLOW_UP_STEPS = new Set<PhaseKind>(['follow_up_due']);
/** A cycle whose next step is one of these is preparing a report, which needs a consultation round. */
const IN_PREPARATION = new Set<PhaseKind>(['report_due', 'next_report_due']);

const T = {
  nl: {
    opening: 'Opening en vaststelling van de agenda',
    openingNotes: null,
    report: '{code}: {step} ({label}), uiterlijk {date}',
    followUp: '{code}: vervolgrapportage ({label}), uiterlijk {date}',
    overdue: 'Verlopen taken ({n})',
    consult: 'Te plannen consultaties met het maatschappelijk middenveld ({n})',
    consultNotes: 'In voorbereiding zonder afgeronde consultatieronde:',
    overdueMark: 'verlopen',
    practices: 'Best practices en opvolging van aanbevelingen van verdragscomités',
    closing: 'Rondvraag en sluiting',
    lead: 'Leidend ministerie',
    none: 'geen',
    due: 'uiterlijk',
    steps: {
      report_due: 'statenrapport',
      next_report_due: 'volgend statenrapport',
      replies_due: 'antwoorden op de lijst van vragen',
      upr_midterm_report: 'UPR-tussentijdse rapportage',
    } as Record<string, string>,
  },
  en: {
    opening: 'Opening and adoption of the agenda',
    openingNotes: null,
    report: '{code}: {step} ({label}), due {date}',
    followUp: '{code}: follow-up report ({label}), due {date}',
    overdue: 'Overdue tasks ({n})',
    consult: 'Consultations with civil society to plan ({n})',
    consultNotes: 'In preparation without a completed consultation round:',
    overdueMark: 'overdue',
    practices: 'Best practices and follow-up of treaty body recommendations',
    closing: 'Any other business and close',
    lead: 'Lead ministry',
    none: 'none',
    due: 'due',
    steps: {
      report_due: 'state report',
      next_report_due: 'next state report',
      replies_due: 'replies to the list of issues',
      upr_midterm_report: 'UPR mid-term report',
    } as Record<string, string>,
  },
};
const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

/**
 * A proposed agenda, generated from the data (nothing is stored): the reports and follow-up reports
 * due within twelve months of the meeting (from the cycles' derived status, overdue ones included),
 * the overdue tasks, and the cycles in preparation (report due within 24 months) that have no
 * completed consultation task yet; framed by the standing items of the network.
 */
export async function proposeAgenda(
  q: Queryable,
  actor: Actor,
  meetingId: string,
  lang: 'nl' | 'en',
): Promise<AgendaProposal> {
  const meeting = await getRow(q, meetingTable, meetingId);
  const from = String(meeting.date);
  const until = addMonths(from, 12);
  const consultUntil = addMonths(from, 24);
  const t = T[lang];
  const cycles = await loadCycles(q);
  const inst = await q.query<{
    id: string;
    code: string;
    sort_order: number;
    name_nl: string;
    name_en: string;
    lead: string | null;
  }>(
    `select i.id, i.code, i.sort_order, o.name_nl, o.name_en, o.code as lead
       from instruments i left join organisations o on o.id = i.lead_organisation_id`,
  );
  const byId = new Map(inst.rows.map((i) => [i.id, i]));
  const items: ProposedItem[] = [{ title: t.opening, notes: null, origin: 'standard', cycleId: null }];

  const due = cycles
    .filter(
      (c) => c.status.nextStep && c.status.nextDueDate && (c.status.overdue || c.status.nextDueDate <= until),
    )
    .filter((c) => REPORT_STEPS.has(c.status.nextStep!) || FOLLOW_UP_STEPS.has(c.status.nextStep!))
    .sort((a, b) => a.status.nextDueDate!.localeCompare(b.status.nextDueDate!));
  for (const c of due) {
    const i = byId.get(c.instrumentId);
    const step = c.status.nextStep!;
    const vars = {
      code: i?.code ?? '?',
      label: c.label,
      step: t.steps[step] ?? step,
      date: c.status.nextDueDate!,
    };
    const lead = i?.lead
      ? `${t.lead}: ${lang === 'nl' ? i.name_nl : i.name_en} (${i.lead})`
      : `${t.lead}: ${t.none}`;
    items.push({
      title:
        fill(FOLLOW_UP_STEPS.has(step) ? t.followUp : t.report, vars) +
        (c.status.overdue ? ` (${t.overdueMark})` : ''),
      notes: lead,
      origin: FOLLOW_UP_STEPS.has(step) ? 'follow_up_due' : 'report_due',
      cycleId: c.id,
    });
  }

  const overdue = await listTasks(q, actor, { page: 1, pageSize: 500, overdue: 'true' });
  if (overdue.total > 0) {
    items.push({
      title: fill(t.overdue, { n: overdue.total }),
      notes: overdue.items
        .map(
          (x) =>
            `- ${x.title} (${x.ownerCode}${x.instrumentCode ? `, ${x.instrumentCode} ${x.cycleLabel ?? ''}`.trimEnd() : ''}, ${t.due} ${x.dueDate})`,
        )
        .join('\n'),
      origin: 'overdue_tasks',
      cycleId: null,
    });
  }

  const consulted = await q.query<{ instrument_id: string; sequence: number }>(
    `select c.instrument_id, c.sequence from tasks t
       join process_template_steps s on s.id = t.template_step_id
       join cycles c on c.id = t.cycle_id
      where s.category = 'consultation' and t.status = 'done'`,
  );
  const toConsult = cycles
    .filter((c) => c.status.nextStep && IN_PREPARATION.has(c.status.nextStep) && c.status.nextDueDate)
    .filter((c) => c.status.overdue || c.status.nextDueDate! <= consultUntil)
    .filter(
      (c) => !consulted.rows.some((r) => r.instrument_id === c.instrumentId && r.sequence >= c.sequence),
    )
    .sort((a, b) => a.status.nextDueDate!.localeCompare(b.status.nextDueDate!));
  if (toConsult.length) {
    items.push({
      title: fill(t.consult, { n: toConsult.length }),
      notes: [
        t.consultNotes,
        ...toConsult.map(
          (c) => `- ${byId.get(c.instrumentId)?.code ?? '?'} ${c.label} (${t.due} ${c.status.nextDueDate})`,
        ),
      ].join('\n'),
      origin: 'consultation',
      cycleId: null,
    });
  }
  items.push({ title: t.practices, notes: null, origin: 'standard', cycleId: null });
  items.push({ title: t.closing, notes: null, origin: 'standard', cycleId: null });
  return { from, until, items };
}
