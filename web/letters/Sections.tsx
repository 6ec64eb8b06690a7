import { useState } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { WorkspaceDocument, WorkspaceSection } from '../../src/letters/workspace-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import {
  CheckboxField,
  FormFeedback,
  FormPanel,
  SelectField,
  TextAreaField,
  TextField,
  useEditor,
  useForm,
  useSubmit,
} from '../components/form/index.ts';
import { SuccessNotice } from '../components/feedback.tsx';
import { useSaveLetter } from './api.ts';
import { contentToText, tablesOf, textToContent } from './blocks.ts';
import { BlocksView, TableView } from './BlocksView.tsx';

/** The sections in order, each with its origin, and what the user may do with them. */
export function Sections({ doc }: { doc: WorkspaceDocument }) {
  const { t } = useI18n();
  const editor = useEditor<true>();
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <section aria-labelledby="sections-heading" data-testid="sections">
      <Heading level={2} id="sections-heading">
        {t.letters.sections}
      </Heading>
      {removed && <SuccessNotice message={removed} focus />}
      {doc.sections.map((s) => (
        <SectionItem key={s.id} doc={doc} s={s} onRemoved={setRemoved} />
      ))}
      {editor.notice}
      {doc.abilities.editSections && editor.value === null && (
        <Button appearance="secondary-action-button" type="button" onClick={() => editor.open(true)}>
          {t.letters.addSection}
        </Button>
      )}
      {doc.abilities.editSections && editor.value && <AddSectionForm doc={doc} onClose={editor.close} />}
    </section>
  );
}

function SectionItem(props: {
  doc: WorkspaceDocument;
  s: WorkspaceSection;
  onRemoved(message: string): void;
}) {
  const { doc, s } = props;
  const { t, dateTime } = useI18n();
  const save = useSaveLetter(doc.id);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const path = `/sections/${encodeURIComponent(s.key)}`;
  const act = useSubmit<WorkspaceDocument>({
    action: () => save('POST', `${path}/revert`, { version: s.version }),
    success: t.letters.reverted,
  });
  const remove = useSubmit<WorkspaceDocument>({
    action: () => save('DELETE', `${path}?version=${s.version}`),
    success: t.letters.removed,
    onSuccess: (_d, message) => props.onRemoved(message ?? ''),
  });
  const Tag = s.level === 2 ? 'h4' : 'h3';
  const headingId = `section-${s.id}`;
  const may = doc.abilities.editSections;
  return (
    <article
      aria-labelledby={headingId}
      className="rd-letter-section"
      data-testid="letter-section"
      data-key={s.key}
    >
      <Tag id={headingId} className={`utrecht-heading-${s.level === 2 ? 4 : 3}`}>
        {s.heading}
      </Tag>
      <Paragraph className="rd-letter-meta">
        <span
          className={`rd-marker rd-letter-origin rd-letter-origin--${s.origin}`}
          data-testid="section-origin"
        >
          {t.letters.origin[s.origin]}
        </span>
        {s.gone && (
          <span className="rd-marker rd-marker--overdue" data-testid="section-gone">
            {t.letters.gone}
          </span>
        )}
        {s.editedBy &&
          s.editedAt &&
          ` ${fmt(t.letters.editedBy, { name: s.editedBy.name, when: dateTime(s.editedAt) })}`}
      </Paragraph>
      {s.gone && <Paragraph>{t.letters.goneHint}</Paragraph>}
      <FormFeedback submit={act} focusSuccess />
      <FormFeedback submit={remove} showSuccess={false} />
      {done && <SuccessNotice message={done} focus />}
      {editing ? (
        <SectionForm
          doc={doc}
          s={s}
          onClose={(message) => {
            setEditing(false);
            setDone(message ?? null);
          }}
        />
      ) : (
        <>
          <BlocksView blocks={s.blocks} />
          {s.subsections.map((sub, i) => (
            <div key={i} className="rd-letter-subsection">
              <Heading level={s.level === 2 ? 5 : 4}>{sub.heading}</Heading>
              <BlocksView blocks={sub.blocks} />
            </div>
          ))}
          {may && (
            <ButtonGroup>
              <Button
                appearance="secondary-action-button"
                type="button"
                onClick={() => {
                  setDone(null);
                  setEditing(true);
                }}
              >
                {t.letters.editSection}
                <span className="rd-visually-hidden"> {s.heading}</span>
              </Button>
              {s.origin === 'edited' && s.generated && (
                <Button
                  appearance="subtle-button"
                  type="button"
                  busy={act.busy}
                  onClick={() => void act.run()}
                >
                  {t.letters.revert}
                  <span className="rd-visually-hidden"> {s.heading}</span>
                </Button>
              )}
              {(s.origin === 'added' || s.gone) && !removing && (
                <Button appearance="subtle-button" type="button" onClick={() => setRemoving(true)}>
                  {t.letters.removeSection}
                  <span className="rd-visually-hidden"> {s.heading}</span>
                </Button>
              )}
            </ButtonGroup>
          )}
          {removing && (
            <Confirmation
              question={fmt(t.letters.removeQuestion, { heading: s.heading })}
              yes={t.letters.removeSection}
              submit={remove}
              onCancel={() => setRemoving(false)}
            />
          )}
        </>
      )}
    </article>
  );
}

/** The textarea editor of a section; a stale version gives the toolkit's conflict message. */
function SectionForm(props: {
  doc: WorkspaceDocument;
  s: WorkspaceSection;
  onClose(done?: string | null): void;
}) {
  const { t } = useI18n();
  const { s } = props;
  const save = useSaveLetter(props.doc.id);
  const tables = tablesOf(s);
  const form = useForm(
    { heading: s.heading, text: contentToText(s) },
    {
      action: (v) => {
        const content = textToContent(v.text, s);
        return save('PATCH', `/sections/${encodeURIComponent(s.key)}`, {
          version: s.version,
          heading: v.heading,
          blocks: content.blocks,
          subsections: content.subsections,
        });
      },
      success: t.letters.sectionSaved,
      onSuccess: (_d, message) => props.onClose(message),
    },
  );
  return (
    <FormPanel
      label={`${t.letters.editSection} ${s.heading}`}
      submit={form}
      submitLabel={t.common.save}
      onCancel={() => props.onClose()}
      testId="section-form"
    >
      <TextField label={t.letters.heading} {...form.field('heading')} required />
      <TextAreaField label={t.letters.text} hint={t.letters.textHelp} rows={14} {...form.field('text')} />
      {tables.length > 0 && (
        <section aria-label={t.letters.tables}>
          {tables.map((table, i) => (
            <TableView
              key={i}
              table={table}
              caption={`${fmt(t.letters.tableNumber, { n: i + 1 })}${table.caption ? `: ${table.caption}` : ''}`}
            />
          ))}
        </section>
      )}
    </FormPanel>
  );
}

function AddSectionForm({ doc, onClose }: { doc: WorkspaceDocument; onClose(done?: string | null): void }) {
  const { t } = useI18n();
  const save = useSaveLetter(doc.id);
  const [sub, setSub] = useState(false);
  const form = useForm(
    { heading: '', text: '', position: '' },
    {
      action: (v) => {
        const content = textToContent(v.text, { blocks: [], subsections: [] });
        return save('POST', '/sections', {
          heading: v.heading,
          blocks: content.blocks,
          subsections: content.subsections,
          level: sub ? 2 : 1,
          position: v.position === '' ? undefined : Number(v.position),
        });
      },
      success: t.letters.added,
      onSuccess: (_d, message) => onClose(message),
    },
  );
  return (
    <FormPanel
      title={t.letters.addSection}
      headingLevel={3}
      focusOnMount
      panel
      submit={form}
      submitLabel={t.letters.addSection}
      onCancel={() => onClose()}
      testId="add-section-form"
    >
      <TextField label={t.letters.heading} {...form.field('heading')} required />
      <TextAreaField label={t.letters.text} hint={t.letters.textHelp} rows={8} {...form.field('text')} />
      <SelectField
        label={t.letters.position}
        options={[
          { value: '', label: t.letters.atEnd },
          ...doc.sections.map((x, i) => ({
            value: String(i),
            label: fmt(t.letters.before, { heading: x.heading }),
          })),
        ]}
        {...form.field('position')}
      />
      <CheckboxField label={t.letters.subsectionLevel} name="level" checked={sub} onChange={setSub} />
    </FormPanel>
  );
}
