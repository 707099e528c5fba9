/**
 * The end of a large import sorts in small runs on helper threads (sort-runs.ts): only while it
 * sorts, the connection's page cache and thread limit put back as they were however the work ends,
 * and a large import leaves both as it found them. SQLite only (vitest.config.mts leaves it out of
 * unit-pg): these are SQLite's settings of its one connection.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { rawDatabase } from '../../electron/main/features/ledger-import/import-writer'
import { LedgerImportService } from '../../electron/main/features/ledger-import/import-service'
import { SORT_RUN_KIB, withSortRuns } from '../../electron/main/features/ledger-import/sort-runs'
import { openImportApp, presetMapping, writeCsv, type ImportApp } from '../support/import-fixture'
import { READER_FILE } from '../support/reader-file'

const apps: ImportApp[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close()
})

async function app(): Promise<ImportApp> {
  const a = await openImportApp()
  apps.push(a)
  return a
}

const settings = (a: ImportApp) => {
  const db = rawDatabase(a.db.dataSource.manager)
  return { cacheSize: db.pragma('cache_size', { simple: true }), threads: db.pragma('threads', { simple: true }) }
}

describe('sorting in small runs on helper threads', () => {
  it('holds only while the work runs, and is put back when it fails', async () => {
    const a = await app()
    const db = rawDatabase(a.db.dataSource.manager)
    const before = settings(a)
    expect(before.threads).toBe(0)
    const during = withSortRuns(db, () => settings(a))
    expect(during.cacheSize).toBe(-SORT_RUN_KIB)
    expect(during.threads).toBeGreaterThanOrEqual(1)
    expect(settings(a)).toEqual(before)
    expect(() =>
      withSortRuns(db, () => {
        throw new Error('the index could not be built')
      }),
    ).toThrow('the index could not be built')
    expect(settings(a)).toEqual(before)
  })

  it('is left as it was found by a large import, whose rows and totals are whole', async () => {
    const a = await app()
    const before = settings(a)
    const service = new LedgerImportService({
      manager: a.db.dataSource.manager,
      now: () => new Date('2026-11-22T09:30:00Z'),
      chooseOpenFile: async () => null,
      sendProgress: () => {},
      readerFile: READER_FILE,
      indexesAside: () => true,
    })
    const lines = Array.from(
      { length: 3_000 },
      (_, i) =>
        `2026-0${1 + (i % 9)}-1${i % 10},${i % 2 ? 'Acme Ltd' : 'Blue Finch Studio'},invoice,${1 + (i % 90)}.50`,
    )
    const file = writeCsv(a.dir, 'sorted.csv', `date,client,kind,amount\n${lines.join('\n')}\n`)
    const chosen = await service.open(file)
    const result = await service.run(chosen.token, presetMapping('generic', chosen.headers), 'stop')
    expect(result).toMatchObject({ status: 'imported', imported: 3_000 })
    expect(settings(a)).toEqual(before)
    const [totals] = (await a.db.dataSource.query(
      'SELECT SUM(entries) AS entries, SUM(amount_minor) AS amount FROM ledger_month_totals',
    )) as Array<{ entries: number; amount: number }>
    const [entries] = (await a.db.dataSource.query(
      'SELECT COUNT(*) AS entries, SUM(amount_minor) AS amount FROM ledger_entries',
    )) as Array<{ entries: number; amount: number }>
    expect(totals).toEqual(entries)
    expect(await a.db.dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })
})
