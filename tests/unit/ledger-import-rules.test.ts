/** The import's rules through the real dispatcher: bad rows, all or nothing, duplicates, cancelling, currency, clients. */
import { AsyncResource } from 'node:async_hooks'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../electron/shared/ledger-import/models'
import { PRESETS, resolvePreset } from '../../electron/shared/ledger-import/presets'
import { call, refused } from '../support/letters-fixture'
import { TEST_ENGINE } from '../support/temp-db'
import {
  chooseFile,
  entries,
  fixture,
  genericFields,
  importFile,
  ledgerFingerprint,
  monthTotals,
  openImportApp,
  presetMapping,
  previewFile,
  writeCsv,
  type ImportApp,
} from '../support/import-fixture'
import { READER_FILE } from '../support/reader-file'

let app: ImportApp | undefined

/** One of Acme's turnarounds, opened on `openedOn` from a call. */
const openAcmeTurnaround = (a: ImportApp, openedOn: string, clientWords: string) =>
  call<{ id: number }>(a, 'turnarounds:open', {
    clientId: a.acme,
    firstHeardBy: 'Maya Okafor',
    channel: 'call',
    clientWords,
    openedOn,
  })
afterEach(async () => {
  await app?.close()
  app = undefined
})

const BAD_ROWS = [
  { line: 3, reason: 'Bad date “2026-02-30”: use a date like 2026-03-31.' },
  { line: 4, reason: 'Bad amount “12,34”: use a positive amount such as 1234.50.' },
  {
    line: 5,
    reason:
      'Unknown kind “bribe”: use one of invoice, payment, time, material, expense, refund, discount, credit, gift.',
  },
  { line: 6, reason: 'In EUR, but your books are kept in USD: only USD entries can be imported.' },
  { line: 7, reason: 'No client named “Nobody Inc”. Choose “Create clients not found” to add them.' },
  { line: 8, reason: 'Has 4 columns where the header has 10.' },
  { line: 10, reason: 'No minutes or hours for time.' }, // line 9 is blank: skipped, still counted
  { line: 12, reason: 'A quoted value is never closed (a " without its closing ").' },
]

describe('rows that cannot be read', () => {
  it('are listed with their line and reason, and by default nothing is written', async () => {
    app = await openImportApp()
    const before = await ledgerFingerprint(app)
    const result = await importFile(app, fixture('bad-rows.csv'), 'generic')
    expect(result).toMatchObject({ status: 'stopped', rowsRead: 10, goodRows: 2, badRowCount: 8, imported: 0 })
    expect(result.badRows).toEqual(BAD_ROWS)
    expect(await ledgerFingerprint(app)).toEqual(before)
  })

  it('time too large for one entry is a bad row with its reason, not a failure of the whole import', async () => {
    app = await openImportApp()
    const csv = [
      'date,client,kind,description,amount,currency,minutes,worker,rate,reference',
      '2026-02-01,Acme Ltd,time,Fine,,USD,90,,,',
      '2026-02-02,Acme Ltd,time,Too long,,USD,100001,,,',
      '2026-02-03,Acme Ltd,time,Too dear,,USD,100000,,100000000.00,',
    ].join('\n')
    const result = await importFile(app, writeCsv(app.dir, 'huge.csv', csv), 'generic')
    expect(result).toMatchObject({ status: 'stopped', goodRows: 1, badRowCount: 2 })
    expect(result.badRows).toEqual([
      { line: 3, reason: '100,001 minutes is more than one entry can hold (100,000): split the time.' },
      // 100,000 minutes at the largest rate, 10^10 minor units an hour: a cost of 1.67 × 10^13, past the cap of one amount.
      {
        line: 4,
        reason: 'At this rate, the time costs more than one entry can hold ($100,000,000.00): split the time.',
      },
    ])
  })

  it('the readable rows alone are imported when the user chooses so', async () => {
    app = await openImportApp()
    const result = await importFile(app, fixture('bad-rows.csv'), 'generic', {}, 'skip')
    expect(result).toMatchObject({ status: 'imported', goodRows: 2, imported: 2, badRowCount: 8 })
    expect(result.badRows).toEqual(BAD_ROWS)
    expect((await entries(app)).map((r) => [r.client, r.kind, r.amount_minor])).toEqual([
      ['Acme Ltd', 'invoice', 10000],
      ['Blue Finch Studio', 'payment', 4000],
    ])
  })

  it('shows the same problems in the preview, row by row', async () => {
    app = await openImportApp()
    const preview = await previewFile(app, fixture('bad-rows.csv'), 'generic')
    expect(preview.rows.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      ...BAD_ROWS.slice(0, 6).map((b) => [b.line, b.reason]),
      [10, BAD_ROWS[6]!.reason],
      [11, null],
      [12, BAD_ROWS[7]!.reason],
    ])
    expect(preview.rows[0]!.entry).toMatchObject({
      date: '2026-02-01',
      clientName: 'Acme Ltd',
      newClient: false,
      kind: 'invoice',
      amountMinor: 10000,
      currency: 'USD',
    })
  })

  it('an entry in another currency is refused with a clear message', async () => {
    app = await openImportApp()
    const result = await importFile(app, fixture('harvest-detailed-time.csv'), 'harvest-time', {}, 'stop')
    expect(result.status).toBe('imported')
    const euro = writeCsv(
      app.dir,
      'euro.csv',
      'date,client,kind,amount,currency\n2026-03-01,Acme Ltd,invoice,10.00,Euro - EUR\n',
    )
    const refusedRun = await importFile(app, euro, 'generic')
    expect(refusedRun).toMatchObject({
      status: 'stopped',
      badRows: [{ line: 2, reason: 'In EUR, but your books are kept in USD: only USD entries can be imported.' }],
    })
  })
})

describe('duplicates', () => {
  it('importing the same file twice adds nothing the second time', async () => {
    app = await openImportApp()
    const first = await importFile(app, fixture('generic.csv'), 'generic')
    const after = await ledgerFingerprint(app)
    const second = await importFile(app, fixture('generic.csv'), 'generic')
    expect(first).toMatchObject({ imported: 8, duplicates: 0 })
    expect(second).toMatchObject({ status: 'imported', imported: 0, duplicates: 8 })
    expect(await ledgerFingerprint(app)).toEqual(after)
  })

  it('identical rows within one file are each imported once, and only once', async () => {
    app = await openImportApp()
    const csv = 'date,client,kind,amount\n2026-03-01,Acme Ltd,expense,9.99\n2026-03-01,Acme Ltd,expense,9.99\n'
    expect(await importFile(app, writeCsv(app.dir, 'twice.csv', csv), 'generic')).toMatchObject({ imported: 2 })
    // A longer file with a third identical row adds just that one.
    expect(
      await importFile(app, writeCsv(app.dir, 'thrice.csv', `${csv}2026-03-01,Acme Ltd,expense,9.99\n`), 'generic'),
    ).toMatchObject({ imported: 1, duplicates: 2 })
    expect(await monthTotals(app)).toEqual([
      { client: 'Acme Ltd', month: '2026-03', kind: 'expense', amount_minor: 2997, minutes: 0, entries: 3 },
    ])
  })

  it('the same row read through a different column order is still the same row', async () => {
    app = await openImportApp()
    await importFile(
      app,
      writeCsv(app.dir, 'a.csv', 'date,client,kind,amount\n2026-03-01,Acme Ltd,expense,9.99\n'),
      'generic',
    )
    expect(
      await importFile(
        app,
        writeCsv(app.dir, 'b.csv', 'amount,kind,client,date\n9.99,Expense, acme ltd ,2026-03-01\n'),
        'generic',
      ),
    ).toMatchObject({ imported: 0, duplicates: 1 })
  })
})

describe('clients', () => {
  it('are created on request, once per name, and listed in the result', async () => {
    app = await openImportApp()
    const csv =
      'date,client,kind,amount\n2026-03-01,Northwind Traders,invoice,100\n2026-03-02,NORTHWIND  traders,payment,100\n2026-03-03,Acme Ltd,invoice,5\n'
    const file = writeCsv(app.dir, 'new.csv', csv)
    expect(await importFile(app, file, 'generic')).toMatchObject({ status: 'stopped', badRowCount: 2 })
    const result = await importFile(app, file, 'generic', { createClients: true })
    expect(result).toMatchObject({ status: 'imported', imported: 3, clientsCreated: ['Northwind Traders'] })
    const page = await call<{ rows: Array<{ name: string; status: string }> }>(app, 'clients:list', {
      search: 'northwind',
    })
    expect(page.rows).toMatchObject([{ name: 'Northwind Traders', status: 'active' }])
    expect((await entries(app)).filter((e) => e.client === 'Northwind Traders')).toHaveLength(2)
  })

  it('tags an entry to a turnaround of the same client, and refuses another client’s', async () => {
    app = await openImportApp()
    const t = await openAcmeTurnaround(app, '2026-03-01', 'The reprint was smudged.')
    const file = writeCsv(
      app.dir,
      't.csv',
      `date,client,kind,amount,turnaround\n2026-03-01,Acme Ltd,gift,20,${t.id}\n2026-03-01,Blue Finch Studio,gift,20,${t.id}\n`,
    )
    const result = await importFile(app, file, 'generic', {}, 'skip')
    expect(result.badRows).toEqual([
      {
        line: 3,
        reason: `Blue Finch Studio has no turnaround number “${t.id}”: use the number shown on the turnaround (such as 12 or #12), or “yes” for the client’s open turnaround.`,
      },
    ])
    expect((await entries(app)).map((e) => [e.client, e.turnaround_id])).toEqual([['Acme Ltd', t.id]])
  })

  it('reads “yes” as the client’s open turnaround and “#12” as turnaround 12, and says when there is none', async () => {
    app = await openImportApp()
    const closed = await openAcmeTurnaround(app, '2026-01-05', 'Last year’s misprint.')
    await call(app, 'turnarounds:close', { id: closed.id, outcome: 'recovered', closedOn: '2026-01-20', note: '' })
    const open = await openAcmeTurnaround(app, '2026-03-01', 'The reprint was smudged.')
    const file = writeCsv(
      app.dir,
      'yes.csv',
      [
        'date,client,kind,amount,turnaround',
        '2026-03-02,Acme Ltd,gift,20,yes',
        '2026-03-02,Acme Ltd,gift,21,TRUE',
        `2026-03-02,Acme Ltd,gift,22,#${closed.id}`,
        '2026-03-02,Acme Ltd,gift,23,no',
        '2026-03-02,Blue Finch Studio,gift,24,yes',
      ].join('\n'),
    )
    const result = await importFile(app, file, 'generic', {}, 'skip')
    expect(result.badRows).toEqual([
      { line: 6, reason: 'Blue Finch Studio has no open turnaround to tag this entry to (“yes”).' },
    ])
    expect((await entries(app)).map((e) => [e.amount_minor, e.turnaround_id])).toEqual([
      [2000, open.id],
      [2100, open.id],
      [2200, closed.id],
      [2300, null],
    ])
  })

  it('maps a “who” column as who worked and shows where each time row’s rate came from', async () => {
    app = await openImportApp()
    const file = writeCsv(
      app.dir,
      'who.csv',
      [
        'date,client,kind,amount,minutes,who,rate',
        '2026-03-02,Acme Ltd,time,,60,Priya Shah,',
        '2026-03-02,Acme Ltd,time,,60,,',
        '2026-03-02,Acme Ltd,time,,60,Priya Shah,75.00',
      ].join('\n'),
    )
    const chosen = await chooseFile(app, file)
    expect(chosen.suggestedPreset).toBe('generic')
    expect(resolvePreset(PRESETS.generic, chosen.headers).worker).toEqual(['who'])
    const preview = await previewFile(app, file, 'generic')
    expect(preview.rows.map((r) => [r.entry?.worker, r.entry?.rateMinor, r.entry?.rateFrom])).toEqual([
      ['Priya Shah', 6000, 'staff'],
      ['Maya Okafor', 9000, 'owner'],
      ['Priya Shah', 7500, 'file'],
    ])
  })
})

describe('progress and cancelling', () => {
  const bigCsv = (rows: number) => {
    const lines = ['date,client,kind,description,amount']
    for (let i = 0; i < rows; i++)
      lines.push(
        `2026-0${(i % 9) + 1}-1${i % 10},${i % 2 ? 'Acme Ltd' : 'Blue Finch Studio'},expense,Row ${i} with some words to make it longer,${i % 500}.${String(i % 100).padStart(2, '0')}`,
      )
    return `${lines.join('\n')}\n`
  }

  it('reports progress while reading a large file, then writing', async () => {
    app = await openImportApp()
    const chosen = await chooseFile(app, writeCsv(app.dir, 'big.csv', bigCsv(20_000)))
    const result = await call<ImportResult>(app, 'ledger-import:run', {
      token: chosen.token,
      mapping: presetMapping('generic', chosen.headers),
    })
    expect(result).toMatchObject({ status: 'imported', imported: 20_000 })
    const events = app.ports.importProgress
    expect(events[0]).toMatchObject({ token: chosen.token, phase: 'reading' })
    expect(events.at(-1)).toMatchObject({
      phase: 'writing',
      rowsRead: 20_000,
      bytesRead: chosen.sizeBytes,
      totalBytes: chosen.sizeBytes,
    })
  })

  it('a cancel while reading writes nothing', async () => {
    app = await openImportApp()
    const before = await ledgerFingerprint(app)
    const chosen = await chooseFile(app, writeCsv(app.dir, 'big.csv', bigCsv(40_000)))
    let cancelAnswer: unknown
    // Bound here, outside the run: the cancel arrives as a separate request, as from the window,
    // and must get through the request queue while the file is being read.
    const cancel = AsyncResource.bind((token: string) => app!.call('ledger-import:cancel', { token }))
    app.ports.onImportProgress = (p) => {
      if (p.phase === 'reading' && cancelAnswer === undefined) cancelAnswer = cancel(p.token)
    }
    const result = await call<ImportResult>(app, 'ledger-import:run', {
      token: chosen.token,
      mapping: presetMapping('generic', chosen.headers),
    })
    expect(await cancelAnswer).toEqual({ ok: true, data: { cancelling: true } })
    expect(result.status).toBe('cancelled')
    expect(result.rowsRead).toBeLessThan(40_000)
    expect(await ledgerFingerprint(app)).toEqual(before)
    expect(app.ports.importProgress.some((p) => p.phase === 'writing')).toBe(false)
  })

  // Restoring swaps the SQLite file; a shared database is restored on its server (README).
  it.skipIf(TEST_ENGINE === 'postgres')(
    'a restore asked for while a file is imported waits for the import to commit, then goes ahead',
    async () => {
      app = await openImportApp()
      const backup = await app.services.backups.dailyIfDue()
      const chosen = await chooseFile(app, writeCsv(app.dir, 'big.csv', bigCsv(20_000)))
      const order: string[] = []
      let restoreAnswer: Promise<unknown> | undefined
      const restore = AsyncResource.bind(() =>
        app!.call('backups:restore', { name: path.basename(backup!) }).finally(() => order.push('restored')),
      )
      app.ports.onImportProgress = (p) => {
        if (p.phase === 'reading' && restoreAnswer === undefined) restoreAnswer = restore()
      }
      const result = await call<ImportResult>(app, 'ledger-import:run', {
        token: chosen.token,
        mapping: presetMapping('generic', chosen.headers),
      }).finally(() => order.push('imported'))
      expect(result).toMatchObject({ status: 'imported', imported: 20_000 })
      // The restore was asked for while the file was read, and ran only once the import was over:
      // it brings back the backup made before it, without the imported entries.
      expect(await restoreAnswer).toMatchObject({ ok: true })
      expect(order).toEqual(['imported', 'restored'])
      expect(
        await app.db.dataSource.query('SELECT COUNT(*) AS n FROM ledger_entries WHERE import_key IS NOT NULL'),
      ).toEqual([{ n: 0 }])
    },
  )

  it('a cancel with nothing running says so', async () => {
    app = await openImportApp()
    const chosen = await chooseFile(app, fixture('generic.csv'))
    expect(await call(app, 'ledger-import:cancel', { token: chosen.token })).toEqual({ cancelling: false })
  })
})

describe('choosing the file and mapping columns', () => {
  it('a cancelled dialog chooses nothing', async () => {
    app = await openImportApp()
    app.ports.nextOpenPath = null
    expect(await call(app, 'ledger-import:choose-file')).toBeNull()
  })

  it('recognises each export and suggests its preset', async () => {
    app = await openImportApp()
    const suggested = async (name: string) => (await chooseFile(app!, fixture(name))).suggestedPreset
    expect(await suggested('harvest-detailed-time.csv')).toBe('harvest-time')
    expect(await suggested('invoice-ninja-invoices.csv')).toBe('invoice-ninja-invoices')
    expect(await suggested('invoice-ninja-payments.csv')).toBe('invoice-ninja-payments')
    expect(await suggested('invoice-ninja-expenses.csv')).toBe('invoice-ninja-expenses')
    expect(await suggested('generic.csv')).toBe('generic')
    const chosen = await chooseFile(app, fixture('generic.csv'))
    expect(chosen).toMatchObject({
      fileName: 'generic.csv',
      headers: [
        'date',
        'client',
        'kind',
        'description',
        'amount',
        'currency',
        'minutes',
        'worker',
        'rate',
        'reference',
        'turnaround',
      ],
    })
    expect(chosen.sample).toHaveLength(5)
  })

  it('an empty file is refused with a message', async () => {
    app = await openImportApp()
    app.ports.nextOpenPath = writeCsv(app.dir, 'empty.csv', '')
    expect(await refused(app, 'ledger-import:choose-file')).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('empty'),
    })
  })

  it('a custom mapping reads columns by the names the user picked, with a fixed kind and day-first dates', async () => {
    app = await openImportApp()
    const chosen = await chooseFile(
      app,
      writeCsv(
        app.dir,
        'own.csv',
        'When;Customer;Total;What\n31/03/2026;Acme Ltd;"1.234,00";x\n01/04/2026;Acme Ltd;12.5;Stationery\n',
      ),
    )
    const mapping = {
      source: 'custom',
      fields: { date: ['When'], client: ['Customer'], amount: ['Total'], description: ['What'] },
      kind: 'material',
      dateFormat: 'DD/MM/YYYY',
    }
    const preview = await call<{
      rows: Array<{ line: number; problem: string | null; entry: { date: string; amountMinor: number } | null }>
    }>(app, 'ledger-import:preview', { token: chosen.token, mapping })
    expect(preview.rows.map((r) => [r.line, r.entry?.date ?? null, r.entry?.amountMinor ?? null, r.problem])).toEqual([
      [2, null, null, 'Bad amount “1.234,00”: use a positive amount such as 1234.50.'],
      [3, '2026-04-01', 1250, null],
    ])
  })

  it('a mapping without the needed columns, or naming a column the file lacks, is refused with the field', async () => {
    app = await openImportApp()
    const chosen = await chooseFile(app, fixture('generic.csv'))
    const fields = genericFields(chosen.headers)
    const base = { source: 'custom', fields, kind: null }
    expect(
      await refused(app, 'ledger-import:preview', {
        token: chosen.token,
        mapping: { ...base, fields: { ...fields, date: [] } },
      }),
    ).toMatchObject({ field: 'mapping.fields.date' })
    expect(
      await refused(app, 'ledger-import:preview', {
        token: chosen.token,
        mapping: { ...base, fields: { ...fields, kind: undefined } },
      }),
    ).toMatchObject({ field: 'mapping.kind' })
    expect(
      await refused(app, 'ledger-import:preview', {
        token: chosen.token,
        mapping: { ...base, fields: { ...fields, amount: ['Total'] } },
      }),
    ).toMatchObject({ field: 'mapping.fields.amount', message: 'The file has no column “Total”.' })
  })

  it('inputs are checked at the door: unknown tokens, paths and extra keys are refused', async () => {
    app = await openImportApp()
    const chosen = await chooseFile(app, fixture('generic.csv'))
    const mapping = presetMapping('generic', chosen.headers)
    expect(
      await refused(app, 'ledger-import:run', { token: '00000000-0000-4000-8000-000000000000', mapping }),
    ).toMatchObject({ code: 'VALIDATION', field: 'token' })
    expect(await refused(app, 'ledger-import:run', { token: '/etc/passwd', mapping })).toMatchObject({
      code: 'VALIDATION',
      field: 'token',
    })
    expect(
      await refused(app, 'ledger-import:run', { token: chosen.token, mapping, path: '/etc/passwd' }),
    ).toMatchObject({ code: 'VALIDATION' })
    expect(
      await refused(app, 'ledger-import:run', {
        token: chosen.token,
        mapping: { ...mapping, fields: { ...mapping.fields, evil: ['date'] } },
      }),
    ).toMatchObject({ code: 'VALIDATION' })
    expect(await refused(app, 'ledger-import:choose-file', { path: '/etc/passwd' })).toMatchObject({
      code: 'VALIDATION',
    })
  })

  it('without a business profile there is nothing to import into', async () => {
    const { openTestApp } = await import('../support/temp-db')
    const bare = await openTestApp()
    try {
      const chosen = await chooseFile(bare, fixture('generic.csv'))
      expect(
        await refused(bare, 'ledger-import:run', {
          token: chosen.token,
          mapping: presetMapping('generic', chosen.headers),
        }),
      ).toMatchObject({ message: expect.stringContaining('business profile') })
    } finally {
      await bare.close()
    }
  })
})

describe('the month totals', () => {
  const triggerSql = async (a: ImportApp) =>
    (
      (await a.db.dataSource.query(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'trg_ledger_entries_insert'",
      )) as Array<{ sql: string }>
    )[0]?.sql
  const totalsEqualEntries = async (a: ImportApp) => {
    const totals = await a.db.dataSource.query(
      'SELECT client_id, month, kind, amount_minor, minutes, entries FROM ledger_month_totals WHERE entries <> 0 ORDER BY client_id, month, kind',
    )
    const grouped = await a.db.dataSource.query(
      'SELECT client_id, substr(entry_date, 1, 7) AS month, kind, sum(amount_minor) AS amount_minor, sum(COALESCE(minutes, 0)) AS minutes, count(*) AS entries FROM ledger_entries GROUP BY client_id, month, kind ORDER BY client_id, month, kind',
    )
    expect(totals).toEqual(grouped)
    return totals.length
  }

  // These two read SQLite's trigger text; PostgreSQL's bulk path is proven in postgres-engine.test.ts.
  it.skipIf(TEST_ENGINE === 'postgres')(
    'are added in bulk on top of existing ones, and the insert trigger is back word for word afterwards',
    async () => {
      app = await openImportApp()
      const before = await triggerSql(app)
      await app.db.dataSource.query(
        "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, created_at, updated_at) VALUES (?, 'invoice', '2026-01-15', 700, 'USD', '', '')",
        [app.acme],
      )
      await importFile(app, fixture('generic.csv'), 'generic')
      expect(await triggerSql(app)).toBe(before)
      expect(await totalsEqualEntries(app)).toBe(8)
      // The trigger still works for the app's own writes after an import.
      await app.db.dataSource.query(
        "INSERT INTO ledger_entries (client_id, kind, entry_date, amount_minor, currency, created_at, updated_at) VALUES (?, 'invoice', '2026-01-20', 300, 'USD', '', '')",
        [app.acme],
      )
      await totalsEqualEntries(app)
      expect((await monthTotals(app)).find((t) => t.client === 'Acme Ltd' && t.month === '2026-01')).toMatchObject({
        amount_minor: 150000 + 700 + 300,
        entries: 3,
      })
    },
  )

  it.skipIf(TEST_ENGINE === 'postgres')(
    'go row by row through the trigger when it is no longer the one the schema made',
    async () => {
      app = await openImportApp()
      const original = (await triggerSql(app))!
      // The changed trigger also counts its runs: one per imported row proves the row-by-row path.
      const changed = original.replace('BEGIN', 'BEGIN UPDATE trigger_runs SET n = n + 1;')
      await app.db.dataSource.query('CREATE TABLE trigger_runs (n INTEGER NOT NULL)')
      await app.db.dataSource.query('INSERT INTO trigger_runs (n) VALUES (0)')
      await app.db.dataSource.query('DROP TRIGGER trg_ledger_entries_insert')
      await app.db.dataSource.query(changed)
      await importFile(app, fixture('generic.csv'), 'generic')
      expect(await triggerSql(app)).toBe(changed)
      expect(await app.db.dataSource.query('SELECT n FROM trigger_runs')).toEqual([{ n: 8 }])
      expect(await totalsEqualEntries(app)).toBe(8)
    },
  )
})

describe('files from other systems', () => {
  it('reads Windows line endings, a byte order mark and semicolons', async () => {
    app = await openImportApp()
    const file = writeCsv(
      app.dir,
      'windows.csv',
      '\uFEFFdate;client;kind;amount\r\n2026-03-01;Acme Ltd;invoice;10.50\r\n\r\n2026-03-02;"Blue Finch; Studio";invoice;1\r\n',
    )
    const chosen = await chooseFile(app, file)
    expect(chosen.headers).toEqual(['date', 'client', 'kind', 'amount'])
    expect(chosen.suggestedPreset).toBe('generic')
    const result = await call<ImportResult>(app, 'ledger-import:run', {
      token: chosen.token,
      mapping: presetMapping('generic', chosen.headers),
      badRows: 'skip',
    })
    expect(result).toMatchObject({
      imported: 1,
      badRows: [
        { line: 4, reason: 'No client named “Blue Finch; Studio”. Choose “Create clients not found” to add them.' },
      ],
    })
  })

  it('names blank and repeated headers so each column can be mapped', async () => {
    app = await openImportApp()
    const chosen = await chooseFile(app, writeCsv(app.dir, 'odd.csv', 'date,,amount,amount\n2026-03-01,x,1,2\n'))
    expect(chosen.headers).toEqual(['date', 'Column 2', 'amount', 'amount (2)'])
  })
})

describe('a file too large to keep in memory', () => {
  it('is refused with a message, and nothing is written', async () => {
    app = await openImportApp()
    const { LedgerImportService } = await import('../../electron/main/features/ledger-import/import-service')
    const service = new LedgerImportService({
      manager: app.db.dataSource.manager,
      now: () => new Date(),
      chooseOpenFile: async () => null,
      sendProgress: () => {},
      readerFile: READER_FILE,
      maxRows: 5,
    })
    const rows = Array.from({ length: 8 }, (_, i) => `2026-03-0${i + 1},Acme Ltd,invoice,${i + 1}`)
    const chosen = await service.open(writeCsv(app.dir, 'eight.csv', `date,client,kind,amount\n${rows.join('\n')}\n`))
    const before = await ledgerFingerprint(app)
    await expect(service.run(chosen.token, presetMapping('generic', chosen.headers), 'skip')).rejects.toThrow(
      'This file has more than 5 rows: split it',
    )
    expect(await ledgerFingerprint(app)).toEqual(before)
    const five = await service.open(
      writeCsv(app.dir, 'five.csv', `date,client,kind,amount\n${rows.slice(0, 5).join('\n')}\n`),
    )
    expect(await service.run(five.token, presetMapping('generic', five.headers), 'skip')).toMatchObject({ imported: 5 })
  })
})

describe('amounts in the business’s locale', () => {
  it('reads "12,34" and "1.234,50" for a business writing decimal commas, and English amounts still', async () => {
    app = await openImportApp()
    await app.db.dataSource.query("UPDATE business_profile SET locale = 'de-DE'")
    const csv = [
      'date,client,kind,description,amount,currency,minutes,worker,rate,reference',
      '2026-02-01,Acme Ltd,invoice,Comma,"12,34",USD,,,,',
      '2026-02-02,Acme Ltd,invoice,Grouped,"1.234,50",USD,,,,',
      '2026-02-03,Acme Ltd,invoice,English,"1,234.50",USD,,,,',
      '2026-02-04,Acme Ltd,invoice,Dots,"12.34",USD,,,,',
    ].join('\n')
    const result = await importFile(app, writeCsv(app.dir, 'comma.csv', csv), 'generic')
    expect(result).toMatchObject({ status: 'imported', imported: 4 })
    expect((await entries(app)).map((e) => e.amount_minor)).toEqual([1234, 123450, 123450, 1234])
  })

  it('refuses "12,34" where the business has chosen no locale, as before', async () => {
    app = await openImportApp()
    const csv = [
      'date,client,kind,description,amount,currency,minutes,worker,rate,reference',
      '2026-02-01,Acme Ltd,invoice,Comma,"12,34",USD,,,,',
    ].join('\n')
    const result = await importFile(app, writeCsv(app.dir, 'comma.csv', csv), 'generic')
    expect(result).toMatchObject({ status: 'stopped', badRowCount: 1 })
  })
})
