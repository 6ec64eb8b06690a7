/**
 * What the Tweede Kamer's open data says about motions and commitments (toezeggingen), as the
 * parsers of its OData JSON and SyncFeed XML give it (parse-odata.ts, parse-syncfeed.ts) and the
 * register of commitments stores it (../import.ts). Dates are YYYY-MM-DD (the day in Dutch time).
 */

/** How a party or member voted on a motion. */
export interface Vote {
  /** The party ("VVD"), or the member in a roll call ("Boswijk, D.G."). */
  actor: string;
  party: string | null;
  choice: 'voor' | 'tegen' | 'niet_deelgenomen';
  /** Seats of the party (in a roll call the member's party size, as the API gives it). */
  partySize: number | null;
  /** The vote was declared a mistake (Vergissing): it is kept but not counted. */
  mistake: boolean;
}

/** A decision (Besluit) on a motion, with its votes. */
export interface Decision {
  id: string;
  /** "Stemmen - aangenomen", "Stemmen - verworpen", … as the API gives it. */
  kind: string;
  outcome: 'adopted' | 'rejected' | null;
  /** "Met handopsteken" or "Hoofdelijk". */
  votingKind: string | null;
  text: string | null;
  votes: Vote[];
  /** Seats for and against, counted from the votes (mistakes left out). */
  seatsFor: number;
  seatsAgainst: number;
}

export interface ParsedMotion {
  /** The Zaak's (or Document's) Id: the key a re-import updates by. */
  tkId: string;
  /** "2023Z15918" (Zaak) or "2023D02517" (Document). */
  number: string;
  /** "Motie van het lid Boswijk over …", trimmed. */
  subject: string;
  /** The dossier's title ("Mensenrechten in het buitenlands beleid"). */
  dossierTitle: string | null;
  /** The Kamerstuk: dossier number, its Toevoeging and the ondernummer, where the record gives them. */
  kamerstuk: { dossier: number; toevoeging: string | null; nr: number | null } | null;
  /** The ondernummer (Document.Volgnummer) where known, also when the dossier is not (kamerstuk null). */
  ondernummer?: number | null;
  vergaderjaar: string | null;
  date: string | null;
  /** Submitters: "D.G. Boswijk (CDA)", the first is the Indiener. */
  submitters: string[];
  kabinetsappreciatie: string | null;
  /** The last decision that voted on it. */
  decision: Decision | null;
  outcome: 'adopted' | 'rejected' | null;
  /** Whether the record is soft-deleted at the source (Verwijderd). */
  deleted: boolean;
  /** When the source last changed it (ApiGewijzigdOp or bijgewerkt), ISO. */
  changedAt: string | null;
}

export interface ParsedToezegging {
  tkId: string;
  /** "TZ202504-057". */
  number: string;
  text: string;
  /** Openstaand, Voldaan, Deels Voldaan, Vervallen, Afgedaan, Deels Afgedaan, or null when empty. */
  status: string | null;
  madeOn: string | null;
  dueOn: string | null;
  /** The responsible ministry as the source names it ("Buitenlandse Zaken"). */
  ministry: string | null;
  /** Who made it: "Minister van Buitenlandse Zaken", and the name as the source gives it. */
  madeBy: { name: string | null; function: string | null };
  /** The letters (Document ids or Kamerstuk texts) that fulfil it. */
  fulfilledBy: string[];
  deleted: boolean;
  changedAt: string | null;
}

/** What one file gave: its motions and commitments, and what could not be read, per record. */
export interface ParsedFile {
  format: 'odata-json' | 'syncfeed-xml';
  motions: ParsedMotion[];
  toezeggingen: ParsedToezegging[];
  warnings: { record: string; message: string }[];
}
