import { defineConfig } from 'tsup';

export default defineConfig({
  // The coverage worker is its own entry: the parallel engine starts it from dist/.
  entry: { index: 'src/index.ts', 'coverage-worker': 'src/coverage/coverage-worker.ts', 'population-worker': 'src/exposure/population-worker.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
  // import.meta.url in the CommonJS build (used to find the worker file).
  shims: true,
});
