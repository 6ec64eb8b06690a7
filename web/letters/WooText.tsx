import { useRef, useState } from 'react';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { WOO_GROUNDS, type AddedSpan, type WooGround } from '../../src/woo/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import {
  FormPanel,
  SelectField,
  TextField,
  useForm,
  type FieldErrors,
  type Form,
} from '../components/form/index.ts';
import { occurrences, pieces, type Span } from './redactions.ts';

const GROUND_OPTIONS = WOO_GROUNDS.map((g) => ({ value: g, label: g }));
const groundOf = (v: string): WooGround => WOO_GROUNDS.find((g) => g === v) ?? '5.1.2e';

/**
 * The document's text with every finding and added span marked, and two ways to add a span: select
 * text with the mouse (or the keyboard's selection) and choose a ground, or type the exact text.
 * The text element holds nothing but the text, so that a selection's offsets are the text's.
 */
export function WooText(props: {
  text: string;
  spans: Span[];
  may: boolean;
  busy: boolean;
  onAdd(added: AddedSpan[]): Promise<void>;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);
  const [ground, setGround] = useState<WooGround>('5.1.2e');
  const readSelection = () => {
    const box = ref.current;
    const sel = window.getSelection();
    if (!box || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const end = start + range.toString().length;
    if (end > start) setSelected({ start, end });
  };
  const labels = { redact: t.woo.redact, keep: t.woo.keep, proposed: t.woo.proposed, added: t.woo.added };
  return (
    <section aria-labelledby="woo-text-heading">
      <Heading level={3} id="woo-text-heading">
        {t.woo.textHeading}
      </Heading>
      <Paragraph>{t.woo.textHelp}</Paragraph>
      <div
        ref={ref}
        className="rd-woo-text"
        tabIndex={0}
        role="region"
        aria-labelledby="woo-text-heading"
        data-testid="woo-text"
        onMouseUp={readSelection}
        onKeyUp={readSelection}
      >
        {pieces(props.text.length, props.spans).map((p) => {
          const part = props.text.slice(p.start, p.end);
          return p.mark ? (
            <mark key={p.start} className={`rd-woo-mark rd-woo-mark--${p.mark}`} title={labels[p.mark]}>
              {part}
            </mark>
          ) : (
            part
          );
        })}
      </div>
      {props.may && selected && (
        <div className="rd-panel" data-testid="woo-selection">
          <Paragraph>
            {fmt(t.woo.selection, { text: props.text.slice(selected.start, selected.end) })}
          </Paragraph>
          <SelectField
            label={t.woo.ground}
            name="selection-ground"
            value={ground}
            onChange={(v) => setGround(groundOf(v))}
            options={GROUND_OPTIONS}
          />
          <Button
            appearance="primary-action-button"
            type="button"
            busy={props.busy}
            onClick={() => void props.onAdd([{ ...selected, ground }]).then(() => setSelected(null))}
          >
            {t.woo.addSelection}
          </Button>
        </div>
      )}
      {props.may && <ExactTextForm text={props.text} onAdd={props.onAdd} />}
    </section>
  );
}

/** The keyboard's way: the exact text to redact; every place it occurs is added. */
function ExactTextForm(props: { text: string; onAdd(added: AddedSpan[]): Promise<void> }) {
  const { t } = useI18n();
  const form: Form<{ exact: string; ground: string }> = useForm(
    { exact: '', ground: '5.1.2e' },
    {
      validate: (v): FieldErrors =>
        occurrences(props.text, v.exact).length > 0 ? {} : { exact: t.woo.notInText },
      action: (v) =>
        props.onAdd(occurrences(props.text, v.exact).map((o) => ({ ...o, ground: groundOf(v.ground) }))),
      onSuccess: (): void => form.setValues({ exact: '', ground: form.values.ground }),
    },
  );
  return (
    <FormPanel
      title={t.woo.addText}
      headingLevel={4}
      intro={<Paragraph>{t.woo.addTextIntro}</Paragraph>}
      submit={form}
      submitLabel={t.woo.addText}
      showSuccess={false}
      testId="woo-exact-form"
    >
      <TextField label={t.woo.exactText} {...form.field('exact')} required />
      <SelectField label={t.woo.ground} options={GROUND_OPTIONS} {...form.field('ground')} />
    </FormPanel>
  );
}
