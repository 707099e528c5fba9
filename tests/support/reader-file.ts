/** Where the tests' build of the import's reading thread lies (built by reader-thread-build.ts, the suites' global setup). */
import path from 'node:path'

export const READER_FILE = path.resolve(__dirname, '../../out/test-reader/ledger-import-reader.cjs')
