/** Registers the texts of the financial annex (Dutch and English) when its page loads. */
import { annexEn } from '../i18n/report-annex-en.ts';
import { annexNl } from '../i18n/report-annex-nl.ts';
import { registerFeatureTexts } from '../i18n/index.tsx';

registerFeatureTexts({ nl: annexNl, en: annexEn });
