/** The import's column mapping step in happy-dom: presets fill the mapping, hints show the first row, errors sit beside their field. */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { ChosenImportFile } from '../../electron/shared/ledger-import/models'
import ImportMappingStep from '../../src/components/ledger-import/ImportMappingStep.vue'
import { useLedgerImportStore } from '../../src/stores/ledger-import'

const HARVEST: ChosenImportFile = {
  token: '8f14e45f-ceea-4e67-a2a4-0a2b3c4d5e6f',
  fileName: 'harvest.csv',
  sizeBytes: 2048,
  encoding: 'UTF-8',
  headers: ['Date', 'Client', 'Project', 'Task', 'Notes', 'Hours', 'First Name', 'Last Name', 'Cost Rate', 'Currency'],
  sample: [
    [
      '2026-03-02',
      'Acme Ltd',
      'Brochure reprint',
      'Design',
      'Second proof',
      '1.5',
      'Maya',
      'Okafor',
      '',
      'United States Dollar - USD',
    ],
  ],
  suggestedPreset: 'harvest-time',
}

function mountStep() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useLedgerImportStore()
  store.file = HARVEST
  store.usePreset('harvest-time')
  const wrapper = mount(ImportMappingStep, { global: { plugins: [pinia] }, attachTo: document.body })
  return { store, wrapper }
}

const rowText = (wrapper: ReturnType<typeof mountStep>['wrapper'], field: string) =>
  wrapper.find(`tr[data-field="${field}"]`).text()

describe('the mapping step', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('fills the mapping from the preset and shows what the first row reads', () => {
    const { store, wrapper } = mountStep()
    expect(store.fields).toMatchObject({
      date: ['Date'],
      client: ['Client'],
      hours: ['Hours'],
      worker: ['First Name', 'Last Name'],
      rate: ['Cost Rate'],
      description: ['Project', 'Task', 'Notes'],
    })
    expect(store.kind).toBe('time')
    expect(rowText(wrapper, 'worker')).toContain('Maya Okafor')
    expect(rowText(wrapper, 'description')).toContain('Brochure reprint · Design · Second proof')
    expect(rowText(wrapper, 'amount')).toContain('—')
    expect(wrapper.find('[data-testid="import-file-name"]').text()).toBe('harvest.csv')
  })

  it('asks for one kind for every row only while no column holds the kind', async () => {
    const { store, wrapper } = mountStep()
    expect(wrapper.find('[data-testid="import-kind"]').exists()).toBe(true)
    store.setField('kind', ['Task'])
    await nextTick()
    expect(wrapper.find('[data-testid="import-kind"]').exists()).toBe(false)
  })

  it('shows main’s message beside the field it names', async () => {
    const { store, wrapper } = mountStep()
    store.error = { message: 'Choose the column that holds the date.', field: 'mapping.fields.date' }
    await nextTick()
    expect(wrapper.find('tr[data-field="date"] [role="alert"]').text()).toBe('Choose the column that holds the date.')
    expect(wrapper.find('tr[data-field="client"] [role="alert"]').exists()).toBe(false)
  })
})
