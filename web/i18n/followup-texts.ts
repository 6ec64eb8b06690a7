/**
 * Registers the follow-up pages' texts (Dutch and English) with the i18n provider. Imported by those
 * pages, so the texts load with them and not with the first page.
 */
import { followUpEn } from './followup-en.ts';
import { followUpNl } from './followup-nl.ts';
import { registerFeatureTexts } from './index.tsx';

registerFeatureTexts({ nl: followUpNl, en: followUpEn });
