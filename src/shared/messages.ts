/**
 * The texts of every error code, in Dutch and English, for the browser app: the server answers
 * with `code` and `params` (and an English `detail`), and the app shows the text of the user's
 * language from this catalogue. Each feature declares its errors in src/<feature>/errors.ts.
 */
import { errors, type MessageCatalogue } from '../core/errors.ts';

export const messages: MessageCatalogue = {
  ...errors.catalogue,
};
