/** One palette for every chart in the app; money series always in the same colours. */
export const PALETTE = [
  '#2d6a6f',
  '#d08c2c',
  '#6a5acd',
  '#c2410c',
  '#4d7c0f',
  '#0e7490',
  '#9d174d',
  '#78716c',
  '#1d4ed8',
]
export const SERIES = { revenue: '#2d6a6f', cost: '#c2410c', margin: '#4d7c0f' } as const
/** Severity 1 (calm) to 5 (serious, red). */
export const SEVERITY_COLOURS = ['#a3b8a8', '#8fb3b5', '#d6a44a', '#d0702c', '#b42318']

/** The ink of a chart's axes, titles, legend and grid, readable in the light and the dark scheme. */
export function chartInk(dark: boolean): { text: string; grid: string } {
  return dark
    ? { text: '#c9d0d6', grid: 'rgba(255, 255, 255, 0.12)' }
    : { text: '#4a5058', grid: 'rgba(0, 0, 0, 0.08)' }
}
