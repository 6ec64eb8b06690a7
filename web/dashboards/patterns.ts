/**
 * The fill of each status in the chart: a colour and a pattern of its own, so that the statuses can be
 * told apart without colour (printed in grey, or by someone who does not see the difference).
 */
import type { DashboardStatus } from '../../src/dashboards/schema.ts';

type Draw = (c: CanvasRenderingContext2D, size: number) => void;

const line = (c: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number) => {
  c.beginPath();
  c.moveTo(x1, y1);
  c.lineTo(x2, y2);
  c.stroke();
};

const diagonal: Draw = (c, s) => {
  line(c, 0, s, s, 0);
  line(c, -s / 2, s / 2, s / 2, -s / 2);
  line(c, s / 2, s * 1.5, s * 1.5, s / 2);
};
const backDiagonal: Draw = (c, s) => {
  line(c, 0, 0, s, s);
  line(c, -s / 2, s / 2, s / 2, s * 1.5);
  line(c, s / 2, -s / 2, s * 1.5, s / 2);
};
const dots: Draw = (c, s) => {
  c.beginPath();
  c.arc(s / 2, s / 2, s / 6, 0, 2 * Math.PI);
  c.fill();
};
const cross: Draw = (c, s) => {
  diagonal(c, s);
  backDiagonal(c, s);
};
const horizontal: Draw = (c, s) => line(c, 0, s / 2, s, s / 2);
const vertical: Draw = (c, s) => line(c, s / 2, 0, s / 2, s);
const none: Draw = () => undefined;

/** Colour (with enough contrast against white for the bar edges) and pattern per status. */
export const STATUS_FILL: Record<DashboardStatus, { colour: string; draw: Draw; mark: string }> = {
  not_started: { colour: '#b9c3cf', draw: horizontal, mark: 'horizontal' },
  in_progress: { colour: '#f2c14e', draw: diagonal, mark: 'diagonal' },
  partially_implemented: { colour: '#8fc1e3', draw: dots, mark: 'dots' },
  implemented: { colour: '#4f9d69', draw: none, mark: 'solid' },
  not_implemented: { colour: '#e07a5f', draw: cross, mark: 'cross' },
  no_longer_relevant: { colour: '#c9b3de', draw: vertical, mark: 'vertical' },
  none: { colour: '#ffffff', draw: backDiagonal, mark: 'back-diagonal' },
};

/** A repeating canvas pattern of the status (its colour with dark lines or dots), or the colour alone. */
export function statusFill(status: DashboardStatus): CanvasPattern | string {
  const { colour, draw } = STATUS_FILL[status];
  const size = 10;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const c = canvas.getContext('2d');
  if (!c) return colour;
  c.fillStyle = colour;
  c.fillRect(0, 0, size, size);
  c.strokeStyle = '#1a1a1a';
  c.fillStyle = '#1a1a1a';
  c.lineWidth = 1.2;
  draw(c, size);
  return c.createPattern(canvas, 'repeat') ?? colour;
}
