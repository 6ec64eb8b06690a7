/**
 * The document model of the letters and memos ("nota's") the government sends: a letter to
 * parliament, a memo to a minister. Features that generate them (the annual letter, cabinet
 * responses, memos from a form) build this model; src/letters/docx.ts lays it out as a .docx in the
 * Dutch government's letter conventions. Shared by the server and the browser app (a memo form
 * validates with it), so it imports nothing but zod and other schema files.
 */
import { z } from 'zod';
import { IsoDate } from '../shared/schema.ts';

/**
 * The message of a required field that is missing: it names the field with the label the memo
 * shows ("Aan"), so a form can say which one. Other problems keep the schema's own message.
 */
const missing = (label: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `"${label}" is required` : undefined;

/** A single-line text, such as a heading or a line of an address. */
const Line = (max = 300) => z.string().trim().min(1, 'must not be empty').max(max);
/** A text that may span lines (a paragraph, a table cell). */
const Text = (max = 20_000) => z.string().trim().min(1, 'must not be empty').max(max);
/** The lines of an address or of a field such as "Kopie aan": at least one. */
const Lines = (label?: string) =>
  z
    .array(Line(), label ? { error: missing(label) } : undefined)
    .min(1, 'needs at least one line')
    .max(20);

/** The eight bytes every PNG file starts with. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The width and height in pixels a PNG declares in its header chunk (IHDR, right after the
 * signature), or null when the bytes are not a PNG. The layout scales the logo by them.
 */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * The font of the Rijkshuisstijl, RijksoverheidSansText, is licensed to the government; its
 * Office templates use Verdana in its place, which is the default here. An installation that has
 * the licensed font sets it.
 */
const DEFAULT_FONT = 'Verdana';

/** Who sends the document: the letterhead. The installation sets it. */
export const Sender = z.object({
  /** "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties". */
  organisation: Line(),
  /** The directorate or department ("Directie Constitutionele Zaken en Wetgeving"). */
  unit: Line().optional(),
  /** Visiting and postal address, website: "Turfmarkt 147", "Postbus 20011", "2500 EA  Den Haag". */
  addressLines: z.array(Line()).max(12).default([]),
  font: Line(64).default(DEFAULT_FONT),
  /** The logo (the "lintje" with the ministry's name), centred at the top of the first page. */
  logo: z
    .custom<Uint8Array>((b) => b instanceof Uint8Array, { message: 'must be the bytes of a PNG image' })
    .refine((b) => b.length <= 2_000_000, 'must be at most 2 MB')
    .refine((b) => pngSize(b) !== null, 'must be a PNG image')
    .optional(),
});
export type Sender = z.infer<typeof Sender>;

/** A table: the header row repeats on every page it runs over. */
export const TableBlock = z
  .object({
    type: z.literal('table'),
    /** Shown above the table ("Tabel 1. Laatste rapportages per verdrag"). */
    caption: Line(500).optional(),
    columns: z.array(Line()).min(1, 'needs at least one column').max(12),
    /** The cells of each row, one per column; an empty cell is an empty string. */
    rows: z.array(z.array(z.string().trim().max(5_000))).max(2_000),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((row, i) => {
      if (row.length !== t.columns.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `row ${i + 1} has ${row.length} cells where the table has ${t.columns.length} columns`,
        });
    });
  });

/**
 * What a section holds, in order: paragraphs, numbered paragraphs (Word numbering "1.", "2.", …,
 * continuing over the whole document as the numbered paragraphs of a letter to parliament do),
 * bullets and tables.
 */
export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: Text() }),
  z.object({
    type: z.literal('numbered'),
    items: z.array(Text()).min(1, 'needs at least one item').max(500),
  }),
  z.object({ type: z.literal('bullets'), items: z.array(Text()).min(1, 'needs at least one item').max(500) }),
  TableBlock,
]);
export type Block = z.infer<typeof Block>;

/** A part under a section's heading (Heading 2), such as one treaty under "Ontwikkelingen per verdrag". */
export const Subsection = z.object({
  heading: Line(),
  blocks: z.array(Block).max(1_000),
});

/** A section under its heading (Heading 1): "Aanleiding", "Kern", "Het netwerk van verdragscoördinatoren". */
export const Section = z.object({
  heading: Line(),
  blocks: z.array(Block).max(1_000),
  subsections: z.array(Subsection).max(200).default([]),
});
export type Section = z.infer<typeof Section>;

const Sections = z.array(Section).min(1, 'needs at least one section').max(200);

/** A letter, such as the annual letter to the Tweede Kamer. */
export const Letter = z.object({
  kind: z.literal('letter'),
  sender: Sender,
  /** "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Postbus 20018", "2500 EA  DEN HAAG". */
  addressee: Lines(),
  place: Line(100),
  date: IsoDate,
  /** "Betreft". */
  subject: Line(500),
  /** "Onze referentie". */
  reference: Line(100),
  /** "Uw referentie", when the letter answers one. */
  yourReference: Line(100).optional(),
  sections: Sections,
  /** The closing lines under the letter ("De Minister van Binnenlandse Zaken en Koninkrijksrelaties,", the name). */
  signature: z.array(Line()).max(20).default([]),
});
export type Letter = z.infer<typeof Letter>;

/** The Dutch labels of a memo's fields, in the order the memo shows them. */
export const MEMO_FIELD_LABELS = {
  to: 'Aan',
  from: 'Van',
  via: 'Via',
  copyTo: 'Kopie aan',
  consultedWith: 'Afgestemd met',
  date: 'Datum',
  reference: 'Onze referentie',
  draftedBy: 'Opgesteld door',
  deadline: 'Plandatum/Deadline',
} as const;

/** The fixed fields at the top of a memo. */
export const MemoFields = z.object(
  {
    to: Lines(MEMO_FIELD_LABELS.to),
    from: Lines(MEMO_FIELD_LABELS.from),
    via: Lines().optional(),
    copyTo: Lines().optional(),
    consultedWith: Lines().optional(),
    date: z.iso.date({
      error: (issue) => missing(MEMO_FIELD_LABELS.date)(issue) ?? 'must be a date written as YYYY-MM-DD',
    }),
    reference: Line(100).optional(),
    draftedBy: Lines().optional(),
    /** When the minister's decision is needed, and for what ("Kamer", "MR"). */
    deadline: z.object({ date: IsoDate, note: Line(200).optional() }).optional(),
  },
  { error: (issue) => (issue.input === undefined ? '"Aan", "Van" and "Datum" are required' : undefined) },
);
export type MemoFields = z.infer<typeof MemoFields>;

/** What the memo asks of its addressee: shown as "TER BESLISSING" or "TER INFORMATIE". */
export const MemoPurpose = z.enum(['decision', 'information'], {
  error: (issue) => missing('TER BESLISSING / TER INFORMATIE')(issue) ?? 'must be decision or information',
});
export type MemoPurpose = z.infer<typeof MemoPurpose>;
export const MEMO_PURPOSE_LABELS: Record<MemoPurpose, string> = {
  decision: 'TER BESLISSING',
  information: 'TER INFORMATIE',
};

/** An attachment of a memo: a row of its "Bijlagen" table, numbered in order. */
export const MemoAttachment = z.object({
  /** "Kabinetsbrief over ontwikkelingen rond rapportages onder mensenrechtenverdragen". */
  name: Line(500),
  /** What is asked about it ("Ter ondertekening en verzending", "Ter informatie"). */
  information: z.string().trim().max(500).default(''),
});

/**
 * A memo ("nota") to a minister or state secretary: its fields, the purpose, the title, the
 * sections (Aanleiding, Geadviseerd besluit, Kern, Toelichting, Krachtenveld, Informatie die niet
 * openbaar gemaakt kan worden) and the table of attachments.
 */
export const Memo = z.object({
  kind: z.literal('memo'),
  sender: Sender,
  fields: MemoFields,
  purpose: MemoPurpose,
  title: z
    .string({ error: missing('Titel') })
    .trim()
    .min(1, 'must not be empty')
    .max(500),
  sections: Sections,
  attachments: z.array(MemoAttachment).max(100).default([]),
});
export type Memo = z.infer<typeof Memo>;

/**
 * A document in the UN's layout, in English, as the state's addendum to its UPR working group
 * report ("A/HRC/52/15/Add.1"): the symbol, distribution, date and original language at the top
 * right, the body and session at the left, a centred title block and numbered paragraphs.
 */
export const UnDocument = z.object({
  kind: z.literal('un_document'),
  /** "A/HRC/52/15/Add.1". */
  symbol: Line(100),
  /** "General". */
  distribution: Line(100).default('General'),
  date: IsoDate,
  /** The language the document was written in: "Original: English". */
  original: Line(100).default('English'),
  /** "United Nations" or "General Assembly" above the symbol. */
  organ: Line(100).default('General Assembly'),
  /** The body and its session: "Human Rights Council", "Fifty-second session", "Agenda item 6", "Universal periodic review". */
  sessionLines: z.array(Line()).max(10).default([]),
  /** The title block, a line each: "Report of the Working Group …", "Netherlands (Kingdom of the)", "Addendum", … */
  titleLines: z.array(Line(500)).min(1, 'needs at least one line').max(10),
  sections: Sections,
  font: Line(64).default('Times New Roman'),
  /** "Page X of Y" at the bottom of every page; false: no page furniture. */
  pageNumbers: z.boolean().default(true),
});
export type UnDocument = z.infer<typeof UnDocument>;

/**
 * A report, such as the annual human rights report: a title page (the logo, the title, the subtitle,
 * the sender and the month) and its chapters; neither addressed nor signed.
 */
export const Report = z.object({
  kind: z.literal('report'),
  sender: Sender,
  title: Line(500),
  /** "Rapportage over 2025". */
  subtitle: z.string().trim().max(500).default(''),
  date: IsoDate,
  sections: Sections,
});
export type Report = z.infer<typeof Report>;

/** Any document the layout engine renders. */
export const LetterDocument = z.discriminatedUnion('kind', [Letter, Memo, UnDocument, Report]);
export type LetterDocument = z.infer<typeof LetterDocument>;
export type LetterDocumentInput = z.input<typeof LetterDocument>;
