/**
 * Dates and amounts in the business's locale, chosen in Settings: a business writing decimal
 * commas types "12,34" into an amount field, sees "12,34 €" on the page, and keeps the choice
 * across a restart.
 */
import { describe, expect, it } from 'vitest'
import { newDataDir, startApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()

describe('the business’s locale', () => {
  it('is chosen in Settings and followed by amount fields and pages, across a restart', async () => {
    const dataDir = newDataDir()
    let app = (session.app = await startApp(session.browser(), { dataDir }))
    await app.page.evaluate(() =>
      window.api.call['profile:save']({
        businessName: 'Atelier Weber',
        ownerName: 'Lena Weber',
        currency: 'EUR',
        hourlyWorthMinor: 9500,
      }),
    )
    await app.page.reload()
    await app.page.getByRole('link', { name: 'Settings', exact: true }).click()
    await app.page.getByTestId('profile-locale').click()
    await app.page.keyboard.type('German (Germany)')
    await app.page.locator('.n-base-select-option', { hasText: 'German (Germany)' }).first().click()
    await app.page.getByTestId('profile-save').click()
    await app.page.getByText('Business profile saved.').waitFor()
    expect(await app.page.locator('#profile-hourly-worth').inputValue()).toBe('95,00')
    await app.screenshot('formats/settings-locale')
    await app.close()

    app = session.app = await startApp(session.browser(), { dataDir })
    await app.page.getByRole('link', { name: 'Clients', exact: true }).click()
    await app.page.keyboard.press('Control+n')
    await app.page.locator('#client-name').fill('Bäckerei Sommer')
    await app.page.locator('#client-referral').fill('1.234,5')
    await app.page.getByTestId('client-save').click()
    await app.page.locator('.client-view h1', { hasText: 'Bäckerei Sommer' }).waitFor()
    await app.page.getByText('1.234,50\u00a0€').waitFor()
    const stored = await app.db.dataSource.query(
      "SELECT referral_value_minor AS v FROM clients WHERE name = 'Bäckerei Sommer'",
    )
    expect(stored[0].v).toBe(123450)
    await app.screenshot('formats/client-in-german')
    expect(app.pageErrors).toEqual([])
  })
})
