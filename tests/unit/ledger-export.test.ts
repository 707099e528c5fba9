import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import type { Client } from '../../electron/shared/models'
import type { CsvExportResult } from '../../electron/shared/ledger/models'
import { call as callChannel } from '../support/dispatch'
import { openTestApp, type TestApp } from '../support/temp-db'

const NOW = new Date(2026, 10, 22, 9, 30)
let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call('profile:save', {
    businessName: 'Quill & Co',
    ownerName: 'Ada Quill',
    currency: 'EUR',
    hourlyWorthMinor: 6000,
  })
})
afterEach(async () => {
  await app.close()
})
const call = <T>(channel: string, input?: unknown): Promise<T> => callChannel<T>(app, channel, input)

describe('CSV exports', () => {
  it('writes the ledger and the client figures through the save dialog, formulas defused', async () => {
    const c = await call<Client>('clients:create', { name: '=Acme, "Ltd"' })
    await call('ledger:save', {
      clientId: c.id,
      entry: {
        kind: 'invoice',
        entryDate: '2026-11-01',
        amountMinor: 123456,
        currency: 'EUR',
        description: '=SUM(A1)',
      },
    })
    await call('ledger:save', {
      clientId: c.id,
      entry: { kind: 'time', entryDate: '2026-11-02', minutes: 30, currency: 'EUR' },
    })
    const r = await call<CsvExportResult>('ledger:export-csv', { clientId: c.id })
    expect(r.rows).toBe(2)
    expect(app.ports.saveDialogs[0]?.defaultPath).toBe('2026-11-22 Ledger - =Acme, Ltd.csv')
    const rows = Papa.parse<string[]>(fs.readFileSync(r.filePath ?? '', 'utf8').trim()).data
    expect(rows[0]?.slice(0, 6)).toEqual(['Date', 'Client', 'Kind', 'Description', 'Reference', 'Amount (EUR)'])
    expect(rows[1]?.slice(0, 6)).toEqual(['2026-11-01', '\'=Acme, "Ltd"', 'Invoice', "'=SUM(A1)", '', '1234.56'])
    expect(rows[2]?.slice(0, 10)).toEqual([
      '2026-11-02',
      '\'=Acme, "Ltd"',
      'Time',
      '',
      '',
      '30.00',
      'EUR',
      'Ada Quill',
      '30',
      '60.00',
    ])

    const f = await call<CsvExportResult>('ledger:export-figures-csv', { period: { preset: 'month' } })
    const figures = Papa.parse<string[]>(fs.readFileSync(f.filePath ?? '', 'utf8').trim()).data
    // Margin 1,234.56 − 30.00 = 1,204.56; 1204.56 / 1234.56 = 97.57 % → 97.6; 0.50 h
    expect(figures[1]).toEqual([
      '\'=Acme, "Ltd"',
      'active',
      '1234.56',
      '0.00',
      '1234.56',
      '30.00',
      '0.00',
      '1204.56',
      '97.6',
      '0.50',
      '2469.12',
      '60.00',
    ])

    app.ports.nextSavePath = null
    expect(await call('ledger:export-csv', { clientId: null })).toEqual({ filePath: null, rows: 0 })
    app.ports.nextSavePath = undefined
    app.ports.nextSavePath = path.join(app.dir, 'missing-folder', 'x.csv')
    const refused = (await app.call('ledger:export-csv', { clientId: null })) as Envelope<unknown>
    expect(refused.ok).toBe(false)
    expect(fs.readdirSync(app.dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('keeps a negative figure a number a spreadsheet can add up, while formula-looking text stays defused', async () => {
    const c = await call<Client>('clients:create', { name: '-Tail Client' })
    await call('ledger:save', {
      clientId: c.id,
      entry: { kind: 'invoice', entryDate: '2026-11-01', amountMinor: 10000, currency: 'EUR' },
    })
    await call('ledger:save', {
      clientId: c.id,
      entry: { kind: 'material', entryDate: '2026-11-02', amountMinor: 22345, currency: 'EUR' },
    })
    const f = await call<CsvExportResult>('ledger:export-figures-csv', { period: { preset: 'month' } })
    const figures = Papa.parse<string[]>(fs.readFileSync(f.filePath ?? '', 'utf8').trim()).data
    // Margin 100.00 − 223.45 = −123.45; −123.45 / 100.00 = −123.45 % → −123.5 (one decimal)
    expect(figures[1]?.[0]).toBe("'-Tail Client")
    expect(figures[1]?.[7]).toBe('-123.45')
    expect(figures[1]?.[8]).toBe('-123.5')
  })
})
