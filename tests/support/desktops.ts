/**
 * Several desktops over one database, each with the name of the person at it, as the shared
 * office database has them: the same data (one folder, or one PostgreSQL schema) opened twice.
 */
import { setDeskUser } from '../../electron/main/db/record-version'
import type { Envelope } from '../../electron/shared/envelope'
import { FIXED_NOW, openTestApp, tempDir, type TestApp } from './temp-db'

/** One desktop per name, in that order; the caller closes them. */
export async function openDesktops(names: string[], now: () => Date = () => FIXED_NOW): Promise<TestApp[]> {
  const dir = tempDir()
  const desktops: TestApp[] = []
  for (const name of names) {
    const app = await openTestApp(dir, now)
    setDeskUser(app.db.dataSource, name)
    desktops.push(app)
  }
  return desktops
}

/** A call that must succeed: its data. */
export async function ok<T>(app: TestApp, channel: string, input?: unknown): Promise<T> {
  const result = (await app.call(channel, input)) as Envelope<T>
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.data
}
