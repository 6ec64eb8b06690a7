import { useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useNavigate, type NavigateOptions } from '@tanstack/react-router';
import { Button } from '@utrecht/component-library-react';
import { Confirmation } from './Confirmation.tsx';
import { FormFeedback, useSubmit } from './form/index.ts';

/**
 * Deleting one object from its page: a button, then a confirmation that names it; after the delete
 * the lists it was in are refreshed and the user is taken to `to`, where the message is shown. A
 * failure is shown here, above the buttons.
 */
export function DeleteWithConfirmation(props: {
  /** The test id of the whole block ("action-delete"). */
  testId: string;
  /** The first button ("Delete action"). */
  label: string;
  /** The confirmation, naming what is deleted and what goes with it. */
  question: string;
  /** The button that deletes. */
  yes: string;
  /** The message after the delete, shown on the page navigated to. */
  success: string;
  remove: () => Promise<void>;
  /** The queries that showed the object. */
  invalidate: readonly QueryKey[];
  to: NavigateOptions['to'];
}) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const del = useSubmit<void>({
    action: props.remove,
    success: props.success,
    onSuccess: async (_r, message) => {
      for (const queryKey of props.invalidate) await qc.invalidateQueries({ queryKey });
      await navigate({ to: props.to, state: { notice: message ?? undefined } });
    },
  });
  return (
    <div data-testid={props.testId}>
      <FormFeedback submit={del} showSuccess={false} />
      {confirming ? (
        <Confirmation
          question={props.question}
          yes={props.yes}
          submit={del}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <Button appearance="subtle-button" type="button" onClick={() => setConfirming(true)}>
          {props.label}
        </Button>
      )}
    </div>
  );
}
