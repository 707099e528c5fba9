/**
 * What main tells the window about the shared database while the app runs: which areas another
 * desktop changed (so the page on screen shows them), and whether the database can be reached.
 */
export const CHANGE_AREAS = [
  'clients',
  'turnarounds',
  'ledger',
  'letters',
  'profile',
  'settings',
  // Everything at once: sample data loaded or removed, a backup restored, an import.
  'everything',
] as const

export type ChangeArea = (typeof CHANGE_AREAS)[number]

export type LiveEvent = { kind: 'changed'; areas: ChangeArea[] } | { kind: 'connection'; connected: boolean }

export function isChangeArea(value: unknown): value is ChangeArea {
  return (CHANGE_AREAS as readonly unknown[]).includes(value)
}

/** Checks an event crossing from main (the preload drops anything else). */
export function isLiveEvent(value: unknown): value is LiveEvent {
  if (typeof value !== 'object' || value === null) return false
  const e = value as Record<string, unknown>
  if (e.kind === 'connection') return typeof e.connected === 'boolean'
  return (
    e.kind === 'changed' &&
    Array.isArray(e.areas) &&
    e.areas.length <= CHANGE_AREAS.length &&
    e.areas.every(isChangeArea)
  )
}
