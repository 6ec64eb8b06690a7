import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { WordLimit } from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Unverified } from '../components/ui.tsx';

/**
 * The words of a report against the UN's limit: "12.345 van 31.800", the limit marked unverified with
 * its source, and a warning (in words, not only colour) when the report is over it.
 */
export function WordCount(props: { words: number; limit: WordLimit; over: boolean; compact?: boolean }) {
  const { t, lang } = useI18n();
  const n = (v: number) => v.toLocaleString(t.meta.locale);
  const count = fmt(t.stateReport.wordsOf, { words: n(props.words), limit: n(props.limit.words) });
  if (props.compact)
    return (
      <>
        {count}
        {props.over && <span className="rd-marker rd-marker--overdue"> {t.stateReport.overLimitShort}</span>}
      </>
    );
  return (
    <>
      <span data-testid="state-report-words">{count}</span> {!props.limit.verified && <Unverified />}
      <span className="rd-subtle">
        {' '}
        ({lang === 'en' ? props.limit.labelEn : props.limit.labelNl};{' '}
        {fmt(t.stateReport.wordLimitSource, { source: props.limit.source })})
      </span>
      {props.over && (
        <Alert type="warning" data-testid="state-report-over-limit">
          <Paragraph>
            {fmt(t.stateReport.overLimit, {
              words: n(props.words),
              limit: n(props.limit.words),
              over: n(props.words - props.limit.words),
            })}
          </Paragraph>
        </Alert>
      )}
    </>
  );
}
