/**
 * Keyboard behaviour Naive UI leaves out, for every screen at once:
 *
 * - a table's pager: Enter or Space on a page (naive-repairs.ts makes each one a button) chooses it
 *   as a click does, and the focus stays in the pager;
 * - tabs (`n-tabs`) are a tab list: the chosen tab is in the Tab order, the arrow keys, Home and
 *   End move between tabs and choose them, and each pane is the tab panel of its tab;
 * - a date picker's field takes typing as soon as it has the focus (Naive waits for Enter);
 * - a dialog or drawer opens with the focus on its first field (Naive puts it on the close button),
 *   a question on its first answer ("Keep editing", "Cancel"), and when it closes the focus goes back
 *   to what opened it.
 */

let counter = 0
const idOf = (el: Element, prefix: string): string => {
  if (!el.id) el.id = `${prefix}-${++counter}`
  return el.id
}

function repairTabs(tabs: Element): void {
  const list = tabs.querySelector('.n-tabs-wrapper')
  if (!list) return
  list.setAttribute('role', 'tablist')
  list.querySelectorAll(':scope > .n-tabs-tab-wrapper').forEach((w) => w.setAttribute('role', 'presentation'))
  const all = Array.from(list.querySelectorAll('.n-tabs-tab'))
  const pane = tabs.querySelector(':scope > .n-tab-pane, :scope > .n-tabs-pane-wrapper > .n-tab-pane')
  for (const tab of all) {
    const selected = tab.classList.contains('n-tabs-tab--active')
    tab.setAttribute('role', 'tab')
    tab.setAttribute('aria-selected', String(selected))
    tab.setAttribute('tabindex', selected ? '0' : '-1')
    if (tab.classList.contains('n-tabs-tab--disabled')) tab.setAttribute('aria-disabled', 'true')
    if (selected && pane) {
      pane.setAttribute('role', 'tabpanel')
      pane.setAttribute('aria-labelledby', idOf(tab, 'td-tab'))
      tab.setAttribute('aria-controls', idOf(pane, 'td-tabpanel'))
    } else {
      tab.removeAttribute('aria-controls')
    }
  }
}

/** Arrow keys, Home and End on a tab: the next tab is focused and chosen. */
function onTabKey(event: KeyboardEvent): void {
  const tab = (event.target as Element | null)?.closest?.('[role="tab"].n-tabs-tab')
  if (!tab) return
  const list = tab.closest('[role="tablist"]')
  if (!list) return
  const tabs = Array.from(list.querySelectorAll<HTMLElement>('[role="tab"]:not([aria-disabled="true"])'))
  const at = tabs.indexOf(tab as HTMLElement)
  let next: HTMLElement | undefined
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = tabs[(at + 1) % tabs.length]
  else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = tabs[(at - 1 + tabs.length) % tabs.length]
  else if (event.key === 'Home') next = tabs[0]
  else if (event.key === 'End') next = tabs[tabs.length - 1]
  else if (event.key === 'Enter' || event.key === ' ') next = tab as HTMLElement
  if (!next) return
  event.preventDefault()
  next.click()
  next.focus()
  keepOnTab(next)
}

/** Enter or Space on a pager's page, or its previous and next: chosen as by a click. */
function onPagerKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return
  const item = (event.target as Element | null)?.closest?.('.n-pagination-item[role="button"]')
  if (!item || item.getAttribute('aria-disabled') === 'true') return
  const pager = item.closest('.n-pagination')
  event.preventDefault()
  ;(item as HTMLElement).click()
  // A page drawn again in another place (the pages shown move with the page chosen): the focus goes
  // to the page now current rather than to the document.
  window.setTimeout(() => {
    if (item.isConnected || !pager?.isConnected) return
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    pager.querySelector<HTMLElement>('.n-pagination-item--active')?.focus()
  }, 0)
}

/**
 * A side panel closed just before gives the focus back to its opener once its exit animation ends,
 * which on a busy machine may be after a tab was already chosen (the opener then sits in the pane
 * being left, and goes): for a moment, that return is undone and the focus stays on the tab.
 */
function keepOnTab(tab: HTMLElement): void {
  const keep = (event: FocusEvent) => {
    const target = event.target as Element | null
    if (tab.isConnected && target && openerElements.has(target)) tab.focus()
  }
  // Any key pressed after is the user's own move: left alone.
  const stop = () => {
    document.removeEventListener('focusin', keep)
    document.removeEventListener('keydown', stop, true)
  }
  document.addEventListener('focusin', keep)
  document.addEventListener('keydown', stop, true)
  window.setTimeout(stop, 800)
}

/**
 * What counts as a field when a dialog opens. A select that cannot be typed in takes the focus on
 * its label (`.n-base-selection-label`, or `-tags` for several values), not on `.n-base-selection`:
 * left out, a dialog that starts with a select opened on the next field instead, and when that was
 * a date, its calendar covered the select.
 */
const FIELD =
  'input:not([type="hidden"]):not([type="file"]):not([disabled]):not([readonly]), textarea:not([disabled]), [role="combobox"][tabindex="0"], .n-radio-group .n-radio-input, .n-base-selection[tabindex="0"], .n-base-selection-label[tabindex="0"], .n-base-selection-tags[tabindex="0"]'
const OPEN = '.n-modal-container [role="dialog"], .n-drawer[role="dialog"], .n-dialog'

const openers = new WeakMap<Element, HTMLElement>()
/** Every element a dialog was opened from: where Naive sends the focus back when one closes. */
const openerElements = new WeakSet<Element>()
let lastOutside: HTMLElement | null = null

function onFocusIn(event: FocusEvent): void {
  const el = event.target as HTMLElement
  if (el instanceof HTMLElement && !el.closest(OPEN)) lastOutside = el
  typeAtOnce(event)
}

/**
 * A date picker's field (Naive's "passively activated" input) takes the focus on its frame and
 * ignores typing until Enter. Reached from outside, the focus goes straight into the text field, so
 * a date can be typed at once; leaving it with Shift+Tab still works, as the frame then drops out
 * of the Tab order while the field is active.
 */
function typeAtOnce(event: FocusEvent): void {
  const wrapper = event.target as HTMLElement | null
  if (!wrapper?.matches?.('.n-input[tabindex="0"]')) return
  const from = event.relatedTarget as Node | null
  if (from && wrapper.contains(from)) return
  wrapper.querySelector<HTMLElement>('input, textarea')?.focus()
}

function visible(el: Element): boolean {
  return (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed'
}

/** Where the focus goes when a dialog opens. */
function firstFocus(dialog: Element): HTMLElement | null {
  if (dialog.matches('.n-dialog')) return dialog.querySelector<HTMLElement>('.n-dialog__action button')
  const body = dialog.querySelector('.n-card__content, .n-drawer-body-content-wrapper, .n-drawer-body') ?? dialog
  const fields = Array.from(body.querySelectorAll<HTMLElement>(FIELD)).filter(visible)
  const field = fields[0]
  if (field) {
    if (field.matches('.n-radio-input'))
      return field.closest('.n-radio-group')?.querySelector<HTMLElement>('input:checked') ?? field
    return typingFieldOf(field) ?? field
  }
  return body.querySelector<HTMLElement>('button, a[href], [tabindex="0"]')
}

/**
 * A select one can type in (a client picker) has an input beside its focusable label: the input is
 * where typing goes, so it is the field, not the label. Null for anything else.
 */
function typingFieldOf(el: Element): HTMLElement | null {
  if (!el.matches('.n-base-selection-label, .n-base-selection-tags')) return null
  return el.closest('.n-base-selection')?.querySelector<HTMLElement>('input:not([disabled])') ?? null
}

function onDialogOpened(dialog: Element): void {
  const opener = lastOutside && lastOutside.isConnected ? lastOutside : null
  if (opener) {
    openers.set(dialog, opener)
    openerElements.add(opener)
  }
  // After Naive's own focus trap has moved the focus (to the close button): once the dialog stands.
  window.setTimeout(() => {
    if (!dialog.isConnected) return
    const active = document.activeElement
    const onField = active && dialog.contains(active) && active.matches(FIELD) && !typingFieldOf(active)
    if (onField) return
    firstFocus(dialog)?.focus()
  }, 30)
  // A dialog closing just before gives the focus back to its own opener once its exit animation
  // ends, which may be after this one opened: for a moment, that return is undone. Only that one:
  // the focus going anywhere else (a click, this dialog closing) is left alone.
  // Naive's focus trap, late on a busy machine, may also move the focus to the close button after
  // the first field had it: until a key is pressed there, the first field keeps it.
  let typed = false
  const onKey = () => {
    typed = true
  }
  const keep = (event: FocusEvent) => {
    const target = event.target as Element | null
    if (!dialog.isConnected || !target) return
    if (dialog.closest('[class*="-leave"]') || dialog.matches('[class*="-leave"]')) return
    const trapped = !typed && dialog.contains(target) && target.matches('.n-base-close, .n-base-close *')
    if (!openerElements.has(target) && !trapped) return
    const first = firstFocus(dialog)
    if (first && first !== target) first.focus()
  }
  document.addEventListener('focusin', keep)
  document.addEventListener('keydown', onKey, true)
  window.setTimeout(() => {
    document.removeEventListener('focusin', keep)
    document.removeEventListener('keydown', onKey, true)
  }, 800)
}

function onDialogClosed(dialog: Element): void {
  const opener = openers.get(dialog)
  window.setTimeout(() => {
    const active = document.activeElement
    const lost = !active || active === document.body || !active.isConnected
    if (opener?.isConnected && lost && !document.querySelector(OPEN)) opener.focus()
  }, 30)
}

export function watchKeyboard(doc: Document = document): () => void {
  const seen = new Set<Element>()
  let scheduled = false
  const run = () => {
    scheduled = false
    doc.querySelectorAll('.n-tabs').forEach(repairTabs)
    const now = new Set(Array.from(doc.querySelectorAll(OPEN)))
    for (const d of now) if (!seen.has(d)) onDialogOpened(d)
    for (const d of seen) if (!now.has(d)) onDialogClosed(d)
    seen.clear()
    now.forEach((d) => seen.add(d))
  }
  const observer = new MutationObserver(() => {
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(run)
  })
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] })
  doc.addEventListener('keydown', onTabKey)
  doc.addEventListener('keydown', onPagerKey)
  doc.addEventListener('focusin', onFocusIn)
  run()
  return () => {
    observer.disconnect()
    doc.removeEventListener('keydown', onTabKey)
    doc.removeEventListener('keydown', onPagerKey)
    doc.removeEventListener('focusin', onFocusIn)
  }
}
