import { defineErrors } from '../../core/errors.ts';

/** Errors of `rightsdesk suggest` (printed as "Error: <English text>"). */
export const suggestErrors = defineErrors('suggest', {
  unreadable_file: {
    status: 400,
    en: (p: { file: string }) => `Cannot read ${p.file}: check the path.`,
    nl: (p: { file: string }) => `Het bestand ${p.file} kan niet worden gelezen. Controleer het pad.`,
  },
  csv_columns: {
    status: 400,
    en: (p: { file: string; missing: string }) =>
      `${p.file} has no column ${p.missing}: give a CSV with a header row naming at least the columns id and text (as UPR Info's export does).`,
    nl: (p: { file: string; missing: string }) =>
      `${p.file} heeft geen kolom ${p.missing}. Geef een CSV met een kopregel met ten minste de kolommen id en text (zoals de export van UPR Info).`,
  },
  bad_json: {
    status: 400,
    en: (p: { file: string; reason: string }) =>
      `${p.file} is not valid JSON (${p.reason}): give the output of "rightsdesk parse FILE --format json" or a CSV.`,
    nl: (p: { file: string; reason: string }) =>
      `${p.file} is geen geldige JSON (${p.reason}). Geef de uitvoer van "rightsdesk parse BESTAND --format json" of een CSV.`,
  },
  json_shape: {
    status: 400,
    en: (p: { file: string }) =>
      `${p.file} is JSON but not the output of "rightsdesk parse FILE --format json": it needs a list "recommendations" with a "paragraph" and a "text" each.`,
    nl: (p: { file: string }) =>
      `${p.file} is JSON, maar niet de uitvoer van "rightsdesk parse BESTAND --format json": er hoort een lijst "recommendations" in met per aanbeveling een "paragraph" en een "text".`,
  },
});
