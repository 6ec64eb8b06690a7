/** What the document parsers produce: recommendation records, before anything is stored. */

export type DocumentKind = 'upr' | 'treaty_body' | 'advisory';

export type RecommendationPosition =
  'supported' | 'noted' | 'supported_in_part' | 'pending' | 'agrees' | 'partly_agrees' | 'disagrees';

/** One recommendation joined with others in the same numbered paragraph, with its own states. */
export interface RecommendationPart {
  /** This recommendation's own words, without its states in parentheses. */
  text: string;
  /** The text without state attributions (the same as `text`; named as on the record). */
  bareText: string;
  recommendingStates: string[];
}

export interface ParsedRecommendation {
  /** The reference as the document cites it: "78.1", "para 12 (b)", "Aanbeveling 3". */
  paragraph: string;
  /** The recommendation as the document words it (UPR: including the states in parentheses). */
  text: string;
  /**
   * UPR: the text without its state attributions ("... (Argentina) (Côte d'Ivoire)" left out); for a
   * paragraph of several parts, their bare texts joined with "; ".
   */
  bareText?: string;
  /** UN short names (see data/un-states.json); empty for treaty bodies and advisory bodies. */
  recommendingStates: string[];
  position: RecommendationPosition | null;
  positionExplanation?: string;
  followUp: boolean;
  heading?: string;
  /** 1-based line in the input text where the recommendation starts. */
  sourceLine: number;
  /**
   * UPR only, when one numbered recommendation joins several recommendations of different states
   * ("... (France); to ratify ... (Brazil)"): each with its own states, in document order.
   */
  parts?: RecommendationPart[];
}

export interface ParsedDocument {
  kind: DocumentKind;
  symbol?: string;
  title?: string;
  /** A cabinet response's advice: the name it quotes ("Mensenrechten: Kernbelang in een geopolitiek krachtenveld"). */
  adviceTitle?: string;
  /** YYYY-MM-DD */
  date?: string;
  followUpDueMonths?: number;
  followUpParagraphs?: string[];
  recommendations: ParsedRecommendation[];
  warnings: string[];
}
