/**
 * Main has one SQLite connection. Two requests whose services each open a transaction must not
 * interleave on it: here a client is created while another request updates a client that does not
 * exist (its transaction starts, then fails and rolls back). Without the queue the failing rollback
 * takes the new client with it; through the real dispatcher and its queue, it stays.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../electron/main/features/handlers'
import { createDispatcher } from '../../electron/main/ipc'
import { createRequestQueue, type RequestQueue } from '../../electron/main/request-queue'
import { openTestApp, TRUSTED_URL, type TestApp } from '../support/temp-db'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const client = (name: string) => ({ name, email: '', tags: ['one', 'two', 'three'] })
const update = { id: 999, client: client('Nobody') }

/** Lets every task through at once: what main did before the queue. */
const noQueue: RequestQueue = { run: async (task) => task(), released: (wait) => wait(), size: 0 }

async function clientNames(a: TestApp): Promise<string[]> {
  const rows = (await a.db.dataSource.query('SELECT name FROM clients ORDER BY name')) as { name: string }[]
  return rows.map((r) => r.name)
}

async function raceOn(a: TestApp, queue: RequestQueue) {
  const dispatcher = createDispatcher(
    createHandlers(a.ctx, a.ports),
    (f) => f?.url === TRUSTED_URL,
    () => {},
    queue,
  )
  const frame = { url: TRUSTED_URL }
  return Promise.all([
    dispatcher.dispatch(frame, 'clients:update', update),
    dispatcher.dispatch(frame, 'clients:create', client('Kept')),
    dispatcher.dispatch(frame, 'clients:update', update),
    dispatcher.dispatch(frame, 'clients:create', client('Also kept')),
  ])
}

describe('the request queue', () => {
  it('keeps one request’s writes when a concurrent request’s transaction rolls back', async () => {
    app = await openTestApp()
    const results = await raceOn(app, app.queue)
    expect(results.map((r) => r.ok)).toEqual([false, true, false, true])
    expect(await clientNames(app)).toEqual(['Also kept', 'Kept'])
    const tags = await app.db.dataSource.query('SELECT COUNT(*) AS n FROM client_tags')
    expect(tags[0].n).toBe(6)
  })

  it('is what prevents the loss: without it the same race loses or corrupts a write', async () => {
    app = await openTestApp()
    const results = await raceOn(app, noQueue)
    const names = await clientNames(app)
    const createdBoth = results[1]?.ok === true && results[3]?.ok === true && names.length === 2
    expect(createdBoth).toBe(false)
  })

  it('runs tasks one at a time in arrival order', async () => {
    const queue = createRequestQueue()
    const log: string[] = []
    const task = (name: string, ms: number) =>
      queue.run(async () => {
        log.push(`${name} start`)
        await new Promise((r) => setTimeout(r, ms))
        log.push(`${name} end`)
        return name
      })
    expect(await Promise.all([task('a', 20), task('b', 1), task('c', 5)])).toEqual(['a', 'b', 'c'])
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end'])
    expect(queue.size).toBe(0)
  })

  it('lets other requests run while the holder waits on a dialog, then takes the queue back', async () => {
    const queue = createRequestQueue()
    const log: string[] = []
    let closeDialog!: () => void
    const exporting = queue.run(async () => {
      log.push('export renders')
      await queue.released(() => new Promise<void>((r) => (closeDialog = r)))
      log.push('export saves')
      await new Promise((r) => setTimeout(r, 5))
      log.push('export done')
    })
    await new Promise((r) => setTimeout(r, 1))
    await queue.run(async () => log.push('list while the dialog is open'))
    const later = queue.run(async () => log.push('a later request'))
    closeDialog()
    await Promise.all([exporting, later])
    // Requests that arrived while the dialog was open go first; the export's saving never overlaps them.
    expect(log).toEqual([
      'export renders',
      'list while the dialog is open',
      'a later request',
      'export saves',
      'export done',
    ])
  })

  it('runs a task queued from inside the running task in place, and survives a failing task', async () => {
    const queue = createRequestQueue()
    await expect(queue.run(async () => queue.run(async () => 'inner'))).resolves.toBe('inner')
    await expect(
      queue.run(async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await expect(queue.run(async () => 'after')).resolves.toBe('after')
    await expect(queue.released(async () => 'not holding')).resolves.toBe('not holding')
  })

  it('answers other requests while a handler waits on the save dialog, through the real dispatcher', async () => {
    app = await openTestApp()
    let answer!: (file: string | null) => void
    const dialogOpen = new Promise<void>((opened) => {
      app!.ports.chooseSavePath = (options) => {
        app!.ports.saveDialogs.push(options)
        opened()
        return new Promise((resolve) => (answer = resolve))
      }
    })
    // The services were built with the port as it was: rebuild them over the waiting dialog.
    const dispatcher = createDispatcher(
      createHandlers(app.ctx, app.ports),
      (f) => f?.url === TRUSTED_URL,
      () => {},
      app.queue,
    )
    const frame = { url: TRUSTED_URL }
    const saving = dispatcher.dispatch(frame, 'backups:save-copy', undefined)
    await dialogOpen
    // While the dialog is open, a write and a read go through.
    expect(await dispatcher.dispatch(frame, 'clients:create', client('While the dialog is open'))).toMatchObject({
      ok: true,
    })
    expect(await dispatcher.dispatch(frame, 'clients:list', {})).toMatchObject({ ok: true, data: { total: 1 } })
    answer(null)
    expect(await saving).toEqual({ ok: true, data: { saved: false } })
  })
})
