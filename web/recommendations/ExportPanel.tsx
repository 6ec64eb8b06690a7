import { useState } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type ExportColumn,
} from '../../src/recommendations/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { qs } from '../lib/api.ts';
import { DownloadLinks } from '../components/DownloadLinks.tsx';
import { CheckboxField } from '../components/form/index.ts';

const COLUMNS_KEY = 'rightsdesk.recommendations.exportColumns';

/** The columns chosen last time (remembered in this browser), else the API's default columns. */
function loadColumns(): readonly ExportColumn[] {
  try {
    const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(stored)) return EXPORT_COLUMNS.filter((c) => stored.includes(c));
  } catch {
    /* nothing remembered */
  }
  return DEFAULT_EXPORT_COLUMNS;
}

/** Downloads of the current search as CSV, Excel or JSON, with the columns the user picks. */
export function ExportPanel({ filters }: { filters: Record<string, string> }) {
  const { t, lang } = useI18n();
  const [columns, setColumns] = useState(loadColumns);
  const toggle = (c: ExportColumn, on: boolean) => {
    const next = EXPORT_COLUMNS.filter((x) => (x === c ? on : columns.includes(x)));
    setColumns(next);
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
    } catch {
      /* not remembered, still used */
    }
  };
  const href = (ext: string) =>
    `/api/recommendations/export.${ext}${qs({ ...filters, columns: columns.join(','), lang })}`;
  return (
    <section className="rd-panel" aria-labelledby="rec-export-heading">
      <Heading level={2} id="rec-export-heading">
        {t.recommendations.exportHeading}
      </Heading>
      <Paragraph>{t.recommendations.exportIntro}</Paragraph>
      <Fieldset>
        <FieldsetLegend>{t.recommendations.columnsLegend}</FieldsetLegend>
        <FormFieldDescription>{t.recommendations.columnsHint}</FormFieldDescription>
        <div className="rd-checkbox-columns" data-testid="export-columns">
          {EXPORT_COLUMNS.map((c) => (
            <CheckboxField
              key={c}
              name={`column-${c}`}
              label={t.recommendations.columns[c] ?? c}
              checked={columns.includes(c)}
              onChange={(on) => toggle(c, on)}
            />
          ))}
        </div>
      </Fieldset>
      {columns.length === 0 ? (
        <Paragraph role="alert">{t.recommendations.noColumns}</Paragraph>
      ) : (
        <DownloadLinks
          links={[
            { href: href('csv'), label: t.recommendations.exportCsv },
            { href: href('xlsx'), label: t.recommendations.exportXlsx },
            { href: href('json'), label: t.recommendations.exportJson },
          ]}
        />
      )}
    </section>
  );
}
