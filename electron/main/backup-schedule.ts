/**
 * Keeps the daily backup going while the app stays open for days: every hour, the day's backup is
 * taken if none was taken yet today. The backup runs through the request queue like any request, so
 * it never lands inside another request's transaction.
 */
export const BACKUP_CHECK_EVERY_MS = 60 * 60 * 1000

export interface BackupTimers {
  setInterval: (callback: () => void, ms: number) => { unref?: () => void }
  clearInterval: (handle: never) => void
}

export function scheduleDailyBackups(
  takeIfDue: () => Promise<unknown>,
  runQueued: <T>(task: () => Promise<T>) => Promise<T>,
  logError: (where: string, error: unknown) => void,
  timers: BackupTimers = { setInterval: (cb, ms) => setInterval(cb, ms), clearInterval: (h) => clearInterval(h) },
): () => void {
  const handle = timers.setInterval(() => {
    runQueued(takeIfDue).catch((error: unknown) => logError('daily backup', error))
  }, BACKUP_CHECK_EVERY_MS)
  handle.unref?.()
  return () => timers.clearInterval(handle as never)
}
