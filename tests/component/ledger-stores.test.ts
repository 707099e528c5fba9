/**
 * The ledger's stores in happy-dom, against a stand-in for the typed client: which questions they
 * ask, that the latest answer wins, what they derive, and the decision panel drawing the limit the
 * shared rule computes.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { emptySums, figuresOf } from '../../electron/shared/ledger/figures'
import type {
  ClientFigures,
  DecisionFigures,
  DecisionPanel as Panel,
  LedgerEntryView,
  PortfolioFigures,
} from '../../electron/shared/ledger/models'
import { recommend } from '../../electron/shared/ledger/recommend'
import DecisionPanel from '../../src/components/ledger/DecisionPanel.vue'
import MoneyComboChart from '../../src/components/ledger/MoneyComboChart.vue'
import { ApiError } from '../../src/errors'
import { useLedgerStore } from '../../src/stores/ledger'
import { useClientLedgerStore } from '../../src/stores/ledger-client'

const api = vi.hoisted(() => ({
  ledger: { portfolio: vi.fn(), list: vi.fn(), clientFigures: vi.fn(), clientMonths: vi.fn() },
  staff: { list: vi.fn() },
  turnarounds: { list: vi.fn() },
  decisions: { getPanel: vi.fn(), record: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))

/** A promise the test settles when it chooses. */
function later<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const client = (clientId: number, marginMinor: number): ClientFigures => ({
  clientId,
  name: `Client ${clientId}`,
  status: 'active',
  figures: { ...figuresOf(emptySums()), marginMinor },
  worth: { worthMinor: 0, ttmMarginMinor: 0, horizonYears: 2, referralValueMinor: 0, referralIsDefault: true },
})
const portfolio = (clients: ClientFigures[]): PortfolioFigures => ({
  period: { from: '2026-01-01', to: '2026-12-31' },
  hourlyWorthMinor: 9000,
  currency: 'EUR',
  totals: { ...figuresOf(emptySums()), marginMinor: clients.reduce((s, c) => s + c.figures.marginMinor, 0) },
  clients,
})
const entry = (id: number, clientId: number) => ({ id, clientId }) as LedgerEntryView

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('the ledger across clients', () => {
  it('asks nothing until a custom period has both its days, then asks for that period', async () => {
    const ledger = useLedgerStore()
    api.ledger.portfolio.mockResolvedValue(portfolio([]))
    await ledger.loadPortfolio({ preset: 'custom', from: '2026-03-01', to: null })
    expect(api.ledger.portfolio).not.toHaveBeenCalled()
    await ledger.loadPortfolio({ preset: 'custom', from: '2026-03-01', to: '2026-03-31' })
    expect(api.ledger.portfolio).toHaveBeenCalledWith({
      period: { preset: 'custom', from: '2026-03-01', to: '2026-03-31' },
    })
    expect(ledger.portfolio?.currency).toBe('EUR')
  })

  it('keeps the latest answer when an older one comes back after it, and drops answers of a page that was left', async () => {
    const ledger = useLedgerStore()
    const year = later<PortfolioFigures>()
    const month = later<PortfolioFigures>()
    api.ledger.portfolio.mockReturnValueOnce(year.promise).mockReturnValueOnce(month.promise)
    const first = ledger.loadPortfolio({ preset: 'year', from: null, to: null })
    const second = ledger.loadPortfolio({ preset: 'month', from: null, to: null })
    month.resolve(portfolio([client(2, 200)]))
    year.resolve(portfolio([client(1, 100)]))
    await Promise.all([first, second])
    expect(ledger.rankedClients.map((c) => c.clientId)).toEqual([2])

    const again = later<PortfolioFigures>()
    api.ledger.portfolio.mockReturnValueOnce(again.promise)
    const third = ledger.loadPortfolio({ preset: 'ttm', from: null, to: null })
    ledger.clearPortfolio()
    again.resolve(portfolio([client(3, 300)]))
    await third
    expect(ledger.portfolio).toBeNull()
  })

  it('adds up the ranked margins and finds where they peak', async () => {
    const ledger = useLedgerStore()
    api.ledger.portfolio.mockResolvedValue(
      portfolio([client(1, 500), client(2, 300), client(3, -200), client(4, -400)]),
    )
    await ledger.loadPortfolio({ preset: 'ttm', from: null, to: null })
    expect(ledger.cumulativeMargins).toEqual([0, 500, 800, 600, 200])
    expect(ledger.peak).toEqual({ best: 800, at: 2 })
  })

  it('shows a refusal as its message, and forgets it once an answer comes', async () => {
    const ledger = useLedgerStore()
    api.ledger.portfolio.mockRejectedValueOnce(
      new ApiError({ code: 'STORAGE', message: 'The data folder cannot be read.' }),
    )
    await ledger.loadPortfolio({ preset: 'ttm', from: null, to: null })
    expect(ledger.portfolioError).toBe('The data folder cannot be read.')
    api.ledger.portfolio.mockResolvedValueOnce(portfolio([]))
    await ledger.loadPortfolio({ preset: 'ttm', from: null, to: null })
    expect(ledger.portfolioError).toBe('')
  })
})

describe("a client's ledger", () => {
  it('never shows the entries of the client whose page was left, however late they come', async () => {
    const ledger = useClientLedgerStore()
    const ofFirst = later<LedgerEntryView[]>()
    api.ledger.list.mockReturnValueOnce(ofFirst.promise).mockResolvedValueOnce([entry(20, 2)])
    api.staff.list.mockResolvedValue([])
    api.turnarounds.list.mockResolvedValue([])
    api.ledger.clientFigures.mockResolvedValue(null)
    const ttm = { preset: 'ttm', from: null, to: null } as const
    const first = ledger.loadClient(1, ttm)
    ledger.clearClient()
    await ledger.loadClient(2, ttm)
    ofFirst.resolve([entry(10, 1)])
    await first
    expect(ledger.entries.map((e) => e.id)).toEqual([20])
    expect(api.turnarounds.list).toHaveBeenLastCalledWith({ state: 'all', clientId: 2 })
  })
})

describe('the decision panel', () => {
  /** Worth × share passes 2^53 here: 900,719,925,474,101 × 99% is …359.99, which floating point rounds up. */
  const figures: DecisionFigures = {
    currency: 'EUR',
    ttmMarginMinor: 0,
    horizonYears: 3,
    referralValueMinor: 900719925474101,
    referralIsDefault: false,
    worthMinor: 900719925474101,
    spentMinor: 100000,
    spentMinutes: 600,
    plannedMinor: 50000,
    plannedMinutes: 120,
    openActions: 1,
    totalCostMinor: 150000,
    maxSharePct: 99,
    maxMinutes: 1200,
    effectiveRateMinor: 9000,
    hourlyWorthMinor: 8000,
    minEffectiveRateMinor: 0,
    newIssuesAfterPlan: 0,
    planAgreedOn: null,
  }
  const panel: Panel = {
    clientId: 7,
    clientName: 'Acme',
    clientStatus: 'in_turnaround',
    turnaroundId: 3,
    turnaroundClosed: false,
    figures,
    result: recommend(figures),
    decisions: [],
  }

  it('draws the limit the share check names, computed by the shared rule', async () => {
    api.decisions.getPanel.mockResolvedValue(panel)
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/', component: { render: () => null } }],
    })
    const pinia = createPinia()
    const Host = defineComponent({
      setup: () => () => h(NMessageProvider, () => h(DecisionPanel, { clientId: 7, turnaroundId: 3 })),
    })
    const wrapper = mount(Host, {
      global: { plugins: [pinia, router], stubs: { MoneyComboChart: true } },
      attachTo: document.body,
    })
    await flushPromises()
    expect(api.decisions.getPanel).toHaveBeenCalledWith({ clientId: 7, turnaroundId: 3 })
    const series = wrapper.findComponent(MoneyComboChart).props('series') as Array<{ label: string; data: number[] }>
    expect(series.find((s) => s.label === 'Limit')?.data).toEqual([0, 891712726219359, 0])
    expect(wrapper.get('[data-testid="limit-share"]').text()).toContain('€8,917,127,262,193.59')
    wrapper.unmount()
  })
})
