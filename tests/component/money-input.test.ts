/**
 * An amount field in the business's locale: a business writing decimals with a comma types
 * "12,34"; the field shows the currency's symbol from Intl, and amounts to edit in the locale's way.
 */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import MoneyInput from '../../src/components/MoneyInput.vue'
import { setDisplayLocale } from '../../src/format'

let wrapper: ReturnType<typeof mount> | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  setDisplayLocale('')
})

function field(currency: string, start: number | null) {
  const value = ref<number | null>(start)
  const invalid = ref<string | null>(null)
  wrapper = mount(
    defineComponent(
      () => () =>
        h(MoneyInput, {
          currency,
          inputId: 'amount',
          modelValue: value.value,
          'onUpdate:modelValue': (v: number | null) => (value.value = v),
          onInvalid: (m: string | null) => (invalid.value = m),
        }),
    ),
    { attachTo: document.body },
  )
  return { value, invalid, input: wrapper.get('input') }
}

describe('an amount field', () => {
  it('takes "12,34" for a business writing decimals with a comma, and shows € from Intl', async () => {
    setDisplayLocale('de-DE')
    const { value, invalid, input } = field('EUR', 123450)
    expect((input.element as HTMLInputElement).value).toBe('1234,50')
    expect(wrapper?.text()).toContain('€')
    await input.setValue('12,34')
    expect(value.value).toBe(1234)
    expect(invalid.value).toBeNull()
    await input.setValue('1.234,5')
    expect(value.value).toBe(123450)
    await input.setValue('12.34')
    expect(invalid.value).toBe('Enter an amount like 1250,00.')
  })

  it('shows the amount anew when the business changes its locale', async () => {
    setDisplayLocale('en-GB')
    const { input } = field('EUR', 9500)
    expect((input.element as HTMLInputElement).value).toBe('95.00')
    setDisplayLocale('de-DE')
    await nextTick()
    expect((input.element as HTMLInputElement).value).toBe('95,00')
  })

  it('keeps a decimal point where the locale writes one', async () => {
    setDisplayLocale('en-GB')
    const { value, invalid, input } = field('GBP', 0)
    expect(wrapper?.text()).toContain('£')
    await input.setValue('1,234.5')
    expect(value.value).toBe(123450)
    await input.setValue('12,34')
    expect(invalid.value).toBe('Enter an amount like 1250.00.')
  })
})
