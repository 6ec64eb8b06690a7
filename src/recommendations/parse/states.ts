import statesJson from './data/un-states.json' with { type: 'json' };

/**
 * Resolving the names of recommending states ("Islamic Republic of Iran", "Iran (Islamic Republic
 * of)", "United Kingdom") to the UN short name, from the list in data/un-states.json.
 */

interface StateEntry {
  name: string;
  member: boolean;
  aliases: string[];
}

const states = (statesJson as { states: StateEntry[] }).states;

/** Lower case, no diacritics, straight apostrophes, single spaces, no leading "the". */
export function normalizeStateName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

const byName = new Map<string, string>();
for (const s of states) {
  byName.set(normalizeStateName(s.name), s.name);
  for (const a of s.aliases) byName.set(normalizeStateName(a), s.name);
}

/** The UN short name of a state, or null when the name is not a state. */
export function resolveState(name: string): string | null {
  return byName.get(normalizeStateName(name)) ?? null;
}

export const stateNames: readonly string[] = states.map((s) => s.name);

/**
 * The states in the content of a parenthesis ("Egypt, Peru, Algeria", "Senegal, Venezuela
 * (Bolivarian Republic of),Peru"), or null when any part of it is not a state. Commas inside
 * parentheses do not split; a piece that is no state is tried together with the next piece
 * ("Korea, Republic of") and split at " and " ("Algeria and Morocco").
 */
export function statesInParenthesis(content: string): string[] | null {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      pieces.push(content.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(content.slice(start));
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!.trim().replace(/^and\s+/i, '');
    if (!piece) return null;
    const one = resolveState(piece);
    if (one) {
      out.push(one);
      continue;
    }
    const next = pieces[i + 1];
    const joined = next !== undefined ? resolveState(`${piece},${next}`) : null;
    if (joined) {
      out.push(joined);
      i++;
      continue;
    }
    const andParts = piece.split(/\s+and\s+/i);
    if (andParts.length > 1 && andParts.every((p) => resolveState(p))) {
      for (const p of andParts) out.push(resolveState(p)!);
      continue;
    }
    return null;
  }
  return out;
}
