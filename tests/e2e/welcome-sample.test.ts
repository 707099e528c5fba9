import { describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
let app: RunningApp | undefined

describe('first start with the sample business', () => {
  it('offers two ways in, loads the sample into the real database, and removes it in one step', async () => {
    app = session.app = await startApp(session.browser())
    const { page } = app
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Turnaround Desk' }).isVisible()).toBe(true)
    await page.getByText('Start with my own business').waitFor()
    await app.screenshot('welcome')

    await page.getByTestId('explore-sample').click()
    await page.getByTestId('sample-banner').waitFor()
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
    await app.menu('go-clients')
    await page.locator('.clients-table tbody tr').first().waitFor()
    await expect.poll(() => page.getByRole('heading', { name: 'Clients', exact: true }).isVisible()).toBe(true)
    const subtitle = await page.locator('.page-header p').textContent()
    const total = Number(/(\d+)/.exec(subtitle ?? '')?.[1])
    expect(total).toBeGreaterThanOrEqual(40)
    const inDb = await app.db.dataSource.query('SELECT COUNT(*) AS n FROM clients WHERE is_sample = 1')
    expect(inDb[0].n).toBe(total)
    await expect.poll(() => page.locator('.sample-mark').count()).toBeGreaterThan(0)
    await app.screenshot('clients-sample')

    // A markup-looking client name is shown as text, never as markup.
    await page.locator('#client-search').fill('acme')
    await expect.poll(() => page.locator('.clients-table tbody tr').count()).toBe(1)
    expect(await page.locator('.clients-table tbody b').count()).toBe(0)
    expect(await page.locator('.clients-table tbody').textContent()).toContain('<b>Acme</b> & Sons "Ltd"')

    await page.getByRole('button', { name: 'Remove sample data' }).click()
    await page.getByRole('button', { name: 'Remove sample data' }).last().click()
    await page.getByRole('heading', { name: 'Welcome to Turnaround Desk' }).waitFor()
    const left = await app.db.dataSource.query('SELECT COUNT(*) AS n FROM clients')
    expect(left[0].n).toBe(0)
    await app.screenshot('welcome-after-sample-removed')
  })
})
