import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Recommendation } from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { AppLink } from '../components/ui.tsx';

/** The reference of a recommendation: "CRC/C/NLD/CO/5-6 para. 12", or "UPR session 39". */
export function useRecommendationRef() {
  const { t } = useI18n();
  return (r: Pick<Recommendation, 'symbol' | 'paragraph' | 'uprSession'>): string => {
    const parts: string[] = [];
    if (r.symbol) parts.push(r.symbol);
    else if (r.uprSession) parts.push(fmt(t.recommendations.uprSession, { n: r.uprSession }));
    if (r.paragraph) {
      // A treaty body's "para 12" reads as "par. 12"; a reference that is a word already
      // ("Aanbeveling 3") stays as it is.
      const p = r.paragraph.replace(/^para(graph)?\.?\s+/i, '');
      parts.push(/^\p{L}/u.test(p) ? p : fmt(t.recommendations.paragraph, { p }));
    }
    return parts.join(' ') || t.recommendations.noSymbol;
  };
}

export function excerpt(s: string, max = 320): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

/** Recommendations as a list: reference (linked), an excerpt of the text, and the main facts. */
export function ResultList({ items, headingLevel = 3 }: { items: Recommendation[]; headingLevel?: 3 | 4 }) {
  const { t, lang } = useI18n();
  const ref = useRecommendationRef();
  return (
    <ol className="rd-rec-list" data-testid="recommendation-list">
      {items.map((r) => (
        <li key={r.id} className="rd-rec-item" data-id={r.id}>
          <Heading level={headingLevel} appearance="utrecht-heading-4" className="rd-rec-item__title">
            <AppLink to="/recommendations/$id" params={{ id: r.id }}>
              <span className="rd-symbol">{ref(r)}</span>
            </AppLink>{' '}
            {r.followUp && (
              <span className="rd-marker rd-marker--followup">{t.recommendations.followUpMarker}</span>
            )}
          </Heading>
          <Paragraph className="rd-rec-item__text" lang={lang === 'nl' && r.textNl ? 'nl' : 'en'}>
            {excerpt(lang === 'nl' && r.textNl ? r.textNl : r.text)}
          </Paragraph>
          <dl className="rd-rec-item__meta">
            <div>
              <dt>{t.recommendations.stateUnderReview}</dt>
              <dd>{r.stateUnderReview}</dd>
            </div>
            {r.recommendingStates.length > 0 && (
              <div>
                <dt>{t.recommendations.recommendingStates}</dt>
                <dd>{r.recommendingStates.join(', ')}</dd>
              </div>
            )}
            <div>
              <dt>{t.recommendations.position}</dt>
              <dd>{r.position ? (t.recommendations.positions[r.position] ?? r.position) : t.common.none}</dd>
            </div>
            <div>
              <dt>{t.recommendations.year}</dt>
              <dd>{r.year ?? t.common.none}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
