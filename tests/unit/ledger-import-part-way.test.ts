/**
 * On SQLite an import writes the rows already read while the rest of the file is still being read
 * (import-run.ts), with the indexes and the month totals' trigger set aside: whatever stops a
 * large import part-way (a failing write, a cancel once rows are written, a refused line or a bad
 * row far into the file, a ledger that would overflow) leaves the ledger, its totals and its schema
 * exactly as they were, and the next import goes through. On PostgreSQL the same imports end the same way.
 */
import { AsyncResource } from 'node:async_hooks'
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import path from 'node:path'
import type { LedgerImportDeps, LedgerImportService } from '../../electron/main/features/ledger-import/import-service'
import { rawDatabase } from '../../electron/main/features/ledger-import/import-writer'
import { STOP_GRACE_MS } from '../../electron/main/features/ledger-import/reading-thread'
import type { Envelope } from '../../electron/shared/envelope'
import type { ImportResult } from '../../electron/shared/ledger-import/models'
import { MAX_AMOUNT_MINOR, MAX_LEDGER_TOTAL_MINOR } from '../../electron/shared/money'
import { failInsertsWhen } from '../support/failing-trigger'
import {
  chooseFile,
  importService,
  ledgerFingerprint,
  openImportApp,
  presetMapping,
  writeCsv,
  type ImportApp,
} from '../support/import-fixture'
import { TEST_ENGINE } from '../support/temp-db'
import { READER_FILE } from '../support/reader-file'

let app: ImportApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const ROWS = 40_000

/** A file of ROWS invoices for the two clients, with `bad` (a line number) holding an unreadable date. */
function largeCsv(a: ImportApp, name: string, options: { bad?: number; amount?: string; rows?: number } = {}): string {
  const lines = ['date,client,kind,description,amount']
  for (let i = 0; i < (options.rows ?? ROWS); i++) {
    const date = i + 2 === options.bad ? 'someday' : `2026-0${(i % 9) + 1}-1${i % 10}`
    lines.push(
      `${date},${i % 3 ? 'Acme Ltd' : 'Blue Finch Studio'},invoice,Row ${i},${options.amount ?? `${i % 700}.${String(i % 100).padStart(2, '0')}`}`,
    )
  }
  return writeCsv(a.dir, name, `${lines.join('\n')}\n`)
}

async function run(a: ImportApp, file: string): Promise<Envelope<ImportResult>> {
  const chosen = await chooseFile(a, file)
  return (await a.call('ledger-import:run', {
    token: chosen.token,
    mapping: presetMapping('generic', chosen.headers),
    badRows: 'stop',
  })) as Envelope<ImportResult>
}

/** Runs the import of `file` with the insert of the entry described `description` made to fail. */
async function runFailingAt(a: ImportApp, file: string, description: string): Promise<Envelope<ImportResult>> {
  const unfail = await failInsertsWhen(a.db.dataSource, `NEW.description = '${description}'`)
  try {
    return await run(a, file)
  } finally {
    await unfail()
  }
}

/** The app's import service, its file read by the thread script `readerFile` (a test's stand-in). */
function serviceReadingWith(
  a: ImportApp,
  readerFile: string,
  deps: Partial<LedgerImportDeps> = {},
): LedgerImportService {
  return importService(a, { readerFile, ...deps })
}

/** The schema of the ledger's tables: every index and trigger, word for word (SQLite; PostgreSQL's does not change). */
async function schema(a: ImportApp): Promise<unknown[]> {
  if (TEST_ENGINE === 'postgres') return []
  return a.db.dataSource.query(
    "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('ledger_entries', 'ledger_month_totals', 'ledger_client_months') ORDER BY name",
  )
}

describe('a large import stopped part-way', () => {
  it('by a write that fails on the 30,000th entry: nothing is kept, and the next import goes through', async () => {
    app = await openImportApp()
    const before = await ledgerFingerprint(app)
    const schemaBefore = await schema(app)
    const file = largeCsv(app, 'large.csv')
    const failed = await runFailingAt(app, file, 'Row 29999')
    expect(failed.ok).toBe(false)
    expect(await ledgerFingerprint(app)).toEqual(before)
    expect(await schema(app)).toEqual(schemaBefore)
    const again = await run(app, file)
    expect(again).toMatchObject({ ok: true, data: { status: 'imported', imported: ROWS } })
    expect((await ledgerFingerprint(app)).entries).toBe(before.entries + ROWS)
    expect(await schema(app)).toEqual(schemaBefore)
  })

  // On PostgreSQL nothing is written before the whole file is read: a cancel meets no written row.
  it.skipIf(TEST_ENGINE === 'postgres')(
    'by a cancel once rows are written: the rows written are not kept',
    async () => {
      const a = (app = await openImportApp())
      const before = await ledgerFingerprint(a)
      const schemaBefore = await schema(a)
      const db = rawDatabase(a.db.dataSource.manager)
      const chosen = await chooseFile(a, largeCsv(a, 'cancelled.csv', { rows: 150_000 }))
      let writtenAtCancel = 0
      // Bound here, outside the run: the cancel arrives as the window's would, past the request queue.
      const cancel = AsyncResource.bind(() => a.call('ledger-import:cancel', { token: chosen.token }))
      a.ports.onImportProgress = (p) => {
        if (p.phase !== 'reading' || writtenAtCancel > 0) return
        // The import's own connection, inside its open transaction: the rows it has written so far.
        const written = (db.prepare('SELECT COUNT(*) FROM ledger_entries').pluck().get() as number) - before.entries
        if (written > 0) {
          writtenAtCancel = written
          void cancel()
        }
      }
      const result = (await a.call('ledger-import:run', {
        token: chosen.token,
        mapping: presetMapping('generic', chosen.headers),
        badRows: 'stop',
      })) as Envelope<ImportResult>
      expect(writtenAtCancel).toBeGreaterThan(0)
      expect(result).toMatchObject({ ok: true, data: { status: 'cancelled', imported: 0 } })
      expect(await ledgerFingerprint(a)).toEqual(before)
      expect(await schema(a)).toEqual(schemaBefore)
    },
  )

  it('by a bad row far into the file under "stop": the rows before it are not kept', async () => {
    app = await openImportApp()
    const before = await ledgerFingerprint(app)
    const schemaBefore = await schema(app)
    const result = await run(app, largeCsv(app, 'bad-late.csv', { bad: 35_000 }))
    expect(result).toMatchObject({
      ok: true,
      data: { status: 'stopped', rowsRead: ROWS, goodRows: ROWS - 1, badRowCount: 1, imported: 0 },
    })
    expect(result.ok && result.data.badRows).toEqual([{ line: 35_000, reason: expect.stringMatching(/^Bad date/) }])
    expect(await ledgerFingerprint(app)).toEqual(before)
    expect(await schema(app)).toEqual(schemaBefore)
  })

  it('by a cancel asked for while the import gets ready, before its reading thread starts', async () => {
    const a = (app = await openImportApp())
    const before = await ledgerFingerprint(a)
    const chosen = await chooseFile(a, largeCsv(a, 'early.csv', { rows: 150_000 }))
    const service = a.services.ledgerImport
    const running = service.run(chosen.token, presetMapping('generic', chosen.headers), 'stop')
    // run() is under way (it awaits the database's lookups): the cancel finds it.
    expect(service.cancel(chosen.token)).toEqual({ cancelling: true })
    const result = await running
    expect(result.status).toBe('cancelled')
    // The thread was told at once: it stopped after its first chunk instead of reading the whole file.
    expect(result.rowsRead).toBeLessThan(20_000)
    expect(await ledgerFingerprint(a)).toEqual(before)
  })

  it('by a cancel its reading thread never answers: the import ends cancelled after the grace, and the log says why', async () => {
    const a = (app = await openImportApp())
    const before = await ledgerFingerprint(a)
    // A reading thread that reports once and is deaf to the stop from then on.
    const deaf = path.join(a.dir, 'deaf-reader.cjs')
    fs.writeFileSync(
      deaf,
      [
        "const { parentPort } = require('node:worker_threads')",
        "parentPort.postMessage({ type: 'progress', counts: { bytesRead: 4096, rowsRead: 80, badRows: 0 } })",
        'setInterval(() => {}, 1000)',
      ].join('\n'),
    )
    const logged: Array<[string, unknown]> = []
    let token = ''
    const service: LedgerImportService = serviceReadingWith(a, deaf, {
      sendProgress: () => void service.cancel(token),
      logError: (what, error) => logged.push([what, error]),
    })
    const chosen = await service.open(largeCsv(a, 'deaf.csv'))
    token = chosen.token
    const started = Date.now()
    const result = await service.run(token, presetMapping('generic', chosen.headers), 'stop')
    expect(result).toMatchObject({ status: 'cancelled', rowsRead: 80, imported: 0 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(STOP_GRACE_MS - 50)
    expect(logged).toHaveLength(1)
    expect(String(logged[0]![1])).toMatch(/did not end after the stop/)
    expect(await ledgerFingerprint(a)).toEqual(before)
    // The file can be imported at once: the import no longer holds it.
    const again = await run(a, largeCsv(a, 'after.csv', { rows: 100 }))
    expect(again).toMatchObject({ ok: true, data: { status: 'imported', imported: 100 } })
  }, 20_000)

  it('by a refused line far into the file: nothing is kept, not even the rows written before it', async () => {
    app = await openImportApp()
    const before = await ledgerFingerprint(app)
    const schemaBefore = await schema(app)
    const file = largeCsv(app, 'long-line.csv')
    // A line past the longest a record may be (csv-stream.ts) after 40,000 good rows: the file is refused there.
    fs.appendFileSync(file, `2026-03-01,Acme Ltd,invoice,"${'x'.repeat(250_000)}",1.00\n`)
    const result = await run(app, file)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(!result.ok && result.error.message).toMatch(/Nothing was imported/)
    // Give any slice still waiting for its turn the time to run: none may write outside the transaction.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await ledgerFingerprint(app)).toEqual(before)
    expect(await schema(app)).toEqual(schemaBefore)
  })

  // On PostgreSQL the whole file is read before anything is written: the ledger's room is checked
  // first and refuses it, and the failing write never runs.
  it.skipIf(TEST_ENGINE === 'postgres')(
    'by a write that fails in a file too large for the ledger: the failure is what is said',
    async () => {
      const a = (app = await openImportApp())
      const before = await ledgerFingerprint(a)
      // Each row at the most one entry may be: 16,000 of them pass what the ledger may hold, and the
      // write fails at the 20,000th entry, so the rows read when it stops are past the ledger's most too.
      expect(16_000 * MAX_AMOUNT_MINOR).toBeGreaterThan(MAX_LEDGER_TOTAL_MINOR)
      const file = largeCsv(a, 'fails-and-too-much.csv', { amount: (MAX_AMOUNT_MINOR / 100).toFixed(2) })
      // The real reading thread, its last word held until the import stops it: the write fails while
      // the file is still being read, however much faster than the write this machine reads (a file
      // read to its end first is refused for the ledger's room before the failing row is reached).
      const heldEnd = path.join(a.dir, 'held-end-reader.cjs')
      fs.writeFileSync(
        heldEnd,
        [
          "const { parentPort } = require('node:worker_threads')",
          'const send = parentPort.postMessage.bind(parentPort)',
          'let held = null',
          "parentPort.postMessage = (message, transfer) => (message.type === 'done' ? (held = message) : send(message, transfer))",
          "parentPort.on('message', (message) => message === 'stop' && held && send(held))",
          `require(${JSON.stringify(READER_FILE)})`,
        ].join('\n'),
      )
      const service = serviceReadingWith(a, heldEnd)
      const unfail = await failInsertsWhen(a.db.dataSource, "NEW.description = 'Row 19999'")
      try {
        const chosen = await service.open(file)
        const refused = await service.run(chosen.token, presetMapping('generic', chosen.headers), 'stop').then(
          () => null,
          (error: unknown) => error as Error,
        )
        expect(refused?.message).toMatch(/Your data changed while the file was read/)
      } finally {
        await unfail()
      }
      expect(await ledgerFingerprint(a)).toEqual(before)
    },
  )

  it('by a ledger that would pass its most: refused once every row is read, nothing kept', async () => {
    app = await openImportApp()
    const before = await ledgerFingerprint(app)
    const schemaBefore = await schema(app)
    // Each row within an amount's bounds; together past what the ledger may hold.
    const amount = ((MAX_LEDGER_TOTAL_MINOR / ROWS) * 2) / 100
    const result = await run(app, largeCsv(app, 'too-much.csv', { amount: amount.toFixed(2) }))
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(!result.ok && result.error.message).toMatch(/ledger/i)
    expect(await ledgerFingerprint(app)).toEqual(before)
    expect(await schema(app)).toEqual(schemaBefore)
  })
})
