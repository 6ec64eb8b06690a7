/** Registers the texts of the Human Rights Council pages (Dutch and English) when those pages load. */
import { hrcEn } from '../i18n/hrc-en.ts';
import { hrcNl } from '../i18n/hrc-nl.ts';
import { registerFeatureTexts } from '../i18n/index.tsx';

registerFeatureTexts({ nl: hrcNl, en: hrcEn });
