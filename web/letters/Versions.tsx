import { useState } from 'react';
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Comparison, WorkspaceDocument } from '../../src/letters/workspace-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormPanel, SelectField, useForm } from '../components/form/index.ts';
import { fetchComparison, useVersions } from './api.ts';

/** The saved versions with who, when and why, and two of them compared side by side. */
export function Versions({ doc }: { doc: WorkspaceDocument }) {
  const { t, dateTime } = useI18n();
  const versions = useVersions(doc.id);
  const list = versions.data ?? [];
  return (
    <section aria-labelledby="versions-heading" data-testid="versions">
      <Heading level={2} id="versions-heading">
        {t.letters.versions}
      </Heading>
      <QueryState query={versions} />
      {list.length > 0 && (
        <DataTable
          captionId="versions-caption"
          caption={t.letters.versionsCaption}
          columns={[
            t.letters.versionNumber,
            t.letters.savedBy,
            t.letters.savedAt,
            t.letters.note,
            t.letters.state,
          ]}
          testId="versions-table"
        >
          {list.map((v) => (
            <TableRow key={v.number}>
              <TableHeaderCell scope="row">{v.number}</TableHeaderCell>
              <TableCell>{v.savedBy?.name ?? t.common.none}</TableCell>
              <TableCell>{dateTime(v.savedAt)}</TableCell>
              <TableCell>{v.note || t.common.none}</TableCell>
              <TableCell>{t.letters.states[v.state]}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {list.length > 1 && <Compare id={doc.id} numbers={list.map((v) => v.number)} />}
    </section>
  );
}

function Compare({ id, numbers }: { id: string; numbers: number[] }) {
  const { t } = useI18n();
  const sorted = [...numbers].sort((a, b) => a - b);
  const [result, setResult] = useState<Comparison | null>(null);
  const form = useForm(
    { from: String(sorted[0]), to: String(sorted.at(-1)) },
    { action: (v) => fetchComparison(id, Number(v.from), Number(v.to)), onSuccess: setResult },
  );
  const options = sorted.map((n) => ({ value: String(n), label: `${t.letters.versionNumber} ${n}` }));
  return (
    <>
      <FormPanel
        title={t.letters.compare}
        headingLevel={3}
        submit={form}
        submitLabel={t.letters.compareButton}
      >
        <div className="rd-filters__row">
          <SelectField label={t.letters.compareFrom} options={options} {...form.field('from')} />
          <SelectField label={t.letters.compareTo} options={options} {...form.field('to')} />
        </div>
      </FormPanel>
      {result && <ComparisonView c={result} />}
    </>
  );
}

/** The lines of a text that the other side does not have are marked (for the eye and for screen readers). */
function Side({ text, other, kind }: { text: string | null; other: string | null; kind: 'del' | 'ins' }) {
  const { t } = useI18n();
  if (text === null) return <Paragraph className="rd-letter-meta">{t.letters.absent}</Paragraph>;
  const others = new Set((other ?? '').split('\n').map((l) => l.trim()));
  return (
    <div className="rd-letter-compare__text">
      {text.split('\n').map((line, i) => {
        if (line.trim() === '') return <br key={i} />;
        if (others.has(line.trim())) return <p key={i}>{line}</p>;
        const Tag = kind;
        return (
          <p key={i}>
            <Tag data-testid={`diff-${kind}`}>
              <span className="rd-visually-hidden">
                {kind === 'del' ? t.letters.removedText : t.letters.addedText}{' '}
              </span>
              {line}
            </Tag>
          </p>
        );
      })}
    </div>
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  const { t } = useI18n();
  const title = fmt(t.letters.comparison, { from: c.from.number, to: c.to.number });
  const differing = c.sections.filter((s) => s.differs);
  return (
    <section aria-labelledby="comparison-heading" data-testid="comparison" className="rd-letter-compare">
      <Heading level={3} id="comparison-heading">
        {title}
      </Heading>
      {c.titleDiffers && <Paragraph>{t.letters.titleDiffers}</Paragraph>}
      {c.frameDiffers && <Paragraph>{t.letters.frameDiffers}</Paragraph>}
      {differing.length === 0 && !c.titleDiffers && !c.frameDiffers && (
        <Paragraph>{t.letters.noDifferences}</Paragraph>
      )}
      <DataTable
        captionId="comparison-caption"
        caption={title}
        columns={[
          t.letters.sectionColumn,
          `${t.letters.versionNumber} ${c.from.number}`,
          `${t.letters.versionNumber} ${c.to.number}`,
        ]}
      >
        {c.sections.map((s) => (
          <TableRow key={s.key} data-testid="compared-section" data-differs={s.differs}>
            <TableHeaderCell scope="row">
              {s.to?.heading ?? s.from?.heading ?? s.key}
              <br />
              <span className={s.differs ? 'rd-marker rd-marker--overdue' : 'rd-marker'}>
                {s.differs ? t.letters.differs : t.letters.same}
              </span>
            </TableHeaderCell>
            <TableCell>
              <Side text={s.from?.text ?? null} other={s.to?.text ?? null} kind="del" />
            </TableCell>
            <TableCell>
              <Side text={s.to?.text ?? null} other={s.from?.text ?? null} kind="ins" />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </section>
  );
}
