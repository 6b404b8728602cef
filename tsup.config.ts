import { execFileSync } from 'node:child_process';
import { defineConfig, type Options } from 'tsup';
// Vega and Vega-Lite's browser bundles (inlined into report.html) into dist/assets/.
import { copyChartAssets } from './scripts/copy-chart-assets.mjs';

/** The package's public entries: the root and its subpaths (package.json "exports"). */
const PUBLIC_ENTRIES = {
  index: 'src/index.ts',
  geo: 'src/geo/index.ts',
  network: 'src/network/index.ts',
  retention: 'src/retention/index.ts',
  mobility: 'src/mobility/index.ts',
  exposure: 'src/exposure/index.ts',
  planning: 'src/planning/index.ts',
  sweep: 'src/sweep/index.ts',
};

/**
 * The two sides of `#platform` (package.json "imports"): Node's built-ins
 * and thread services (`platform-node`), and their browser stand-ins
 * (`platform-browser`, picked by the `browser` condition). `#platform` stays
 * an import in dist/ (see `external`), so that a consumer's bundler picks the
 * side, not this build.
 */
const PLATFORM_ENTRIES = {
  'platform-node': 'src/core/platform-node.ts',
  'platform-browser': 'src/core/platform-browser.ts',
};

/**
 * Leaf modules re-exporting third-party libraries that do not declare
 * themselves free of side effects (proj4, graphology). As entries of their
 * own they land in chunks of their own, which a browser bundle drops when it
 * does not use them (sightline is `"sideEffects": false`); inside a shared
 * chunk their `import` would keep the whole library in every bundle that
 * touches the chunk. Measured on `import { computeCoverage }` (esbuild,
 * browser, minified): 274 KB without these entries, 79 KB with them.
 * dist/lib-*.js are not public entries (package.json "exports" omits them).
 */
const TREE_SHAKING_ENTRIES = {
  'lib-proj4': 'src/core/lib-proj4.ts',
  'lib-graphology': 'src/core/lib-graphology.ts',
};

/**
 * Runtime libraries bundled into dist/ (tree-shaken) instead of installed
 * beside it: none of their types appears in the public declarations, and
 * installed whole they cost 4.4 MB of the production install (proj4 with
 * wkt-parser and mgrs 1.9 MB, simple-statistics 2.0 MB, flatbuffers 0.6 MB,
 * seedrandom 0.5 MB) against the ≤ 20 MB budget (issue 19). They are
 * devDependencies; their licences go to dist/licenses/ (scripts/build-assets.mjs).
 * zod and graphology stay installed: their types are part of the API.
 */
export const BUNDLED_DEPENDENCIES = ['proj4', 'simple-statistics', 'flatbuffers', 'seedrandom'];

/** What both formats share. */
const COMMON: Options = {
  target: 'node20',
  // Source maps for development only: package.json "files" leaves them out of the tarball.
  sourcemap: true,
  // Shared chunks, so that the root, the subpaths, the workers and the CLI load
  // one copy of each module (one InvalidInputError class for `instanceof`).
  splitting: true,
  treeshake: true,
  // Resolved by the consumer (Node or a bundler), per platform.
  external: ['#platform'],
  noExternal: BUNDLED_DEPENDENCIES,
  // dist/ is emptied by the "prebuild" script: the two builds below run in parallel.
  clean: false,
};

export default defineConfig([
  {
    ...COMMON,
    // ESM: everything. The workers are entries of their own: the parallel
    // engines start them from dist/ (also from the CommonJS build).
    entry: { ...PUBLIC_ENTRIES, ...PLATFORM_ENTRIES, ...TREE_SHAKING_ENTRIES, 'coverage-worker': 'src/coverage/coverage-worker.ts', 'population-worker': 'src/exposure/population-worker.ts', 'sweep-worker': 'src/sweep/sweep-worker.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: { entry: PUBLIC_ENTRIES },
    // After the ESM build: the chart bundles and their licences into dist/assets/ (read by src/io/html-kit.ts).
    // Then report.html's interactive map: Leaflet, the page's script and its Web Worker (which runs the
    // library's own browser build), by scripts/build-assets.mjs.
    onSuccess: async () => {
      copyChartAssets();
      execFileSync(process.execPath, ['scripts/build-assets.mjs'], { stdio: 'inherit' });
    },
  },
  {
    ...COMMON,
    // CommonJS: the public entries and the Node side of #platform only (no CLI, no workers: those run as ESM).
    entry: { ...PUBLIC_ENTRIES, 'platform-node': PLATFORM_ENTRIES['platform-node'] },
    format: ['cjs'],
    dts: { entry: PUBLIC_ENTRIES },
    // import.meta.url in the CommonJS build (used to find the worker files and dist/assets).
    shims: true,
  },
]);
