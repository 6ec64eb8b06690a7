import { useNavigate } from '@tanstack/react-router';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { useTerms } from './api.ts';
import { TermForm } from './forms.tsx';
import './texts.ts';

/** The Kingdom's terms on the Human Rights Council; BZ's and BZK's coordinators record a new one. */
export function TermsPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.hrc.title}>{() => <Content />}</SignedInPage>;
}

function Content() {
  const { t, date } = useI18n();
  const h = t.hrc;
  const list = useTerms();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const data = list.data;
  return (
    <>
      <Paragraph appearance="lead">{h.intro}</Paragraph>
      {data?.abilities.edit &&
        (creating ? (
          <TermForm
            onDone={(message, saved) => {
              setCreating(false);
              if (saved)
                void navigate({
                  to: '/mensenrechtenraad/$id',
                  params: { id: saved.id },
                  state: { notice: message ?? undefined },
                });
            }}
          />
        ) : (
          <Button appearance="secondary-action-button" type="button" onClick={() => setCreating(true)}>
            {h.newTerm}
          </Button>
        ))}
      <QueryState query={list} />
      {data &&
        (data.items.length === 0 ? (
          <Paragraph data-testid="hrc-none">{h.none}</Paragraph>
        ) : (
          <DataTable
            captionId="hrc-terms-caption"
            caption={fmt(h.caption, { total: data.items.length })}
            testId="hrc-terms-table"
            columns={[h.term, h.status, h.electionDate, h.votesReceived]}
          >
            {data.items.map((x) => (
              <TableRow key={x.id}>
                <TableHeaderCell scope="row">
                  <AppLink to="/mensenrechtenraad/$id" params={{ id: x.id }}>
                    {fmt(h.termTitle, { start: x.startYear, end: x.endYear })}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>{h.statuses[x.status]}</TableCell>
                <TableCell>{x.electionDate ? date(x.electionDate) : t.common.none}</TableCell>
                <TableCell>{x.votesReceived ?? t.common.none}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        ))}
    </>
  );
}
