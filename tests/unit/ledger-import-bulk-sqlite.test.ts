/**
 * The end of a large import on SQLite (import-writer.ts): the import key's unique index set aside
 * too when the ledger holds no imported entry, and built again before the commit (bulk-indexes.ts);
 * the sorting done in small runs on helper threads, and the writing with SQLite's own page cache
 * rather than the connection's larger one (import-cache.ts). SQLite only (vitest.config.mts
 * leaves this file out of unit-pg): PostgreSQL never sets an index aside, and these are SQLite's
 * settings of its one connection.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { IMPORT_KEY_INDEX, importKeyAside } from '../../electron/main/features/ledger-import/bulk-indexes'
import { SqliteImportWrite, rawDatabase } from '../../electron/main/features/ledger-import/import-writer'
import type { ImportRow } from '../../electron/main/features/ledger-import/row-reader'
import { rowsOnThisThread } from '../../electron/main/features/ledger-import/row-store'
import { SORT_RUN_KIB, withSortRuns } from '../../electron/main/features/ledger-import/sort-runs'
import { IMPORT_CACHE_KIB, withImportCache } from '../../electron/main/features/ledger-import/import-cache'
import { PAGE_CACHE_KIB } from '../../electron/main/db/open-database'
import {
  fixture,
  importFile,
  importService,
  openImportApp,
  presetMapping,
  writeCsv,
  type ImportApp,
} from '../support/import-fixture'

const apps: ImportApp[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close()
})

async function app(): Promise<ImportApp> {
  const a = await openImportApp()
  apps.push(a)
  return a
}

/** An invoice of Acme's, its import key 32 bytes (as the reader's SHA-256 gives them) made from `key`. */
function invoice(a: ImportApp, n: number, key: number): ImportRow {
  const bytes = Buffer.alloc(32, 7)
  bytes.writeUInt32BE(key)
  return {
    line: n + 2,
    date: `2026-0${1 + (n % 9)}-15`,
    clientKey: 'acme ltd',
    clientName: 'Acme Ltd',
    clientId: a.acme,
    kind: 'invoice',
    description: `Print run ${n}`,
    amountMinor: 10_000 + n,
    minutes: null,
    rateMinor: null,
    rateFrom: null,
    staffId: null,
    worker: '',
    reference: `INV-${n}`,
    turnaroundId: null,
    invoice: '',
    importKey: bytes.toString('latin1'),
  }
}

const keyIndex = (a: ImportApp) =>
  a.db.dataSource.query('SELECT sql FROM sqlite_master WHERE name = ?', [IMPORT_KEY_INDEX]) as Promise<
    Array<{ sql: string }>
  >

describe('the import key set aside by a large import', () => {
  it('is set aside only while no entry of the ledger has an import key', async () => {
    const a = await app()
    const db = rawDatabase(a.db.dataSource.manager)
    expect(importKeyAside(db)).toBe(true)
    // An entry made by hand has no import key: still none imported.
    await a.db.dataSource.query(
      "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, created_at, updated_at) VALUES (?, 'invoice', '2026-03-01', 500, 'USD', '', '')",
      [a.acme],
    )
    expect(importKeyAside(db)).toBe(true)
    await importFile(a, fixture('generic.csv'), 'generic')
    expect(importKeyAside(db)).toBe(false)
  })

  it('is missing while the rows go in, and back word for word before the commit, each row found by its key', async () => {
    const a = await app()
    const before = await keyIndex(a)
    expect(before).toHaveLength(1)
    const db = rawDatabase(a.db.dataSource.manager)
    const { rows, writer } = rowsOnThisThread()
    for (let n = 0; n < 50; n++) writer.push(invoice(a, n, n))
    writer.end()
    const write = SqliteImportWrite.begin(db, 'USD', '2026-11-22T09:30:00.000Z')
    write.write(rows, 0, rows.length, rows.length, { indexesAside: () => true })
    // Inside the import's transaction, on its own connection: the index is not there.
    expect(db.prepare('SELECT COUNT(*) FROM sqlite_master WHERE name = ?').pluck().get(IMPORT_KEY_INDEX)).toBe(0)
    expect(write.finish(rows)).toMatchObject({ imported: 50, duplicates: 0 })
    write.commit()
    expect(await keyIndex(a)).toEqual(before)
    // The index is used and finds each row by its key.
    const key = rows.row(17).importKey
    expect(
      db.prepare('EXPLAIN QUERY PLAN SELECT reference FROM ledger_entries WHERE import_key = ?').raw().all(key),
    ).toEqual([expect.arrayContaining([expect.stringContaining(IMPORT_KEY_INDEX)])])
    expect(db.prepare('SELECT reference FROM ledger_entries WHERE import_key = ?').pluck().get(key)).toBe('INV-17')
    expect(await a.db.dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })

  it('fails the whole import on two rows of one key, keeping nothing and the index as it was', async () => {
    const a = await app()
    const before = await keyIndex(a)
    const db = rawDatabase(a.db.dataSource.manager)
    const { rows, writer } = rowsOnThisThread()
    for (let n = 0; n < 20; n++) writer.push(invoice(a, n, n === 12 ? 3 : n))
    writer.end()
    const write = SqliteImportWrite.begin(db, 'USD', '2026-11-22T09:30:00.000Z')
    write.write(rows, 0, rows.length, rows.length, { indexesAside: () => true })
    expect(() => write.finish(rows)).toThrow(/UNIQUE constraint failed: ledger_entries\.import_key/)
    write.rollback()
    expect(await a.db.dataSource.query('SELECT COUNT(*) AS n FROM ledger_entries')).toEqual([{ n: 0 }])
    expect(await a.db.dataSource.query('SELECT COUNT(*) AS n FROM ledger_month_totals')).toEqual([{ n: 0 }])
    expect(await keyIndex(a)).toEqual(before)
  })
})

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
    expect(before.cacheSize).toBe(-PAGE_CACHE_KIB)
    // The cache while the rows are written, as each progress report finds it.
    const whileWriting = new Set<unknown>()
    const service = importService(a, {
      indexesAside: () => true,
      sendProgress: () => whileWriting.add(settings(a).cacheSize),
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
    expect([...whileWriting]).toEqual([-IMPORT_CACHE_KIB])
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

describe('an import’s page cache', () => {
  it('is SQLite’s own 16 MB while the work runs, and the connection’s again after it, however it ends', async () => {
    const a = await app()
    const db = rawDatabase(a.db.dataSource.manager)
    expect(IMPORT_CACHE_KIB).toBeLessThan(PAGE_CACHE_KIB)
    expect(await withImportCache(db, async () => settings(a).cacheSize)).toBe(-IMPORT_CACHE_KIB)
    expect(settings(a).cacheSize).toBe(-PAGE_CACHE_KIB)
    await expect(
      withImportCache(db, async () => {
        throw new Error('the disk is full')
      }),
    ).rejects.toThrow('the disk is full')
    expect(settings(a).cacheSize).toBe(-PAGE_CACHE_KIB)
  })
})
