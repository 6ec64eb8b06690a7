import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type Plugin } from 'chart.js';
import type { YearTotals } from '../../src/report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { formatEuro } from './annex-api.ts';
import { priorityLabel } from './ExpenditureTable.tsx';
import './annex-texts.ts';

// Only what a bar chart needs; no pie or doughnut controller is ever registered.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Writes each bar's amount beside it, so that no figure depends on hovering or on reading the axis. */
const amounts = (format: (n: number) => string): Plugin<'bar'> => ({
  id: 'rdAnnexAmounts',
  afterDatasetsDraw(chart) {
    const c = chart.ctx;
    c.save();
    c.font = 'bold 12px system-ui, sans-serif';
    c.fillStyle = '#1a1a1a';
    c.textBaseline = 'middle';
    const ds = chart.data.datasets[0];
    chart.getDatasetMeta(0).data.forEach((bar, i) => {
      const value = Number(ds?.data[i] ?? 0);
      const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
      const right = x >= base;
      c.textAlign = right ? 'left' : 'right';
      c.fillText(format(value), right ? x + 6 : x - 6, y);
    });
    c.restore();
  },
});

/** Long priority names over a few lines, so that the bars keep their room. */
function wrap(label: string, width = 28): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The expenditures of one year as horizontal bars, one per priority in the table's order, from a
 * fixed zero baseline, each with its amount written beside it; the caption carries the year's notes
 * (an advance paid the year before is why a bar is short). The canvas is an image with a text
 * alternative that gives every amount; the table beside it stays the annex.
 */
export default function ExpenditureChart({ totals, captionId }: { totals: YearTotals; captionId: string }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const locale = t.meta.locale;
  const euro = (n: number) => formatEuro(locale, n);

  useEffect(() => {
    if (!canvas.current) return;
    const euro = (n: number) => formatEuro(locale, n);
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: totals.priorities.map((p) => wrap(priorityLabel(p, lang))),
        datasets: [
          {
            label: t.annex.amount,
            data: totals.priorities.map((p) => p.amountEur),
            backgroundColor: '#154273',
            borderColor: '#1a1a1a',
            borderWidth: 1,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: { right: 110, left: 8 } },
        scales: {
          x: {
            beginAtZero: true,
            grid: { color: (ctx) => (ctx.tick.value === 0 ? '#1a1a1a' : '#d0d0d0') },
            ticks: { color: '#1a1a1a', callback: (v) => euro(Number(v)) },
          },
          y: { ticks: { color: '#1a1a1a', autoSkip: false } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => euro(Number(item.raw)) } },
        },
      },
      plugins: [amounts(euro)],
    });
    return () => chart.destroy();
  }, [totals, lang, locale, t.annex.amount]);

  const summary = fmt(t.annex.chartSummary, {
    year: totals.year,
    values: totals.priorities.map((p) => `${priorityLabel(p, lang)} ${euro(p.amountEur)}`).join('; '),
    total: euro(totals.totalEur),
  });
  return (
    <figure className="rd-annex-chart" data-testid="annex-chart">
      <div className="rd-annex-chart__canvas" style={{ height: totals.priorities.length * 56 + 70 }}>
        <canvas ref={canvas} role="img" aria-label={summary} aria-describedby={captionId}>
          {summary}
        </canvas>
      </div>
      <figcaption>
        <p>{fmt(t.annex.chartCaption, { year: totals.year })}</p>
        {totals.notes.length > 0 && (
          <ul lang={lang === 'nl' ? undefined : 'nl'}>
            {totals.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </figcaption>
    </figure>
  );
}
