// Runs anywhere: geometry of the contributions bar chart, drawn as inline SVG at build time (no client script).
import type { MonthCount } from '../attribution/activity.ts';

export interface ChartBar {
  month: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** Baseline y of the bars. */
  baseline: number;
  bars: ChartBar[];
  /** The largest count, labelled on the axis. */
  max: number;
  /** Month labels under the axis: the first month of each year shown, and the first bar. */
  labels: { x: number; text: string }[];
  total: number;
  /** One sentence saying what the chart shows, for its <title>/<desc>. */
  summary: string;
}

/** Room above the tallest bar for the "max" label. */
const TOP = 14;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** Bars on a `width` × `height` canvas, leaving `labelHeight` under the baseline for month labels. */
export function barChart(series: readonly MonthCount[], width = 480, height = 120, labelHeight = 18): ChartGeometry {
  const baseline = height - labelHeight;
  const max = Math.max(0, ...series.map((s) => s.count));
  const slot = series.length ? width / series.length : width;
  const gap = Math.min(2, slot / 4);
  const round = (n: number) => Math.round(n * 100) / 100;
  const bars = series.map((s, i) => {
    // Empty months keep a 1px stub so the timeline reads as continuous.
    const h = max === 0 ? 1 : Math.max(1, (s.count / max) * (baseline - TOP));
    return { month: s.month, count: s.count, x: round(i * slot + gap / 2), y: round(baseline - h), width: round(slot - gap), height: round(h) };
  });
  const labels = series
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => i === 0 || s.month.endsWith('-01'))
    .map(({ s, i }) => ({ x: round(i * slot + gap / 2), text: i === 0 ? monthName(s.month) : s.month.slice(0, 4) }));
  // The first label and a January right after it would overlap.
  if (labels.length > 1 && labels[1]!.x - labels[0]!.x < 60) labels.splice(1, 1);
  const total = series.reduce((n, s) => n + s.count, 0);
  const first = series[0];
  const last = series.at(-1);
  const summary = first && last
    ? `${total} contribution${total === 1 ? '' : 's'} from ${monthName(first.month)} to ${monthName(last.month)}, at most ${max} in a month.`
    : 'No contributions.';
  return { width, height, baseline, bars, max, labels, total, summary };
}
