/**
 * A component mounted in the document inside Naive's message provider, and the few ways the tests
 * reach into it by test id: the element, its input, a click and typing (each waits for what follows).
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { defineComponent, h, type Component } from 'vue'

export function mountedPage() {
  let wrapper: ReturnType<typeof mount> | undefined
  const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement
  const input = (id: string) => q(id).querySelector('input, textarea') as HTMLInputElement
  return {
    async open(component: Component): Promise<void> {
      wrapper = mount(defineComponent({ setup: () => () => h(NMessageProvider, () => h(component)) }), {
        attachTo: document.body,
      })
      await flushPromises()
    },
    close(): void {
      wrapper?.unmount()
      wrapper = undefined
    },
    q,
    input,
    async click(id: string): Promise<void> {
      q(id).click()
      await flushPromises()
    },
    async type(id: string, value: string): Promise<void> {
      input(id).value = value
      input(id).dispatchEvent(new Event('input'))
      await flushPromises()
    },
  }
}
