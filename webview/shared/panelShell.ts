/**
 * The frame every PerfLens panel draws in (flame graph today; charts, tables and comparisons
 * next): header, toolbar slot, loading status with percent, error box with location, content
 * slot and tooltip.
 *
 * Contract the e2e tests read: body[data-state] is loading | ready | error; ids #header #toolbar
 * #status #error #content #tooltip (one shell per page). Report strings only ever reach the DOM
 * as text (textContent, setAttribute).
 */
import type { ErrorLocation } from '../../src/protocol';
import { el } from './dom';
import { errorParts } from './facts';
import { renderHeader, type HeaderInfo } from './header';
import { useThemeStyles } from './styles';
import { createTooltip, type Tooltip } from './tooltip';

export type PanelState = 'loading' | 'ready' | 'error';

export interface PanelShellOptions {
  /** False on the standalone page: theme.css then supplies VS Code's default colours. */
  inVsCode: boolean;
  /** Status line before the first message, e.g. 'Waiting for the profile…'. */
  waiting?: string;
  /** Called when the user clicks an error's `file:line` (inside VS Code: open it there). */
  onOpenLocation?(location: ErrorLocation): void;
}

export interface PanelShell {
  /** #header: filled by showReady. */
  readonly header: HTMLElement;
  /** #toolbar: empty, the panel adds its controls; shown with the header. */
  readonly toolbar: HTMLElement;
  /** #content: the panel's view(s); hidden while an error is shown. */
  readonly content: HTMLElement;
  /** #tooltip, shared by every view of the page. */
  readonly tooltip: Tooltip;
  readonly state: PanelState;
  /** Loading `title`… with a determinate bar when `percent` is known. What was shown stays (dimmed). */
  showLoading(title: string, percent?: number): void;
  /** Replaces everything with the error: title, `file:line` when located, and the message. */
  showError(title: string, message: string, location?: ErrorLocation): void;
  /** Header filled and shown, status and error hidden. */
  showReady(header: HeaderInfo): void;
}

export function createPanelShell(options: PanelShellOptions): PanelShell {
  useThemeStyles();
  if (!options.inVsCode) document.documentElement.classList.add('standalone');
  document.getElementById('perflens-boot')?.remove();

  const header = el('div', { id: 'header', class: 'pl-header', role: 'banner' });
  const toolbar = el('div', { id: 'toolbar', class: 'pl-toolbar', role: 'toolbar' });
  const status = el('div', { id: 'status', class: 'pl-status', role: 'status' });
  const statusText = el('div', { class: 'text' });
  const statusBar = el('div', { class: 'bar' });
  const statusBarFill = el('span');
  statusBar.append(statusBarFill);
  status.append(statusText, statusBar);
  const errorBox = el('div', { id: 'error', class: 'pl-error', role: 'alert', hidden: '' });
  const errorTitle = el('h2');
  const errorLocation = el('div', { class: 'location', hidden: '' });
  let shownLocation: ErrorLocation | undefined;
  if (options.onOpenLocation) {
    errorLocation.classList.add('link');
    errorLocation.setAttribute('role', 'link');
    errorLocation.setAttribute('tabindex', '0');
    errorLocation.title = 'Open this line in the editor';
    const open = (): void => {
      if (shownLocation) options.onOpenLocation?.(shownLocation);
    };
    errorLocation.addEventListener('click', open);
    errorLocation.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') open();
    });
  }
  const errorMessage = el('pre');
  errorBox.append(errorTitle, errorLocation, errorMessage);
  const content = el('main', { id: 'content', class: 'pl-content' });
  document.body.append(header, toolbar, status, errorBox, content);
  const tooltip = createTooltip({ id: 'tooltip' });

  let state: PanelState = 'loading';
  const setState = (s: PanelState): void => {
    state = s;
    document.body.dataset.state = s;
  };
  /** Header and toolbar only make sense with something on screen. */
  const showChrome = (on: boolean): void => {
    header.hidden = !on;
    toolbar.hidden = !on;
  };

  const shell: PanelShell = {
    header,
    toolbar,
    content,
    tooltip,
    get state() {
      return state;
    },
    showLoading(title, percent) {
      setState('loading');
      status.hidden = false;
      statusBar.hidden = false;
      errorBox.hidden = true;
      const pct = typeof percent === 'number' && Number.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : undefined;
      statusText.textContent = pct === undefined ? `Loading ${title}…` : `Loading ${title}… ${Math.round(pct)}%`;
      statusBar.classList.toggle('determinate', pct !== undefined);
      statusBarFill.style.width = pct === undefined ? '' : `${pct}%`;
      status.setAttribute('aria-busy', 'true');
    },
    showError(title, message, location) {
      setState('error');
      const parts = errorParts(title, message, location);
      status.hidden = true;
      status.removeAttribute('aria-busy');
      errorTitle.textContent = parts.title;
      errorLocation.textContent = parts.location ?? '';
      errorLocation.hidden = !parts.location;
      shownLocation = parts.location ? location : undefined;
      errorMessage.textContent = parts.message;
      errorBox.hidden = false;
      content.hidden = true;
      showChrome(false);
      tooltip.hide();
    },
    showReady(info) {
      renderHeader(header, info);
      errorBox.hidden = true;
      status.hidden = true;
      status.removeAttribute('aria-busy');
      content.hidden = false;
      showChrome(true);
      setState('ready');
    },
  };

  showChrome(false);
  shell.showLoading('');
  statusText.textContent = options.waiting ?? 'Loading…';
  return shell;
}
