/**
 * Names and roles Naive UI leaves out, added to whatever it renders, so every form and dialog of the
 * app (and any new one) is read out properly without each screen doing it by hand:
 *
 * - a form item's label names its input, textarea, select, switch, radio or checkbox group, and the
 *   text under the field (its error or hint) describes it;
 * - a card's title is a level-2 heading (Naive gives it role="heading" without a level, twice), and
 *   a dialog or drawer is named by its title;
 * - a number field's − and + buttons are named ("Decrease"/"Increase" and the field's name);
 * - a select that cannot be typed in is a combobox with the name of its field;
 * - a switch inside a <label> (its text beside it) is named by that label;
 * - a switch or checkbox that is turned off says so (aria-disabled), as Naive leaves it out;
 * - toasts are a live region (errors an alert), read out without moving the focus;
 * - a table's pager is a navigation of buttons, each named ("Page 3", "Next page", "Later pages"),
 *   the page shown marked current, the ones that cannot be chosen now said so (keyboard.ts lets
 *   Enter and Space choose one, as a click does).
 *
 * It watches the document and repairs what is added; each repair is idempotent.
 */

let counter = 0
const idOf = (el: Element, prefix: string): string => {
  if (!el.id) el.id = `${prefix}-${++counter}`
  return el.id
}

const setIfMissing = (el: Element, name: string, value: string): void => {
  if (!el.hasAttribute(name)) el.setAttribute(name, value)
}

/** Has a name of its own (aria-label, aria-labelledby, or a <label for>). */
function named(el: Element): boolean {
  if (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) return true
  return Boolean(el.id && el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`))
}

function repairFormItem(item: Element): void {
  const label = item.querySelector(':scope > .n-form-item-label')
  const blank = item.querySelector(':scope > .n-form-item-blank')
  if (!blank) return
  const labelId = label && label.textContent?.trim() ? idOf(label, 'td-label') : null
  const feedback = item.querySelector(':scope > .n-form-item-feedback-wrapper')
  const feedbackId = feedback && feedback.textContent?.trim() ? idOf(feedback, 'td-feedback') : null
  const controls = blank.querySelectorAll(
    'input:not([type="hidden"]):not([type="file"]), textarea, .n-switch, .n-radio-group, .n-checkbox-group, .n-base-selection:not(:has(input))',
  )
  controls.forEach((control) => {
    if (control.closest('.n-form-item') !== item) return
    if (control.matches('.n-base-selection')) {
      setIfMissing(control, 'role', 'combobox')
      setIfMissing(control, 'aria-haspopup', 'listbox')
      control.setAttribute('aria-expanded', control.matches('.n-base-selection--active') ? 'true' : 'false')
    }
    if (control.matches('.n-radio-group, .n-checkbox-group')) setIfMissing(control, 'role', 'group')
    if (labelId && !named(control)) control.setAttribute('aria-labelledby', labelId)
    if (control.getAttribute('aria-labelledby') === labelId || control.hasAttribute('data-td-described')) {
      control.setAttribute('data-td-described', '')
      if (feedbackId) control.setAttribute('aria-describedby', feedbackId)
      else control.removeAttribute('aria-describedby')
    }
    if (item.querySelector('.n-form-item-feedback--error')) control.setAttribute('aria-invalid', 'true')
    else control.removeAttribute('aria-invalid')
  })
  // The − and + of a number field: named after what they change.
  blank.querySelectorAll('.n-input-number').forEach((numberField) => {
    const name =
      label?.textContent?.replace(/\*$/, '').trim() ||
      numberField.querySelector('input')?.getAttribute('aria-label') ||
      ''
    const buttons = numberField.querySelectorAll('.n-input__suffix > .n-button, .n-input__prefix > .n-button')
    buttons.forEach((button, i) => {
      const what = i === buttons.length - 1 ? 'Increase' : 'Decrease'
      button.setAttribute('aria-label', name ? `${what} ${name.toLowerCase()}` : what)
    })
  })
}

/** The + of a list of tags: named after the field ("Add to tags"). */
function repairDynamicTags(tags: Element): void {
  const label = tags
    .closest('.n-form-item')
    ?.querySelector('.n-form-item-label')
    ?.textContent?.replace(/\*$/, '')
    .trim()
  tags.querySelectorAll('button').forEach((b) => {
    if (!b.textContent?.trim()) setIfMissing(b, 'aria-label', label ? `Add to ${label.toLowerCase()}` : 'Add')
  })
}

/** A switch written as `<label><n-switch /> What it turns on</label>`: the label's text names it. */
function repairSwitch(control: Element): void {
  if (named(control)) return
  const label = control.closest('label')
  if (label?.textContent?.trim()) control.setAttribute('aria-labelledby', idOf(label, 'td-switch-label'))
}

/** Naive greys a disabled switch or checkbox but does not say it is disabled. */
function repairDisabled(control: Element): void {
  if (control.matches('.n-switch--disabled, .n-checkbox--disabled')) control.setAttribute('aria-disabled', 'true')
  else control.removeAttribute('aria-disabled')
}

function repairCard(card: Element): void {
  const header = card.querySelector(':scope > .n-card-header')
  const title = header?.querySelector(':scope > .n-card-header__main')
  if (!header || !title) return
  if (header.getAttribute('role') === 'heading') header.removeAttribute('role')
  title.setAttribute('role', 'heading')
  setIfMissing(title, 'aria-level', '2')
  // A modal card is the dialog itself: named by its title.
  if (card.getAttribute('role') === 'dialog' || card.closest('.n-modal')) {
    setIfMissing(card, 'role', 'dialog')
    setIfMissing(card, 'aria-modal', 'true')
    if (!card.hasAttribute('aria-label')) setIfMissing(card, 'aria-labelledby', idOf(title, 'td-dialog-title'))
  }
}

function repairDrawer(drawer: Element): void {
  const title = drawer.querySelector('.n-drawer-header__main')
  if (!title) return
  setIfMissing(title, 'role', 'heading')
  setIfMissing(title, 'aria-level', '2')
  const dialog = drawer.matches('[role="dialog"]') ? drawer : drawer.querySelector('[role="dialog"]')
  if (dialog && !dialog.hasAttribute('aria-label'))
    setIfMissing(dialog, 'aria-labelledby', idOf(title, 'td-drawer-title'))
}

function repairDialog(dialog: Element): void {
  // useDialog's questions: named by their title, described by their text.
  const title = dialog.querySelector('.n-dialog__title')
  const content = dialog.querySelector('.n-dialog__content')
  setIfMissing(dialog, 'role', 'alertdialog')
  setIfMissing(dialog, 'aria-modal', 'true')
  if (title) setIfMissing(dialog, 'aria-labelledby', idOf(title, 'td-question'))
  if (content?.textContent?.trim()) setIfMissing(dialog, 'aria-describedby', idOf(content, 'td-question-text'))
}

/** Toasts are read out as they come: errors at once, the rest when the reader is free. */
function repairMessages(container: Element): void {
  setIfMissing(container, 'role', 'status')
  setIfMissing(container, 'aria-live', 'polite')
  container.querySelectorAll('.n-message--error-type').forEach((m) => setIfMissing(m, 'role', 'alert'))
}

/** Naive draws a pager's pages as bare <div>s: buttons here, named, in the Tab order. */
function repairPagination(pagination: Element): void {
  setIfMissing(pagination, 'role', 'navigation')
  setIfMissing(pagination, 'aria-label', 'Pages')
  const items = Array.from(pagination.querySelectorAll(':scope > .n-pagination-item, :scope > * > .n-pagination-item'))
  const activeAt = items.findIndex((item) => item.classList.contains('n-pagination-item--active'))
  items.forEach((item, i) => {
    const text = item.textContent?.trim() ?? ''
    const edge = item.classList.contains('n-pagination-item--button')
    const label = edge
      ? i === 0
        ? 'Previous page'
        : 'Next page'
      : /^\d+$/.test(text)
        ? `Page ${text}`
        : i < activeAt
          ? 'Earlier pages'
          : 'Later pages'
    const disabled = item.classList.contains('n-pagination-item--disabled')
    item.setAttribute('role', 'button')
    item.setAttribute('aria-label', label)
    item.setAttribute('tabindex', disabled ? '-1' : '0')
    if (disabled) item.setAttribute('aria-disabled', 'true')
    else item.removeAttribute('aria-disabled')
    if (item.classList.contains('n-pagination-item--active')) item.setAttribute('aria-current', 'page')
    else item.removeAttribute('aria-current')
  })
}

export function repair(root: ParentNode): void {
  root.querySelectorAll('.n-message-container').forEach(repairMessages)
  root.querySelectorAll('.n-form-item').forEach(repairFormItem)
  root.querySelectorAll('.n-switch').forEach(repairSwitch)
  root.querySelectorAll('.n-switch, .n-checkbox').forEach(repairDisabled)
  root.querySelectorAll('.n-card').forEach(repairCard)
  root.querySelectorAll('.n-dynamic-tags').forEach(repairDynamicTags)
  root.querySelectorAll('.n-drawer').forEach(repairDrawer)
  root.querySelectorAll('.n-dialog').forEach(repairDialog)
  root.querySelectorAll('.n-pagination').forEach(repairPagination)
}

/** Repairs the document now and whenever something changes (batched to one pass per frame). */
export function watchNaiveRepairs(doc: Document = document): () => void {
  let scheduled = false
  const run = () => {
    scheduled = false
    repair(doc)
  }
  const observer = new MutationObserver(() => {
    if (scheduled) return
    scheduled = true
    requestAnimationFrame(run)
  })
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class'],
  })
  repair(doc)
  return () => observer.disconnect()
}
