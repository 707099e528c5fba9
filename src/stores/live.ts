import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChangeArea, LiveEvent } from '../../electron/shared/live/events'
import { onLive } from '../api'

/** Where the shared database's news comes from: main's events in the app, a fake in the tests. */
export type LiveSource = (listener: (event: LiveEvent) => void) => () => void

interface Reloader {
  areas: readonly ChangeArea[]
  reload: () => unknown
}

/**
 * The shared database as this window sees it: whether it can be reached (the banner), and the
 * pages' reloads when another desktop changed an area they show. A page registers what it shows
 * (useReloadOnChange); forms keep what the user typed (useEditableCopy), so a reload never takes
 * an edit away.
 */
export const useLiveStore = defineStore('live', () => {
  const reachable = ref(true)
  const reloaders = new Set<Reloader>()
  let off: (() => void) | null = null

  function take(event: LiveEvent): void {
    if (event.kind === 'connection') {
      reachable.value = event.connected
      return
    }
    const all = event.areas.includes('everything')
    for (const r of [...reloaders])
      if (all || r.areas.some((a) => event.areas.includes(a)))
        // A reload that fails leaves the page as it was; the banner tells of a lost connection.
        void Promise.resolve()
          .then(r.reload)
          .catch(() => {})
  }

  /** Starts listening (once); returns nothing, `stop` ends it. */
  function start(source: LiveSource = onLive): void {
    off ??= source(take)
  }

  function stop(): void {
    off?.()
    off = null
  }

  /** Calls `reload` when another desktop changes one of `areas`; returns the unregister function. */
  function whenChanged(areas: readonly ChangeArea[], reload: () => unknown): () => void {
    const r: Reloader = { areas, reload }
    reloaders.add(r)
    return () => void reloaders.delete(r)
  }

  return { reachable, start, stop, whenChanged }
})
