/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page, every tab and every dialog and
 * drawer, with the sample business and with an empty database, in the light and the dark scheme.
 * A new page, tab or dialog added to the tour below is checked the same way.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, startApp, type RunningApp } from './support/app-harness'
import { settle, violations } from './support/axe'
import type { Browser } from 'playwright-core'

const PAGES = ['Today', 'Clients', 'Turnarounds', 'Ledger', 'Letters', 'Trends', 'Settings']
const SCHEMES = ['light', 'dark'] as const

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
})

async function go(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click()
  await page.getByRole('heading', { name, exact: true, level: 1 }).waitFor()
  await page
    .locator('.n-data-table-loading-wrapper')
    .waitFor({ state: 'detached' })
    .catch(() => undefined)
}

/** Opens a dialog or drawer, checks it, and closes it with Esc (discarding when asked). */
async function checkDialog(page: Page, found: string[], where: string, open: () => Promise<unknown>): Promise<void> {
  await open()
  await page.locator('[role="dialog"]:visible, [role="alertdialog"]:visible').first().waitFor()
  found.push(...(await violations(page, where)))
  await closeAll(page)
}

const OPEN_DIALOGS = '.n-modal-container [role="dialog"]:visible, .n-drawer:visible, .n-dialog:visible'

/** Esc until no dialog or drawer is left, discarding what a form holds. */
async function closeAll(page: Page): Promise<void> {
  for (let i = 0; i < 4 && (await page.locator(OPEN_DIALOGS).count()) > 0; i++) {
    const discard = page.getByRole('button', { name: 'Discard' })
    if (await discard.isVisible()) await discard.click()
    else await page.keyboard.press('Escape')
    await settle(page)
  }
}

async function tabs(page: Page, found: string[], where: string, selector: string): Promise<void> {
  const names = await page.locator(`${selector} .n-tabs-tab`).allInnerTexts()
  for (const name of names) {
    await page.locator(`${selector} .n-tabs-tab`, { hasText: name }).click()
    await page.waitForTimeout(300)
    found.push(...(await violations(page, `${where} tab ${name.trim()}`)))
  }
}

for (const scheme of SCHEMES) {
  // Every check takes a few seconds on a loaded machine: the tours have room for it.
  describe(`axe in the ${scheme} scheme`, { timeout: 300_000 }, () => {
    describe('with an empty database', () => {
      let app: RunningApp
      beforeAll(async () => {
        app = await startApp(browser)
        await app.page.emulateMedia({ colorScheme: scheme })
      })
      afterAll(async () => {
        await app.close()
      })

      it('the welcome screen and its form', async () => {
        const { page } = app
        const found: string[] = []
        await page.getByRole('heading', { name: 'Welcome to Turnaround Desk' }).waitFor()
        found.push(...(await violations(page, 'welcome')))
        await page.getByTestId('start-own').click()
        await page.locator('#profile-business-name').waitFor()
        found.push(...(await violations(page, 'welcome: own business')))
        expect(found).toEqual([])
      })

      it('every page, empty', async () => {
        const { page } = app
        const found: string[] = []
        await page.evaluate(() =>
          window.api.call['profile:save']({
            businessName: 'Brightwater Consulting',
            ownerName: 'Jonas Lindqvist',
            currency: 'EUR',
            hourlyWorthMinor: 9500,
          }),
        )
        await page.reload()
        await page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
        for (const name of PAGES) {
          await go(page, name)
          found.push(...(await violations(page, `empty ${name}`)))
        }
        await app.menu('restore-backup')
        await page.getByRole('heading', { name: 'Restore from backup' }).waitFor()
        found.push(...(await violations(page, 'empty backups')))
        await app.menu('import-ledger')
        await page.getByTestId('import-choose-file').waitFor()
        found.push(...(await violations(page, 'empty ledger import')))
        await go(page, 'Clients')
        await checkDialog(page, found, 'empty new client', () => page.getByTestId('new-client').click())
        await go(page, 'Turnarounds')
        await checkDialog(page, found, 'empty open turnaround', () => page.getByTestId('open-turnaround').click())
        expect(found).toEqual([])
        expect(app.pageErrors).toEqual([])
      })
    })

    describe('with the sample business', () => {
      let app: RunningApp
      beforeAll(async () => {
        app = await startApp(browser)
        await app.page.emulateMedia({ colorScheme: scheme })
        await app.page.getByTestId('explore-sample').click()
        await app.page.getByTestId('sample-banner').waitFor()
        // The "Loaded a sample business" toast, checked as it fades, would be a false finding.
        await app.page.locator('.n-message').waitFor({ state: 'detached', timeout: 15_000 })
      })
      afterAll(async () => {
        await app.close()
      })

      it('every page', async () => {
        const { page } = app
        const found: string[] = []
        for (const name of PAGES) {
          await go(page, name)
          found.push(...(await violations(page, name)))
        }
        await app.menu('restore-backup')
        await page.getByRole('heading', { name: 'Restore from backup' }).waitFor()
        found.push(...(await violations(page, 'backups')))
        await checkDialog(page, found, 'remove sample', () =>
          page.getByRole('button', { name: 'Remove sample data' }).click(),
        )
        expect(found).toEqual([])
      })

      it('the clients, a client, its tabs and dialogs', async () => {
        const { page } = app
        const found: string[] = []
        await go(page, 'Clients')
        await checkDialog(page, found, 'new client', () => page.getByTestId('new-client').click())
        await page.getByTestId('new-client').click()
        await page.locator('#client-name').fill('Someone')
        await page.keyboard.press('Escape')
        await page.getByRole('button', { name: 'Discard' }).waitFor()
        found.push(...(await violations(page, 'discard question')))
        await page.getByRole('button', { name: 'Discard' }).click()
        await settle(page)
        await page.locator('.clients-table tbody tr', { hasText: 'Acme & Sons' }).click()
        await page.getByRole('heading', { name: 'Acme & Sons', level: 1 }).waitFor()
        await tabs(page, found, 'client', '.client-tabs')
        await checkDialog(page, found, 'edit client', () => page.getByTestId('edit-client').click())
        await page.locator('.client-tabs .n-tabs-tab', { hasText: 'Ledger' }).click()
        await checkDialog(page, found, 'ledger entry', () => page.getByTestId('ledger-add').click())
        await page.locator('.client-tabs .n-tabs-tab', { hasText: 'Letters' }).click()
        await checkDialog(page, found, 'write a letter', () => page.getByTestId('client-write-letter').first().click())
        expect(found).toEqual([])
      })

      it('a turnaround, its tabs and dialogs', async () => {
        const { page } = app
        const found: string[] = []
        await go(page, 'Turnarounds')
        await checkDialog(page, found, 'open turnaround', () => page.getByTestId('open-turnaround').click())
        await page.locator('.turnarounds-table tbody tr', { hasText: 'Acme & Sons' }).click()
        await page.locator('.turnaround-header').waitFor()
        await tabs(page, found, 'turnaround', '.turnaround-tabs')
        const tab = (name: string) => page.locator('.turnaround-tabs .n-tabs-tab', { hasText: name }).click()
        await tab('Overview')
        await checkDialog(page, found, 'complaint', () =>
          page.locator('.turnaround-complaint').getByRole('button', { name: 'Edit', exact: true }).click(),
        )
        await checkDialog(page, found, 'hand over', () => page.getByTestId('hand-over').click())
        // A part of the client's commitment, marked kept on a day.
        await checkDialog(page, found, 'client commitment kept', () =>
          page.locator('.turnaround-client-commitment').getByRole('button', { name: 'Kept…' }).first().click(),
        )
        await tab('Issues')
        await checkDialog(page, found, 'new issue', () => page.getByTestId('add-issue').click())
        await checkDialog(page, found, 'an issue', () => page.locator('.issues-table tbody tr').first().click())
        await tab('Plan')
        await checkDialog(page, found, 'new action', () => page.getByTestId('add-action').click())
        await tab('Commitments')
        // The form under the list, with what is missing said next to its fields.
        await page.getByTestId('add-commitment').click()
        await page.locator('.n-form-item-feedback--error').first().waitFor()
        found.push(...(await violations(page, 'commitment form with errors')))
        const done = page.getByRole('button', { name: 'Done…' })
        if (await done.count()) await checkDialog(page, found, 'commitment done', () => done.first().click())
        const newDate = page.getByRole('button', { name: 'New date…' })
        if (await newDate.count()) await checkDialog(page, found, 'new date', () => newDate.first().click())
        await tab('Touchpoints')
        await checkDialog(page, found, 'new touchpoint', () => page.getByTestId('log-touchpoint').click())
        await checkDialog(page, found, 'turnaround letter', () => page.getByTestId('turnaround-write-letter').click())
        expect(found).toEqual([])
      })

      it('the ledger, letters and settings dialogs', async () => {
        const { page } = app
        const found: string[] = []
        await go(page, 'Ledger')
        await page.getByTestId('ledger-import').click()
        await page.getByTestId('import-choose-file').waitFor()
        found.push(...(await violations(page, 'ledger import')))
        await go(page, 'Letters')
        await checkDialog(page, found, 'letters: write', () => page.getByTestId('write-letter').click())
        await page.getByTestId('write-letter').click()
        await page.locator('[role="dialog"] .n-base-selection').first().click()
        await page.locator('.n-base-select-option').first().click()
        await page.getByTestId('write-letter-go').click()
        await page.getByTestId('letter-save').waitFor()
        found.push(...(await violations(page, 'letter editor')))
        await go(page, 'Letters')
        await page.locator('.letters-table tbody tr').first().click()
        await page.getByTestId('stored-hash').waitFor()
        found.push(...(await violations(page, 'stored letter')))
        await go(page, 'Settings')
        await checkDialog(page, found, 'staff member', () => page.getByTestId('staff-add').click())
        await page.locator('#template-preview-client').click()
        await page.keyboard.type('Acme')
        await page.locator('.n-base-select-option', { hasText: 'Acme' }).first().click()
        await checkDialog(page, found, 'template preview', () => page.getByTestId('template-preview').click())
        expect(found).toEqual([])
        expect(app.pageErrors).toEqual([])
      })
    })
  })
}
