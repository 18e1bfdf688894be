/**
 * Horizontal bars grouped by run (chart.js): one category per row key, one bar per run, theme
 * colours from the --vscode-charts-* variables. Used where runs are compared value by value.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LogarithmicScale, Tooltip } from 'chart.js';
import { chartColors } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip);

export interface GroupedBarsData {
  categories: string[];
  series: Array<{ label: string; values: Array<number | null> }>;
  /** Axis title: the compared column and its unit. */
  axis: string;
  log?: boolean;
}

export interface GroupedBars {
  readonly canvas: HTMLCanvasElement;
  update(data: GroupedBarsData): void;
  destroy(): void;
}

export function createGroupedBars(container: HTMLElement, data: GroupedBarsData): GroupedBars {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  container.append(canvas);
  // One colour per run.
  const fg = chartColors(container);
  const color = (i: number): string => fg.series[i % fg.series.length];
  const config = (d: GroupedBarsData) => ({
    labels: d.categories,
    datasets: d.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: color(i), borderWidth: 0 })),
  });
  const chart = new Chart(canvas, {
    type: 'bar',
    data: config(data),
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      color: fg.text,
      plugins: { legend: { position: 'top' } },
      scales: {
        x: { type: data.log ? 'logarithmic' : 'linear', title: { display: true, text: data.axis }, grid: { color: fg.grid } },
        y: { ticks: { autoSkip: false } },
      },
    },
  });
  canvas.setAttribute('aria-label', `${data.axis} per run`);
  return {
    canvas,
    update(d) {
      chart.data = config(d);
      const x = chart.options.scales?.x as { type?: string; title?: { text?: string } } | undefined;
      if (x) {
        x.type = d.log ? 'logarithmic' : 'linear';
        if (x.title) x.title.text = d.axis;
      }
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
