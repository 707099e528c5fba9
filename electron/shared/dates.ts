/**
 * Calendar dates as ISO text (YYYY-MM-DD). A date is a day, not an instant: arithmetic on it runs in
 * UTC so no time zone shifts a day, and today is read once, on the owner's clock (localIsoDate).
 */

/** The day of a date made at UTC midnight (date arithmetic only: for today, use localIsoDate). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return isoDate(d)
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000)
}

/**
 * The calendar day on the computer's clock, where the owner sits: the one way the app reads "today"
 * (never `toISOString()`, which is the day in Greenwich and is tomorrow or yesterday for part of the day).
 */
export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
