/**
 * Presets for common exports: for each field, the column names to look for (alternatives, first match
 * wins; an alternative of several names joins those columns). Header names compare ignoring case,
 * accents and spaces, so "Client name" finds "Client Name".
 */
import type { EntryKind } from '../ledger/words'
import { searchKey } from '../text'
import type { DateFormat, TargetField } from './fields'

export const PRESET_IDS = [
  'harvest-time',
  'invoice-ninja-invoices',
  'invoice-ninja-payments',
  'invoice-ninja-expenses',
  'generic',
] as const
export type PresetId = (typeof PRESET_IDS)[number]
/** A preset, or the user's own column mapping. */
export type MappingSource = PresetId | 'custom'

export interface Preset {
  id: PresetId
  label: string
  description: string
  /** The kind every row gets, when the export holds only one kind. */
  kind: EntryKind | null
  dateFormat: DateFormat
  columns: Partial<Record<TargetField, string[][]>>
}

const one = (...names: string[]) => names.map((n) => [n])

export const PRESETS: Record<PresetId, Preset> = {
  'harvest-time': {
    id: 'harvest-time',
    label: 'Harvest: detailed time report',
    description:
      'Time rows: hours become minutes, the cost rate (or the staff member’s rate, or your hourly worth) prices them.',
    kind: 'time',
    dateFormat: 'YYYY-MM-DD',
    columns: {
      date: one('Date', 'Spent Date'),
      client: one('Client'),
      description: [['Project', 'Task', 'Notes'], ['Task', 'Notes'], ['Notes']],
      hours: one('Hours'),
      worker: [['First Name', 'Last Name'], ['Person'], ['User']],
      rate: one('Cost Rate'),
      currency: one('Currency'),
      reference: one('External Reference URL'),
    },
  },
  'invoice-ninja-invoices': {
    id: 'invoice-ninja-invoices',
    label: 'Invoice Ninja: invoices',
    description: 'One invoice per row: its number, date, client and amount.',
    kind: 'invoice',
    dateFormat: 'YYYY-MM-DD',
    columns: {
      date: one('Invoice Date', 'Date'),
      client: one('Client Name', 'Client'),
      amount: one('Invoice Amount', 'Amount'),
      currency: one('Invoice Currency', 'Currency'),
      reference: one('Invoice Number', 'Number'),
      description: one('Invoice Public Notes', 'Public Notes', 'Invoice PO Number', 'PO Number'),
    },
  },
  'invoice-ninja-payments': {
    id: 'invoice-ninja-payments',
    label: 'Invoice Ninja: payments',
    description: 'One payment per row: date, client, amount and the transaction reference.',
    kind: 'payment',
    dateFormat: 'YYYY-MM-DD',
    columns: {
      date: one('Payment Date', 'Date'),
      client: one('Client Name', 'Client'),
      amount: one('Payment Amount', 'Amount'),
      currency: one('Payment Currency', 'Currency'),
      reference: one('Payment Number', 'Number', 'Transaction Reference'),
      description: [
        ['Payment Type', 'Invoice Number'],
        ['Payment Type', 'Invoice'],
        ['Type', 'Invoice'],
        ['Payment Type'],
        ['Type'],
      ],
      invoice: one('Invoice Number', 'Invoice'),
    },
  },
  'invoice-ninja-expenses': {
    id: 'invoice-ninja-expenses',
    label: 'Invoice Ninja: expenses',
    description: 'Expenses charged to a client: rows without a client are listed as unreadable.',
    kind: 'expense',
    dateFormat: 'YYYY-MM-DD',
    columns: {
      date: one('Expense Date', 'Date'),
      client: one('Client Name', 'Client'),
      amount: one('Expense Amount', 'Amount'),
      currency: one('Expense Currency', 'Currency'),
      reference: one('Expense Number', 'Number'),
      description: [
        ['Vendor', 'Category', 'Public Notes'],
        ['Category', 'Public Notes'],
        ['Vendor', 'Public Notes'],
        ['Public Notes'],
      ],
    },
  },
  generic: {
    id: 'generic',
    label: 'Turnaround Desk generic format',
    description:
      'Columns date, client, kind, description, amount, currency, minutes, worker, rate, reference, turnaround (optional) and invoice (optional: the number of the invoice a payment pays).',
    kind: null,
    dateFormat: 'YYYY-MM-DD',
    columns: {
      date: one('date'),
      client: one('client'),
      kind: one('kind'),
      description: one('description'),
      amount: one('amount'),
      currency: one('currency'),
      minutes: one('minutes'),
      hours: one('hours'),
      worker: one('worker', 'who', 'staff', 'person', 'staff member', 'worked by'),
      rate: one('rate'),
      reference: one('reference'),
      turnaround: one('turnaround', 'turnaround number', 'turnaround #', 'turnaround no'),
      invoice: one('invoice'),
    },
  },
}

export type FieldColumns = Partial<Record<TargetField, string[]>>

const headerKey = (h: string) => searchKey(h.replace(/^\uFEFF/, ''))

/** The preset's columns found among the file's headers (named as the file names them). */
export function resolvePreset(preset: Preset, headers: readonly string[]): FieldColumns {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]))
  const fields: FieldColumns = {}
  for (const [field, alternatives] of Object.entries(preset.columns) as Array<[TargetField, string[][]]>) {
    for (const names of alternatives) {
      const found = names.map((n) => byKey.get(headerKey(n)))
      if (found.every((h): h is string => h !== undefined)) {
        fields[field] = found
        break
      }
    }
  }
  return fields
}

const TELLS: Record<PresetId, string[]> = {
  'harvest-time': ['hours', 'first name', 'cost rate', 'task'],
  'invoice-ninja-invoices': ['invoice number', 'due date', 'balance', 'paid to date', 'invoice amount'],
  'invoice-ninja-payments': ['payment date', 'payment amount', 'transaction reference', 'payment type', 'type'],
  'invoice-ninja-expenses': ['expense date', 'expense amount', 'vendor', 'category'],
  generic: ['kind', 'minutes', 'worker', 'who', 'turnaround'],
}

/** The preset that recognises the most of its columns in these headers, or null when none fits. */
export function suggestPreset(headers: readonly string[]): PresetId | null {
  let best: { id: PresetId; score: number } | null = null
  const keys = new Set(headers.map(headerKey))
  for (const preset of Object.values(PRESETS)) {
    const fields = resolvePreset(preset, headers)
    const required =
      preset.kind === 'time'
        ? ['date', 'client', 'hours']
        : preset.kind
          ? ['date', 'client', 'amount']
          : ['date', 'client', 'kind', 'amount']
    if (!required.every((f) => fields[f as TargetField])) continue
    // The exports differ in a telling column or two.
    const tells = TELLS[preset.id].filter((t) => keys.has(t)).length
    const score = Object.keys(fields).length + 5 * tells
    if (!best || score > best.score) best = { id: preset.id, score }
  }
  return best?.id ?? null
}
