import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The README's arrows, enforced: each folder may import only the layers before it.
 *   model <- parsers <- io <- worker            (text -> model)
 *   model <- analysis <- protocol <- page       (model -> view model -> messages -> HTML)
 *   panels/, language/, extension.ts: VS Code glue, may import everything (and vscode)
 *   cli.ts: everything but the VS Code glue
 *   webview/: only message and model types from src/ (it renders, never parses)
 */
const VSCODE = { name: 'vscode', message: 'Only VS Code glue (extension.ts, panels/, language/) may import vscode.' };
const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [VSCODE],
        patterns: forbidden.map((dir) => ({ group: [`**/${dir}`, `**/${dir}/**`], message: `${why} (may not import ${dir}/)` })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.bench/**', 'samples/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  layer(['src/model/**/*.ts'], ['parsers', 'analysis', 'io', 'worker', 'protocol', 'page', 'panels', 'language'], 'the model is the bottom layer'),
  layer(['src/parsers/**/*.ts'], ['analysis', 'io', 'worker', 'protocol', 'page', 'panels', 'language'], 'parsers turn text into models and nothing else'),
  layer(['src/analysis/**/*.ts'], ['parsers', 'io', 'worker', 'protocol', 'page', 'panels', 'language'], 'analysis works on models, not on text or messages'),
  layer(['src/io/**/*.ts'], ['analysis', 'worker', 'protocol', 'page', 'panels', 'language'], 'io feeds parsers'),
  layer(['src/protocol/**/*.ts'], ['parsers', 'io', 'worker', 'page', 'panels', 'language'], 'messages carry view models'),
  layer(['src/page/**/*.ts'], ['parsers', 'io', 'worker', 'panels', 'language'], 'the page builder only needs messages'),
  layer(['src/worker/**/*.ts'], ['protocol', 'page', 'panels', 'language'], 'workers run without VS Code'),
  layer(['src/cli.ts', 'src/cli/**/*.ts'], ['panels', 'language', 'worker'], 'the CLI uses the core without VS Code'),
  layer(['webview/**/*.ts'], ['parsers', 'io', 'worker', 'page', 'panels', 'language'], 'webviews render messages'),
);
