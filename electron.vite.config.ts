import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      // typeorm, better-sqlite3 and zod stay in node_modules (a native addon cannot be bundled).
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
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
