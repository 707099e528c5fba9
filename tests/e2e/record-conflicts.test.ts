/**
 * Two people on one record, in the built renderer. A form is open when someone else saves the same
 * record (a second desktop, played by writing through main under another name): the save is
 * refused, the saved version is shown beside what was typed, only the fields that differ, as a
 * person reads them, and each choice does what it says. And records say who added and last
 * changed them once the desktop has a name (Settings > Your data). Screenshots under
 * test-results/screenshots/record-conflicts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { LedgerEntryView } from '../../electron/shared/ledger/models'
import { startApp, type RunningApp } from './support/app-harness'
import { AxeBuilder } from '@axe-core/playwright'
import { settle, WCAG_TAGS } from './support/axe'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()

/** A business, a client with an open turnaround, an issue and an invoice: all added by Dana. */
async function seed(app: RunningApp): Promise<{ clientId: number; turnaroundId: number; issueId: number }> {
  app.setDeskUser('Dana')
  return app.page.evaluate(async () => {
    const api = window.api.call
    const data = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message)
      return r.data
    }
    data(
      await api['profile:save']({
        businessName: 'Harbour Lane Print & Design',
        ownerName: 'Maya Okafor',
        currency: 'GBP',
        hourlyWorthMinor: 8500,
      }),
    )
    const client = data(await api['clients:create']({ name: 'Quayside Yacht Club' }))
    const t = data(
      await api['turnarounds:open']({ clientId: client.id, openedOn: '2026-11-10', firstHeardBy: 'Maya Okafor' }),
    )
    const withIssue = data(
      await api['issues:save']({
        turnaroundId: t.id,
        issue: { statement: 'The regatta flyers arrived late', raisedOn: '2026-11-10', severity: 3 },
      }),
    )
    data(
      await api['ledger:save']({
        clientId: client.id,
        entry: {
          kind: 'invoice',
          entryDate: '2026-11-12',
          description: 'Regatta flyers',
          currency: 'GBP',
          amountMinor: 20_000,
          reference: 'HL-2291',
        },
      }),
    )
    return { clientId: client.id, turnaroundId: t.id, issueId: withIssue.issues[0]!.id }
  })
}

/** Sam, at another desktop, saves through main: what the open form does not know of. */
async function asSam(app: RunningApp, write: (page: Page) => Promise<unknown>): Promise<void> {
  app.setDeskUser('Sam')
  try {
    await write(app.page)
  } finally {
    app.setDeskUser('Dana')
  }
}

const go = async (page: Page, to: string) => {
  await page.goto(`${page.url().split('#')[0]}#${to}`)
  await page.reload()
}
const conflictRows = (page: Page) =>
  page
    .locator('[data-testid="record-conflict"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())))

describe('someone else saved the record meanwhile', () => {
  it('an issue: both versions side by side, and "Use the saved version" puts theirs in the form', async () => {
    const app = (session.app = await startApp(session.browser()))
    const { page } = app
    const { turnaroundId, issueId } = await seed(app)
    await go(page, `/turnarounds/${turnaroundId}`)
    await page.locator('.turnaround-tabs .n-tabs-tab', { hasText: /^Issues/ }).click()
    await page.locator('.issues-table').getByText('The regatta flyers arrived late').click()
    await page.locator('#issue-statement').fill('The flyers arrived 6 days late, after the regatta')
    await page.locator('#issue-staff').fill('Tom')

    await asSam(app, (p) =>
      p.evaluate(
        ({ turnaroundId, issueId }) =>
          window.api.call['issues:save']({
            turnaroundId,
            id: issueId,
            issue: { statement: 'Flyers late for the regatta', raisedOn: '2026-11-10', severity: 5, product: 'Flyers' },
          }),
        { turnaroundId, issueId },
      ),
    )
    await page.getByTestId('issue-save').click()
    const conflict = page.getByTestId('record-conflict')
    await conflict.waitFor()
    expect(await conflict.textContent()).toMatch(/This issue was changed by Sam at \d{2}:\d{2} since you opened it/)
    expect(await conflictRows(page)).toEqual([
      ['The issue', 'Flyers late for the regatta', 'The flyers arrived 6 days late, after the regatta'],
      ['Severity', '5: Serious, must be solved now', '3: Major'],
      ['Staff member', '—', 'Tom'],
      ['Product or service', 'Flyers', '—'],
    ])
    // What was typed is still in the form until the choice.
    expect(await page.locator('#issue-statement').inputValue()).toBe(
      'The flyers arrived 6 days late, after the regatta',
    )
    // The drawer now says who changed it last.
    expect(await page.locator('.n-drawer [data-testid="record-authors"]').textContent()).toMatch(
      /^Added by Dana at \d{2}:\d{2} · last changed by Sam at \d{2}:\d{2}$/,
    )
    await app.screenshot('record-conflicts/01-issue-both-versions')

    await page.getByTestId('conflict-take-saved').click()
    await conflict.waitFor({ state: 'detached' })
    expect(await page.locator('#issue-statement').inputValue()).toBe('Flyers late for the regatta')
    expect(await page.locator('#issue-staff').inputValue()).toBe('')
    // Saved now over Sam's version: accepted, with nothing of the refused edit.
    await page.getByTestId('issue-save').click()
    await page.locator('.issues-table').getByText('Flyers late for the regatta').waitFor()
    const saved = await page.evaluate(async (id) => {
      const r = await window.api.call['turnarounds:get']({ id })
      return r.ok ? r.data.issues[0] : null
    }, turnaroundId)
    expect(saved).toMatchObject({ statement: 'Flyers late for the regatta', staffMember: '', severity: 5, version: 3 })
  })

  it('a ledger entry: money and dates as the ledger writes them, and "Keep mine and save it" saves over theirs', async () => {
    const app = (session.app = await startApp(session.browser()))
    const { page } = app
    const { clientId } = await seed(app)
    const entryOf = async () =>
      page.evaluate(async (clientId) => {
        const r = await window.api.call['ledger:list']({ clientId })
        return r.ok ? r.data[0] : null
      }, clientId) as Promise<LedgerEntryView>
    const entry = await entryOf()
    await go(page, `/clients/${clientId}`)
    await page.locator('.client-tabs .n-tabs-tab', { hasText: 'Ledger' }).click()
    const row = page.locator('[data-testid="ledger-entries"] tbody tr', { hasText: 'HL-2291' })
    await row.getByRole('button', { name: /Edit the entry/ }).click()
    await page.locator('#entry-amount').fill('150')
    await page.locator('#entry-description').fill('Regatta flyers, reprinted')

    await asSam(app, (p) =>
      p.evaluate(
        ({ clientId, id }) =>
          window.api.call['ledger:save']({
            clientId,
            id,
            entry: {
              kind: 'invoice',
              entryDate: '2026-11-14',
              description: 'Regatta flyers',
              currency: 'GBP',
              amountMinor: 30_000,
              reference: 'HL-2291',
            },
          }),
        { clientId, id: entry.id },
      ),
    )
    await page.getByTestId('entry-save').click()
    await page.getByTestId('record-conflict').waitFor()
    expect(await page.getByTestId('record-conflict').textContent()).toContain('This ledger entry was changed by Sam at')
    expect(await conflictRows(page)).toEqual([
      ['Date', '14 Nov 2026', '12 Nov 2026'],
      ['Description', 'Regatta flyers', 'Regatta flyers, reprinted'],
      ['Amount', '£300.00', '£150.00'],
    ])
    await app.screenshot('record-conflicts/02-ledger-entry-both-versions')
    // The conflict view itself (the page behind the drawer is checked in accessibility.test.ts).
    await settle(page)
    const axe = await new AxeBuilder({ page }).include('.n-drawer').withTags(WCAG_TAGS).analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([])

    await page.getByTestId('conflict-keep-mine').click()
    await row.filter({ hasText: '£150.00' }).waitFor()
    expect(await entryOf()).toMatchObject({
      amountMinor: 15_000,
      description: 'Regatta flyers, reprinted',
      entryDate: '2026-11-12',
      version: 3,
      createdBy: 'Dana',
      updatedBy: 'Dana',
    })
  })
})

describe('a commitment', () => {
  it('is edited in its own dialog, which shows a save someone else made meanwhile and keeps mine when asked', async () => {
    const app = (session.app = await startApp(session.browser()))
    const { page } = app
    const { turnaroundId } = await seed(app)
    const commitmentId = await page.evaluate(async (turnaroundId) => {
      const r = await window.api.call['commitments:save']({
        turnaroundId,
        commitment: { party: 'us', description: 'Reprint the flyers', dueOn: '2026-12-20' },
      })
      return r.ok ? r.data.commitments[0]!.id : 0
    }, turnaroundId)
    await go(page, `/turnarounds/${turnaroundId}`)
    await page.locator('.turnaround-tabs .n-tabs-tab', { hasText: /^Commitments/ }).click()
    await page.getByTestId(`edit-commitment-${commitmentId}`).click()
    expect(await page.locator('.commitment-edit-dialog [data-testid="record-authors"]').textContent()).toMatch(
      /^Added by Dana at \d{2}:\d{2}$/,
    )
    await page.locator('#commitment-edit-description').fill('Reprint the flyers on heavier paper')

    await asSam(app, (p) =>
      p.evaluate(
        ({ turnaroundId, id }) =>
          window.api.call['commitments:save']({
            turnaroundId,
            id,
            commitment: { party: 'client', description: 'Reprint the flyers', dueOn: '2026-12-20' },
          }),
        { turnaroundId, id: commitmentId },
      ),
    )
    await page.getByTestId('commitment-edit-save').click()
    await page.getByTestId('record-conflict').waitFor()
    expect(await conflictRows(page)).toEqual([
      ['Whose promise', 'The client', 'Us'],
      ['What was promised', 'Reprint the flyers', 'Reprint the flyers on heavier paper'],
    ])
    await app.screenshot('record-conflicts/05-commitment-both-versions')
    await page.getByTestId('conflict-keep-mine').click()
    await page.locator('.commitments-table').getByText('Reprint the flyers on heavier paper').waitFor()
    const saved = await page.evaluate(async (id) => {
      const r = await window.api.call['turnarounds:get']({ id })
      return r.ok ? r.data.commitments[0] : null
    }, turnaroundId)
    expect(saved).toMatchObject({ party: 'us', description: 'Reprint the flyers on heavier paper', version: 3 })
  })
})

describe('who added and changed a record', () => {
  it('shows nothing until the desktop is named, then who added it and who last changed it', async () => {
    const app = (session.app = await startApp(session.browser()))
    const { page } = app
    const clientId = await page.evaluate(async () => {
      await window.api.call['profile:save']({
        businessName: 'Harbour Lane Print & Design',
        ownerName: 'Maya Okafor',
        currency: 'GBP',
        hourlyWorthMinor: 8500,
      })
      const r = await window.api.call['clients:create']({ name: 'Marina Café' })
      return r.ok ? r.data.id : 0
    })
    await go(page, `/clients/${clientId}`)
    await page.getByRole('heading', { name: 'Marina Café' }).waitFor()
    expect(await page.getByTestId('record-authors').count()).toBe(0)

    // Named in Settings > Your data, as a person at this desktop would.
    await page.getByRole('link', { name: 'Settings', exact: true }).click()
    await page.getByTestId('desk-user-name').locator('input').fill('Dana')
    await page.getByTestId('db-save').click()
    await expect.poll(() => page.getByTestId('database-outcome').textContent()).toBe('Saved.')
    const named = await page.evaluate(async () => {
      const r = await window.api.call['clients:create']({ name: 'Harbour Chandlery', company: 'Chandlery Ltd' })
      return r.ok ? r.data.id : 0
    })
    await asSam(app, (p) =>
      p.evaluate(
        (id) => window.api.call['clients:update']({ id, client: { name: 'Harbour Chandlery', notes: 'Sam called' } }),
        named,
      ),
    )
    await go(page, `/clients/${named}`)
    const line = page.getByTestId('record-authors')
    await line.waitFor()
    expect(await line.textContent()).toMatch(/^Added by Dana at \d{2}:\d{2} · last changed by Sam at \d{2}:\d{2}$/)
    await app.screenshot('record-conflicts/03-client-authors')
    // The same line in the client's form.
    await page.getByTestId('edit-client').click()
    expect(await page.locator('.client-form-dialog [data-testid="record-authors"]').textContent()).toMatch(
      /^Added by Dana at \d{2}:\d{2} · last changed by Sam/,
    )

    // And the turnaround's page says who opened it.
    const turnaroundId = await page.evaluate(async (clientId) => {
      const r = await window.api.call['turnarounds:open']({ clientId, openedOn: '2026-11-10', firstHeardBy: 'Dana' })
      return r.ok ? r.data.id : 0
    }, named)
    await go(page, `/turnarounds/${turnaroundId}`)
    const header = page.locator('.turnaround-header [data-testid="record-authors"]')
    await header.waitFor()
    expect(await header.textContent()).toMatch(/^Added by Dana at \d{2}:\d{2}$/)
    await app.screenshot('record-conflicts/04-turnaround-authors')
  })
})
