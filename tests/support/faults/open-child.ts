/**
 * Opens a database the way the app starts, in a child process (which the read-only test runs as
 * another user when the tests run as root, since root writes anywhere), and prints one JSON line:
 *   {"opened":true,"dailyBackupProblem":...,"write":...}   or   {"opened":false,"problem":...,"title":...,"message":...}
 * After a successful open it tries one write through the real dispatcher and reports its envelope.
 * Usage: node open-child.cjs <database file>
 */
import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../../../electron/main/db/open-database'
import { DatabaseOpenError, describeOpenProblem } from '../../../electron/main/db/errors'
import { createHandlers, type AppContext, type Ports } from '../../../electron/main/features/handlers'
import { createDispatcher } from '../../../electron/main/ipc'
import { READER_FILE } from '../reader-file'

const say = (value: unknown) => fs.writeSync(1, `${JSON.stringify(value)}\n`)

async function main(): Promise<void> {
  const file = process.argv[2] as string
  try {
    const db = await openDatabase({ file })
    const ctx: AppContext = {
      dataSource: db.dataSource,
      dataDir: path.dirname(file),
      databaseFile: file,
      version: 'child',
    }
    const ports = {
      now: () => new Date(),
      fontsDir: '',
      importReaderFile: READER_FILE,
      openFolder: async () => {},
      openFile: async () => {},
      chooseSavePath: async () => null,
      chooseOpenFile: async () => null,
      sendImportProgress: () => {},
    } satisfies Ports
    const dispatcher = createDispatcher(
      createHandlers(ctx, ports),
      () => true,
      () => {},
    )
    const write = await dispatcher.dispatch({ url: 'app://child' }, 'clients:create', { name: 'Written by the child' })
    await db.dataSource.destroy()
    say({ opened: true, dailyBackupProblem: db.dailyBackupProblem, write })
  } catch (error) {
    if (error instanceof DatabaseOpenError)
      say({ opened: false, problem: error.problem, ...describeOpenProblem(error) })
    else say({ opened: false, problem: 'other', message: error instanceof Error ? error.message : String(error) })
  }
}

void main()
