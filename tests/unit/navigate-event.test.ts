/**
 * Main's request to go to a page (a reminder or the tray clicked) crosses the preload as a path of
 * the app's router only: anything else (another site, script, a path with tricks) is dropped.
 */
import { describe, expect, it } from 'vitest'
import { createApi, noEvents, type Subscribe } from '../../electron/preload/api-factory'
import { isAppPath } from '../../electron/shared/channels'

describe('the navigate event', () => {
  it('passes the app’s own paths and drops everything else', () => {
    let send: (payload: unknown) => void = () => {}
    const subscribe: Subscribe = (listener) => {
      send = listener
      return () => (send = () => {})
    }
    const api = createApi(async () => ({ ok: true, data: null }), noEvents, noEvents, subscribe)
    const seen: string[] = []
    const off = api.onNavigate((path) => seen.push(path))
    for (const payload of [
      '/today',
      '/turnarounds/12?tab=commitments',
      '/turnarounds/3',
      'https://evil.example/',
      '//evil.example',
      'javascript:alert(1)',
      '/turnarounds/1?tab=x&y=1',
      '/today#x',
      42,
      { path: '/today' },
      `/${'a'.repeat(300)}`,
    ])
      send(payload)
    off()
    send('/clients')
    expect(seen).toEqual(['/today', '/turnarounds/12?tab=commitments', '/turnarounds/3'])
    expect(isAppPath('/settings')).toBe(true)
    expect(isAppPath('/turnarounds/../today')).toBe(false)
  })
})
