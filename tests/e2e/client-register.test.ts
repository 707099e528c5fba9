import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newDataDir, startApp, type RunningApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()
let app: RunningApp | undefined

async function setUpOwnBusiness(page: Page): Promise<void> {
  await page.getByTestId('start-own').click()
  await page.getByTestId('profile-save').click()
  // Nothing typed yet: the form says what is missing next to the field.
  await page.getByText('Enter the business name.').waitFor()
  await page.locator('#profile-business-name').fill('Brightwater Consulting')
  await page.locator('#profile-owner-name').fill('Jonas Lindqvist')
  await page.locator('#profile-email').fill('jonas@example.com')
  await page.locator('#profile-hourly-worth').fill('95.00')
  await page.getByTestId('profile-save').click()
  // The app opens on Today; the register is one step away.
  await page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', exact: true }).click()
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor()
}

async function addClient(
  page: Page,
  name: string,
  extra: { company?: string; email?: string; tag?: string } = {},
): Promise<void> {
  await page.keyboard.press('Control+n')
  await page.locator('#client-name').waitFor()
  await page.locator('#client-name').fill(name)
  if (extra.company) await page.locator('#client-company').fill(extra.company)
  if (extra.email) await page.locator('#client-email').fill(extra.email)
  if (extra.tag) {
    await page.locator('.client-form .n-dynamic-tags button').click()
    await page.keyboard.type(extra.tag)
    await page.keyboard.press('Enter')
  }
  await page.getByTestId('client-save').click()
  await page.locator('.client-view h1', { hasText: name }).waitFor()
}

describe('the client register', () => {
  it('adds, edits, archives, restores and finds clients, and finds them again after a restart', async () => {
    const dataDir = newDataDir()
    app = session.app = await startApp(session.browser(), { dataDir })
    const { page } = app
    await setUpOwnBusiness(page)
    await page.getByText('No clients yet').waitFor()
    await app.screenshot('clients-empty')

    // Bad input: the message stands next to the field and nothing is written.
    await page.keyboard.press('Control+n')
    await page.locator('#client-email').fill('not-an-email')
    await page.getByTestId('client-save').click()
    await page.getByText('Enter the client’s name.').waitFor()
    await page.getByText('This does not look like an email address.').waitFor()
    await app.screenshot('client-form-errors')
    // Esc asks before throwing the typed text away.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Discard' }).click()
    await page.locator('.client-form-dialog').waitFor({ state: 'detached' })
    expect((await app.db.dataSource.query('SELECT COUNT(*) AS n FROM clients'))[0].n).toBe(0)

    await addClient(page, 'Northwind Bakery', {
      company: 'Northwind Foods Ltd',
      email: 'orders@example.com',
      tag: 'hospitality',
    })
    await app.screenshot('client-page')
    await page.getByTestId('edit-client').click()
    await page.locator('#client-contact').fill('Priya Raman')
    await page.keyboard.press('Control+s')
    await page.getByText('Priya Raman').waitFor()

    await page.getByRole('link', { name: '← Clients' }).click()
    await addClient(page, 'Café Lumière', { company: 'Lumière SARL' })
    await page.getByRole('link', { name: '← Clients' }).click()
    await addClient(page, 'Harrow & Finch Architects', { tag: 'key account' })

    // Archive one: it leaves the list and waits in the archived view.
    await page.getByTestId('archive-client').click()
    await page.getByTestId('archived-tag').waitFor()
    await page.getByRole('link', { name: '← Clients' }).click()
    await expect.poll(() => page.locator('.clients-table tbody tr').count()).toBe(2)
    await page.getByTestId('archived-switch').click()
    await expect.poll(() => page.locator('.clients-table tbody').textContent()).toContain('Harrow & Finch')
    await page.locator('.clients-table tbody tr').first().click()
    await page.getByTestId('archive-client').click()
    await expect.poll(() => page.getByTestId('archive-client').textContent()).toContain('Archive')
    await page.getByRole('link', { name: '← Clients' }).click()
    await page.getByTestId('archived-switch').click()
    await expect.poll(() => page.locator('.clients-table tbody tr').count()).toBe(3)

    // Search ignores case and accents; Ctrl+F goes to the search box.
    await page.keyboard.press('Control+f')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('client-search')
    await page.keyboard.type('cafe lum')
    await expect.poll(() => page.locator('.clients-table tbody tr').count()).toBe(1)
    expect(await page.locator('.clients-table tbody').textContent()).toContain('Café Lumière')
    await page.locator('#client-search').fill('')
    await expect.poll(() => page.locator('.clients-table tbody tr').count()).toBe(3)

    // The list starts sorted by name; one click on the header turns it round.
    await expect.poll(() => page.locator('.clients-table tbody tr').first().textContent()).toContain('Café')
    await page.locator('.clients-table th', { hasText: 'Name' }).click()
    await expect.poll(() => page.locator('.clients-table tbody tr').first().textContent()).toContain('Northwind')
    await page.locator('.clients-table th', { hasText: 'Company' }).click()
    await expect.poll(() => page.locator('.clients-table tbody tr').first().textContent()).toContain('Harrow')
    await app.screenshot('clients-list')

    await app.close()
    app = session.app = await startApp(session.browser(), { dataDir })
    await app.page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
    await app.menu('go-clients')
    await app.page.getByRole('heading', { name: 'Clients', exact: true }).waitFor()
    await expect.poll(() => app!.page.locator('.clients-table tbody tr').count()).toBe(3)
    await app.page.locator('.clients-table tbody tr', { hasText: 'Northwind' }).click()
    await app.page.getByText('Priya Raman').waitFor()
    await app.page.getByText('hospitality').waitFor()
    await app.screenshot('client-page-after-restart')
  })

  it('keeps the business profile editable in Settings and opens the data folder', async () => {
    app = session.app = await startApp(session.browser())
    const { page } = app
    await setUpOwnBusiness(page)
    await app.menu('go-settings')
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
    expect(await page.getByTestId('database-file').textContent()).toContain(app.dataDir)
    await page.locator('#profile-phone').fill('+44 20 7946 0000')
    await page.getByTestId('profile-save').click()
    await page.getByText('Business profile saved.').first().waitFor()
    const rows = await app.db.dataSource.query('SELECT phone FROM business_profile')
    expect(rows).toEqual([{ phone: '+44 20 7946 0000' }])
    await page.getByTestId('open-data-folder').click()
    await expect.poll(() => app!.openedFolders).toEqual([app.dataDir])
    await app.screenshot('settings')
  })
})
