/**
 * One request at a time over the one SQLite connection. better-sqlite3 gives main a single
 * connection, and a TypeORM transaction on it is a BEGIN … COMMIT spread over awaits: a second
 * request starting its own transaction in between would run its statements inside the first one
 * (and a rollback of either would take the other's writes with it). Every IPC handler therefore
 * runs through this queue, in arrival order.
 *
 * A handler that waits on the user (a native save dialog) would freeze every other request while
 * the dialog is open, so `released()` lets the request holding the queue step out of it for that
 * wait, and back in afterwards. It must only be used where no transaction is open.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface RequestQueue {
  /** Runs `task` when every earlier task has finished; tasks never overlap. */
  run<T>(task: () => Promise<T> | T): Promise<T>
  /** Runs `wait` outside the queue when called by the task holding it (others run meanwhile). */
  released<T>(wait: () => Promise<T>): Promise<T>
  /** Tasks waiting or running (for tests and the log). */
  readonly size: number
}

interface Turn {
  /** Lets the queue go; replaced each time the turn takes it again. */
  release: () => void
}

export function createRequestQueue(): RequestQueue {
  const holder = new AsyncLocalStorage<Turn>()
  let tail: Promise<void> = Promise.resolve()
  let size = 0
  let current: Turn | null = null

  /** Waits for every earlier holder, then holds the queue for `turn`. */
  async function acquire(turn: Turn): Promise<void> {
    let open!: () => void
    const previous = tail
    tail = new Promise<void>((resolve) => (open = resolve))
    size += 1
    await previous
    current = turn
    turn.release = () => {
      turn.release = () => {}
      current = null
      size -= 1
      open()
    }
  }

  return {
    get size() {
      return size
    },
    async run(task) {
      const outer = holder.getStore()
      // A task queued from inside the running task would wait for itself: it runs in place.
      if (outer && outer === current) return task()
      const turn: Turn = { release: () => {} }
      await acquire(turn)
      try {
        return await holder.run(turn, async () => task())
      } finally {
        turn.release()
      }
    },
    async released(wait) {
      const turn = holder.getStore()
      if (!turn || turn !== current) return wait()
      turn.release()
      try {
        return await wait()
      } finally {
        await acquire(turn)
      }
    },
  }
}
