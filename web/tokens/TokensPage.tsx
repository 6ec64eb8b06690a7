import { useState } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { fmt } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { createToken, useTokens } from './api.ts';
import { ServiceAccounts } from './ServiceAccounts.tsx';
import { TokenForm } from './TokenForm.tsx';
import { TokenTable } from './TokenTable.tsx';
import { useTokenTexts } from './texts.ts';

/** The user's own access tokens; an administrator also manages service accounts here. */
export function TokensPage() {
  const x = useTokenTexts();
  return <SignedInPage title={x.title}>{() => <Content />}</SignedInPage>;
}

function Content() {
  const x = useTokenTexts();
  const list = useTokens();
  const [creating, setCreating] = useState(false);
  const data = list.data;
  return (
    <>
      <Paragraph appearance="lead">{x.intro}</Paragraph>
      {data?.abilities.create &&
        (creating ? (
          <TokenForm
            title={x.newToken}
            testId="token-form"
            headingLevel={2}
            create={createToken}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <Button appearance="primary-action-button" type="button" onClick={() => setCreating(true)}>
            {x.newToken}
          </Button>
        ))}
      <QueryState query={list} />
      {data &&
        (data.items.length === 0 ? (
          <Paragraph data-testid="tokens-none">{x.none}</Paragraph>
        ) : (
          <TokenTable
            tokens={data.items}
            caption={fmt(x.caption, { total: data.items.length })}
            id="tokens-caption"
            testId="tokens-table"
          />
        ))}
      {data?.abilities.manageServiceAccounts && (
        <section aria-labelledby="service-accounts-heading" className="rd-section">
          <Heading level={2} id="service-accounts-heading">
            {x.serviceTitle}
          </Heading>
          <ServiceAccounts />
        </section>
      )}
    </>
  );
}
