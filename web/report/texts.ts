/** Registers the texts of the results framework (Dutch and English) when its page loads. */
import { reportEn } from '../i18n/report-en.ts';
import { reportNl } from '../i18n/report-nl.ts';
import { registerFeatureTexts } from '../i18n/index.tsx';

registerFeatureTexts({ nl: reportNl, en: reportEn });
