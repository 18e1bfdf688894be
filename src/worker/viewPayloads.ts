/**
 * How the parse worker builds each view's payload from a parsed model. A new view kind adds its
 * payload to `WorkerPayload` (messages.ts) and one builder here; a builder returns undefined when
 * the model cannot feed its view.
 */
import { flameGraphView } from '../analysis/flameGraphView';
import { tablesView } from '../analysis/reportTables';
import { chartsView } from '../analysis/chartsView';
import type { ViewKind } from '../model/format';
import { isStackProfile, type ReportModel } from '../model/report';
import type { WorkerPayload } from './messages';

type PayloadOf<K extends ViewKind> = Extract<WorkerPayload, { view: K }>;

export const VIEW_PAYLOADS: { [K in ViewKind]: (model: ReportModel, title: string) => PayloadOf<K> | undefined } = {
  flameGraph: (model, title) => (isStackProfile(model) ? { view: 'flameGraph', ...flameGraphView(model, title) } : undefined),
  tables: (model, title) => {
    const view = tablesView(model, title);
    return view ? { view: 'tables', ...view } : undefined;
  },
  charts: (model, title) => {
    const view = chartsView(model, title);
    return view ? { view: 'charts', ...view } : undefined;
  },
};
