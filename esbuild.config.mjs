// Builds the plugin (main.js) and the `ties` command line (dist/ties.mjs).
//   node esbuild.config.mjs            plugin, watch mode with inline source maps
//   node esbuild.config.mjs production plugin, minified main.js
//   node esbuild.config.mjs cli        command line bundle for node
//   node esbuild.config.mjs bench      benchmarks bundle (npm run bench)
import esbuild from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';

const mode = process.argv[2] ?? 'dev';

const banner = '/* Ties: keep a professional network warm. Built with esbuild; source at src/. */';

/**
 * The graph view's Web Worker (src/views/graph/worker.ts), bundled on its own and handed to the plugin as a
 * string in place of src/views/graph/worker-source.ts: main.js stays one file and makes the worker from a Blob
 * URL. Rebuilt whenever the plugin is (watch mode follows the worker's files too).
 */
const graphWorker = {
  name: 'graph-worker',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]views[\\/]graph[\\/]worker-source\.ts$/ }, async () => {
      const result = await esbuild.build({
        entryPoints: ['src/views/graph/worker.ts'],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2021',
        minify: true,
        metafile: true,
        logLevel: 'warning',
      });
      return {
        contents: `export const WORKER_SOURCE = ${JSON.stringify(result.outputFiles[0].text)};`,
        loader: 'ts',
        watchFiles: Object.keys(result.metafile.inputs).map((f) => resolve(f)),
      };
    });
  },
};

if (mode === 'cli' || mode === 'bench') {
  // The benchmarks run bundled like the CLI, so they measure the code users run (no tsx wrappers).
  // Written aside and renamed into place: test files build the CLI in parallel while others run it, and a
  // rename never shows a half-written bundle.
  const result = await esbuild.build({
    write: false,
    entryPoints: [mode === 'cli' ? 'src/cli/main.ts' : 'bench/run.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: mode === 'cli' ? 'dist/ties.mjs' : 'dist/bench.mjs',
    define: { TIES_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
    // gray-matter is CommonJS; a require shim lets the ESM bundle load it.
    banner: { js: "import { createRequire as __tiesRequire } from 'node:module'; const require = __tiesRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [graphWorker],
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
} else {
  const production = mode === 'production';
  const context = await esbuild.context({
    banner: { js: banner },
    entryPoints: ['src/main.ts'],
    bundle: true,
    external: [
      'obsidian', 'electron',
      '@codemirror/autocomplete', '@codemirror/collab', '@codemirror/commands', '@codemirror/language',
      '@codemirror/lint', '@codemirror/search', '@codemirror/state', '@codemirror/view',
      '@lezer/common', '@lezer/highlight', '@lezer/lr',
      // `events` is also an npm package (graphology and sigma use it): bundled, since mobile has no node.
      ...builtinModules.filter((m) => m !== 'events'),
    ],
    plugins: [graphWorker],
    format: 'cjs',
    target: 'es2021',
    logLevel: 'info',
    sourcemap: production ? false : 'inline',
    treeShaking: true,
    minify: production,
    outfile: 'main.js',
  });
  if (production) {
    await context.rebuild();
    await context.dispose();
  } else {
    await context.watch();
  }
}
