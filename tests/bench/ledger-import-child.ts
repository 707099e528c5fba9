/**
 * Runs one ledger import in its own process, so its peak memory is the import's alone (plus Node,
 * TypeORM and SQLite, as in the app's main process). Built by ledger-import.bench.ts, started with
 * `node ledger-import-child.js <database> <csv> <reading thread script>`; prints one JSON line with its figures.
 *
 * `node ledger-import-child.js --plain <imported database> <database>` times the baseline instead:
 * the entries the import wrote, read out first, put into `<database>` again by one prepared INSERT
 * in one transaction, into a table of the entries' columns with only the unique import key (no
 * secondary index, no trigger, nothing read or checked): the least any import of these rows does.
 */
import Database from 'better-sqlite3'
import { openDatabase } from '../../electron/main/db/open-database'
import { untilCheckpointed } from '../../electron/main/db/checkpoint-thread'
import { LedgerImportService } from '../../electron/main/features/ledger-import/import-service'
import { PRESETS, resolvePreset } from '../../electron/shared/ledger-import/presets'

const ENTRY_COLUMNS =
  'client_id, turnaround_id, kind, entry_date, description, amount_minor, currency, staff_id, worker, minutes, rate_minor, reference, invoice_id, import_key, is_sample, created_at, updated_at'

function plainInsert(importedFile: string, databaseFile: string): void {
  const source = new Database(importedFile, { readonly: true })
  const rows = source.prepare(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries ORDER BY id`).raw().all() as unknown[][]
  source.close()
  const db = new Database(databaseFile)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(`CREATE TABLE plain_entries AS SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE 0`)
  db.exec('CREATE UNIQUE INDEX uq_plain_import_key ON plain_entries (import_key)')
  const insert = db.prepare(
    `INSERT INTO plain_entries (${ENTRY_COLUMNS}) VALUES (${ENTRY_COLUMNS.split(',')
      .map(() => '?')
      .join(', ')})`,
  )
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  db.transaction(() => {
    for (const row of rows) insert.run(row)
  }).immediate()
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  db.close()
  process.stdout.write(`${JSON.stringify({ rows: rows.length, ms, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`)
}

async function main(): Promise<void> {
  if (process.argv[2] === '--plain') return plainInsert(process.argv[3]!, process.argv[4]!)
  const [databaseFile, csvFile, readerFile] = process.argv.slice(2)
  if (!databaseFile || !csvFile || !readerFile)
    throw new Error('usage: ledger-import-child <database> <csv> <reading thread script>')
  const db = await openDatabase({ file: databaseFile })
  const rssBefore = process.memoryUsage().rss
  let peakSampled = rssBefore
  const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, process.memoryUsage().rss)), 10)
  let writingAt = 0
  const service = new LedgerImportService({
    manager: db.dataSource.manager,
    now: () => new Date('2026-11-22T09:30:00Z'),
    chooseOpenFile: async () => csvFile,
    readerFile,
    // BENCH_INDEXES_KEPT=1 keeps the secondary indexes up row by row, to compare with setting them aside.
    ...(process.env.BENCH_INDEXES_KEPT ? { indexesAside: () => false } : {}),
    sendProgress: (p) => {
      if (p.phase === 'writing' && writingAt === 0) writingAt = performance.now()
    },
  })
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const chosen = await service.open(csvFile)
  const preset = PRESETS.generic
  const result = await service.run(
    chosen.token,
    {
      source: 'generic',
      fields: resolvePreset(preset, chosen.headers),
      kind: null,
      dateFormat: 'YYYY-MM-DD',
      createClients: false,
    },
    'stop',
  )
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  // The commit left its checkpoint to a thread of its own (checkpoint-thread.ts): the time and CPU
  // until the rows are in the database file too, so that work is counted, not hidden.
  await untilCheckpointed(db.dataSource)
  const checkpointedMs = performance.now() - started
  const cpuThroughCheckpoint = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  peakSampled = Math.max(peakSampled, process.memoryUsage().rss)
  await db.dataSource.destroy()
  const mb = (bytes: number) => bytes / 1024 / 1024
  process.stdout.write(
    `${JSON.stringify({
      status: result.status,
      rows: result.rowsRead,
      imported: result.imported,
      badRows: result.badRowCount,
      ms,
      // CPU time of this process (user and system): what the import costs, whatever else the machine runs.
      cpuMs: (cpu.user + cpu.system) / 1000,
      checkpointedMs,
      cpuThroughCheckpointMs: (cpuThroughCheckpoint.user + cpuThroughCheckpoint.system) / 1000,
      readMs: writingAt - started,
      writeMs: ms - (writingAt - started),
      rssBeforeMb: mb(rssBefore),
      peakRssSampledMb: mb(peakSampled),
      // The kernel's own peak for the whole process (kilobytes on Linux).
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  )
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
