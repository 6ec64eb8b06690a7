import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { CreatedAccessToken, TokenCreate, TokenScope } from '../../src/tokens/schema.ts';
import { TOKEN_SCOPES } from '../../src/tokens/schema.ts';
import {
  DateField,
  FormFeedback,
  FormPanel,
  RadioField,
  TextField,
  useForm,
  useSubmit,
} from '../components/form/index.ts';
import { TOKENS_KEY } from './api.ts';
import { useTokenTexts } from './texts.ts';

/** Today plus `days`, as YYYY-MM-DD (the default expiry). */
function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Making a token: name, expiry date, scope. Once made, the token is shown once (with a copy button
 * and the warning) until the user says it is stored.
 */
export function TokenForm(props: {
  title: string;
  testId: string;
  /** The level of the form's heading, below the section it opens in. */
  headingLevel: 2 | 3 | 4;
  create: (body: TokenCreate) => Promise<CreatedAccessToken>;
  onCancel: () => void;
}) {
  const x = useTokenTexts();
  const qc = useQueryClient();
  const [made, setMade] = useState<CreatedAccessToken | null>(null);
  const form = useForm(
    { name: '', expiresOn: inDays(90), scope: 'read' as string },
    {
      validate: (v) => ({
        ...(v.name.trim() ? {} : { name: x.nameRequired }),
        ...(v.expiresOn ? {} : { expiresOn: x.expiresRequired }),
      }),
      action: (v) => props.create({ name: v.name, expiresOn: v.expiresOn, scope: v.scope as TokenScope }),
      success: x.created,
      onSuccess: async (created) => {
        setMade(created);
        await qc.invalidateQueries({ queryKey: TOKENS_KEY });
      },
    },
  );
  if (made)
    return <NewToken token={made} onDone={props.onCancel} testId={props.testId} level={props.headingLevel} />;
  return (
    <FormPanel
      title={props.title}
      headingLevel={props.headingLevel}
      panel
      focusOnMount
      submit={form}
      submitLabel={x.create}
      onCancel={props.onCancel}
      testId={props.testId}
      narrow
    >
      <TextField label={x.name} hint={x.nameHint} required {...form.field('name')} />
      <DateField label={x.expiresOn} hint={x.expiresHint} required {...form.field('expiresOn')} />
      <RadioField
        label={x.scope}
        required
        {...form.field('scope')}
        options={TOKEN_SCOPES.map((s) => ({ value: s, label: x.scopes[s] }))}
      />
    </FormPanel>
  );
}

/** The token just made: shown this once, with a copy button and the warning. */
function NewToken(props: {
  token: CreatedAccessToken;
  onDone: () => void;
  testId: string;
  level: 2 | 3 | 4;
}) {
  const x = useTokenTexts();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = useSubmit({
    action: () =>
      navigator.clipboard.writeText(props.token.token).catch(() => {
        throw new Error(x.copyFailed);
      }),
    success: x.copied,
  });
  return (
    <section
      className="rd-panel"
      aria-labelledby={`${props.testId}-made`}
      data-testid={`${props.testId}-made`}
    >
      <Alert type="warning" role="status">
        <Heading level={props.level} id={`${props.testId}-made`} tabIndex={-1} ref={heading}>
          {x.shownOnceTitle}
        </Heading>
        <Paragraph>{x.shownOnce}</Paragraph>
      </Alert>
      <TextField
        label={x.tokenLabel}
        name="new-token"
        value={props.token.token}
        onChange={() => undefined}
        readOnly
        onFocus={(e: FocusEvent<HTMLInputElement>) => e.currentTarget.select()}
        testId="new-token"
      />
      <ButtonGroup>
        <Button appearance="secondary-action-button" type="button" onClick={() => void copy.run()}>
          {x.copy}
        </Button>
        <Button appearance="primary-action-button" type="button" onClick={props.onDone}>
          {x.done}
        </Button>
      </ButtonGroup>
      <FormFeedback submit={copy} />
    </section>
  );
}
