/** Style sheets a page adopts once, however many shells or views ask for them. */
import { addStyles } from './vscodeApi';
import themeCss from './theme.css';

// Which sheets each document has: page-level bookkeeping, not state of any view.
const adopted = new WeakMap<Document, Set<string>>();

export function useStyles(key: string, cssText: string, doc: Document = document): void {
  let keys = adopted.get(doc);
  if (!keys) adopted.set(doc, (keys = new Set()));
  if (keys.has(key)) return;
  keys.add(key);
  addStyles(cssText, doc);
}

/** theme.css: the --pl-* variables over VS Code's --vscode-* ones, and the shell's own parts. */
export function useThemeStyles(doc: Document = document): void {
  useStyles('perflens-theme', themeCss, doc);
}
