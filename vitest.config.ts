import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `#platform` (package.json "imports"): its Node side, from the sources.
  resolve: { alias: [{ find: /^#platform$/, replacement: fileURLToPath(new URL('./src/core/platform-node.ts', import.meta.url)) }] },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
