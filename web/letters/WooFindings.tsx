import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { RedactionReview } from '../../src/woo/publication-schema.ts';
import type { FindingDecision } from '../../src/woo/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ActionButton } from '../components/ui.tsx';

/** The findings with a decision each (lakken / laten staan), and the spans added by hand. */
export function WooFindings(props: {
  r: RedactionReview;
  may: boolean;
  decisions: Record<string, FindingDecision>;
  onDecide(id: string, decision: FindingDecision): void;
  onRemoveAdded(index: number): void;
}) {
  const { t } = useI18n();
  const { r } = props;
  return (
    <>
      <section aria-labelledby="woo-findings-heading" data-testid="woo-findings">
        <Heading level={3} id="woo-findings-heading">
          {t.woo.findings}
        </Heading>
        {r.findings.length === 0 ? (
          <Paragraph>{t.woo.noFindings}</Paragraph>
        ) : (
          <DataTable
            captionId="woo-findings-caption"
            caption={t.woo.findingsCaption}
            columns={[t.woo.found, t.woo.kind, t.woo.source, t.woo.ground, t.woo.decision]}
          >
            {r.findings.map((f) => {
              const decision = props.decisions[f.id] ?? f.decision;
              return (
                <TableRow key={f.id} data-testid="woo-finding" data-decision={decision}>
                  <TableHeaderCell scope="row">{f.text}</TableHeaderCell>
                  <TableCell>{t.woo.kinds[f.kind]}</TableCell>
                  <TableCell>{t.woo.sources[f.source]}</TableCell>
                  <TableCell>{f.ground}</TableCell>
                  <TableCell>
                    {props.may ? (
                      <fieldset className="rd-woo-decision">
                        <legend className="rd-visually-hidden">
                          {fmt(t.woo.decisionFor, { text: f.text })}
                        </legend>
                        {(['redact', 'keep'] as const).map((d) => (
                          <label key={d} className="rd-woo-decision__option">
                            <input
                              type="radio"
                              className="utrecht-radio-button utrecht-radio-button--html-input"
                              name={`decision-${f.id}`}
                              value={d}
                              checked={decision === d}
                              onChange={() => props.onDecide(f.id, d)}
                            />{' '}
                            {d === 'redact' ? t.woo.redact : t.woo.keep}
                          </label>
                        ))}
                        {decision === 'proposed' && <span className="rd-marker">{t.woo.proposed}</span>}
                      </fieldset>
                    ) : (
                      t.woo[decision]
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="woo-added-heading" data-testid="woo-added">
        <Heading level={3} id="woo-added-heading">
          {t.woo.added}
        </Heading>
        {r.added.length === 0 ? (
          <Paragraph>{t.woo.noAdded}</Paragraph>
        ) : (
          <DataTable
            captionId="woo-added-caption"
            caption={t.woo.addedCaption}
            columns={[t.woo.found, t.woo.ground, props.may && t.woo.removeAdded]}
          >
            {r.added.map((a, i) => {
              const text = r.text.slice(a.start, a.end);
              return (
                <TableRow key={`${a.start}-${a.end}-${i}`} data-testid="woo-added-span">
                  <TableHeaderCell scope="row">{text}</TableHeaderCell>
                  <TableCell>{a.ground}</TableCell>
                  {props.may && (
                    <TableCell>
                      <ActionButton
                        text={t.woo.removeAdded}
                        subject={`“${text}”`}
                        onClick={() => props.onRemoveAdded(i)}
                      />
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </DataTable>
        )}
      </section>
    </>
  );
}
