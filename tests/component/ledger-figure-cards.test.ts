import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { figuresOf, emptySums } from '../../electron/shared/ledger/figures'
import LedgerFigureCards from '../../src/components/ledger/LedgerFigureCards.vue'

const text = (w: ReturnType<typeof mount>, key: string) => w.get(`[data-testid="figure-${key}"]`)

describe('the figure cards', () => {
  it('show a negative margin with its minus sign and in red, and a rate under the hourly worth in red', () => {
    // revenue 100.00, time 150.00 over 2 h: margin −50.00 (−50.0 %); per hour 100.00 × 60 / 120 = 50.00
    const f = figuresOf({ ...emptySums(), invoice: 10000, payment: 4000, time: 15000, timeMinutes: 120 })
    const w = mount(LedgerFigureCards, { props: { figures: f, currency: 'EUR', hourlyWorthMinor: 9000 } })
    const margin = text(w, 'margin')
    expect(margin.get('.value').text()).toMatch(/^-€50\.00$/)
    expect(margin.get('.value').classes()).toContain('negative')
    expect(margin.text()).toContain('-50.0% of revenue')
    expect(text(w, 'collected').text()).toContain('Outstanding (invoiced − paid) €60.00')
    expect(text(w, 'rate').get('.value').classes()).toContain('negative')
    expect(text(w, 'hours').get('.value').text()).toBe('2 h')
  })

  it('say so when there is no revenue or no time', () => {
    const w = mount(LedgerFigureCards, {
      props: { figures: figuresOf(emptySums()), currency: 'EUR', hourlyWorthMinor: 9000 },
    })
    expect(text(w, 'margin').text()).toContain('No revenue in the period')
    expect(text(w, 'rate').get('.value').text()).toBe('—')
    expect(text(w, 'rate').get('.value').classes()).not.toContain('negative')
  })
})
