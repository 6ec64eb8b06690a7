/**
 * What Woo publication takes from the document workspace (src/letters/): a document as the layout
 * engine's document, the installation's logo, and the PDF of a document.
 */
import type { Queryable } from '../core/db.ts';
import { letterSender, printable } from '../letters/export.ts';
import type { LetterDocument } from '../letters/schema.ts';

/** The document of the workspace with this id, laid out as it would be printed now, and its language. */
export async function letterDocumentOf(
  q: Queryable,
  id: string,
): Promise<{ letter: LetterDocument; language: 'nl' | 'en' }> {
  const p = await printable(q, id);
  return { letter: p.document, language: p.language };
}

/** The logo the installation prints on its letters, if it set one. */
export const installationLogo = async (q: Queryable): Promise<Uint8Array | undefined> =>
  (await letterSender(q)).logo;

/** An accessible PDF of a document (Chromium; refused with letter.pdf_unavailable without it). */
export async function renderPdf(letter: LetterDocument, language: 'nl' | 'en'): Promise<Uint8Array> {
  // Loaded at the first PDF, not at the server's start.
  const [{ renderPdf: print }, { renderHtml }] = await Promise.all([
    import('../letters/pdf.ts'),
    import('../letters/html.ts'),
  ]);
  return print(renderHtml(letter, language), language);
}

/** The document without the logo's bytes: a public version is stored without them. */
export function withoutLogo(letter: LetterDocument): LetterDocument {
  if (!('sender' in letter) || !letter.sender.logo) return letter;
  const { logo: _logo, ...sender } = letter.sender;
  return { ...letter, sender } as LetterDocument;
}
