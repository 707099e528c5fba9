/**
 * How the app looks on this machine: light, dark or following the system, and the zoom. Kept per
 * machine (a small file beside the window's size), not in the database: two desks sharing a backup
 * may want different screens. No schemas here: the window's first load reads these (the contract,
 * with the validation library, is not part of it).
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEME_CHOICES)[number]

/** The zoom steps Ctrl+= and Ctrl+- move between, as in a browser; 1 is actual size. */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const
export const MIN_ZOOM = 0.5
export const MAX_ZOOM = 3

export interface Appearance {
  theme: ThemeChoice
  zoom: number
}

export const DEFAULT_APPEARANCE: Appearance = { theme: 'system', zoom: 1 }

/** The next zoom step in (+1) or out (-1) from a factor, which need not be a step itself. */
export function nextZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > current + 0.001) ?? MAX_ZOOM
  return [...ZOOM_STEPS].reverse().find((s) => s < current - 0.001) ?? MIN_ZOOM
}
