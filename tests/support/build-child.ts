/**
 * Compiles a script of the tests with the project's own toolchain (Vite, as electron-vite builds
 * main: TypeScript with decorators, dependencies left in node_modules) into one CommonJS file that
 * plain `node` runs in a child process, with NODE_PATH set to the project's node_modules.
 */
import path from 'node:path'
import { build } from 'vite'

export const ROOT = path.resolve(__dirname, '../..')

export async function buildChild(entry: string, outDir: string, name: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: { output: { format: 'cjs', entryFileNames: `${name}.cjs` } },
    },
  })
  return path.join(outDir, `${name}.cjs`)
}
