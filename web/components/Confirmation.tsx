import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import type { Submit } from './form/index.ts';

/**
 * The second step of a weighty change: a question that says what will happen, a button that does
 * it (busy while it runs) and one that cancels. Nothing is sent before the first button is pressed.
 */
export function Confirmation(props: {
  question: string;
  yes: string;
  submit: Submit;
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const { submit } = props;
  return (
    <div className="rd-fu-confirm" data-testid={props.testId}>
      <Paragraph>
        <strong>{props.question}</strong>
      </Paragraph>
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          type="button"
          busy={submit.busy}
          disabled={submit.busy}
          onClick={() => void submit.run()}
        >
          {props.yes}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={props.onCancel}>
          {t.common.cancel}
        </Button>
      </ButtonGroup>
    </div>
  );
}
