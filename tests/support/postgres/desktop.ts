/**
 * One desktop of the concurrency test, run in its own process with its own connection pool: the
 * app's own code (openPostgresDatabase, the real dispatcher and services) on the shared database.
 * For a fixed number of rounds it edits the same client, turnaround and ledger entries as the
 * other desktops, each edit a read-modify-write on the version it read, and prints one line per
 * attempt:
 *   OK client <token> | CONFLICT client        the client's notes with " <token>" appended
 *   OK turnaround <token> | CONFLICT turnaround    the turnaround's client words likewise
 *   OK entry <id> | CONFLICT entry <id>        a shared ledger entry's amount raised by 1
 *   OK added <id>                              a new ledger entry of its own
 * Usage: node desktop.cjs '<json: settings, name, rounds, clientId, turnaroundId, entryIds>'
 */
import fs from 'node:fs'
import { openPostgresDatabase } from '../../../electron/main/db/open-postgres'
import { setDeskUser } from '../../../electron/main/db/record-version'
import type { PostgresSettings } from '../../../electron/main/db/engine/postgres-engine'
import type { AppContext } from '../../../electron/main/features/handlers'
import { headlessDispatcher } from '../headless-app'
import type { Envelope } from '../../../electron/shared/envelope'

const say = (line: string) => fs.writeSync(1, `${line}\n`)

interface Job {
  settings: PostgresSettings
  name: string
  rounds: number
  clientId: number
  turnaroundId: number
  entryIds: number[]
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] as string) as Job
  const opened = await openPostgresDatabase({ ...job.settings, poolSize: 3 })
  setDeskUser(opened.dataSource, job.name)
  const ctx: AppContext = { dataSource: opened.dataSource, dataDir: '', databaseFile: '', version: 'desk' }
  const dispatcher = headlessDispatcher(
    ctx,
    () => new Date(),
    (channel, error) => say(`E ${channel} ${String(error)}`),
  )
  const call = async <T>(channel: string, input: unknown): Promise<Envelope<T>> =>
    (await dispatcher.dispatch({ url: '' }, channel, input)) as Envelope<T>
  const data = <T>(e: Envelope<T>): T => {
    if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`)
    return e.data
  }
  const outcome = (what: string, e: Envelope<unknown>, token: string | number) => {
    if (e.ok) say(`OK ${what} ${token}`)
    else if (e.error.code === 'CONFLICT') say(`CONFLICT ${what} ${token}`)
    else throw new Error(`${what}: ${e.error.code} ${e.error.message}`)
  }
  say('ready')
  for (let round = 0; round < job.rounds; round++) {
    const token = `${job.name}:${round}`
    type C = { version: number; name: string; notes: string }
    const c = data(await call<C>('clients:get', { id: job.clientId }))
    outcome(
      'client',
      await call('clients:update', {
        id: job.clientId,
        version: c.version,
        client: { name: c.name, notes: `${c.notes} ${token}` },
      }),
      token,
    )
    type T = { version: number; firstHeardBy: string; channel: string; clientWords: string }
    const t = data(await call<T>('turnarounds:get', { id: job.turnaroundId }))
    outcome(
      'turnaround',
      await call('turnarounds:update', {
        id: job.turnaroundId,
        version: t.version,
        details: { firstHeardBy: t.firstHeardBy, channel: t.channel, clientWords: `${t.clientWords} ${token}` },
      }),
      token,
    )
    type E = {
      id: number
      version: number
      kind: string
      entryDate: string
      description: string
      amountMinor: number
      currency: string
    }
    const entryId = job.entryIds[round % job.entryIds.length] as number
    const entries = data(await call<E[]>('ledger:list', { clientId: job.clientId }))
    const e = entries.find((x) => x.id === entryId)!
    outcome(
      'entry',
      await call('ledger:save', {
        clientId: job.clientId,
        id: e.id,
        version: e.version,
        entry: {
          kind: e.kind,
          entryDate: e.entryDate,
          description: e.description,
          amountMinor: e.amountMinor + 1,
          currency: e.currency,
        },
      }),
      e.id,
    )
    const added = data(
      await call<{ id: number }>('ledger:save', {
        clientId: job.clientId,
        entry: {
          kind: 'invoice',
          entryDate: `2026-${String((round % 12) + 1).padStart(2, '0')}-10`,
          description: `by ${token}`,
          amountMinor: 100 + round,
          currency: e.currency,
        },
      }),
    )
    say(`OK added ${added.id}`)
  }
  await opened.dataSource.destroy()
  say('done')
}

main().catch((error: unknown) => {
  say(`E ${error instanceof Error ? error.stack : String(error)}`)
  process.exit(1)
})
