/**
 * The ledger import reads its file on a thread of its own, started from a built script (electron.vite
 * .config.ts builds it beside main's index.js). The tests run main's code from its TypeScript, so
 * this global setup builds that script once per run, with the project's own toolchain, to
 * READER_FILE (reader-file.ts); the tests' services are given that path (tests/support/temp-db.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildChild, ROOT } from './build-child'
import { READER_FILE } from './reader-file'

/** Builds into a folder of its own, then moves the file in place: projects set up side by side never see half a file. */
export default async function buildReaderThread(): Promise<void> {
  fs.mkdirSync(path.dirname(READER_FILE), { recursive: true })
  const dir = fs.mkdtempSync(path.join(path.dirname(READER_FILE), '.build-'))
  try {
    const built = await buildChild(
      path.join(ROOT, 'electron/main/features/ledger-import/read-worker.ts'),
      dir,
      'ledger-import-reader',
    )
    fs.renameSync(built, READER_FILE)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
