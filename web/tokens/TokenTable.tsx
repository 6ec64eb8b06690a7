import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { AccessToken } from '../../src/tokens/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { revokeToken, TOKENS_KEY } from './api.ts';
import { useTokenTexts } from './texts.ts';

/** A list of tokens: name, prefix, scope, expiry, last use, status; revoked after a confirmation. */
export function TokenTable(props: { tokens: AccessToken[]; caption: string; id: string; testId: string }) {
  const x = useTokenTexts();
  const { dateTime } = useI18n();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState<AccessToken | null>(null);
  const revoke = useSubmit({
    action: (t: AccessToken) => revokeToken(t),
    success: (_r, t) => fmt(x.revoked, { name: t.name }),
    onSuccess: async () => {
      setConfirming(null);
      await qc.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  return (
    <>
      <FormFeedback submit={revoke} focusSuccess successTestId={`${props.testId}-notice`} />
      <DataTable
        captionId={props.id}
        caption={props.caption}
        testId={props.testId}
        columns={[x.name, x.prefix, x.scope, x.expires, x.lastUsed, x.status, x.actions]}
      >
        {props.tokens.map((t) => (
          <TableRow key={t.id} data-testid={`token-${t.name}`}>
            <TableHeaderCell scope="row">{t.name}</TableHeaderCell>
            <TableCell>
              <code>{t.prefix}…</code>
            </TableCell>
            <TableCell>{x.scopes[t.scope]}</TableCell>
            <TableCell>{dateTime(t.expiresAt)}</TableCell>
            <TableCell>{t.lastUsedAt ? dateTime(t.lastUsedAt) : x.never}</TableCell>
            <TableCell>{x.statuses[t.status]}</TableCell>
            <TableCell>
              {t.abilities.revoke &&
                (confirming?.id === t.id ? (
                  <Confirmation
                    question={fmt(x.revokeQuestion, { name: t.name })}
                    yes={x.revokeYes}
                    submit={{ ...revoke, run: () => revoke.run(t) }}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  <Button appearance="subtle-button" type="button" onClick={() => setConfirming(t)}>
                    {x.revoke}
                    <span className="rd-visually-hidden"> ({t.name})</span>
                  </Button>
                ))}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </>
  );
}
