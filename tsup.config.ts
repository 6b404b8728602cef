import { defineConfig } from 'tsup';

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

export default defineConfig({
  // The workers are entries of their own: the parallel engines start them from dist/.
  entry: { ...PUBLIC_ENTRIES, 'coverage-worker': 'src/coverage/coverage-worker.ts', 'population-worker': 'src/exposure/population-worker.ts', 'sweep-worker': 'src/sweep/sweep-worker.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: PUBLIC_ENTRIES },
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Shared chunks, so that the root, the subpaths, the workers and the CLI load
  // one copy of each module (one InvalidInputError class for `instanceof`).
  splitting: true,
  treeshake: true,
  // import.meta.url in the CommonJS build (used to find the worker file).
  shims: true,
  // report.html's interactive map: Leaflet and the page's script and worker, built into dist/assets
  // (scripts/build-assets.mjs; a step of its own, beside any other asset step).
  onSuccess: 'node scripts/build-assets.mjs',
});
