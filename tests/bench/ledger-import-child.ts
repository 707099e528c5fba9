/**
 * Runs one ledger import in its own process, so its peak memory is the import's alone (plus Node,
 * TypeORM and SQLite, as in the app's main process). Built by ledger-import.bench.ts, started with
 * `node ledger-import-child.js <database> <csv>`; prints one JSON line with its figures.
 */
import { openDatabase } from '../../electron/main/db/open-database'
import { LedgerImportService } from '../../electron/main/features/ledger-import/import-service'
import { PRESETS, resolvePreset } from '../../electron/shared/ledger-import/presets'

async function main(): Promise<void> {
  const [databaseFile, csvFile] = process.argv.slice(2)
  if (!databaseFile || !csvFile) throw new Error('usage: ledger-import-child <database> <csv>')
  const db = await openDatabase({ file: databaseFile })
  const rssBefore = process.memoryUsage().rss
  let peakSampled = rssBefore
  const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, process.memoryUsage().rss)), 10)
  let writingAt = 0
  const service = new LedgerImportService({
    manager: db.dataSource.manager,
    now: () => new Date('2026-11-22T09:30:00Z'),
    chooseOpenFile: async () => csvFile,
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
