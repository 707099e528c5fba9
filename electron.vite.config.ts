import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { CHANNELS } from './electron/shared/channels'

export default defineConfig({
  main: {
    build: {
      // typeorm, better-sqlite3 and zod stay in node_modules (a native addon cannot be bundled).
      externalizeDeps: true,
      // The ledger import's reading thread is a script of its own, started by main (reading-thread.ts).
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'ledger-import-reader': resolve(__dirname, 'electron/main/features/ledger-import/read-worker.ts'),
        },
      },
    },
  },
  preload: {
    // The channel names, known here from the contract, so that the preload never loads its schemas.
    define: { __DESK_CHANNELS__: JSON.stringify(CHANNELS) },
    build: {
      // A sandboxed preload can only require 'electron': bundle everything else into it.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src'),
    base: './',
    plugins: [vue()],
    build: {
      // electron-vite leaves the renderer unminified: minified, the code the window parses at start
      // is about half the size (a shorter cold start; see the renderer figures in the benchmarks).
      minify: 'oxc',
      rolldownOptions: { input: { index: resolve(__dirname, 'src/index.html') } },
    },
  },
})
