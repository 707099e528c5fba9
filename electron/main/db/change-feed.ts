/**
 * Several desktops on one shared PostgreSQL database see each other's changes within moments:
 * after a write commits, its desktop sends a notice on the database's change channel (NOTIFY,
 * delivered to every listening desktop); each desktop keeps one connection of its own listening
 * (LISTEN), ignores its own notices, and hands the areas others changed on, gathered for a moment
 * so a burst of writes loads a page once.
 *
 * That listening connection is also how the app learns the server cannot be reached: when it
 * drops, the listener says so, tries again with growing pauses, and says so again once back (and
 * that everything may have changed meanwhile).
 */
import pg from 'pg'
import type { ChangeArea } from '../../shared/live/events'
import { isChangeArea } from '../../shared/live/events'
import { sslOf, type PostgresSettings } from './engine/postgres-engine'
import type { Queryable } from './engine'

const CHANNEL = 'turnaround_desk_changes'

/** The channel of a schema's changes (the tests give each app a schema of one database). */
export function changesChannelOf(schema?: string): string {
  return !schema || schema === 'public' ? CHANNEL : `${CHANNEL}_${schema}`.slice(0, 63)
}

export interface ChangeNotice {
  /** The desktop that wrote (each desktop ignores its own). */
  desk: string
  areas: ChangeArea[]
}

/** Tells every listening desktop that `areas` changed (after the write committed). */
export async function notifyChanges(db: Queryable, schema: string | undefined, notice: ChangeNotice): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [changesChannelOf(schema), JSON.stringify(notice)])
}

export function parseNotice(payload: string | undefined): ChangeNotice | null {
  try {
    const n = JSON.parse(payload ?? '') as Partial<ChangeNotice>
    if (typeof n.desk !== 'string' || !Array.isArray(n.areas)) return null
    return { desk: n.desk, areas: n.areas.filter(isChangeArea) }
  } catch {
    return null
  }
}

/** What the listener tells (the glue forwards it to the window). */
export interface ChangeEvents {
  changed(areas: ChangeArea[]): void
  connection(connected: boolean): void
  logError?: (where: string, error: unknown) => void
}

export interface ChangeListener {
  /** Whether the listening connection is up now. */
  connected(): boolean
  /** The server process of the listening connection (null while down). */
  backendPid(): number | null
  stop(): Promise<void>
}

export interface ListenOptions {
  /** How long changes are gathered before they are handed on. */
  debounceMs?: number
  /** The pauses between attempts to reconnect, the last repeated. */
  retryMs?: readonly number[]
}

const DEFAULT_RETRY = [500, 1_000, 2_000, 5_000, 10_000] as const

export function listenForChanges(
  settings: PostgresSettings,
  desk: string,
  events: ChangeEvents,
  options: ListenOptions = {},
): ChangeListener {
  const debounceMs = options.debounceMs ?? 300
  const retryMs = options.retryMs ?? DEFAULT_RETRY
  const channel = changesChannelOf(settings.schema)
  let client: pg.Client | null = null
  let up = false
  let pid: number | null = null
  let stopped = false
  let attempts = 0
  let everUp = false
  let reportedDown = false
  let retryTimer: NodeJS.Timeout | null = null
  let flushTimer: NodeJS.Timeout | null = null
  const pending = new Set<ChangeArea>()

  const flush = () => {
    flushTimer = null
    if (pending.size === 0 || stopped) return
    const areas = [...pending]
    pending.clear()
    events.changed(areas)
  }
  const gather = (areas: readonly ChangeArea[]) => {
    for (const a of areas) pending.add(a)
    flushTimer ??= setTimeout(flush, debounceMs)
  }

  const lost = (which: pg.Client, error?: unknown) => {
    if (client !== which) return
    client = null
    pid = null
    which.removeAllListeners('notification')
    void which.end().catch(() => {})
    if (error) events.logError?.('shared database changes', error)
    if (stopped) return
    if (up || !reportedDown) {
      up = false
      reportedDown = true
      events.connection(false)
    }
    const pause = retryMs[Math.min(attempts, retryMs.length - 1)] ?? 10_000
    attempts++
    retryTimer = setTimeout(() => {
      retryTimer = null
      void connect()
    }, pause)
  }

  const connect = async () => {
    if (stopped) return
    const c = new pg.Client({
      host: settings.host,
      port: settings.port,
      database: settings.database,
      user: settings.user,
      password: settings.password,
      ssl: sslOf(settings) as pg.ClientConfig['ssl'],
      application_name: `${settings.applicationName ?? 'Turnaround Desk'} (changes)`,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 10_000,
      keepAlive: true,
    })
    client = c
    c.on('error', (error) => lost(c, error))
    c.on('end', () => lost(c))
    c.on('notification', (message) => {
      if (message.channel !== channel) return
      const notice = parseNotice(message.payload)
      if (notice && notice.desk !== desk && notice.areas.length > 0) gather(notice.areas)
    })
    try {
      await c.connect()
      await c.query(`LISTEN "${channel.replace(/"/g, '""')}"`)
      const [row] = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows
      if (stopped || client !== c) {
        void c.end().catch(() => {})
        return
      }
      pid = row?.pid ?? null
      up = true
      attempts = 0
      if (reportedDown) {
        reportedDown = false
        events.connection(true)
      }
      // Whatever others wrote while this desktop could not hear is shown again.
      if (everUp) gather(['everything'])
      everUp = true
    } catch (error) {
      lost(c, error)
    }
  }

  void connect()

  return {
    connected: () => up,
    backendPid: () => pid,
    async stop() {
      stopped = true
      if (retryTimer) clearTimeout(retryTimer)
      if (flushTimer) clearTimeout(flushTimer)
      const c = client
      client = null
      up = false
      if (c) await c.end().catch(() => {})
    },
  }
}
