// Builds every bundle with esbuild: the extension host code (node), the parse worker (node),
// the CLI (node, with shebang) and one browser bundle per webview panel.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.env.NODE_ENV === 'production';
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info' };

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts', parseWorker: 'src/worker/parseWorker.ts', rangeWorker: 'src/worker/rangeWorker.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: { flamegraph: 'webview/flamegraph/main.ts', tables: 'webview/tables/main.ts', charts: 'webview/charts/main.ts', compare: 'webview/compare/main.ts', statChart: 'webview/statChart/main.ts', syscallCosts: 'webview/syscallCosts/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'text' },
  },
];

mkdirSync('dist/webview', { recursive: true });

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
