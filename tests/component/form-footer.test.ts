/** Ctrl+S presses the primary action of the form that is open, and of that one only. */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import FormFooter from '../../src/components/FormFooter.vue'

const mounted: Array<{ unmount: () => void }> = []
afterEach(() => {
  while (mounted.length > 0) mounted.pop()!.unmount()
})

function footer(busy = false) {
  const wrapper = mount(FormFooter, { props: { saveLabel: 'Save entry', busy }, attachTo: document.body })
  mounted.push(wrapper)
  return wrapper
}

const press = (init: KeyboardEventInit) =>
  window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))

describe('the form footer', () => {
  it('saves on Ctrl+S and on Cmd+S, and not on a plain S', () => {
    const f = footer()
    press({ key: 's', ctrlKey: true })
    press({ key: 'S', metaKey: true })
    press({ key: 's' })
    expect(f.emitted('save')).toHaveLength(2)
  })

  it('keeps the browser from handling the shortcut itself', () => {
    footer()
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true })
    window.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
  })

  it('does not save twice while a save is running', () => {
    const f = footer(true)
    press({ key: 's', ctrlKey: true })
    expect(f.emitted('save')).toBeUndefined()
  })

  it('saves only the form opened last, then the one beneath once it closes', () => {
    const below = footer()
    const above = footer()
    press({ key: 's', ctrlKey: true })
    expect(above.emitted('save')).toHaveLength(1)
    expect(below.emitted('save')).toBeUndefined()
    mounted.pop()!.unmount()
    press({ key: 's', ctrlKey: true })
    expect(below.emitted('save')).toHaveLength(1)
  })

  it('stops listening once no form is open', () => {
    const f = footer()
    mounted.pop()!.unmount()
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, cancelable: true })
    window.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(false)
    expect(f.emitted('save')).toBeUndefined()
  })

  it('still answers its buttons', async () => {
    const f = footer()
    await f.findAll('button').at(-1)!.trigger('click')
    expect(f.emitted('save')).toHaveLength(1)
  })
})
