/**
 * The tray's menu (the menu bar's on macOS) as plain data: how many things are due today, the next
 * few of them (each opens the place to act), Open and Quit. index.ts hands it to Electron's Menu.
 */
import type { DueThing } from '../shared/reminders/schedule'
import { REMINDER_ONE } from '../shared/reminders/words'

/** Items listed before "and N more". */
export const TRAY_ITEMS = 5

export interface TrayMenuItem {
  label?: string
  type?: 'separator' | 'normal'
  enabled?: boolean
  click?: () => void
}

export interface TrayActions {
  open: (target: string) => void
  quit: () => void
}

/** Where a thing is acted on: its turnaround, on the tab that holds it. */
export function targetOf(thing: Pick<DueThing, 'kind' | 'turnaroundId' | 'tab'>): string {
  if (thing.tab) return `/turnarounds/${thing.turnaroundId}?tab=${thing.tab}`
  if (thing.kind === 'follow_up') return `/turnarounds/${thing.turnaroundId}?tab=touchpoints`
  if (thing.kind === 'check_in') return `/turnarounds/${thing.turnaroundId}`
  return `/turnarounds/${thing.turnaroundId}?tab=commitments`
}

/** A name as a menu label shows it: Electron reads "&" as a keyboard mnemonic and "&&" as an ampersand. */
export function menuText(text: string): string {
  return text.replaceAll('&', '&&')
}

export function dueLabel(count: number): string {
  if (count === 0) return 'Nothing due today'
  return count === 1 ? '1 thing due today' : `${count} things due today`
}

export function trayToolTip(count: number): string {
  return `Turnaround Desk: ${dueLabel(count).toLowerCase()}`
}

export function trayMenuTemplate(due: readonly DueThing[], actions: TrayActions): TrayMenuItem[] {
  const items: TrayMenuItem[] = [{ label: dueLabel(due.length), enabled: false }]
  for (const thing of due.slice(0, TRAY_ITEMS))
    items.push({
      label: `${REMINDER_ONE[thing.kind]}: ${menuText(thing.clientName)}`,
      click: () => actions.open(targetOf(thing)),
    })
  if (due.length > TRAY_ITEMS)
    items.push({ label: `and ${due.length - TRAY_ITEMS} more on Today`, click: () => actions.open('/today') })
  items.push(
    { type: 'separator' },
    { label: 'Open Turnaround Desk', click: () => actions.open('/today') },
    { label: 'Quit', click: () => actions.quit() },
  )
  return items
}
