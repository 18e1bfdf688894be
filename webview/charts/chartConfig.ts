/**
 * chart.js configurations from the charts view model (pure, so tests check them without a canvas):
 * bars for top functions and histogram buckets (marked percentile buckets in the accent colour),
 * lines of a metric against cores, one per variant. Values are formatted in the chart's unit.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartSpec } from '../../src/protocol';
import { formatValue } from '../../src/model/units';

export interface ChartColors {
  foreground: string;
  grid: string;
  accent: string;
  /** One per series, cycled. */
  palette: string[];
}

/** A value as the axis and tooltips print it. */
export function chartValueText(value: number, spec: Pick<ChartSpec, 'yUnit'>): string {
  // Unitless metrics are often tiny (drop rate 2.16e-06): significant digits, not two decimals.
  if ((spec.yUnit === 'none' || spec.yUnit === 'ratio') && value !== 0 && Math.abs(value) < 1) return String(Number(value.toPrecision(3)));
  return spec.yUnit === 'count' ? formatValue(value, 'none') : formatValue(value, spec.yUnit);
}

export function chartConfig(spec: ChartSpec, colors: ChartColors): ChartConfiguration {
  const axis = (title: string) => ({ title: { display: true, text: title, color: colors.foreground }, ticks: { color: colors.foreground }, grid: { color: colors.grid } });
  const y = { ...axis(spec.yLabel), beginAtZero: true, ticks: { color: colors.foreground, callback: (v: string | number) => chartValueText(Number(v), spec) } };
  const tooltip = {
    callbacks: {
      label: (item: { dataset: { label?: string }; parsed: { y: number | null }; dataIndex: number; datasetIndex: number }) => {
        const point = spec.series[item.datasetIndex]?.points[item.dataIndex];
        const value = item.parsed.y === null ? '' : chartValueText(item.parsed.y, spec);
        return `${item.dataset.label ?? ''}: ${value}${point?.mark ? ` (${point.mark})` : ''}`;
      },
    },
  };
  if (spec.kind === 'bar') {
    const series = spec.series[0] ?? { name: '', points: [] };
    return {
      type: 'bar',
      data: {
        labels: series.points.map((p) => String(p.x)),
        datasets: [{ label: series.name, data: series.points.map((p) => p.y), backgroundColor: series.points.map((p) => (p.mark ? colors.accent : colors.palette[0])) }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: axis(spec.xLabel), y }, plugins: { legend: { display: false }, tooltip } },
    };
  }
  return {
    type: 'line',
    data: {
      datasets: spec.series.map((s, i) => {
        const color = colors.palette[i % colors.palette.length];
        return { label: s.name, data: s.points.map((p) => ({ x: Number(p.x), y: p.y })), borderColor: color, backgroundColor: color, pointRadius: 4 };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { ...axis(spec.xLabel), type: 'linear' }, y },
      plugins: { legend: { display: true, labels: { color: colors.foreground } }, tooltip },
    },
  };
}
