/** The client months (migration 0013) beside the same figures summed from the entries, on either engine. */
import type { DataSource } from 'typeorm'
import { CLIENT_MONTH_KINDS, CLIENT_MONTH_VALUES } from '../../electron/main/db/client-months'

const KEPT = `SELECT client_id, month, ${CLIENT_MONTH_VALUES.join(', ')} FROM ledger_client_months
  WHERE NOT (${CLIENT_MONTH_VALUES.map((c) => `${c} = 0`).join(' AND ')}) ORDER BY client_id, month`

const SUMMED = `SELECT client_id, substr(entry_date, 1, 7) AS month, ${CLIENT_MONTH_KINDS.map(
  (k) => `SUM(CASE WHEN kind = '${k}' THEN amount_minor ELSE 0 END) AS ${k}_minor`,
).join(', ')}, SUM(CASE WHEN kind = 'time' THEN COALESCE(minutes, 0) ELSE 0 END) AS time_minutes, COUNT(*) AS entries
  FROM ledger_entries GROUP BY client_id, substr(entry_date, 1, 7) ORDER BY client_id, month`

type Row = Record<string, unknown>
const numbers = (rows: Row[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'month' ? v : Number(v)])))

/** Every client's months as the table keeps them (rows of nothing left out) and as the entries sum up. */
export async function clientMonthsAndEntries(ds: DataSource): Promise<{ kept: Row[]; summed: Row[] }> {
  return {
    kept: numbers((await ds.query(KEPT)) as Row[]),
    summed: numbers((await ds.query(SUMMED)) as Row[]),
  }
}
