/**
 * The Tweede Kamer's SyncFeed: an Atom feed whose entries carry one entity each
 * (`<content><zaak id=… verwijderd=… bijgewerkt=…>`), in the namespace of the tkData XSDs
 * (../shared/data/tweedekamer/xsd). Relations are `ref` attributes pointing the other way than in
 * OData (a besluit names its zaak, a stemming its besluit, a zaakActor its zaak), so the entities
 * of one file are joined here. A zaak of another kind than Motie is passed over without a warning:
 * a feed carries every kind.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { tweedekamerErrors } from './errors.ts';
import {
  buildMotion,
  buildToezegging,
  motionLabel,
  type RawDecision,
  type RawDossier,
  type RawMotion,
  type RawVote,
  type Warn,
} from './build.ts';
import type { ParsedFile } from './types.ts';

export const TK_NS = 'http://www.tweedekamer.nl/xsd/tkData/v1-0';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => !name.startsWith('@'),
  processEntities: true,
});

const local = (name: string): string => name.slice(name.indexOf(':') + 1);
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The child elements of a node by local name. */
function children(n: Node, name: string): Node[] {
  const out: Node[] = [];
  for (const [k, v] of Object.entries(n)) {
    if (k.startsWith('@') || k === '#text' || local(k) !== name) continue;
    for (const item of Array.isArray(v) ? v : [v]) out.push(isNode(item) ? item : { '#text': item });
  }
  return out;
}

function attr(n: Node, name: string): string | null {
  for (const [k, v] of Object.entries(n))
    if (k.startsWith('@') && local(k.slice(1)) === name) return String(v);
  return null;
}

function text(n: Node, name: string): string | null {
  const c = children(n, name)[0];
  if (!c || attr(c, 'nil') === 'true') return null;
  const t = c['#text'];
  return t === undefined ? '' : String(t);
}

const ref = (n: Node, name: string): string | null => {
  const c = children(n, name)[0];
  return c ? attr(c, 'ref') : null;
};
const refs = (n: Node, name: string): string[] =>
  children(n, name)
    .map((c) => attr(c, 'ref'))
    .filter((r): r is string => !!r);
const int = (v: string | null): number | null => (v !== null && /^\d+$/.test(v.trim()) ? Number(v) : null);

/** The namespace a tkData element is in: its own declaration or one of its ancestors'. */
function namespaceOf(name: string, chain: Node[]): string | null {
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : null;
  const decl = prefix ? `@xmlns:${prefix}` : '@xmlns';
  for (const n of chain) if (typeof n[decl] === 'string') return n[decl] as string;
  return null;
}

interface Entity {
  kind: string;
  id: string;
  deleted: boolean;
  bijgewerkt: string | null;
  node: Node;
}

/** Elements the schemas declare that this reader has no use for: passed over in silence. */
const UNUSED = new Set([
  'persoon',
  'fractie',
  'activiteit',
  'activiteitActor',
  'agendapunt',
  'commissie',
  'documentActor',
  'documentVersie',
  'vergadering',
  'verslag',
  'zaal',
  'reservering',
  'fractieZetel',
  'fractieZetelPersoon',
  'fractieZetelVacature',
  'commissieZetel',
  'commissieContactinformatie',
  'persoonContactinformatie',
  'persoonGeschenk',
  'persoonLoopbaan',
  'persoonNevenfunctie',
  'persoonNevenfunctieInkomsten',
  'persoonOnderwijs',
  'persoonReis',
  'commissieZetelVastPersoon',
  'commissieZetelVastVacature',
  'commissieZetelVervangerPersoon',
  'commissieZetelVervangerVacature',
]);
const USED = new Set([
  'zaak',
  'zaakActor',
  'besluit',
  'stemming',
  'document',
  'kamerstukdossier',
  'toezegging',
]);

function entitiesOf(xml: string, fileName: string, warn: Warn): Entity[] {
  if (/<!DOCTYPE/i.test(xml))
    throw tweedekamerErrors.not_syncfeed({ fileName, reason: 'een DOCTYPE is niet toegestaan' });
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw tweedekamerErrors.not_syncfeed({ fileName, reason: `geen geldige XML: ${valid.err.msg}` });
  const doc = parser.parse(xml) as Node;
  const feed = children(doc, 'feed')[0];
  if (!feed) throw tweedekamerErrors.not_syncfeed({ fileName, reason: 'geen Atom-<feed>' });
  const out: Entity[] = [];
  children(feed, 'entry').forEach((entry, i) => {
    const label = `entry ${i + 1}${text(entry, 'title') ? ` (${text(entry, 'title')})` : ''}`;
    const content = children(entry, 'content')[0];
    const elements = content ? Object.keys(content).filter((k) => !k.startsWith('@') && k !== '#text') : [];
    if (elements.length !== 1) {
      warn(label, 'geen entiteit in <content>; overgeslagen.');
      return;
    }
    const name = elements[0] as string;
    const node = children(content as Node, local(name))[0] as Node;
    const kind = local(name);
    const id = attr(node, 'id');
    if (namespaceOf(name, [node, content as Node, entry, feed]) !== TK_NS) {
      warn(label, `<${kind}> staat niet in de namespace ${TK_NS}; overgeslagen.`);
    } else if (!id) {
      warn(label, `<${kind}> zonder id; overgeslagen.`);
    } else if (USED.has(kind)) {
      out.push({
        kind,
        id,
        deleted: attr(node, 'verwijderd') === 'true',
        bijgewerkt: attr(node, 'bijgewerkt'),
        node,
      });
    } else if (!UNUSED.has(kind)) {
      warn(`${label} ${id}`, `onbekende entiteit <${kind}>; overgeslagen.`);
    }
  });
  return out;
}

function dossierOf(e: Entity): RawDossier | null {
  const nummer = int(text(e.node, 'nummer'));
  return nummer === null
    ? null
    : { nummer, toevoeging: text(e.node, 'toevoeging'), titel: text(e.node, 'titel') };
}

function voteOf(e: Entity): RawVote {
  return {
    id: e.id,
    soort: text(e.node, 'soort'),
    fractieGrootte: int(text(e.node, 'fractieGrootte')),
    actorNaam: text(e.node, 'actorNaam'),
    actorFractie: text(e.node, 'actorFractie'),
    vergissing: text(e.node, 'vergissing') === 'true',
    persoon: ref(e.node, 'persoon') !== null,
  };
}

const MOTION_KINDS = ['Motie', 'Motie (gewijzigd/nader)'];

export function parseSyncFeed(xml: string, fileName = 'het bestand'): ParsedFile {
  const out: ParsedFile = { format: 'syncfeed-xml', motions: [], toezeggingen: [], warnings: [] };
  const warn: Warn = (record, message) => out.warnings.push({ record, message });
  const entities = entitiesOf(xml.replace(/^\uFEFF/, ''), fileName, warn);
  const of = (kind: string): Entity[] => entities.filter((e) => e.kind === kind);
  const ids = new Set(entities.map((e) => e.id));
  const dossiers = new Map(of('kamerstukdossier').map((e) => [e.id, dossierOf(e)]));

  const votes = new Map<string, RawVote[]>();
  for (const s of of('stemming')) {
    const b = ref(s.node, 'besluit');
    if (s.deleted || !b) continue;
    votes.set(b, [...(votes.get(b) ?? []), voteOf(s)]);
  }
  const motions = new Map<string, RawMotion>();
  const motionDocs = of('document').filter((d) => MOTION_KINDS.includes(text(d.node, 'soort') ?? ''));
  for (const z of of('zaak')) {
    const soort = text(z.node, 'soort');
    if (soort !== 'Motie' && !(z.deleted && soort === null)) continue;
    const doc = motionDocs.find((d) => refs(d.node, 'zaak').includes(z.id));
    const dossierRef = ref(z.node, 'kamerstukdossier') ?? (doc && ref(doc.node, 'kamerstukdossier'));
    motions.set(z.id, {
      entity: 'Zaak',
      id: z.id,
      number: text(z.node, 'nummer'),
      onderwerp: text(z.node, 'onderwerp'),
      titel: text(z.node, 'titel'),
      datum: text(z.node, 'gestartOp'),
      vergaderjaar: text(z.node, 'vergaderjaar'),
      kabinetsappreciatie: text(z.node, 'kabinetsappreciatie'),
      actors: [],
      decisions: [],
      dossier: (dossierRef ? dossiers.get(dossierRef) : null) ?? null,
      volgnummer: doc ? int(text(doc.node, 'volgnummer')) : null,
      text: null,
      verwijderd: z.deleted,
      changedAt: z.bijgewerkt,
    });
  }
  for (const a of of('zaakActor')) {
    const m = motions.get(ref(a.node, 'zaak') ?? '');
    if (m && !a.deleted) {
      m.actors.push({
        naam: text(a.node, 'actorNaam'),
        fractie: text(a.node, 'actorFractie'),
        relatie: text(a.node, 'relatie'),
      });
    }
  }
  for (const b of of('besluit')) {
    const zaken = refs(b.node, 'zaak');
    const decision: RawDecision = {
      id: b.id,
      besluitSoort: text(b.node, 'besluitSoort'),
      stemmingsSoort: text(b.node, 'stemmingsSoort'),
      besluitTekst: text(b.node, 'besluitTekst'),
      verwijderd: b.deleted,
      when: b.bijgewerkt,
      votes: votes.get(b.id) ?? [],
    };
    for (const z of zaken) motions.get(z)?.decisions.push(decision);
    if (!b.deleted && !zaken.some((z) => ids.has(z)))
      warn(`Besluit ${b.id}`, 'de zaak staat niet in dit bestand; overgeslagen.');
  }
  for (const d of motionDocs) {
    if (refs(d.node, 'zaak').some((z) => motions.has(z))) continue;
    const dossierRef = ref(d.node, 'kamerstukdossier');
    motions.set(d.id, {
      entity: 'Document',
      id: d.id,
      number: text(d.node, 'documentNummer'),
      onderwerp: text(d.node, 'onderwerp'),
      titel: text(d.node, 'titel'),
      datum: text(d.node, 'datum'),
      vergaderjaar: text(d.node, 'vergaderjaar'),
      kabinetsappreciatie: null,
      actors: [],
      decisions: [],
      dossier: (dossierRef ? dossiers.get(dossierRef) : null) ?? null,
      volgnummer: int(text(d.node, 'volgnummer')),
      text: null,
      verwijderd: d.deleted,
      changedAt: d.bijgewerkt,
    });
  }
  for (const m of motions.values()) {
    try {
      out.motions.push(buildMotion(m, warn));
    } catch (e) {
      warn(motionLabel(m), `niet te lezen (${e instanceof Error ? e.message : String(e)}); overgeslagen.`);
    }
  }
  for (const t of of('toezegging')) {
    const n = t.node;
    out.toezeggingen.push(
      buildToezegging(
        {
          id: t.id,
          nummer: text(n, 'nummer'),
          tekst: text(n, 'tekst'),
          status: text(n, 'status'),
          aanmaakdatum: text(n, 'aanmaakdatum'),
          datumNakoming: text(n, 'datumNakoming'),
          ministerie: text(n, 'ministerie'),
          naam: text(n, 'naam'),
          initialen: text(n, 'initialen'),
          tussenvoegsel: text(n, 'tussenvoegsel'),
          achternaam: text(n, 'achternaam'),
          functie: text(n, 'functie'),
          kamerbriefNakoming: children(n, 'kamerbriefNakoming')
            .map((k) =>
              attr(k, 'nil') === 'true' ? '' : (attr(k, 'ref') ?? String(k['#text'] ?? '')).trim(),
            )
            .filter(Boolean),
          verwijderd: t.deleted,
          changedAt: t.bijgewerkt,
        },
        warn,
      ),
    );
  }
  return out;
}
