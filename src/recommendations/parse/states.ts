import statesJson from './data/un-states.json' with { type: 'json' };

/**
 * Resolving the names of recommending states ("Islamic Republic of Iran", "Iran (Islamic Republic
 * of)", "United Kingdom", "Cote d'Ivoire") to the UN short name, the ISO 3166-1 alpha-3 code and the
 * Dutch name, from the list in data/un-states.json. Names are matched without accents, case or a
 * leading "the"; official long forms ("Kingdom of Morocco") by their short name; and, for a name
 * that is still unknown, by a small edit distance ("Trinidad an Tobago").
 */

interface StateEntry {
  name: string;
  iso3: string;
  nameNl: string;
  member: boolean;
  aliases: string[];
}

export interface ResolvedState {
  /** UN short name */
  name: string;
  /** ISO 3166-1 alpha-3 */
  iso3: string;
  /** the Dutch name (data/un-states.json: nameNlSource) */
  nameNl: string;
}

const entries = (statesJson as { states: StateEntry[] }).states;

/**
 * Lower case, no diacritics, straight apostrophes, single spaces, no leading "the"; "&" as "and",
 * "St" as "Saint" and hyphens as spaces, as UPR Info writes "St Kitts & Nevis" and "Guinea Bissau".
 */
export function normalizeStateName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\bSt\.?\s/g, 'Saint ')
    .replace(/(\p{L})-(\p{L})/gu, '$1 $2')
    .replace(/\s*\(\s*/g, ' (')
    .replace(/\s*\)/g, ')')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

const byName = new Map<string, ResolvedState>();
for (const s of entries) {
  const state: ResolvedState = Object.freeze({ name: s.name, iso3: s.iso3, nameNl: s.nameNl });
  byName.set(normalizeStateName(s.name), state);
  for (const a of s.aliases) byName.set(normalizeStateName(a), state);
}
const byIso3 = new Map(entries.map((s) => [s.iso3, byName.get(normalizeStateName(s.name))!]));
const knownNames = [...byName.keys()];

/** Letter counts (a-z, other) of a name: their difference bounds the edit distance from below, cheaply. */
function letterBag(s: string): Int16Array {
  const bag = new Int16Array(27);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    bag[c >= 0 && c < 26 ? c : 26]!++;
  }
  return bag;
}
const knownBags = knownNames.map(letterBag);

function bagDistance(a: Int16Array, b: Int16Array): number {
  let more = 0;
  let less = 0;
  for (let i = 0; i < 27; i++) {
    const d = a[i]! - b[i]!;
    if (d > 0) more += d;
    else less -= d;
  }
  return Math.max(more, less);
}

/** "Kingdom of Morocco", "Republic of Cuba", "People's Republic of China": the official long forms. */
const OFFICIAL_PREFIX =
  /^(?:(?:federal|islamic|democratic|people's|socialist|arab|united|oriental|cooperative|federative|bolivarian|plurinational|hashemite|independent|grand|principality|kingdom|republic|state|sultanate|commonwealth|federation|duchy|of|the)\s+)*?(?:republic|kingdom|state|sultanate|commonwealth|federation|duchy|principality|union) of (?:the )?/;

/** Damerau-Levenshtein distance (adjacent transpositions), stopping early above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The edit distance allowed for a name of this length: none below 7 characters ("Niger", "Romani"). */
const allowedDistance = (len: number) => (len < 7 ? 0 : len < 12 ? 1 : len < 20 ? 2 : 3);

function exact(n: string): ResolvedState | null {
  const hit = byName.get(n);
  if (hit) return hit;
  const short = n.replace(OFFICIAL_PREFIX, '');
  return short !== n && short ? (byName.get(short) ?? null) : null;
}

/** What turns a state's name into an adjective or its people ("Serbian", "Latvians", "Togolese"). */
const ADJECTIVE_ENDING = /^(?:n|ns|an|ans|ian|ians|ese|ish|i|is)$/;

/** The state whose name is nearest to `n`, when it is near enough and nearer than any other. */
function nearest(n: string): ResolvedState | null {
  const max = allowedDistance(n.length);
  if (!max) return null;
  let best: ResolvedState | null = null;
  let bestD = max + 1;
  let tie = false;
  const bag = letterBag(n);
  for (let i = 0; i < knownNames.length; i++) {
    const k = knownNames[i]!;
    if (Math.abs(k.length - n.length) > max || bagDistance(bag, knownBags[i]!) > max) continue;
    if (n.startsWith(k) && ADJECTIVE_ENDING.test(n.slice(k.length))) continue; // "Bulgarian" is no typo
    const d = editDistance(n, k, max);
    if (d < bestD) {
      bestD = d;
      best = byName.get(k)!;
      tie = false;
    } else if (d === bestD && best && byName.get(k)!.name !== best.name) tie = true;
  }
  return best && !tie ? best : null;
}

/** Names already resolved (a document names the same states again and again). */
const memo = new Map<string, ResolvedState | null>();

/**
 * The state a name stands for, however a source spells it (short name, official name, former name,
 * with or without accents, a typo of one or two letters), or null when it is not a state.
 * `{ fuzzy: false }` accepts only known spellings.
 */
export function resolveState(name: string, opts: { fuzzy?: boolean } = {}): ResolvedState | null {
  const fuzzy = opts.fuzzy !== false;
  const key = `${fuzzy ? 'f' : 'x'}${name}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const n = normalizeStateName(name);
  const r = n ? (exact(n) ?? (fuzzy ? nearest(n) : null)) : null;
  if (memo.size >= 20_000) memo.clear();
  memo.set(key, r);
  return r;
}

/** The state with this ISO 3166-1 alpha-3 code. */
export function stateByIso3(iso3: string): ResolvedState | null {
  return byIso3.get(iso3.toUpperCase()) ?? null;
}

export const stateNames: readonly string[] = entries.map((s) => s.name);

/** What a parenthesis of recommending states holds. */
export interface StateGroupRead {
  /** UN short names, in order */
  states: string[];
  /** pieces that look like names of states but are none */
  unresolved: string[];
  /** pieces read by their nearest name: [as written, UN short name] */
  corrected: [string, string][];
}

/** Splits at top-level commas and semicolons (not inside nested parentheses). */
function topLevelPieces(content: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === ',' || c === ';') && depth === 0) {
      pieces.push(content.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(content.slice(start));
  return pieces;
}

/**
 * A piece read as a run of state names without separators ("Argentina Chile", "Algeria and
 * Morocco"): the split into the fewest known names, or null.
 */
function splitRun(piece: string): ResolvedState[] | null {
  const words = piece.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 16) return null;
  const best: (ResolvedState[] | null)[] = [[]];
  for (let end = 1; end <= words.length; end++) {
    best[end] = null;
    for (let from = Math.max(0, end - 8); from < end; from++) {
      const before = best[from];
      if (!before) continue;
      const w = words.slice(from, end).join(' ');
      if (/^and$/i.test(w) && from > 0) {
        if (!best[end] || before.length < best[end]!.length) best[end] = before;
        continue;
      }
      const s = resolveState(w, { fuzzy: false });
      if (s && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, s];
    }
  }
  const r = best[words.length];
  return r && r.length > 1 ? r : null;
}

/** A piece that is no state but reads like a name ("Atlantis", "Republic of Nowhere"), not "CAT" or prose. */
function looksLikeName(piece: string): boolean {
  const words = piece.split(/\s+/);
  if (words.length > 6 || /\d/.test(piece)) return false;
  if (words.length === 1 && /^[\p{Lu}\d]{2,6}s?$/u.test(piece)) return false; // an acronym
  return words.every(
    (w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || /^(?:of|the|and|an|a|de|du|des|et|y)$/.test(w),
  );
}

/**
 * The states in the content of a parenthesis, matched name by name: "Egypt, Peru, Algeria",
 * "Mexico; Egypt", "Argentina Chile, Guatemala", "Senegal, Venezuela (Bolivarian Republic of),Peru",
 * "Korea, Republic of", "Trinidad an Tobago". Null when the parenthesis is not a list of states:
 * no name in it is a state, or a piece is no name at all ("France, CAT", "in consultation with ...").
 */
export function readStateGroup(content: string): StateGroupRead | null {
  const pieces = topLevelPieces(content);
  const out: StateGroupRead = { states: [], unresolved: [], corrected: [] };
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!.trim()
      .replace(/^and\s+/i, '')
      .replace(/\s+/g, ' ');
    if (!piece) {
      if (i === pieces.length - 1 && i > 0) continue; // "(France, Spain;)"
      return null;
    }
    const next = pieces[i + 1];
    const joined = next !== undefined ? resolveState(`${piece},${next}`, { fuzzy: false }) : null;
    if (joined) {
      out.states.push(joined.name);
      i++;
      continue;
    }
    const one = resolveState(piece, { fuzzy: false });
    if (one) {
      out.states.push(one.name);
      continue;
    }
    const run = splitRun(piece);
    if (run) {
      out.states.push(...run.map((s) => s.name));
      continue;
    }
    const near = looksLikeName(piece) ? resolveState(piece) : null;
    if (near) {
      out.states.push(near.name);
      out.corrected.push([piece, near.name]);
      continue;
    }
    if (!looksLikeName(piece)) return null;
    out.unresolved.push(piece);
  }
  return out.states.length ? out : null;
}

/** The states in the content of a parenthesis, or null when it is not a list of states. */
export function statesInParenthesis(content: string): string[] | null {
  return readStateGroup(content)?.states ?? null;
}
