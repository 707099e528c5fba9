/**
 * The window's side of a shared database, in the built renderer: main's news (played here the way
 * webContents.send would deliver it) reloads the page shown when another desktop changed its
 * area, and a quiet banner says while the database cannot be reached.
 */
import { describe, expect, it } from 'vitest'
import { LIVE_CHANNEL } from '../../electron/shared/channels'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
let app: RunningApp | undefined

describe('another desktop on the shared database', () => {
  it('shows its changes on the page without reloading, and says when the database is out of reach', async () => {
    app = session.app = await startApp(session.browser())
    const { page } = app
    await page.getByTestId('explore-sample').click()
    await page.getByTestId('sample-banner').waitFor()
    await app.menu('go-clients')
    await page.locator('.clients-table tbody tr').first().waitFor()
    const total = async () => Number(/(\d+)/.exec((await page.locator('.page-header p').textContent()) ?? '')?.[1])
    const before = await total()

    // Another desktop adds a client (the same data; this window's stores know nothing of it)...
    await page.evaluate(() => window.__deskInvoke('clients:create', { name: 'Made Elsewhere Ltd' }))
    // ...and main hands on its notice.
    await page.evaluate((channel) => window.__deskEvent(channel, { kind: 'changed', areas: ['clients'] }), LIVE_CHANNEL)
    await expect.poll(total).toBe(before + 1)

    await page.evaluate(
      (channel) => window.__deskEvent(channel, { kind: 'connection', connected: false }),
      LIVE_CHANNEL,
    )
    const banner = page.getByTestId('shared-database-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('The shared database cannot be reached; retrying…')
    await app.screenshot('shared-database-unreachable')
    await page.evaluate((channel) => window.__deskEvent(channel, { kind: 'connection', connected: true }), LIVE_CHANNEL)
    await banner.waitFor({ state: 'detached' })
  })
})
