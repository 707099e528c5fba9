/** A business with two clients and a staff member, ready to import the fixture files into. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { TARGET_FIELDS } from '../../electron/shared/ledger-import/fields'
import type { ChosenImportFile, ImportPreview, ImportResult } from '../../electron/shared/ledger-import/models'
import { PRESETS, resolvePreset, type PresetId } from '../../electron/shared/ledger-import/presets'
import type { ImportMappingData } from '../../electron/shared/ledger-import/schemas'
import { LedgerImportService, type LedgerImportDeps } from '../../electron/main/features/ledger-import/import-service'
import { call } from './letters-fixture'
import { READER_FILE } from './reader-file'
import { openTestApp, type TestApp } from './temp-db'

export const FIXTURES = path.resolve(__dirname, '../fixtures/import')
export const fixture = (name: string) => path.join(FIXTURES, name)

export const IMPORT_PROFILE = {
  businessName: 'Harbour Lane Print & Design',
  ownerName: 'Maya Okafor',
  currency: 'USD',
  hourlyWorthMinor: 9000,
}

export interface ImportApp extends TestApp {
  acme: number
  blueFinch: number
  priya: number
}

/** Profile in USD (owner's hourly worth 90.00), clients Acme Ltd and Blue Finch Studio, staff Priya Shah at 60.00 an hour. */
export async function openImportApp(dir?: string): Promise<ImportApp> {
  const app = await openTestApp(dir)
  await call(app, 'profile:save', IMPORT_PROFILE)
  const acme = (await call<{ id: number }>(app, 'clients:create', { name: 'Acme Ltd' })).id
  const blueFinch = (await call<{ id: number }>(app, 'clients:create', { name: 'Blue Finch Studio' })).id
  await app.db.dataSource.query(
    "INSERT INTO staff (name, cost_rate_minor, created_at, updated_at) VALUES ('Priya Shah', 6000, '', '')",
  )
  const [staff] = (await app.db.dataSource.query("SELECT id FROM staff WHERE name = 'Priya Shah'")) as Array<{
    id: number
  }>
  return Object.assign(app, { acme, blueFinch, priya: staff!.id })
}

/** The import service on an app's database as the tests drive it: a fixed clock, no dialog, no progress, the built reading thread. */
export function importService(app: TestApp, deps: Partial<LedgerImportDeps> = {}): LedgerImportService {
  return new LedgerImportService({
    manager: app.db.dataSource.manager,
    now: () => new Date('2026-11-22T09:30:00Z'),
    chooseOpenFile: async () => null,
    sendProgress: () => {},
    readerFile: READER_FILE,
    ...deps,
  })
}

/** Answers the fake open dialog with this file and chooses it. */
export async function chooseFile(app: TestApp, file: string): Promise<ChosenImportFile> {
  app.ports.nextOpenPath = file
  const chosen = await call<ChosenImportFile | null>(app, 'ledger-import:choose-file')
  if (!chosen) throw new Error('the fake dialog was cancelled')
  return chosen
}

export function presetMapping(
  preset: PresetId,
  headers: readonly string[],
  extra: Partial<ImportMappingData> = {},
): ImportMappingData {
  const p = PRESETS[preset]
  return {
    source: preset,
    fields: resolvePreset(p, headers),
    kind: p.kind,
    dateFormat: p.dateFormat,
    createClients: false,
    ...extra,
  }
}

export async function importFile(
  app: TestApp,
  file: string,
  preset: PresetId,
  extra: Partial<ImportMappingData> = {},
  badRows: 'stop' | 'skip' = 'stop',
): Promise<ImportResult> {
  const chosen = await chooseFile(app, file)
  return call<ImportResult>(app, 'ledger-import:run', {
    token: chosen.token,
    mapping: presetMapping(preset, chosen.headers, extra),
    badRows,
  })
}

export async function previewFile(
  app: TestApp,
  file: string,
  preset: PresetId,
  extra: Partial<ImportMappingData> = {},
): Promise<ImportPreview> {
  const chosen = await chooseFile(app, file)
  return call<ImportPreview>(app, 'ledger-import:preview', {
    token: chosen.token,
    mapping: presetMapping(preset, chosen.headers, extra),
  })
}

export interface LedgerEntryRow {
  client: string
  kind: string
  entry_date: string
  description: string
  amount_minor: number
  currency: string
  minutes: number | null
  rate_minor: number | null
  worker: string
  staff_id: number | null
  reference: string
  turnaround_id: number | null
}

export function entries(app: TestApp): Promise<LedgerEntryRow[]> {
  return app.db.dataSource.query(
    `SELECT c.name AS client, e.kind, e.entry_date, e.description, e.amount_minor, e.currency, e.minutes, e.rate_minor, e.worker, e.staff_id, e.reference, e.turnaround_id
     FROM ledger_entries e JOIN clients c ON c.id = e.client_id ORDER BY e.id`,
  )
}

export function monthTotals(
  app: TestApp,
): Promise<
  Array<{ client: string; month: string; kind: string; amount_minor: number; minutes: number; entries: number }>
> {
  return app.db.dataSource.query(
    `SELECT c.name AS client, t.month, t.kind, t.amount_minor, t.minutes, t.entries FROM ledger_month_totals t JOIN clients c ON c.id = t.client_id WHERE t.entries <> 0 ORDER BY c.name, t.month, t.kind`,
  )
}

/** Counts and a SHA-256 over every row of ledger_entries, ledger_month_totals and clients: equal means unchanged. */
export async function ledgerFingerprint(
  app: TestApp,
): Promise<{ entries: number; totals: number; clients: number; hash: string }> {
  const ds = app.db.dataSource
  const rowsOf = (sql: string) => ds.query(sql) as Promise<unknown[]>
  const e = await rowsOf('SELECT * FROM ledger_entries ORDER BY id')
  const t = await rowsOf('SELECT * FROM ledger_month_totals ORDER BY client_id, month, kind')
  const c = await rowsOf('SELECT id, name, name_key FROM clients ORDER BY id')
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify([e, t, c]))
    .digest('hex')
  return { entries: e.length, totals: t.length, clients: c.length, hash }
}

/** A mapping of every field to the column of the same name (the generic format's own names). */
export function genericFields(headers: readonly string[]): ImportMappingData['fields'] {
  return Object.fromEntries(TARGET_FIELDS.filter((f) => headers.includes(f)).map((f) => [f, [f]]))
}

export const writeCsv = (dir: string, name: string, text: string) => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}
