/** Electron's side of desk-presence.ts: notifications, the tray, the badge, login items and waking. Glue only. */
import { Menu, Notification, Tray, app, nativeImage, powerMonitor } from 'electron'
import type { PresencePorts } from './desk-presence'

const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * A notification's body as the system shows it: Linux's notification servers read the body as
 * markup (the freedesktop spec) and Electron passes it on as is, so a client's name such as
 * "Smith & Sons" or "<b>Acme</b>" is escaped there to show as typed.
 */
export function notificationBody(text: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'linux' ? text.replace(/[&<>]/g, (c) => MARKUP[c] ?? c) : text
}

export function electronPresencePorts(iconFile: string): PresencePorts {
  // A notification nobody holds may be collected before it is clicked: hold each until it is done.
  const shown = new Set<Notification>()
  return {
    notify({ title, body }, onClick) {
      if (!Notification.isSupported()) return
      const n = new Notification({ title, body: notificationBody(body) })
      shown.add(n)
      n.on('click', () => {
        shown.delete(n)
        onClick()
      })
      n.on('close', () => shown.delete(n))
      n.show()
    },
    createTray() {
      const icon = nativeImage.createFromPath(iconFile).resize({ width: 16, height: 16 })
      const tray = new Tray(icon)
      return {
        setMenu: (items) => tray.setContextMenu(Menu.buildFromTemplate(items)),
        setToolTip: (text) => tray.setToolTip(text),
      }
    },
    setBadgeCount: (count) => void app.setBadgeCount(count),
    setOpenAtLogin: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
    onWake(listener) {
      powerMonitor.on('resume', listener)
      powerMonitor.on('unlock-screen', listener)
    },
    timers: { setInterval: (cb, ms) => setInterval(cb, ms), clearInterval: (h) => clearInterval(h) },
  }
}
