/** What the list-of-issues parser produces: the questions of a treaty body, before anything is stored. */

/** The treaty bodies that send lists of issues, by their usual code. */
export type Committee = 'CCPR' | 'CESCR' | 'CAT' | 'CRC' | 'CEDAW' | 'CERD' | 'CRPD' | 'CED' | 'CMW';

/** 'loi': a list of issues on a report already submitted; 'loipr': prior to reporting (simplified procedure). */
export type LoiKind = 'loi' | 'loipr';

export interface LoiSubQuestion {
  /** "a", "b", ... */
  label: string;
  text: string;
}

export interface LoiQuestion {
  /** The paragraph number as the document numbers it (1, 2, 3, ...). */
  number: number;
  /** The whole paragraph, its sub-questions included. */
  text: string;
  /** The lettered sub-questions "(a) ...; (b) ..."; empty when it has none. */
  subQuestions: LoiSubQuestion[];
  /**
   * The paragraphs of concluding observations it refers to, one per paragraph, as
   * "CCPR/C/NLD/CO/5 para. 9" or "CCPR/C/NLD/CO/5 para. 19 (b)" (also from footnotes and from
   * "the previous concluding observations (paras. 4 and 6)"); a symbol alone when no paragraph is named.
   */
  coReferences: string[];
  /** 1-based line in the input text where the question starts. */
  sourceLine: number;
}

export interface LoiSection {
  /** 'A', 'B', ... for a lettered part; otherwise the slug of the heading ("right-to-privacy"). */
  key: string;
  heading: string;
  /** The articles the heading names: "(arts. 2, 3 and 26)" → [2, 3, 26]; "articles 1–27" → 1 to 27. */
  articles: number[];
  /** The key of the lettered part a subject heading falls under ("B"), if any. */
  part?: string;
  questions: LoiQuestion[];
}

export interface LoiParseResult {
  symbol?: string;
  committee?: Committee;
  kind: LoiKind;
  /** From the symbol or the title: 6, or "6-7" for a combined report. */
  reportOrdinal?: number | string;
  /** "139th session (9 October–3 November 2023)", from the footnote "* Adopted by the Committee at its ...". */
  adoptedAt?: string;
  title?: string;
  /** YYYY-MM-DD, the first date of the header. */
  date?: string;
  sections: LoiSection[];
  warnings: string[];
}

/** What a text that could not be parsed held, for the error. */
export interface LoiFound {
  symbol: string | null;
  title: string | null;
  headings: number;
  numberedParagraphs: number;
  otherParagraphs: number;
  reason: 'no_questions' | 'not_a_list_of_issues' | 'empty';
}
