/** The import's result step in happy-dom: payments linked to their invoice, and those naming an invoice not in the ledger. */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../electron/shared/ledger-import/models'
import ImportRunPanel from '../../src/components/ledger-import/ImportRunPanel.vue'
import { useLedgerImportStore } from '../../src/stores/ledger-import'

const RESULT: ImportResult = {
  status: 'imported',
  rowsRead: 8,
  goodRows: 8,
  imported: 8,
  duplicates: 0,
  clientsCreated: [],
  badRowCount: 0,
  badRows: [],
  currency: 'USD',
  amountImportedMinor: 224500,
  paymentsLinked: 3,
  paymentsUnlinked: 2,
  ms: 12,
}

function mountPanel(result: ImportResult) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useLedgerImportStore().result = result
  return mount(ImportRunPanel, { global: { plugins: [pinia] }, attachTo: document.body })
}

describe('the result step', () => {
  it('says how many payments were linked and how many name an invoice not in the ledger', () => {
    const wrapper = mountPanel(RESULT)
    expect(wrapper.find('[data-testid="import-payments-linked"]').text()).toBe(
      '3 payments are linked to the invoice they pay.',
    )
    expect(wrapper.find('[data-testid="import-payments-unlinked"]').text()).toContain(
      '2 payments name an invoice not in the ledger; they are imported without a link.',
    )
  })

  it('speaks of one payment in the singular, and says nothing when no payment names an invoice', () => {
    const one = mountPanel({ ...RESULT, paymentsLinked: 1, paymentsUnlinked: 1 })
    expect(one.find('[data-testid="import-payments-linked"]').text()).toBe(
      '1 payment is linked to the invoice it pays.',
    )
    expect(one.find('[data-testid="import-payments-unlinked"]').text()).toContain(
      '1 payment names an invoice not in the ledger; it is imported without a link.',
    )
    const none = mountPanel({ ...RESULT, paymentsLinked: 0, paymentsUnlinked: 0 })
    expect(none.find('[data-testid="import-payments-linked"]').exists()).toBe(false)
    expect(none.find('[data-testid="import-payments-unlinked"]').exists()).toBe(false)
  })
})
