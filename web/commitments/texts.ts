/** Registers the texts of the commitments pages (Dutch and English) when those pages load. */
import { commitmentsEn } from '../i18n/commitments-en.ts';
import { commitmentsNl } from '../i18n/commitments-nl.ts';
import { registerFeatureTexts } from '../i18n/index.tsx';

registerFeatureTexts({ nl: commitmentsNl, en: commitmentsEn });
