/**
 * The tables of the network meetings as the database returns them (snake_case), and how they are
 * written through the audited write path (src/core/write.ts): the meeting row by itself, its
 * participants and agenda as lists that belong to it.
 */
import type { ChildSpec, TableSpec } from '../core/write.ts';
import type { AgendaOrigin, MeetingCreate } from './schema.ts';

export interface MeetingRow {
  id: string;
  title: string;
  date: string;
  location: string | null;
  minutes: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A participant with the names of its organisation (participantsOf in meetings.ts). */
export interface ParticipantViewRow {
  id: string;
  meeting_id: string;
  organisation_id: string | null;
  organisation_code: string | null;
  organisation_name_nl: string | null;
  organisation_name_en: string | null;
  person_name: string | null;
}

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  notes: string | null;
  origin: AgendaOrigin;
  cycle_id: string | null;
  created_at: string;
}

export type MeetingFields = Omit<MeetingCreate, 'participants'>;

export const meetingTable: TableSpec<MeetingRow, MeetingFields> = {
  table: 'meetings',
  entity: 'meeting',
  writable: ['title', 'date', 'location', 'minutes'],
};

/** A participant as written: an organisation or a named person, in the order of the list. */
export interface ParticipantChild {
  organisationId: string | null;
  personName: string | null;
  position: number;
}

export const participantList: ChildSpec<ParticipantChild> = {
  table: 'meeting_participants',
  parentColumn: 'meeting_id',
  parentEntity: 'meeting',
  field: 'participants',
  columns: ['organisationId', 'personName', 'position'],
  orderBy: 'position',
};

/** An agenda item as written. */
export interface AgendaChild {
  position: number;
  title: string;
  notes: string | null;
  origin: AgendaOrigin;
  cycleId: string | null;
}

export const agendaList: ChildSpec<AgendaChild> = {
  table: 'meeting_agenda_items',
  parentColumn: 'meeting_id',
  parentEntity: 'meeting',
  field: 'agenda',
  columns: ['position', 'title', 'notes', 'origin', 'cycleId'],
  orderBy: 'position',
};
