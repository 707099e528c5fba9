/** The main process's log file: where stack traces go instead of the user's screen. */
import fs from 'node:fs'
import path from 'node:path'

export function createFileLogger(dir: string, now: () => Date = () => new Date()) {
  const file = path.join(dir, 'logs', 'main.log')
  return {
    file,
    error(context: string, error: unknown): void {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true })
        fs.appendFileSync(file, `${now().toISOString()} ERROR ${context}\n${detail}\n`)
      } catch {
        console.error(context, error)
      }
    },
  }
}
