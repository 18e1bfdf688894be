/**
 * How the parse worker builds each view's payload from a parsed model. A new view kind adds its
 * payload to `WorkerPayload` (messages.ts) and one builder here; a builder returns undefined when
 * the model cannot feed its view.
 */
import { flameGraphView } from '../analysis/flameGraphView';
import { tablesView } from '../analysis/reportTables';
import { statChartView } from '../analysis/statChart';
import { syscallCostsView } from '../analysis/syscallCostsView';
import { isSyscallSummary } from '../model/syscallSummary';
import { chartsView } from '../analysis/chartsView';
import type { ViewKind } from '../model/format';
import { perfReportStackProfile } from '../model/perfReport';
import type { StackProfile } from '../model/profile';
import { isStackProfile, type ReportModel } from '../model/report';
import type { WorkerPayload } from './messages';

type PayloadOf<K extends ViewKind> = Extract<WorkerPayload, { view: K }>;

export const VIEW_PAYLOADS: { [K in ViewKind]: (model: ReportModel, title: string) => PayloadOf<K> | undefined } = {
  flameGraph: (model, title) => {
    const profile = stackProfileOf(model);
    return profile ? { view: 'flameGraph', ...flameGraphView(profile, title) } : undefined;
  },
  tables: (model, title) => {
    const view = tablesView(model, title);
    return view ? { view: 'tables', ...view } : undefined;
  },
  statChart: (model, title) => {
    const view = model.kind === 'perf-stat' ? statChartView(model, title) : undefined;
    return view ? { view: 'statChart', ...view } : undefined;
  },
  syscallCosts: (model, title) => {
    const view = isSyscallSummary(model) ? syscallCostsView(model, title) : undefined;
    return view ? { view: 'syscallCosts', ...view } : undefined;
  },
  charts: (model, title) => {
    const view = chartsView(model, title);
    return view ? { view: 'charts', ...view } : undefined;
  },
};

/** The stack profile a model holds: itself, or a perf report's call tree of its chosen event. */
function stackProfileOf(model: ReportModel): StackProfile | undefined {
  if (isStackProfile(model)) return model;
  return model.kind === 'perf-report' ? perfReportStackProfile(model) : undefined;
}
