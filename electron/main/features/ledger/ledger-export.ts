/** The ledger's entries and the client figures as CSV, through the save dialog; written whole or not at all. */
import { UNSAFE_FILE_NAME_CHARACTERS } from '../../file-names'
import Papa from 'papaparse'
import { ClientEntity, LedgerEntryEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import { writeAtomically as writeWhole } from '../../durable-file'
import type fs from 'node:fs'
import { minorToInputText } from '../../../shared/money'
import type { CsvExportResult } from '../../../shared/ledger/models'
import type { Period } from '../../../shared/ledger/periods'
import { ENTRY_KIND_LABELS } from '../../../shared/ledger/words'
import type { SaveDialogOptions } from '../../ports'
import type { FiguresService } from './figures-service'
import type { LedgerContext } from './ledger-context'

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe (Papa Parse's escapeFormulae),
 * but a plain signed number such as a negative margin stays a number.
 */
const FORMULA_START = /^(?!-\d+(\.\d+)?$)[=+\-@\t\r]/

const BATCH = 5000
const COLUMNS = [
  'entryDate',
  'kind',
  'description',
  'reference',
  'amountMinor',
  'currency',
  'worker',
  'minutes',
  'rateMinor',
  'turnaroundId',
  'invoiceId',
] as const

function safeName(text: string): string {
  return text.replace(UNSAFE_FILE_NAME_CHARACTERS, ' ').replace(/\s+/g, ' ').trim().slice(0, 100)
}

/** Writes the file whole or not at all (durable-file.ts), and says so in plain words when it cannot. */
async function writeAtomically(target: string, write: (fd: fs.promises.FileHandle) => Promise<void>): Promise<void> {
  try {
    await writeWhole(target, write)
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw new DomainError(
      'VALIDATION',
      `The file could not be written to “${target}”. Nothing was saved; choose another place, such as your Documents folder.`,
      'filePath',
    )
  }
}

export class LedgerExport {
  constructor(
    private readonly ctx: LedgerContext,
    private readonly figures: FiguresService,
    private readonly chooseSavePath: (options: SaveDialogOptions) => Promise<string | null>,
  ) {}

  /** Every entry of one client, or of every client, oldest first, read and written in batches. */
  async entries(clientId: number | null): Promise<CsvExportResult> {
    const m = this.ctx.manager
    const profile = await this.ctx.profile()
    let label = 'All clients'
    if (clientId !== null) {
      const c = await m.findOneBy(ClientEntity, { id: clientId })
      if (!c) throw notFound('client')
      label = c.name
    }
    const file = await this.chooseSavePath({
      title: 'Export the ledger as CSV',
      defaultPath: `${this.ctx.today()} Ledger - ${safeName(label)}.csv`,
    })
    if (file === null) return { filePath: null, rows: 0 }
    const target = /\.csv$/i.test(file) ? file : `${file}.csv`
    const currency = profile.currency
    let rows = 0
    await writeAtomically(target, async (fd) => {
      await fd.write(
        Papa.unparse([
          [
            'Date',
            'Client',
            'Kind',
            'Description',
            'Reference',
            `Amount (${currency})`,
            'Currency',
            'Worker',
            'Minutes',
            `Hourly rate (${currency})`,
            'Turnaround',
            'Settles invoice',
          ],
        ]) + '\r\n',
      )
      for (let lastId = 0; ;) {
        const qb = m
          .createQueryBuilder(LedgerEntryEntity, 'e')
          .innerJoin(ClientEntity, 'c', 'c.id = e.clientId')
          .select('e.id', 'id')
          .addSelect('c.name', 'client')
          .where('e.id > :lastId', { lastId })
          .orderBy('e.id', 'ASC')
          .limit(BATCH)
        for (const col of COLUMNS) qb.addSelect(`e.${col}`, col)
        if (clientId !== null) qb.andWhere('e.clientId = :clientId', { clientId })
        const batch = await qb.getRawMany<Record<string, string | number | null>>()
        if (batch.length === 0) break
        lastId = Number(batch[batch.length - 1]?.id)
        const lines = batch.map((r) => [
          r.entryDate,
          r.client,
          ENTRY_KIND_LABELS[r.kind as keyof typeof ENTRY_KIND_LABELS] ?? r.kind,
          r.description,
          r.reference,
          minorToInputText(Number(r.amountMinor), currency),
          r.currency,
          r.worker,
          r.minutes ?? '',
          r.rateMinor === null ? '' : minorToInputText(Number(r.rateMinor), currency),
          r.turnaroundId ?? '',
          r.invoiceId ?? '',
        ])
        await fd.write(Papa.unparse(lines, { escapeFormulae: FORMULA_START }) + '\r\n')
        rows += batch.length
      }
    })
    return { filePath: target, rows }
  }

  /** Each client's figures for the period, ranked by margin, the same figures the Ledger page shows. */
  async figuresCsv(period: Period): Promise<CsvExportResult> {
    const p = await this.figures.portfolio(period)
    const file = await this.chooseSavePath({
      title: 'Export the client figures as CSV',
      defaultPath: `${this.ctx.today()} Client figures ${period.from} to ${period.to}.csv`,
    })
    if (file === null) return { filePath: null, rows: 0 }
    const target = /\.csv$/i.test(file) ? file : `${file}.csv`
    const c = p.currency
    const money = (v: number | null) => (v === null ? '' : minorToInputText(v, c))
    const header = [
      'Client',
      'Status',
      `Revenue (${c})`,
      `Collected (${c})`,
      `Outstanding (${c})`,
      `Direct cost (${c})`,
      `Concessions (${c})`,
      `Margin (${c})`,
      'Margin %',
      'Hours',
      `Effective hourly rate (${c})`,
      `Your hourly worth (${c})`,
    ]
    const lines = p.clients.map(({ name, status, figures: f }) => [
      name,
      status,
      money(f.revenueMinor),
      money(f.collectedMinor),
      money(f.outstandingMinor),
      money(f.directCostMinor),
      money(f.concessionsMinor),
      money(f.marginMinor),
      f.marginPct === null ? '' : f.marginPct.toFixed(1),
      (f.minutes / 60).toFixed(2),
      money(f.effectiveRateMinor),
      money(p.hourlyWorthMinor),
    ])
    await writeAtomically(target, async (fd) => {
      await fd.write(Papa.unparse([header, ...lines], { escapeFormulae: FORMULA_START }) + '\r\n')
    })
    return { filePath: target, rows: lines.length }
  }
}
