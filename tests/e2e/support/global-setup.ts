import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { build } from 'vite'
import { CHANNELS } from '../../../electron/shared/channels'
import { ROOT, SHIM_FILE } from './paths'

/** Builds the app exactly as `npm run build` does, and the browser stand-in for the preload. */
export default async function setup(): Promise<void> {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: ROOT, stdio: 'inherit' },
  )
  await build({
    configFile: false,
    logLevel: 'warn',
    // As electron.vite.config.ts does for the preload: the channel names, not the contract's schemas.
    define: { __DESK_CHANNELS__: JSON.stringify(CHANNELS) },
    build: {
      outDir: path.dirname(SHIM_FILE),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: path.join(ROOT, 'tests/e2e/support/preload-shim.ts'),
        formats: ['iife'],
        name: 'deskPreloadShim',
        fileName: () => path.basename(SHIM_FILE),
      },
    },
  })
}
