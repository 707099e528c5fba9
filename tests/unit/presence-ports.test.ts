/**
 * Electron's side of the reminders (presence-ports.ts) against a stand-in for Electron: a
 * notification's body shows what the owner typed, never markup, where the system reads markup.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'

const shown = vi.hoisted(() => [] as Array<{ title: string; body: string }>)
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => true
    constructor(options: { title: string; body: string }) {
      shown.push(options)
    }
    on() {
      return this
    }
    show() {}
  },
  Menu: {},
  Tray: class {},
  app: {},
  nativeImage: {},
  powerMonitor: { on: () => {} },
}))

import { electronPresencePorts } from '../../electron/main/presence-ports'

const platform = process.platform
afterEach(() => {
  Object.defineProperty(process, 'platform', { value: platform })
  shown.length = 0
})

describe('a reminder’s notification', () => {
  it('escapes a client’s name on Linux, whose notification servers read the body as markup', () => {
    Object.defineProperty(process, 'platform', { value: 'linux' })
    electronPresencePorts('/icon.png').notify({ title: 'Follow-up due', body: 'Smith & Sons <b>Ltd</b>' }, () => {})
    expect(shown).toEqual([{ title: 'Follow-up due', body: 'Smith &amp; Sons &lt;b&gt;Ltd&lt;/b&gt;' }])
  })

  it('leaves the body as typed where the system shows plain text', () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    electronPresencePorts('/icon.png').notify({ title: 'Follow-up due', body: 'Smith & Sons <b>Ltd</b>' }, () => {})
    expect(shown).toEqual([{ title: 'Follow-up due', body: 'Smith & Sons <b>Ltd</b>' }])
  })
})
