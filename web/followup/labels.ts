/** Texts of the follow-up's values in the user's language, shared by its pages. */
import type { FollowUp, PositionEntry } from '../../src/followup/schema.ts';
import type { Dictionary } from '../i18n/nl.ts';
import '../i18n/followup-texts.ts';

/** The government's position ("aanvaard"), or the free appreciation, or nothing. */
export function positionText(t: Dictionary, p: Pick<PositionEntry, 'position' | 'appreciation'> | null) {
  if (!p) return '';
  if (p.position) return t.followUp.positions[p.position] ?? p.position;
  return p.appreciation ?? '';
}

/** A source's reported position as a government position of this mechanism, when it is one. */
export function proposedPosition(fu: FollowUp): string | null {
  for (const s of fu.sourcePositions) {
    const p = s.position === 'pending' ? 'under_consideration' : s.position;
    if ((fu.positionOptions as string[]).includes(p)) return p;
  }
  return null;
}
