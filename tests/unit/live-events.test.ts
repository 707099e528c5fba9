/**
 * The shared database's news crossing to the window: the preload passes only well-formed events
 * (copies, never main's objects), and every channel that writes tells the other desktops.
 */
import { describe, expect, it, vi } from 'vitest'
import { createApi, noEvents } from '../../electron/preload/api-factory'
import { afterCommittedWrites, writeEffectOf, type WriteEffect } from '../../electron/main/features/after-write'
import type { Handlers } from '../../electron/shared/contract'
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

  it('knows what each write changes, and that reading changes nothing', () => {
    expect(writeEffectOf('commitments:mark-done')).toEqual({
      channel: 'commitments:mark-done',
      areas: ['turnarounds'],
      movesDates: true,
    })
    expect(writeEffectOf('ledger:save')).toMatchObject({ areas: ['ledger'], movesDates: false })
    expect(writeEffectOf('clients:list')).toBeNull()
    expect(writeEffectOf('reminders:get')).toBeNull()
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

describe('after a committed write', () => {
  const handlersWith = (save: () => Promise<unknown>) =>
    ({
      'ledger:save': save,
      'commitments:mark-done': async () => 'done',
      'clients:list': async () => [],
    }) as unknown as Handlers
  const call = (handlers: Handlers, channel: string) =>
    (handlers as unknown as Record<string, () => Promise<unknown>>)[channel]!()

  it('runs every step in turn with what the write changed, and never for a read', async () => {
    const seen: string[] = []
    const wrapped = afterCommittedWrites(
      handlersWith(async () => 'saved'),
      [
        { what: 'first', run: (e: WriteEffect) => seen.push(`first ${e.channel} ${e.movesDates}`) },
        { what: 'second', run: async (e: WriteEffect) => seen.push(`second ${e.areas.join(',')}`) },
      ],
    )
    expect(await call(wrapped, 'ledger:save')).toBe('saved')
    expect(await call(wrapped, 'commitments:mark-done')).toBe('done')
    expect(await call(wrapped, 'clients:list')).toEqual([])
    expect(seen).toEqual([
      'first ledger:save false',
      'second ledger',
      'first commitments:mark-done true',
      'second turnarounds',
    ])
  })

  it('keeps a saved change saved when a step fails, logs it, and still runs the next step', async () => {
    const logged: string[] = []
    const ran: string[] = []
    const wrapped = afterCommittedWrites(
      handlersWith(async () => 'saved'),
      [
        { what: 'refreshing the feed', run: () => Promise.reject(new Error('disk gone')) },
        { what: 'telling other desktops', run: () => ran.push('told') },
      ],
      (where) => logged.push(where),
    )
    expect(await call(wrapped, 'ledger:save')).toBe('saved')
    expect(logged).toEqual(['refreshing the feed after ledger:save'])
    expect(ran).toEqual(['told'])
  })

  it('runs no step for a write that failed', async () => {
    const ran: string[] = []
    const wrapped = afterCommittedWrites(
      handlersWith(() => Promise.reject(new Error('refused'))),
      [{ what: 'x', run: () => ran.push('ran') }],
    )
    await expect(call(wrapped, 'ledger:save')).rejects.toThrow('refused')
    expect(ran).toEqual([])
  })
})
