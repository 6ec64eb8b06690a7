import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormPanel, TextField, useFields, useSubmit, type FieldErrors } from '../components/form/index.ts';
import { addSector, annexKey, useSectors } from './annex-api.ts';
import './annex-texts.ts';

/** The DAC sectors whose IATI activities count for human rights, and the form to add one. */
export function AnnexSectors() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const sectors = useSectors();
  const fields = useFields({ code: '', label: '' });
  const submit = useSubmit({
    validate: (): FieldErrors => {
      const e: FieldErrors = {};
      if (!/^\d{5}$/.test(fields.values.code.trim())) e.code = t.annex.codeRequired;
      if (!fields.values.label.trim()) e.label = t.annex.labelRequired;
      return e;
    },
    action: () => addSector({ code: fields.values.code.trim(), label: fields.values.label.trim() }),
    success: (r) => fmt(t.annex.sectorAdded, { code: r.code }),
    onSuccess: async () => {
      fields.setValues({ code: '', label: '' });
      await qc.invalidateQueries({ queryKey: [...annexKey, 'sectors'] });
    },
  });
  return (
    <section aria-labelledby="annex-sectors" data-testid="annex-sectors">
      <Heading level={3} id="annex-sectors">
        {t.annex.sectors}
      </Heading>
      <Paragraph>{t.annex.sectorsIntro}</Paragraph>
      <QueryState query={sectors} />
      {sectors.data && (
        <DataTable
          captionId="annex-sectors-caption"
          caption={t.annex.sectorsCaption}
          columns={[t.annex.code, t.annex.label]}
          testId="annex-sector-table"
        >
          {sectors.data.map((s) => (
            <TableRow key={s.id}>
              <TableHeaderCell scope="row">
                <span className="rd-code">{s.code}</span>
              </TableHeaderCell>
              <TableCell>
                <span data-recorded="">{s.label}</span>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <FormPanel
        title={t.annex.addSector}
        headingLevel={4}
        narrow
        submit={submit}
        submitLabel={t.annex.addSector}
        testId="annex-add-sector"
      >
        <TextField
          label={t.annex.code}
          hint={t.annex.codeHint}
          required
          error={submit.fieldErrors.code}
          {...fields.field('code')}
        />
        <TextField
          label={t.annex.label}
          required
          error={submit.fieldErrors.label}
          {...fields.field('label')}
        />
      </FormPanel>
    </section>
  );
}
