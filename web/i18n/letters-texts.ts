/**
 * Registers the letters pages' texts (Dutch and English) with the i18n provider. Imported by those
 * pages, so the texts load with them and not with the first page.
 */
import { lettersEn } from './letters-en.ts';
import { lettersNl } from './letters-nl.ts';
import { registerFeatureTexts } from './index.tsx';

registerFeatureTexts({ nl: lettersNl, en: lettersEn });
