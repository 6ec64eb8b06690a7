import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type Plugin,
} from 'chart.js';
import type { DashboardStatus, ProgressDashboard } from '../../src/dashboards/schema.ts';
import { STATUS_LABELS } from '../../src/dashboards/labels.ts';
import { useI18n } from '../i18n/index.tsx';
import { statusFill } from './patterns.ts';
import '../i18n/followup-texts.ts';

// Only the parts of Chart.js a stacked bar chart needs, so that the rest stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Writes each segment's count on it (when it fits), so that no number depends on colour or hovering. */
const directLabels: Plugin<'bar'> = {
  id: 'rdDirectLabels',
  afterDatasetsDraw(chart) {
    const c = chart.ctx;
    c.save();
    c.font = 'bold 12px system-ui, sans-serif';
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    chart.data.datasets.forEach((ds, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const value = Number(ds.data[j] ?? 0);
        if (!value) return;
        const { x, y, base, height } = bar.getProps(['x', 'y', 'base', 'height'], true) as {
          x: number;
          y: number;
          base: number;
          height: number;
        };
        const text = String(value);
        const w = c.measureText(text).width + 6;
        if (Math.abs(x - base) < w || height < 14) return;
        const cx = (x + base) / 2;
        // A white box under the number keeps it readable on every pattern.
        c.fillStyle = '#ffffff';
        c.fillRect(cx - w / 2, y - 8, w, 16);
        c.fillStyle = '#1a1a1a';
        c.fillText(text, cx, y);
      });
    });
    c.restore();
  },
};

/**
 * The dashboard as a horizontal stacked bar chart: one bar per group, one segment per status, each with
 * its pattern and its count. The canvas is an image with a short text alternative; the table holds
 * every number.
 */
export function ProgressChart(props: {
  data: ProgressDashboard;
  labels: string[];
  summary: string;
  tableId: string;
}) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { data, labels } = props;

  useEffect(() => {
    if (!canvas.current) return;
    const statuses = data.statuses.filter((s) => data.totals[s]);
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: statuses.map((s: DashboardStatus) => ({
          label: STATUS_LABELS[s][lang],
          data: data.rows.map((r) => r.counts[s] ?? 0),
          backgroundColor: statusFill(s),
          borderColor: '#1a1a1a',
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: '#1a1a1a' } },
          y: { stacked: true, ticks: { color: '#1a1a1a', autoSkip: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { color: '#1a1a1a', boxWidth: 24, boxHeight: 14 } },
          tooltip: { enabled: true },
        },
      },
      plugins: [directLabels],
    });
    return () => chart.destroy();
  }, [data, labels, lang]);

  const height = Math.max(160, data.rows.length * 34 + 90);
  return (
    <figure className="rd-dash-chart" data-testid="dashboard-chart">
      <div className="rd-dash-chart__canvas" style={{ height }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={props.summary}
          aria-describedby={`${props.tableId}-caption`}
        >
          {props.summary}
        </canvas>
      </div>
      <figcaption>{t.dashboards.chartCaption}</figcaption>
    </figure>
  );
}
