/**
 * The shared database's news crossing to the window: the preload passes only well-formed events
 * (copies, never main's objects), and every channel that writes tells the other desktops.
 */
import { describe, expect, it, vi } from 'vitest'
import { createApi, noEvents } from '../../electron/preload/api-factory'
import { CHANGE_AREAS_OF } from '../../electron/main/features/live'
import { DATED_THINGS_CHANNELS } from '../../electron/main/features/after-change'
import { parseNotice, changesChannelOf } from '../../electron/main/db/change-feed'
import type { LiveEvent } from '../../electron/shared/live/events'

function live() {
  let emit: (payload: unknown) => void = () => {}
  const api = createApi(vi.fn(), noEvents, noEvents, noEvents, (listener) => {
    emit = listener
    return () => {}
  })
  const heard: LiveEvent[] = []
  api.onLive((e) => heard.push(e))
  return { emit: (p: unknown) => emit(p), heard }
}

describe('the window hears the shared database', () => {
  it('passes changes and the connection state, and drops anything malformed', () => {
    const { emit, heard } = live()
    const changed = { kind: 'changed', areas: ['clients', 'ledger'] }
    emit(changed)
    emit({ kind: 'connection', connected: false })
    emit({ kind: 'changed', areas: ['clients', '<img src=x>'] })
    emit({ kind: 'changed', areas: 'clients' })
    emit({ kind: 'connection', connected: 'no' })
    emit({ kind: 'navigate', to: '/' })
    emit(null)
    expect(heard).toEqual([changed, { kind: 'connection', connected: false }])
    expect(heard[0]).not.toBe(changed)
  })

  it('tells other desktops of every write that can move a dated thing (and more)', () => {
    for (const channel of DATED_THINGS_CHANNELS) expect(CHANGE_AREAS_OF[channel], channel).toBeDefined()
    expect(CHANGE_AREAS_OF['clients:list']).toBeUndefined()
  })

  it('reads only well-formed notices, and gives each schema its own channel', () => {
    expect(parseNotice('{"desk":"a","areas":["ledger","nonsense"]}')).toEqual({ desk: 'a', areas: ['ledger'] })
    expect(parseNotice('not json')).toBeNull()
    expect(parseNotice('{"areas":[]}')).toBeNull()
    expect(changesChannelOf()).toBe('turnaround_desk_changes')
    expect(changesChannelOf('public')).toBe('turnaround_desk_changes')
    expect(changesChannelOf('t_abc')).toBe('turnaround_desk_changes_t_abc')
  })
})
