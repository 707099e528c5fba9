/**
 * Compiles crash-writer.ts with the project's own toolchain (Vite, the way electron-vite builds
 * main: TypeScript with decorators, dependencies left in node_modules) into one CommonJS file that
 * plain `node` runs in a child process.
 */
import path from 'node:path'
import { build } from 'vite'

const ROOT = path.resolve(__dirname, '../../..')

export async function buildCrashWriter(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: path.join(__dirname, 'crash-writer.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: { output: { format: 'cjs', entryFileNames: 'crash-writer.cjs' } },
    },
  })
  return path.join(outDir, 'crash-writer.cjs')
}
