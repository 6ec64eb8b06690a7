/**
 * Schemas of the redaction of a document for publication under the Woo (Wet open overheid): what
 * was found in its text, what the reviewer decided and what was added by hand. Positions are
 * offsets in UTF-16 code units into the plain text of the document, end exclusive, as JavaScript's
 * string functions count them.
 */
import { z } from 'zod';

/**
 * The grounds of the Woo for leaving information out that a reviewer most often cites, written as
 * the redaction marker shows them: "5.1.2e" is article 5.1, second paragraph, under e.
 */
export const WOO_GROUNDS = [
  '5.1.1a', // the unity of the Crown
  '5.1.1b', // the security of the State
  '5.1.1c', // company and manufacturing data given in confidence
  '5.1.1d', // special categories of personal data
  '5.1.1e', // national identification numbers
  '5.1.2a', // relations of the Netherlands with other states and international organisations
  '5.1.2b', // economic or financial interests of the State
  '5.1.2c', // investigation and prosecution of criminal offences
  '5.1.2d', // inspection, control and supervision by public bodies
  '5.1.2e', // respect for privacy (the personal data of civil servants and others)
  '5.1.2f', // competitively sensitive company and manufacturing data
  '5.1.2h', // the security of persons and companies, and the prevention of sabotage
  '5.1.2i', // the proper functioning of the State
  '5.1.5', // disproportionate harm
  '5.2.1', // personal policy views in documents for internal consultation
] as const;
export const WooGround = z.enum(WOO_GROUNDS);
export type WooGround = z.infer<typeof WooGround>;

/** The ground of every finding of personal data. */
export const PERSONAL_DATA_GROUND = '5.1.2e' satisfies WooGround;

export const FindingKind = z.enum(['name', 'email', 'phone']);
export type FindingKind = z.infer<typeof FindingKind>;

/** Where a finding came from: a name, address or number the app knows, or a pattern in the text. */
export const FindingSource = z.enum(['known', 'pattern']);
export type FindingSource = z.infer<typeof FindingSource>;

/**
 * The reviewer's decision. A finding starts as 'proposed' and is redacted as long as it stays so:
 * only an explicit 'keep' leaves it in the public version.
 */
export const FindingDecision = z.enum(['proposed', 'redact', 'keep']);
export type FindingDecision = z.infer<typeof FindingDecision>;

const Offset = z.int().min(0);

const spanInOrder = (s: { start: number; end: number }, ctx: z.RefinementCtx) => {
  if (s.end <= s.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
};

/** A piece of personal data found in the text. */
export const Finding = z
  .object({
    /** Stable across runs over the same text: a hash of kind, start and text. */
    id: z.string().min(1).max(64),
    start: Offset,
    end: Offset,
    /** The text between start and end, so that a list is never applied to another text. */
    text: z.string().min(1),
    kind: FindingKind,
    source: FindingSource,
    ground: z.literal(PERSONAL_DATA_GROUND),
    decision: FindingDecision,
  })
  .superRefine(spanInOrder);
export type Finding = z.infer<typeof Finding>;

/** A span the reviewer marked by hand, with the ground that applies to it. */
export const AddedSpan = z
  .object({
    start: Offset,
    end: Offset,
    ground: WooGround,
  })
  .superRefine(spanInOrder);
export type AddedSpan = z.infer<typeof AddedSpan>;

/** The redaction list of one text: reviewed once every finding is decided and the reviewer says so. */
export const RedactionList = z.object({
  findings: z.array(Finding),
  added: z.array(AddedSpan),
  reviewed: z.boolean(),
});
export type RedactionList = z.infer<typeof RedactionList>;

/** What the app knows of its users: their names, e-mail addresses and phone numbers. */
export const KnownPersonalData = z.object({
  names: z.array(z.string().trim().min(1)),
  emails: z.array(z.string().trim().min(1)).optional(),
  phones: z.array(z.string().trim().min(1)).optional(),
});
export type KnownPersonalData = z.infer<typeof KnownPersonalData>;
