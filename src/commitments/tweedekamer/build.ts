/**
 * What both parsers share: the records of either format in one neutral shape (RawMotion,
 * RawToezegging) and the rules that turn them into ParsedMotion and ParsedToezegging: the dates
 * in Dutch time, the submitters, the last voting decision, its outcome and its seats.
 */
import type { Decision, ParsedMotion, ParsedToezegging, Vote } from './types.ts';

export type Warn = (record: string, message: string) => void;

export interface RawVote {
  id: string;
  soort: string | null;
  fractieGrootte: number | null;
  actorNaam: string | null;
  actorFractie: string | null;
  vergissing: boolean;
  persoon: boolean;
}

export interface RawDecision {
  id: string;
  besluitSoort: string | null;
  stemmingsSoort: string | null;
  besluitTekst: string | null;
  verwijderd: boolean;
  /** When it was taken or last changed: orders the decisions of one motion. */
  when: string | null;
  votes: RawVote[];
}

export interface RawActor {
  naam: string | null;
  fractie: string | null;
  relatie: string | null;
}

export interface RawDossier {
  nummer: number;
  toevoeging: string | null;
  titel: string | null;
}

export interface RawMotion {
  entity: 'Zaak' | 'Document';
  id: string;
  number: string | null;
  onderwerp: string | null;
  titel: string | null;
  datum: string | null;
  vergaderjaar: string | null;
  kabinetsappreciatie: string | null;
  actors: RawActor[];
  decisions: RawDecision[];
  dossier: RawDossier | null;
  volgnummer: number | null;
  /** The document's text, where the record has it (its "kst-36284-6" names the Kamerstuk). */
  text: string | null;
  verwijderd: boolean;
  changedAt: string | null;
}

export interface RawToezegging {
  id: string;
  nummer: string | null;
  tekst: string | null;
  status: string | null;
  aanmaakdatum: string | null;
  datumNakoming: string | null;
  ministerie: string | null;
  naam: string | null;
  initialen: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  functie: string | null;
  kamerbriefNakoming: string[];
  verwijderd: boolean;
  changedAt: string | null;
}

export const TOEZEGGING_STATUSES = [
  'Openstaand',
  'Voldaan',
  'Deels Voldaan',
  'Vervallen',
  'Afgedaan',
  'Deels Afgedaan',
] as const;

const dutchDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day (YYYY-MM-DD) in Dutch time of a date or timestamp; undefined when it is no date. */
export function dutchDate(value: string | null): string | null | undefined {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Number.isNaN(Date.parse(v)) ? undefined : v;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : dutchDay.format(new Date(t));
}

/** A timestamp as an ISO string in UTC; undefined when it is none. */
export function isoTimestamp(value: string | null): string | null | undefined {
  if (value === null || value.trim() === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) return undefined;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function dateField(record: string, field: string, value: string | null, warn: Warn): string | null {
  const d = dutchDate(value);
  if (d === undefined) {
    warn(record, `${field} "${value}" is geen datum; leeg gelaten.`);
    return null;
  }
  return d;
}

function changedField(record: string, value: string | null, warn: Warn): string | null {
  const d = isoTimestamp(value);
  if (d === undefined) {
    warn(record, `wijzigingsdatum "${value}" is geen tijdstip; leeg gelaten.`);
    return null;
  }
  return d;
}

const CHOICES: Record<string, Vote['choice']> = {
  voor: 'voor',
  tegen: 'tegen',
  'niet deelgenomen': 'niet_deelgenomen',
};

export function outcomeOf(besluitSoort: string | null): 'adopted' | 'rejected' | null {
  const s = (besluitSoort ?? '').toLowerCase();
  if (s.includes('aangenomen')) return 'adopted';
  if (s.includes('verworpen')) return 'rejected';
  return null;
}

/** "Aangenomen (90-36)." → [90, 36]. */
export function countInText(text: string | null): [number, number] | null {
  const m = /\((\d+)\s*[-–]\s*(\d+)\)/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function isVoting(d: RawDecision): boolean {
  return !d.verwijderd && (d.stemmingsSoort !== null || (d.besluitSoort ?? '').startsWith('Stemmen'));
}

function buildDecision(motion: string, raw: RawDecision, warn: Warn): Decision {
  const record = `${motion}, besluit ${raw.id}`;
  const rollCall = (raw.stemmingsSoort ?? '').toLowerCase() === 'hoofdelijk';
  const votes: Vote[] = [];
  let seatsFor = 0;
  let seatsAgainst = 0;
  for (const v of raw.votes) {
    const choice = CHOICES[(v.soort ?? '').trim().toLowerCase()];
    if (!choice || !v.actorNaam) {
      warn(`${record}, stemming ${v.id}`, `onbekende stem "${v.soort ?? ''}" of geen naam; niet meegeteld.`);
      continue;
    }
    const rollCallVote = rollCall || v.persoon;
    votes.push({
      actor: v.actorNaam,
      party: v.actorFractie,
      choice,
      partySize: v.fractieGrootte,
      mistake: v.vergissing,
    });
    if (v.vergissing) continue;
    const seats = rollCallVote ? 1 : (v.fractieGrootte ?? 0);
    if (!rollCallVote && v.fractieGrootte === null) {
      warn(`${record}, stemming ${v.id}`, `fractie ${v.actorNaam} zonder fractiegrootte; telt als 0 zetels.`);
    }
    if (choice === 'voor') seatsFor += seats;
    if (choice === 'tegen') seatsAgainst += seats;
  }
  const count = countInText(raw.besluitTekst);
  if (count && votes.length === 0) {
    [seatsFor, seatsAgainst] = count;
    warn(
      record,
      `de stemmen staan niet in het record; aantallen ${count[0]}-${count[1]} uit de besluittekst.`,
    );
  } else if (count && (count[0] !== seatsFor || count[1] !== seatsAgainst)) {
    warn(
      record,
      `de stemmen tellen ${seatsFor}-${seatsAgainst}, de besluittekst zegt ${count[0]}-${count[1]}.`,
    );
  }
  return {
    id: raw.id,
    kind: raw.besluitSoort ?? '',
    outcome: outcomeOf(raw.besluitSoort),
    votingKind: raw.stemmingsSoort,
    text: raw.besluitTekst,
    votes,
    seatsFor,
    seatsAgainst,
  };
}

/** The last decision that voted, by its date; among equal dates the last given. */
function lastVoting(decisions: RawDecision[]): RawDecision | null {
  const voting = decisions.filter(isVoting);
  let last: RawDecision | null = null;
  for (const d of voting) {
    if (!last || (d.when ?? '') >= (last.when ?? '')) last = d;
  }
  return last;
}

/** "J.J. (Jasper) van Dijk" → the words to look for in a subject, most precise first. */
function namesToFind(naam: string): string[] {
  const roepnaam = /\(([^)]+)\)/.exec(naam)?.[1] ?? null;
  const surname = naam
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(?:[A-Z][a-z]{0,2}\.)+\s*/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [roepnaam ? `${roepnaam} ${surname}` : null, surname].filter((s): s is string => !!s);
}

/** Submitters, the Indiener first: by Relatie where given, else in the order the subject names them. */
function submitters(actors: RawActor[], onderwerp: string): string[] {
  const subject = onderwerp.toLowerCase();
  const position = (a: RawActor): number => {
    for (const n of namesToFind(a.naam ?? '')) {
      const i = subject.indexOf(n.toLowerCase());
      if (i >= 0) return i;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  const rank = (a: RawActor): number => (a.relatie === 'Indiener' ? 0 : 1);
  return actors
    .filter((a) => a.naam && (a.relatie === null || a.relatie === 'Indiener' || a.relatie === 'MedeIndiener'))
    .map((a, i) => ({ a, i, r: rank(a), p: position(a) }))
    .sort((x, y) => x.r - y.r || x.p - y.p || x.i - y.i)
    .map(({ a }) => (a.fractie ? `${a.naam} (${a.fractie})` : (a.naam as string)));
}

/** "kst-36200-IV-49" / "kst-21501-32-1506" / "kst-36284-6" in a document's text. */
export function kamerstukInText(
  text: string | null,
): { dossier: number; toevoeging: string | null; nr: number } | null {
  const m = /\bkst-(\d+)-(?:([A-Za-z0-9]+)-)?(\d+)\b/.exec(text ?? '');
  return m ? { dossier: Number(m[1]), toevoeging: m[2] ?? null, nr: Number(m[3]) } : null;
}

export function motionLabel(raw: { entity: string; id: string; number: string | null }): string {
  return `${raw.entity} ${raw.number ?? raw.id}`;
}

export function buildMotion(raw: RawMotion, warn: Warn): ParsedMotion {
  const label = motionLabel(raw);
  const fromText = raw.entity === 'Document' ? kamerstukInText(raw.text) : null;
  let kamerstuk: ParsedMotion['kamerstuk'] = null;
  if (fromText) {
    if (raw.volgnummer !== null && raw.volgnummer !== fromText.nr) {
      warn(label, `Volgnummer ${raw.volgnummer} wijkt af van het nummer in de tekst (${fromText.nr}).`);
    }
    kamerstuk = { dossier: fromText.dossier, toevoeging: fromText.toevoeging, nr: fromText.nr };
  } else if (raw.dossier) {
    kamerstuk = { dossier: raw.dossier.nummer, toevoeging: raw.dossier.toevoeging, nr: raw.volgnummer };
  }
  const subject = (raw.onderwerp ?? '').trim();
  if (!subject && !raw.verwijderd) warn(label, 'motie zonder onderwerp.');
  const last = lastVoting(raw.decisions);
  const decision = last ? buildDecision(label, last, warn) : null;
  return {
    tkId: raw.id,
    number: raw.number ?? raw.id,
    subject,
    dossierTitle: raw.titel?.trim() || raw.dossier?.titel?.trim() || null,
    kamerstuk,
    ondernummer: kamerstuk?.nr ?? raw.volgnummer,
    vergaderjaar: raw.vergaderjaar,
    date: dateField(label, 'datum', raw.datum, warn),
    submitters: submitters(raw.actors, subject),
    kabinetsappreciatie: raw.kabinetsappreciatie,
    decision,
    outcome: decision?.outcome ?? null,
    deleted: raw.verwijderd,
    changedAt: changedField(label, raw.changedAt, warn),
  };
}

export function buildToezegging(raw: RawToezegging, warn: Warn): ParsedToezegging {
  const label = `Toezegging ${raw.nummer ?? raw.id}`;
  let status = raw.status?.trim() || null;
  if (status && !(TOEZEGGING_STATUSES as readonly string[]).includes(status)) {
    warn(label, `onbekende status "${status}"; leeg gelaten.`);
    status = null;
  }
  if (!raw.verwijderd && !raw.tekst?.trim()) warn(label, 'toezegging zonder tekst.');
  const composed = [raw.initialen, raw.tussenvoegsel, raw.achternaam].filter((s) => s?.trim()).join(' ');
  return {
    tkId: raw.id,
    number: raw.nummer ?? raw.id,
    text: (raw.tekst ?? '').trim(),
    status,
    madeOn: dateField(label, 'aanmaakdatum', raw.aanmaakdatum, warn),
    dueOn: dateField(label, 'datum nakoming', raw.datumNakoming, warn),
    ministry: raw.ministerie?.trim() || null,
    madeBy: { name: raw.naam?.trim() || composed || null, function: raw.functie?.trim() || null },
    fulfilledBy: raw.kamerbriefNakoming,
    deleted: raw.verwijderd,
    changedAt: changedField(label, raw.changedAt, warn),
  };
}
