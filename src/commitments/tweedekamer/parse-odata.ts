/**
 * The Tweede Kamer's OData v4 JSON: a response (`{"value": [...]}`) or a bare array of entities.
 * Zaak (Soort Motie, with ZaakActor, Besluit → Stemming and Kamerstukdossier expanded), Document
 * (Soort Motie or "Motie (gewijzigd/nader)"), Besluit with its Zaak expanded, and Toezegging. A record
 * that cannot be read gives a warning naming it; a file that is no OData at all is refused.
 */
import { tweedekamerErrors } from './errors.ts';
import {
  buildMotion,
  buildToezegging,
  motionLabel,
  type RawActor,
  type RawDecision,
  type RawDossier,
  type RawMotion,
  type RawToezegging,
  type RawVote,
  type Warn,
} from './build.ts';
import type { ParsedFile } from './types.ts';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj, k: string): string | null => {
  const v = o[k];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
};
const int = (o: Obj, k: string): number | null => {
  const v = o[k];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v);
  return null;
};
const bool = (o: Obj, k: string): boolean => o[k] === true || o[k] === 'true';
/** A navigation property: an array, one object (0..1) or nothing. */
const many = (o: Obj, k: string): Obj[] => {
  const v = o[k];
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
};

const MOTION_KINDS = ['Motie', 'Motie (gewijzigd/nader)'];
type Entity = 'Zaak' | 'Document' | 'Besluit' | 'Toezegging';

function entityOf(r: Obj, hint: Entity | null): Entity | null {
  if ('DocumentNummer' in r) return 'Document';
  if ('BesluitSoort' in r || 'StemmingsSoort' in r) return 'Besluit';
  const nummer = str(r, 'Nummer') ?? '';
  if (/^TZ\d/.test(nummer) || 'DatumNakoming' in r || 'Ministerie' in r) return 'Toezegging';
  if (/^\d{4}Z\d+$/.test(nummer) || 'ZaakActor' in r || 'GestartOp' in r) return 'Zaak';
  return hint;
}

function dossierOf(o: Obj): RawDossier | null {
  const d = many(o, 'Kamerstukdossier')[0];
  if (!d) return null;
  const nummer = int(d, 'Nummer');
  return nummer === null ? null : { nummer, toevoeging: str(d, 'Toevoeging'), titel: str(d, 'Titel') };
}

function voteOf(s: Obj): RawVote {
  return {
    id: str(s, 'Id') ?? '?',
    soort: str(s, 'Soort'),
    fractieGrootte: int(s, 'FractieGrootte'),
    actorNaam: str(s, 'ActorNaam'),
    actorFractie: str(s, 'ActorFractie'),
    vergissing: bool(s, 'Vergissing'),
    persoon: typeof s.Persoon_Id === 'string',
  };
}

function decisionOf(b: Obj): RawDecision {
  const activiteit = many(b, 'Agendapunt').flatMap((a) => many(a, 'Activiteit'))[0];
  return {
    id: str(b, 'Id') ?? '?',
    besluitSoort: str(b, 'BesluitSoort'),
    stemmingsSoort: str(b, 'StemmingsSoort'),
    besluitTekst: str(b, 'BesluitTekst'),
    verwijderd: bool(b, 'Verwijderd'),
    when: (activiteit && str(activiteit, 'Datum')) ?? str(b, 'GewijzigdOp'),
    votes: many(b, 'Stemming')
      .filter((s) => !bool(s, 'Verwijderd'))
      .map(voteOf),
  };
}

function actorOf(a: Obj): RawActor {
  return { naam: str(a, 'ActorNaam'), fractie: str(a, 'ActorFractie'), relatie: str(a, 'Relatie') };
}

function zaakMotion(z: Obj, id: string): RawMotion {
  const doc = many(z, 'Document').find((d) => MOTION_KINDS.includes(str(d, 'Soort') ?? ''));
  return {
    entity: 'Zaak',
    id,
    number: str(z, 'Nummer'),
    onderwerp: str(z, 'Onderwerp'),
    titel: str(z, 'Titel'),
    datum: str(z, 'GestartOp'),
    vergaderjaar: str(z, 'Vergaderjaar'),
    kabinetsappreciatie: str(z, 'Kabinetsappreciatie'),
    actors: many(z, 'ZaakActor').map(actorOf),
    decisions: many(z, 'Besluit').map(decisionOf),
    dossier: dossierOf(z) ?? (doc ? dossierOf(doc) : null),
    volgnummer: doc ? int(doc, 'Volgnummer') : null,
    text: null,
    verwijderd: bool(z, 'Verwijderd'),
    changedAt: str(z, 'ApiGewijzigdOp') ?? str(z, 'GewijzigdOp'),
  };
}

function documentMotion(d: Obj, id: string): RawMotion {
  return {
    entity: 'Document',
    id,
    number: str(d, 'DocumentNummer'),
    onderwerp: str(d, 'Onderwerp'),
    titel: str(d, 'Titel'),
    datum: str(d, 'Datum'),
    vergaderjaar: str(d, 'Vergaderjaar'),
    kabinetsappreciatie: null,
    actors: many(d, 'DocumentActor').map(actorOf),
    decisions: [],
    dossier: dossierOf(d),
    volgnummer: int(d, 'Volgnummer'),
    text: str(d, 'text'),
    verwijderd: bool(d, 'Verwijderd'),
    changedAt: str(d, 'ApiGewijzigdOp') ?? str(d, 'GewijzigdOp'),
  };
}

function toezeggingOf(t: Obj, id: string): RawToezegging {
  const letters =
    Array.isArray(t.KamerbriefNakoming) || isObj(t.KamerbriefNakoming)
      ? many(t, 'KamerbriefNakoming').map((d) => str(d, 'Id') ?? str(d, 'DocumentNummer') ?? '')
      : [str(t, 'KamerbriefNakoming') ?? ''];
  return {
    id,
    nummer: str(t, 'Nummer'),
    tekst: str(t, 'Tekst'),
    status: str(t, 'Status'),
    aanmaakdatum: str(t, 'Aanmaakdatum'),
    datumNakoming: str(t, 'DatumNakoming'),
    ministerie: str(t, 'Ministerie'),
    naam: str(t, 'Naam'),
    initialen: str(t, 'Initialen'),
    tussenvoegsel: str(t, 'Tussenvoegsel'),
    achternaam: str(t, 'Achternaam'),
    functie: str(t, 'Functie'),
    kamerbriefNakoming: letters.map((l) => l.trim()).filter(Boolean),
    verwijderd: bool(t, 'Verwijderd'),
    changedAt: str(t, 'ApiGewijzigdOp') ?? str(t, 'GewijzigdOp'),
  };
}

function recordsOf(input: unknown, fileName: string): { records: unknown[]; hint: Entity | null } {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      throw tweedekamerErrors.not_odata({ fileName, reason: 'geen geldige JSON' });
    }
  }
  let records: unknown;
  let hint: Entity | null = null;
  if (Array.isArray(data)) records = data;
  else if (isObj(data) && Array.isArray(data.value)) {
    records = data.value;
    const ctx = /\$metadata#(\w+)/.exec(str(data, '@odata.context') ?? '')?.[1];
    if (ctx === 'Zaak' || ctx === 'Document' || ctx === 'Besluit' || ctx === 'Toezegging') hint = ctx;
  } else if (isObj(data) && typeof data.Id === 'string') records = [data];
  else throw tweedekamerErrors.not_odata({ fileName, reason: 'geen lijst "value" met entiteiten' });
  const list = records as unknown[];
  if (list.length > 0 && !list.some((r) => isObj(r) && typeof r.Id === 'string')) {
    throw tweedekamerErrors.not_odata({
      fileName,
      reason: 'geen van de elementen is een entiteit met een Id',
    });
  }
  return { records: list, hint };
}

export function parseOData(json: string | unknown, fileName = 'het bestand'): ParsedFile {
  const { records, hint } = recordsOf(json, fileName);
  const out: ParsedFile = { format: 'odata-json', motions: [], toezeggingen: [], warnings: [] };
  const warn: Warn = (record, message) => out.warnings.push({ record, message });
  /** Motions by Zaak id: Besluit records of one Zaak add their decisions to it. */
  const byZaak = new Map<string, RawMotion>();
  const order: RawMotion[] = [];
  const addMotion = (m: RawMotion): void => {
    const seen = m.entity === 'Zaak' ? byZaak.get(m.id) : undefined;
    if (seen) {
      seen.decisions.push(...m.decisions);
      return;
    }
    if (m.entity === 'Zaak') byZaak.set(m.id, m);
    order.push(m);
  };

  records.forEach((r, i) => {
    if (!isObj(r) || typeof r.Id !== 'string' || !r.Id) {
      warn(`element ${i + 1}`, 'geen entiteit met een Id; overgeslagen.');
      return;
    }
    const id = r.Id;
    const entity = entityOf(r, hint);
    const soort = str(r, 'Soort');
    if (entity === 'Zaak') {
      if (soort !== null && soort !== 'Motie')
        warn(`Zaak ${str(r, 'Nummer') ?? id}`, `soort "${soort}" is geen motie; overgeslagen.`);
      else addMotion(zaakMotion(r, id));
    } else if (entity === 'Document') {
      if (!MOTION_KINDS.includes(soort ?? '')) {
        warn(
          `Document ${str(r, 'DocumentNummer') ?? id}`,
          `soort "${soort ?? ''}" is geen motie; overgeslagen.`,
        );
      } else addMotion(documentMotion(r, id));
    } else if (entity === 'Besluit') {
      const zaken = many(r, 'Zaak');
      if (zaken.length === 0) warn(`Besluit ${id}`, 'besluit zonder uitgeklapte Zaak; overgeslagen.');
      for (const z of zaken) {
        const zid = str(z, 'Id');
        const zsoort = str(z, 'Soort');
        if (!zid) warn(`Besluit ${id}`, 'zaak zonder Id; overgeslagen.');
        else if (zsoort !== null && zsoort !== 'Motie') continue;
        else addMotion({ ...zaakMotion(z, zid), decisions: [decisionOf(r)] });
      }
    } else if (entity === 'Toezegging') {
      out.toezeggingen.push(buildToezegging(toezeggingOf(r, id), warn));
    } else {
      warn(`element ${i + 1} (${id})`, 'onbekende soort entiteit; overgeslagen.');
    }
  });
  for (const m of order) {
    try {
      out.motions.push(buildMotion(m, warn));
    } catch (e) {
      warn(motionLabel(m), `niet te lezen (${e instanceof Error ? e.message : String(e)}); overgeslagen.`);
    }
  }
  return out;
}
