/**
 * A brand-new install's first start, in the built renderer: the window asks where to keep the data
 * before anything is created. This computer is one click to the welcome page, the file made then,
 * and a restart asks no more. A shared office database is reached on a real PostgreSQL server that
 * speaks only TLS (started by this test, tls-server.ts): its certificate read from a file, a wrong
 * one refused beside the field in words, Test connection saying the session is encrypted, and the
 * app then running on the shared database. axe checks the page, in both schemes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineOf } from '../../electron/main/db/engine'
import { startTlsPostgres, type TlsPostgres } from '../support/postgres/tls-server'
import { newDataDir, startApp } from './support/app-harness'
import { violations } from './support/axe'
import { useAppSession } from './support/lifecycle'

const session = useAppSession()

let tls: TlsPostgres
beforeAll(async () => {
  tls = await startTlsPostgres()
}, 120_000)
afterAll(async () => {
  await tls?.stop()
})

describe('the first start', () => {
  it('asks where to keep the data; this computer is one click, and a restart asks no more', async () => {
    const dataDir = newDataDir()
    const app = (session.app = await startApp(session.browser(), { dataDir, firstStart: true }))
    const { page } = app
    await page.getByRole('heading', { name: 'Where should your data be kept?' }).waitFor()
    expect(fs.readdirSync(dataDir).filter((f) => f !== 'saved')).toEqual([])
    await app.screenshot('first-start')
    expect(await violations(page, 'first start')).toEqual([])
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await violations(page, 'first start, dark')).toEqual([])
    await page.emulateMedia({ colorScheme: 'light' })

    await page.getByTestId('first-start-this-computer').click()
    await page.getByRole('heading', { name: 'Welcome to Turnaround Desk' }).waitFor()
    expect(fs.existsSync(path.join(dataDir, 'turnaround-desk.sqlite'))).toBe(true)
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'database.json'), 'utf8'))).toMatchObject({
      kind: 'this-computer',
      userName: 'dana',
    })
    expect(engineOf(app.db.dataSource).kind).toBe('sqlite')
    await page.getByTestId('explore-sample').click()
    await page.getByTestId('sample-banner').waitFor()
    await app.close()
    session.app = undefined

    const again = (session.app = await startApp(session.browser(), { dataDir, firstStart: true }))
    await again.page.getByTestId('sample-banner').waitFor()
    expect(await again.page.getByTestId('first-start').count()).toBe(0)
  })

  it('connects to a shared database over TLS, refusing a certificate that is not the server’s, and runs on it', async () => {
    const dataDir = newDataDir()
    const app = (session.app = await startApp(session.browser(), { dataDir, firstStart: true }))
    const { page } = app
    await page.getByTestId('first-start-shared').click()
    await page.getByTestId('first-start-shared-form').waitFor()
    expect(await page.getByTestId('desk-user-name').locator('input').inputValue()).toBe('dana')
    await page.getByTestId('desk-user-name').locator('input').fill('Dana Whitfield')
    await page.getByTestId('db-host').locator('input').fill('localhost')
    await page.getByTestId('db-port').locator('input').fill(String(tls.port))
    await page.getByTestId('db-name').locator('input').fill(tls.database)
    await page.getByTestId('db-user').locator('input').fill(tls.user)
    await page.getByTestId('db-password').locator('input').fill(tls.password)

    // Another authority's certificate: refused, said beside the certificate.
    const other = path.join(app.saveDir, 'other-ca.crt')
    fs.writeFileSync(other, tls.otherCaCertificate)
    app.setOpenFile(other)
    await page.getByTestId('db-certificate-file').click()
    await expect.poll(() => page.getByTestId('db-certificate-info').textContent()).toContain('Some Other CA')
    await page.getByTestId('db-test').click()
    await page.getByText('The server’s certificate is not signed by the certificate given here').waitFor()
    await app.screenshot('first-start-shared-refused')
    expect(await violations(page, 'first start: a shared database refused')).toEqual([])

    // The server's own authority, from its file: encrypted.
    const ca = path.join(app.saveDir, 'office-ca.crt')
    fs.writeFileSync(ca, tls.caCertificate)
    app.setOpenFile(ca)
    await page.getByTestId('db-certificate-file').click()
    await expect.poll(() => page.getByTestId('db-certificate-info').textContent()).toContain('Desk Test CA')
    await page.getByTestId('db-test').click()
    await expect
      .poll(() => page.getByTestId('first-start-outcome').textContent())
      .toMatch(/Connected to PostgreSQL 1\d\.\d+, encrypted \(TLSv1\.[23]\)\. The database is empty/)
    await app.screenshot('first-start-shared')

    await page.getByTestId('first-start-connect').click()
    await page.getByRole('heading', { name: 'Welcome to Turnaround Desk' }).waitFor()
    expect(engineOf(app.db.dataSource).kind).toBe('postgres')
    const [session_] = (await app.db.dataSource.query(
      'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
    )) as Array<{ ssl: boolean }>
    expect(session_!.ssl).toBe(true)
    // Nothing of this computer's kind was made; the choice kept, its password sealed.
    expect(fs.existsSync(path.join(dataDir, 'turnaround-desk.sqlite'))).toBe(false)
    const kept = JSON.parse(fs.readFileSync(path.join(dataDir, 'database.json'), 'utf8'))
    expect(kept).toMatchObject({ kind: 'shared', userName: 'Dana Whitfield', connection: { host: 'localhost' } })
    expect(JSON.stringify(kept)).not.toContain(tls.password)

    // Settings > Your data shows the shared database in use and the certificate it trusts.
    await page.evaluate(() =>
      window.api.call['profile:save']({
        businessName: 'Brightwater Consulting',
        ownerName: 'Dana Whitfield',
        currency: 'EUR',
        hourlyWorthMinor: 9500,
      }),
    )
    await page.reload()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click()
    const info = page.getByTestId('db-certificate-info')
    await info.waitFor()
    expect(await info.textContent()).toContain('“Desk Test CA”')
    expect(await page.getByTestId('database-active').textContent()).toContain('the shared office database')
    await info.scrollIntoViewIfNeeded()
    await app.screenshot('settings-shared-database-tls')
  })
})
