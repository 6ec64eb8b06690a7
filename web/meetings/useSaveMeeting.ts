import { useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '../../src/meetings/schema.ts';
import { api } from '../lib/api.ts';

/** Saves a change of the meeting and keeps the page's copy (and the list) up to date. */
export function useSaveMeeting(meeting: Meeting) {
  const qc = useQueryClient();
  return async (path: string, body: unknown, method: 'PATCH' | 'POST' = 'PATCH') => {
    const m = await api<Meeting>(method, path, body);
    qc.setQueryData(['meeting', meeting.id], m);
    await qc.invalidateQueries({ queryKey: ['meetings'] });
    return m;
  };
}
