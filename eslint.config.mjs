import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.bench/**', 'samples/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/extension.ts', 'src/panels/**', 'src/language/**', 'src/commands/**'],
    rules: {
      // The core (parsers, model, analysis, CLI) must stay usable without VS Code.
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only VS Code glue (extension.ts, panels/, language/, commands/) may import vscode.' }] }],
    },
  },
);
