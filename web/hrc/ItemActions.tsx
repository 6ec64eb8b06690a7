/**
 * The buttons of one priority, resolution or year's results of a term: change it (the form opens in
 * its section) or remove it after a confirmation that names it; the version seen is sent, so a
 * change made by someone else meanwhile is refused rather than lost.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import type { Term } from '../../src/hrc/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { termKey } from './api.ts';
import './texts.ts';

export function ItemActions(props: {
  /** What the item is called in the buttons' names and the question: its title or year. */
  name: string;
  onEdit(): void;
  remove(): Promise<Term>;
  /** After the removal, with the message to show. */
  onRemoved(message: string | null): void;
  testId?: string;
}) {
  const { t } = useI18n();
  const h = t.hrc;
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const del = useSubmit<Term>({
    action: props.remove,
    success: fmt(h.removed, { name: props.name }),
    onSuccess: async (r, message) => {
      qc.setQueryData(termKey(r.id), r);
      await qc.invalidateQueries({ queryKey: ['hrc'] });
      props.onRemoved(message);
    },
  });
  return (
    <div className="rd-hrc-item-actions" data-testid={props.testId}>
      <FormFeedback submit={del} showSuccess={false} />
      {confirming ? (
        <Confirmation
          question={fmt(h.removeQuestion, { name: props.name })}
          yes={h.removeYes}
          submit={del}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <ButtonGroup>
          <Button
            appearance="subtle-button"
            type="button"
            aria-label={fmt(h.editLabel, { name: props.name })}
            onClick={props.onEdit}
          >
            {h.edit}
          </Button>
          <Button
            appearance="subtle-button"
            type="button"
            aria-label={fmt(h.removeLabel, { name: props.name })}
            onClick={() => setConfirming(true)}
          >
            {h.remove}
          </Button>
        </ButtonGroup>
      )}
    </div>
  );
}
