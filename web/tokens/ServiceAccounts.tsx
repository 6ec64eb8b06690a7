import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  SERVICE_ACCOUNT_ROLES,
  type ServiceAccount,
  type ServiceAccountRole,
} from '../../src/tokens/schema.ts';
import { fmt } from '../i18n/index.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormPanel, SelectField, TextField, useForm } from '../components/form/index.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { createServiceAccount, createServiceToken, TOKENS_KEY, useServiceAccounts } from './api.ts';
import { TokenForm } from './TokenForm.tsx';
import { TokenTable } from './TokenTable.tsx';
import { useTokenTexts } from './texts.ts';

/** The administrator's section: service accounts of organisations, and their tokens. */
export function ServiceAccounts() {
  const x = useTokenTexts();
  const list = useServiceAccounts(true);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Paragraph>{x.serviceIntro}</Paragraph>
      {creating ? (
        <ServiceAccountForm onDone={() => setCreating(false)} />
      ) : (
        <Button appearance="secondary-action-button" type="button" onClick={() => setCreating(true)}>
          {x.newService}
        </Button>
      )}
      <QueryState query={list} />
      {list.data &&
        (list.data.items.length === 0 ? (
          <Paragraph>{x.noServices}</Paragraph>
        ) : (
          list.data.items.map((a) => <Account key={a.id} account={a} />)
        ))}
    </>
  );
}

function Account({ account: a }: { account: ServiceAccount }) {
  const x = useTokenTexts();
  const [creating, setCreating] = useState(false);
  const title = `${a.name} (${x.roles[a.role]}${a.organisationCode ? `, ${a.organisationCode}` : ''}${
    a.active ? '' : `, ${x.disabled}`
  })`;
  return (
    <section aria-labelledby={`sa-${a.id}`} className="rd-section" data-testid={`service-account-${a.name}`}>
      <Heading level={3} id={`sa-${a.id}`}>
        {title}
      </Heading>
      {a.tokens.length > 0 && (
        <TokenTable
          tokens={a.tokens}
          caption={fmt(x.serviceTokens, { name: a.name, total: a.tokens.length })}
          id={`sa-tokens-${a.id}`}
          testId={`sa-tokens-${a.id}`}
        />
      )}
      {a.active &&
        (creating ? (
          <TokenForm
            title={fmt(x.newServiceToken, { name: a.name })}
            testId={`sa-token-form-${a.id}`}
            headingLevel={4}
            create={(body) => createServiceToken(a.id, body)}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <Button appearance="secondary-action-button" type="button" onClick={() => setCreating(true)}>
            {fmt(x.newServiceToken, { name: a.name })}
          </Button>
        ))}
    </section>
  );
}

function ServiceAccountForm({ onDone }: { onDone: () => void }) {
  const x = useTokenTexts();
  const qc = useQueryClient();
  const organisations = useOrganisationOptions(x.chooseOrganisation);
  const form = useForm(
    { name: '', role: 'contributor' as string, organisationId: '' },
    {
      validate: (v) => ({
        ...(v.name.trim() ? {} : { name: x.nameRequired }),
        ...(v.organisationId ? {} : { organisationId: x.organisationRequired }),
      }),
      action: (v) =>
        createServiceAccount({
          name: v.name,
          role: v.role as ServiceAccountRole,
          organisationId: v.organisationId,
        }),
      success: x.serviceCreated,
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: TOKENS_KEY });
        onDone();
      },
    },
  );
  return (
    <FormPanel
      title={x.newService}
      headingLevel={3}
      panel
      focusOnMount
      submit={form}
      submitLabel={x.createService}
      onCancel={onDone}
      narrow
    >
      <TextField label={x.serviceName} required {...form.field('name')} />
      <SelectField
        label={x.role}
        required
        {...form.field('role')}
        options={SERVICE_ACCOUNT_ROLES.map((r) => ({ value: r, label: x.roles[r] }))}
      />
      <SelectField
        label={x.organisation}
        required
        {...form.field('organisationId')}
        options={organisations}
      />
    </FormPanel>
  );
}
