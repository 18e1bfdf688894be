/**
 * Toolbar controls for the perf script collapse options (stackcollapse-perf.pl's --pid/--tid,
 * --kernel/--jit, --addrs). Changing one asks the extension to collapse the file again.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { CollapseOptionsState, FlameGraphMeta } from '../../src/protocol';

type Grouping = 'process' | 'pid' | 'tid';

export interface OptionsControls {
  elements: HTMLElement[];
  /** Shows the options a tree was made with; hidden for inputs without options (folded). */
  render(meta: FlameGraphMeta, enabled: boolean): void;
}

export function createOptionsControls(onChange: (options: CollapseOptionsState) => void): OptionsControls {
  const group = document.createElement('vscode-single-select') as VscodeSingleSelect;
  group.id = 'group-by';
  group.title = 'Root frames: process name, process name-PID (--pid) or name-PID/TID (--tid)';
  for (const [value, label] of [
    ['process', 'per process'],
    ['pid', 'per PID'],
    ['tid', 'per thread'],
  ] as const) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', value);
    option.textContent = label;
    group.append(option);
  }
  const markers = checkbox('annotate', 'kernel/JIT', 'Mark kernel frames _[k] and JIT frames _[j] (--kernel --jit) and colour them apart');
  const addrs = checkbox('addrs', 'addresses', 'Keep the raw address of unresolved frames: [dso <addr>] (--addrs)');
  let current: CollapseOptionsState | undefined;

  const changed = (): void => {
    if (!current) return;
    const grouping = group.value as Grouping;
    onChange({
      ...current,
      pid: grouping === 'pid',
      tid: grouping === 'tid',
      kernel: markers.checked,
      jit: markers.checked,
      addrs: addrs.checked,
    });
  };
  group.addEventListener('change', changed);
  markers.addEventListener('change', changed);
  addrs.addEventListener('change', changed);

  return {
    elements: [group, markers, addrs],
    render(meta, enabled) {
      current = meta.options;
      for (const e of [group, markers, addrs]) {
        e.hidden = !current;
        e.toggleAttribute('disabled', !enabled);
      }
      if (!current) return;
      const grouping: Grouping = current.tid ? 'tid' : current.pid ? 'pid' : 'process';
      // Mark the option too: the select falls back to its first option when it re-reads them.
      for (const o of group.querySelectorAll('vscode-option')) o.toggleAttribute('selected', o.getAttribute('value') === grouping);
      group.value = grouping;
      markers.checked = current.kernel || current.jit;
      addrs.checked = current.addrs;
    },
  };
}

function checkbox(id: string, label: string, title: string): VscodeCheckbox {
  const c = document.createElement('vscode-checkbox') as VscodeCheckbox;
  c.id = id;
  c.label = label;
  c.title = title;
  return c;
}
