/**
 * What the app adds to Naive UI for assistive technology and the keyboard, on real Naive
 * components: labels tied to fields, named number buttons, card headings, tabs as a tab list moved
 * with the arrow keys, a table's pager as named buttons chosen with Enter, Ctrl+S in an inline form,
 * and the save shortcut of a hidden dialog silent.
 */
import { mount } from '@vue/test-utils'
import {
  NCard,
  NCheckbox,
  NForm,
  NFormItem,
  NInput,
  NInputNumber,
  NPagination,
  NSwitch,
  NTabPane,
  NTabs,
} from 'naive-ui'
import { defineComponent, h, nextTick, ref } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { watchKeyboard } from '../../src/a11y/keyboard'
import { repair } from '../../src/a11y/naive-repairs'
import { useSaveShortcut } from '../../src/composables/useSaveShortcut'
import { vSaveShortcut } from '../../src/directives/save-shortcut'

const mounted: Array<{ unmount: () => void }> = []
afterEach(() => {
  while (mounted.length > 0) mounted.pop()!.unmount()
  document.body.innerHTML = ''
})
function attach<T extends { unmount: () => void }>(w: T): T {
  mounted.push(w)
  return w
}
const nameOf = (el: Element) =>
  (el.getAttribute('aria-labelledby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent?.trim())
    .join(' ')

describe('names Naive UI leaves out', () => {
  it('ties each label to its field, names the number buttons and makes the card title a heading', async () => {
    attach(
      mount(
        () =>
          h(NCard, { title: 'Planner' }, () =>
            h(NForm, null, () => [
              h(NFormItem, { label: 'Client name', feedback: 'Enter the name.', validationStatus: 'error' }, () =>
                h(NInput, { value: '' }),
              ),
              h(NFormItem, { label: 'Warning window' }, () => h(NInputNumber, { value: 3 })),
              h(NFormItem, { label: 'Archived' }, () => h(NSwitch, { value: false })),
            ]),
          ),
        { attachTo: document.body },
      ),
    )
    await nextTick()
    repair(document)
    const [text, number] = Array.from(document.querySelectorAll('input'))
    expect(nameOf(text!)).toBe('Client name')
    expect(text!.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(text!.getAttribute('aria-describedby')!)?.textContent).toContain('Enter the name.')
    expect(nameOf(number!)).toBe('Warning window')
    const buttons = Array.from(document.querySelectorAll('.n-input-number button')).map((b) =>
      b.getAttribute('aria-label'),
    )
    expect(buttons).toEqual(['Decrease warning window', 'Increase warning window'])
    expect(nameOf(document.querySelector('.n-switch')!)).toBe('Archived')
    const title = document.querySelector('.n-card-header__main')!
    expect(title.getAttribute('role')).toBe('heading')
    expect(title.getAttribute('aria-level')).toBe('2')
    expect(document.querySelector('.n-card-header')!.hasAttribute('role')).toBe(false)
  })
})

describe('switches and checkboxes', () => {
  it('names a switch by the label it sits in and says when a switch or checkbox is turned off', async () => {
    const disabled = ref(true)
    attach(
      mount(
        () =>
          h('div', [
            h('label', [h(NSwitch, { value: true }), ' Start when I log in']),
            h(NSwitch, { value: false, disabled: disabled.value, 'aria-label': 'Own name' }),
            h(NCheckbox, { checked: false, disabled: disabled.value }, () => 'Starts a new page'),
          ]),
        { attachTo: document.body },
      ),
    )
    await nextTick()
    repair(document)
    const [inLabel, own] = Array.from(document.querySelectorAll('.n-switch'))
    expect(nameOf(inLabel!)).toBe('Start when I log in')
    expect(own!.getAttribute('aria-label')).toBe('Own name')
    expect(own!.hasAttribute('aria-labelledby')).toBe(false)
    expect(own!.getAttribute('aria-disabled')).toBe('true')
    expect(document.querySelector('.n-checkbox')!.getAttribute('aria-disabled')).toBe('true')
    expect(inLabel!.hasAttribute('aria-disabled')).toBe(false)
    disabled.value = false
    await nextTick()
    repair(document)
    expect(own!.hasAttribute('aria-disabled')).toBe(false)
    expect(document.querySelector('.n-checkbox')!.hasAttribute('aria-disabled')).toBe(false)
  })
})

describe('the keyboard', () => {
  it('makes tabs a tab list, one Tab stop, moved and chosen with the arrow keys', async () => {
    const stop = watchKeyboard(document)
    const chosen = ref('a')
    attach(
      mount(
        () =>
          h(NTabs, { value: chosen.value, 'onUpdate:value': (v: string) => (chosen.value = v) }, () => [
            h(NTabPane, { name: 'a', tab: 'First' }, () => 'one'),
            h(NTabPane, { name: 'b', tab: 'Second' }, () => 'two'),
          ]),
        { attachTo: document.body },
      ),
    )
    await new Promise((r) => setTimeout(r, 50))
    const tabs = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'))
    expect(document.querySelector('[role="tablist"]')).not.toBeNull()
    expect(
      tabs.map((t) => [t.textContent?.trim(), t.getAttribute('aria-selected'), t.getAttribute('tabindex')]),
    ).toEqual([
      ['First', 'true', '0'],
      ['Second', 'false', '-1'],
    ])
    tabs[0]!.focus()
    tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }))
    await nextTick()
    expect(chosen.value).toBe('b')
    expect(document.activeElement).toBe(tabs[1])
    stop()
  })

  it('makes a pager a navigation of named buttons in the Tab order, chosen with Enter or Space', async () => {
    const stop = watchKeyboard(document)
    const page = ref(1)
    attach(
      mount(
        () =>
          h(NPagination, {
            page: page.value,
            pageSize: 50,
            itemCount: 1234,
            'onUpdate:page': (p: number) => (page.value = p),
          }),
        { attachTo: document.body },
      ),
    )
    await nextTick()
    repair(document)
    const pager = document.querySelector('.n-pagination')!
    expect([pager.getAttribute('role'), pager.getAttribute('aria-label')]).toEqual(['navigation', 'Pages'])
    const items = () => Array.from(document.querySelectorAll<HTMLElement>('.n-pagination-item'))
    const described = () =>
      items().map((i) =>
        [
          i.getAttribute('role'),
          i.getAttribute('aria-label'),
          i.getAttribute('tabindex'),
          i.getAttribute('aria-current') ?? '',
          i.getAttribute('aria-disabled') ?? '',
        ].join(' '),
      )
    // 25 pages, on the first: the previous page cannot be chosen, the pages past 7 are one item.
    expect(described()).toEqual([
      'button Previous page -1  true',
      'button Page 1 0 page ',
      'button Page 2 0  ',
      'button Page 3 0  ',
      'button Page 4 0  ',
      'button Page 5 0  ',
      'button Page 6 0  ',
      'button Page 7 0  ',
      'button Later pages 0  ',
      'button Page 25 0  ',
      'button Next page 0  ',
    ])
    /** A key pressed on the pager's button of that name, as the keyboard would (then repaired again). */
    const press = async (label: string, key: string) => {
      const button = items().find((i) => i.getAttribute('aria-label') === label)!
      button.focus()
      button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
      await nextTick()
      repair(document)
    }
    const current = () =>
      items()
        .find((i) => i.getAttribute('aria-current') === 'page')
        ?.getAttribute('aria-label')
    // The previous page of the first: out of the Tab order, and a key on it does nothing.
    await press('Previous page', 'Enter')
    expect(page.value).toBe(1)
    await press('Page 3', 'Enter')
    expect([page.value, current()]).toEqual([3, 'Page 3'])
    await press('Next page', ' ')
    expect([page.value, current()]).toEqual([4, 'Page 4'])
    expect(items()[0]!.getAttribute('tabindex')).toBe('0')
    await new Promise((r) => setTimeout(r, 10))
    expect(document.activeElement?.closest('.n-pagination')).toBe(pager)
    // Far into the list, the pages before it are one item too, named for where it goes.
    page.value = 20
    await nextTick()
    repair(document)
    const labels = items().map((i) => i.getAttribute('aria-label'))
    expect(labels.slice(0, 4)).toEqual(['Previous page', 'Page 1', 'Earlier pages', 'Page 18'])
    expect(labels.indexOf('Earlier pages')).toBeLessThan(labels.indexOf('Page 20'))
    stop()
  })

  it('saves the inline form being typed in on Ctrl+S, and leaves a hidden dialog out', async () => {
    const saved: string[] = []
    const Page = defineComponent({
      directives: { saveShortcut: vSaveShortcut },
      setup() {
        useSaveShortcut(
          () => saved.push('hidden dialog'),
          () => false,
        )
        return () => h('div', [h('form', { id: 'one' }, [h('input', { id: 'in-one' })])])
      },
    })
    const w = attach(mount(Page, { attachTo: document.body }))
    await nextTick()
    // The directive as a template would apply it.
    const form = w.element.querySelector('#one') as HTMLElement
    vSaveShortcut.mounted!(form, { value: () => saved.push('inline form') } as never, null as never, null as never)
    const input = document.getElementById('in-one') as HTMLInputElement
    input.focus()
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true })
    input.dispatchEvent(event)
    expect(saved).toEqual(['inline form'])
    expect(event.defaultPrevented).toBe(true)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }))
    expect(saved).toEqual(['inline form'])
  })
})
