/**
 * The ledger's whole: every entry's amount and every touchpoint's cost added together. It never
 * passes MAX_LEDGER_TOTAL_MINOR (see money.ts), so no figure the app computes passes 2^53. Every
 * write that adds to it checks it inside its own transaction, after writing.
 */
import type { EntityManager } from 'typeorm'
import { LedgerMonthTotalEntity } from './entities'
import { builtQuery } from './built-query'
import { costOfMinuteRates, touchpointMinutesQuery } from './touchpoint-minutes'
import { DomainError } from '../domain-error'
import { MAX_LEDGER_TOTAL_MINOR, formatMoney } from '../../shared/money'

type Row = Record<string, string | number | null>

/** The two reads of every write that adds to the ledger, their SQL written once per database. */
const entriesTotal = builtQuery<Record<string, never>, Row>(
  (m) => m.createQueryBuilder(LedgerMonthTotalEntity, 't').select('COALESCE(SUM(t.amountMinor), 0)', 'total'),
  [],
)
const touchpointsPerClient = builtQuery<Record<string, never>, Row>((m) => touchpointMinutesQuery(m, 'tp.clientId'), [])

/**
 * The total as the figures count it: the monthly totals (kept exact by triggers), and touchpoint
 * minutes costed per client, as ledgerSums does for any period (so never less than any period's
 * figure).
 */
export async function ledgerTotalMinor(m: EntityManager): Promise<number> {
  const [entries] = await entriesTotal(m, {})
  const touch = await touchpointsPerClient(m, {})
  let total = Number(entries?.total ?? 0)
  for (const r of touch) {
    // Past 2^53 only when this write took the touchpoints' cost past the whole (touchpoint-minutes.ts).
    if (!Number.isSafeInteger(Number(r.minute_rates))) return Number.POSITIVE_INFINITY
    total += costOfMinuteRates(r.minute_rates)
  }
  return total
}

export function ledgerFullMessage(currency: string): string {
  return `All the ledger's amounts together would pass the most it can add up exactly (${formatMoney(MAX_LEDGER_TOTAL_MINOR, currency, 'en')}). Nothing was changed.`
}

/**
 * Run inside a write's transaction, after the write: throws (so the transaction rolls back) when the
 * ledger now passes its total. Checking after the write counts exactly what the figures will count.
 */
export async function assertLedgerWithinTotal(m: EntityManager, currency: string, field?: string): Promise<void> {
  if ((await ledgerTotalMinor(m)) > MAX_LEDGER_TOTAL_MINOR)
    throw new DomainError('VALIDATION', ledgerFullMessage(currency), field)
}
