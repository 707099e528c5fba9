/**
 * Your data, end to end: Settings shows where the database lives and its backups, "Back up now…"
 * saves a copy through the save dialog, "Export everything…" writes the JSON, and File > Restore
 * from Backup lists the backups (date, size, clients) and brings one back, reloading the app.
 * "Restore from a file…" (the backups page and the File menu) brings back a copy saved elsewhere
 * after its checks, and refuses one changed since it was saved.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity, checksumFileOf } from '../../electron/main/db/backups'
import { newDataDir, startApp } from './support/app-harness'
import { useAppSession } from './support/lifecycle'
import { openTestApp } from '../support/temp-db'

const session = useAppSession()

describe('your data', () => {
  it('backs up, exports and restores from the app', async () => {
    const dataDir = newDataDir()
    // Yesterday: a business with two clients. Starting today takes today's backup of them.
    const seed = await openTestApp(dataDir, () => new Date(Date.now() - 86_400_000))
    await seed.call('profile:save', {
      businessName: 'Brightwater',
      ownerName: 'Jonas',
      email: '',
      currency: 'GBP',
      hourlyWorthMinor: 9500,
    })
    await seed.call('clients:create', { name: 'Northwind Bakery', email: '' })
    await seed.call('clients:create', { name: 'Harbour Lights', email: '' })
    await seed.close()

    const app = (session.app = await startApp(session.browser(), { dataDir }))
    const { page } = app
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
    await app.menu('go-clients')
    await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor()

    await app.menu('go-settings')
    await page.getByTestId('backup-summary').getByText('1 backup in the backups folder').waitFor()
    expect(await page.getByTestId('database-file').textContent()).toBe(path.join(dataDir, 'turnaround-desk.sqlite'))
    expect(await page.getByTestId('backup-list').locator('tbody tr').count()).toBe(1)
    await page.getByTestId('export-everything').scrollIntoViewIfNeeded()
    await app.screenshot('settings-your-data')

    await page.getByTestId('settings-backup-now').click()
    await page.getByText('Backup saved:').waitFor()
    const copy = fs.readdirSync(app.saveDir).find((f) => f.endsWith('.sqlite')) as string
    expect(copy).toMatch(/^Turnaround Desk backup \d{4}-\d{2}-\d{2}\.sqlite$/)
    expect(checkIntegrity(path.join(app.saveDir, copy), { full: true })).toEqual({ ok: true })

    await page.getByTestId('export-everything').click()
    await page.getByText(/Exported \d+ records to/).waitFor()
    const exported = fs.readdirSync(app.saveDir).find((f) => f.endsWith('.json')) as string
    const json = JSON.parse(fs.readFileSync(path.join(app.saveDir, exported), 'utf8'))
    expect(json.tables.clients.map((c: { name: string }) => c.name).sort()).toEqual([
      'Harbour Lights',
      'Northwind Bakery',
    ])

    // A change after the backup: a third client.
    await app.db.dataSource.query(
      "INSERT INTO clients (name, name_key, search_text, status, created_at, updated_at) VALUES ('Added later', 'added later', 'added later', 'active', '2026-01-01', '2026-01-01')",
    )

    await app.menu('restore-backup')
    await page.getByRole('heading', { name: 'Restore from backup' }).waitFor()
    const row = page.getByTestId('backup-list').locator('tbody tr').first()
    await row.getByText('Daily').waitFor()
    expect(await row.locator('td').nth(2).textContent()).toBe('2')
    expect(await row.locator('td').nth(3).textContent()).toMatch(/KB$/)
    await app.screenshot('restore-from-backup')

    await row.getByTestId('restore-backup').click()
    await page.getByText('Restore this backup?').waitFor()
    await app.screenshot('restore-confirm')
    await page.getByRole('button', { name: 'Restore', exact: true }).click()
    // The app reloads on the restored database.
    await page.getByRole('heading', { name: 'Restore from backup' }).waitFor()
    await page.getByTestId('backup-list').getByText('Before a restore').waitFor()
    const names = await app.db.dataSource.query('SELECT name FROM clients ORDER BY name')
    expect(names.map((r: { name: string }) => r.name)).toEqual(['Harbour Lights', 'Northwind Bakery'])
    await app.menu('go-clients')
    await page.getByText('Northwind Bakery').waitFor()
    expect(await page.getByText('Added later').count()).toBe(0)
  })
})

describe('restore from a file', () => {
  it('brings back a "Back up now" copy saved elsewhere, from the backups page and the File menu, and refuses a changed one', async () => {
    const dataDir = newDataDir()
    const seed = await openTestApp(dataDir)
    await seed.call('profile:save', {
      businessName: 'Brightwater',
      ownerName: 'Jonas',
      email: '',
      currency: 'GBP',
      hourlyWorthMinor: 9500,
    })
    await seed.call('clients:create', { name: 'Northwind Bakery', email: '' })
    await seed.call('clients:create', { name: 'Harbour Lights', email: '' })
    await seed.close()

    const app = (session.app = await startApp(session.browser(), { dataDir }))
    const { page } = app
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor()
    await app.menu('go-clients')
    await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor()
    await app.menu('backup-now')
    await page.getByText('Backup saved:').waitFor()
    const copy = path.join(app.saveDir, fs.readdirSync(app.saveDir).find((f) => f.endsWith('.sqlite')) as string)
    expect(fs.existsSync(checksumFileOf(copy))).toBe(true)
    // Kept elsewhere: the copy is not in the backups folder the restore list shows.
    const elsewhere = path.join(newDataDir(), 'On the USB stick.sqlite')
    fs.copyFileSync(copy, elsewhere)
    fs.copyFileSync(checksumFileOf(copy), checksumFileOf(elsewhere))
    await app.db.dataSource.query(
      "INSERT INTO clients (name, name_key, search_text, status, created_at, updated_at) VALUES ('Added later', 'added later', 'added later', 'active', '2026-01-01', '2026-01-01')",
    )

    // A copy with one byte changed inside a client's name is refused, and nothing changes.
    const tampered = path.join(path.dirname(elsewhere), 'Tampered.sqlite')
    const bytes = fs.readFileSync(elsewhere)
    bytes[bytes.indexOf('Harbour Lights') + 1] = 'e'.charCodeAt(0)
    fs.writeFileSync(tampered, bytes)
    fs.copyFileSync(checksumFileOf(elsewhere), checksumFileOf(tampered))
    await app.menu('restore-backup')
    await page.getByRole('heading', { name: 'Restore from backup' }).waitFor()
    app.setOpenFile(tampered)
    await page.getByTestId('restore-from-file').click()
    await page.getByText('Restore from a file?').waitFor()
    await app.screenshot('restore-from-file-confirm')
    await page.getByRole('button', { name: 'Choose the file…' }).click()
    await page.getByText('The file was not restored').waitFor()
    await page.getByText(/has changed since it was saved/).waitFor()
    await app.screenshot('restore-from-file-refused')
    await page.getByRole('button', { name: 'OK' }).click()
    expect((await app.db.dataSource.query('SELECT COUNT(*) AS n FROM clients'))[0].n).toBe(3)

    // The good copy, from the backups page: restored, and the window reloads on it.
    app.setOpenFile(elsewhere)
    await page.getByTestId('restore-from-file').click()
    await page.getByRole('button', { name: 'Choose the file…' }).click()
    await page.getByTestId('backup-list').getByText('Before a restore').waitFor()
    const names = await app.db.dataSource.query('SELECT name FROM clients ORDER BY name')
    expect(names.map((r: { name: string }) => r.name)).toEqual(['Harbour Lights', 'Northwind Bakery'])

    // From the File menu, a copy without its checksum: restored after its integrity check, and the page says so.
    fs.rmSync(checksumFileOf(elsewhere))
    await app.db.dataSource.query(
      "INSERT INTO clients (name, name_key, search_text, status, created_at, updated_at) VALUES ('Added again', 'added again', 'added again', 'active', '2026-01-01', '2026-01-01')",
    )
    await app.menu('go-clients')
    await page.getByText('Added again').waitFor()
    await app.menu('restore-file')
    await page.getByRole('heading', { name: 'Restore from backup' }).waitFor()
    await page.getByRole('button', { name: 'Choose the file…' }).click()
    await page.getByText(/had no checksum beside it/).waitFor()
    await app.screenshot('restore-from-file-no-checksum')
    await page.getByRole('button', { name: 'OK' }).click()
    await page.getByRole('heading', { name: 'Restore from backup' }).waitFor()
    await app.menu('go-clients')
    await page.getByText('Northwind Bakery').waitFor()
    expect(await page.getByText('Added again').count()).toBe(0)
  })
})
