import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import type { ClientInputData } from '../../electron/shared/schemas'
import ClientForm from '../../src/components/ClientForm.vue'
import type { FieldErrors } from '../../src/validation'

const blank = (): ClientInputData => ({
  name: '',
  company: '',
  contactPerson: '',
  contactTitle: '',
  email: '',
  phone: '',
  address: '',
  notes: '',
  tags: [],
  dateWon: null,
  referralValueMinor: null,
  status: 'active',
})

type FormApi = { validate: () => ClientInputData | null }

function mountForm(initial: Partial<ClientInputData> = {}, serverErrors: FieldErrors = {}) {
  const model = ref<ClientInputData>({ ...blank(), ...initial })
  const formRef = ref<FormApi | null>(null)
  const Host = defineComponent({
    setup: () => () =>
      h(ClientForm, {
        ref: formRef,
        modelValue: model.value,
        'onUpdate:modelValue': (v: ClientInputData) => (model.value = v),
        currency: 'GBP',
        serverErrors,
      }),
  })
  const wrapper = mount(Host, { attachTo: document.body })
  return { wrapper, model, validate: () => (formRef.value as FormApi).validate() }
}

const feedback = (wrapper: ReturnType<typeof mount>) =>
  wrapper.findAll('.n-form-item-feedback__line').map((n) => n.text())

describe('ClientForm', () => {
  it('labels every input', () => {
    const { wrapper } = mountForm()
    const labels = wrapper.findAll('label').map((l) => l.text().replace('*', '').trim())
    expect(labels).toEqual(
      expect.arrayContaining([
        'Name',
        'Company',
        'Contact person',
        'Status',
        'Email',
        'Phone',
        'Date won',
        'Referral value (estimate)',
        'Address',
        'Tags',
        'Notes',
      ]),
    )
    wrapper.unmount()
  })

  it('refuses an empty name and a bad email, with the message next to each field', async () => {
    const { wrapper, validate } = mountForm({ email: 'not-an-email' })
    expect(validate()).toBeNull()
    await nextTick()
    expect(feedback(wrapper)).toEqual(
      expect.arrayContaining(['Enter the client’s name.', 'This does not look like an email address.']),
    )
    wrapper.unmount()
  })

  it('reads a typed amount as minor units and refuses text that is not an amount', async () => {
    const { wrapper, model, validate } = mountForm({ name: 'Northwind' })
    const referral = wrapper.find('#client-referral')
    await referral.setValue('1,250.50')
    expect(model.value.referralValueMinor).toBe(125050)
    await referral.setValue('twelve')
    expect(validate()).toBeNull()
    await nextTick()
    expect(feedback(wrapper)).toContain('Enter an amount like 1250.00.')
    wrapper.unmount()
  })

  it('keeps a referral value of 0 as 0, and an emptied field as no estimate', async () => {
    const { wrapper, model } = mountForm({ name: 'Northwind', referralValueMinor: 0 })
    const referral = wrapper.find<HTMLInputElement>('#client-referral')
    expect(referral.element.value).toBe('0.00')
    await referral.setValue('')
    expect(model.value.referralValueMinor).toBeNull()
    expect(referral.attributes('placeholder')).toBe('No estimate: your default counts')
    await referral.setValue('0')
    expect(model.value.referralValueMinor).toBe(0)
    wrapper.unmount()
  })

  it('returns the parsed client when the input is good', async () => {
    const { wrapper, validate } = mountForm({
      name: '  Café Lumière ',
      email: 'bonjour@example.fr',
      tags: ['hospitality'],
    })
    expect(validate()).toMatchObject({
      name: 'Café Lumière',
      email: 'bonjour@example.fr',
      tags: ['hospitality'],
      status: 'active',
    })
    wrapper.unmount()
  })

  it('shows an error that main reported for a field', async () => {
    const { wrapper } = mountForm({ name: 'Northwind' }, { dateWon: 'The date won cannot be in the future.' })
    await nextTick()
    expect(feedback(wrapper)).toContain('The date won cannot be in the future.')
    wrapper.unmount()
  })
})
