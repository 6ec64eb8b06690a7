import { useQuery } from '@tanstack/react-query';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Consultation } from '../../src/consultations/schema.ts';
import type { Instrument } from '../../src/instruments/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { QueryTable } from '../components/QueryTable.tsx';
import { useEditor } from '../components/form/index.ts';
import { AppLink, PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { ConsultationForm } from './ConsultationForm.tsx';
import { consultationTitle, StatusMarker } from './shared.tsx';
import { formatAmsterdam } from './time.ts';

/** The instruments whose rounds the user may open: those the server says they may edit. */
function useEditableInstruments() {
  const me = useMe().data;
  const instruments = useQuery({
    queryKey: ['instruments', 'all'],
    queryFn: () => api<Page<Instrument>>('GET', `/api/instruments${qs({ pageSize: 500 })}`),
    enabled: Boolean(me),
  });
  return (instruments.data?.items ?? []).filter((i) => i.abilities.edit);
}

export function ConsultationsPage() {
  const { t, lang, cycle: cycleName } = useI18n();
  useDocumentTitle(t.consultations.title);
  const editable = useEditableInstruments();
  const editor = useEditor<'new'>();
  const list = useQuery({
    queryKey: ['consultations'],
    queryFn: () => api<Page<Consultation>>('GET', `/api/consultations${qs({ pageSize: 200 })}`),
  });
  const locale = t.meta.locale;

  return (
    <>
      <PageTitle>{t.consultations.title}</PageTitle>
      <Paragraph appearance="lead">{t.consultations.intro}</Paragraph>
      {editable.length > 0 && editor.value === null && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
            {t.consultations.newButton}
          </Button>
        </Paragraph>
      )}
      {editable.length > 0 && editor.value && (
        <ConsultationForm instruments={editable} onClose={editor.close} />
      )}
      <QueryTable
        query={list}
        empty={t.consultations.none}
        captionId="consultations-caption"
        caption={t.consultations.caption}
        columns={[
          t.consultations.consultation,
          t.consultations.instrument,
          t.consultations.cycle,
          t.consultations.opensAt,
          t.consultations.closesAt,
          t.consultations.status,
        ]}
        testId="consultations-table"
        intro={<Paragraph className="rd-subtle">{t.consultations.timeZoneNote}</Paragraph>}
        row={(c) => (
          <TableRow key={c.id}>
            <TableHeaderCell scope="row">
              <AppLink to="/consultations/$id" params={{ id: c.id }}>
                {consultationTitle(c, lang)}
              </AppLink>
            </TableHeaderCell>
            <TableCell>{c.instrumentShortName}</TableCell>
            <TableCell>{cycleName(c.cycleLabel)}</TableCell>
            <TableCell>{formatAmsterdam(c.opensAt, locale)}</TableCell>
            <TableCell>{formatAmsterdam(c.closesAt, locale)}</TableCell>
            <TableCell>
              <StatusMarker status={c.status} />
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
}
