/**
 * Each client's month in one row (ledger_client_months, migration 0013): the month totals of every
 * kind side by side, one column per kind, the time minutes and the number of entries. The
 * portfolio sums these rows instead of pivoting ledger_month_totals' row per kind: a third of the
 * rows and no CASE per kind. Kept exact by triggers on ledger_month_totals (every write there adds
 * its difference here), so every path that keeps the month totals keeps these too.
 */
import type { EntryKind } from '../../shared/ledger/words'

/** The kinds with a column, as migration 0013 made them (a new kind needs a migration adding its column). */
export const CLIENT_MONTH_KINDS = [
  'invoice',
  'payment',
  'time',
  'material',
  'expense',
  'refund',
  'discount',
  'credit',
  'gift',
] as const satisfies readonly EntryKind[]

/** The column holding a kind's amount in minor units. */
export const amountColumn = (kind: EntryKind): string => `${kind}_minor`

/** Every column of a row after its key, in the table's order. */
export const CLIENT_MONTH_VALUES = [...CLIENT_MONTH_KINDS.map(amountColumn), 'time_minutes', 'entries']

/**
 * The value of each column for one ledger_month_totals row `r` (a row alias or NEW/OLD), times
 * `sign`: its amount in its kind's column, its minutes when it is time, its entries.
 */
export function clientMonthValues(r: string, sign: 1 | -1): string[] {
  const s = sign === 1 ? '' : '-'
  return [
    ...CLIENT_MONTH_KINDS.map((k) => `CASE WHEN ${r}.kind = '${k}' THEN ${s}${r}.amount_minor ELSE 0 END`),
    `CASE WHEN ${r}.kind = 'time' THEN ${s}${r}.minutes ELSE 0 END`,
    `${s}${r}.entries`,
  ]
}

/** `ON CONFLICT ... DO UPDATE` adding the new values to the row already there (the same on both engines). */
export const ADD_ON_CONFLICT = `ON CONFLICT (client_id, month) DO UPDATE SET ${CLIENT_MONTH_VALUES.map(
  (c) => `${c} = ledger_client_months.${c} + excluded.${c}`,
).join(', ')}`

/** Adds `values` (one per column of CLIENT_MONTH_VALUES) to the client's month, making the row when missing. */
export function addToClientMonth(clientId: string, month: string, values: readonly string[]): string {
  return `INSERT INTO ledger_client_months (client_id, month, ${CLIENT_MONTH_VALUES.join(', ')})
    VALUES (${clientId}, ${month}, ${values.join(', ')}) ${ADD_ON_CONFLICT}`
}

/**
 * Adds month totals rows to the client months in one statement: `source` is a SELECT giving
 * client_id, month, kind, amount_minor, minutes and entries (a bulk path's rows, its triggers off).
 */
export function addMonthTotalsSql(source: string): string {
  return `INSERT INTO ledger_client_months (client_id, month, ${CLIENT_MONTH_VALUES.join(', ')})
    SELECT m.client_id, m.month, ${clientMonthValues('m', 1)
      .map((v) => `SUM(${v})`)
      .join(', ')}
    FROM (${source}) m WHERE 1 = 1 GROUP BY m.client_id, m.month
    ${ADD_ON_CONFLICT}`
}
