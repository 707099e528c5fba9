import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * Benchmarks, not tests: `npm run bench` measures, prints the figures and writes
 * test-results/bench.json. Nothing here asserts on timings. One file at a time: two-core machines.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'bench',
    environment: 'node',
    include: ['tests/bench/**/*.bench.ts'],
    // Builds the renderer and the preload shim the Chromium figures run against.
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
})
