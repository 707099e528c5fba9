import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type { CsvExportResult, PortfolioFigures } from '../../electron/shared/ledger/models'
import { messageOf } from '../errors'
import { api } from '../api'

/** A preset, or chosen first and last days, as the period picker gives it. */
export type PeriodChoice = Input<'ledger:portfolio'>['period']

/** A custom period is asked for only once both its first and last day are chosen. */
export const periodChosen = (period: PeriodChoice) => period.preset !== 'custom' || (!!period.from && !!period.to)

/**
 * The ledger across every client: the figures for a period, ranked by margin, and the exports. The
 * page clears them when it opens, as a fresh page would; the latest answer wins, so a slower,
 * older one never overwrites it.
 */
export const useLedgerStore = defineStore('ledger', () => {
  const portfolio = ref<PortfolioFigures | null>(null)
  const portfolioError = ref('')
  let latest = 0

  const currency = computed(() => portfolio.value?.currency ?? 'USD')
  /** The clients with entries in the period, ranked by margin, highest first. */
  const rankedClients = computed(() => portfolio.value?.clients ?? [])
  /** The margin of the best n clients added up, for n = 0 to all of them. */
  const cumulativeMargins = computed(() => {
    let running = 0
    return [0, ...rankedClients.value.map((c) => (running += c.figures.marginMinor))]
  })
  /** Where the cumulative margin peaks: the best `at` clients earn `best`. */
  const peak = computed(() => {
    let best = 0
    let at = 0
    cumulativeMargins.value.forEach((running, i) => {
      if (running > best) [best, at] = [running, i]
    })
    return { best, at }
  })

  function clearPortfolio(): void {
    latest++
    portfolio.value = null
    portfolioError.value = ''
  }

  async function loadPortfolio(period: PeriodChoice): Promise<void> {
    if (!periodChosen(period)) return
    const request = ++latest
    try {
      const figures = await api.ledger.portfolio({ period })
      if (request !== latest) return
      portfolio.value = figures
      portfolioError.value = ''
    } catch (e) {
      if (request === latest) portfolioError.value = messageOf(e)
    }
  }

  /** Each client's figures for the period, to a CSV file the owner chooses. */
  const exportFigures = (period: PeriodChoice): Promise<CsvExportResult> => api.ledger.exportFiguresCsv({ period })
  /** Every entry of one client, or of all clients (null), to a CSV file the owner chooses. */
  const exportEntries = (clientId: number | null): Promise<CsvExportResult> => api.ledger.exportCsv({ clientId })

  return {
    portfolio,
    portfolioError,
    currency,
    rankedClients,
    cumulativeMargins,
    peak,
    clearPortfolio,
    loadPortfolio,
    exportFigures,
    exportEntries,
  }
})
