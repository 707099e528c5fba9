/**
 * Settings > Your data, where the data lives: the saved choice is shown, Test connection says what
 * it found or shows main's refusal beside the field, Save sends the choice and this desktop's name,
 * Move says what it verified, and the server's certificate is read from a file, with whom it names.
 */
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mountedPage } from './support/mounted-page'
import type { DatabaseSettings } from '../../electron/shared/database/models'
import SharedDatabaseForm from '../../src/components/SharedDatabaseForm.vue'
import { ApiError } from '../../src/errors'
import { formatDate } from '../../src/format'

const api = vi.hoisted(() => ({
  database: {
    settings: vi.fn(),
    testConnection: vi.fn(),
    saveChoice: vi.fn(),
    moveToShared: vi.fn(),
    chooseCertificate: vi.fn(),
  },
}))
vi.mock('../../src/api', () => ({ api }))

const saved: DatabaseSettings = {
  active: 'this-computer',
  kind: 'shared',
  userName: 'Dana',
  connection: {
    host: 'office-server',
    port: 5432,
    database: 'turnaround_desk',
    user: 'desk',
    hasPassword: true,
    tlsCertificate: '',
    certificate: null,
  },
  canKeepPassword: true,
}

const page = mountedPage()
const { q, input, click } = page
beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  api.database.settings.mockResolvedValue(saved)
})
afterEach(() => page.close())

const open = () => page.open(SharedDatabaseForm)

describe('where the data lives', () => {
  it('shows the saved shared database, never its password, and what this run uses', async () => {
    await open()
    expect(input('db-host').value).toBe('office-server')
    expect(input('db-user').value).toBe('desk')
    expect(input('db-password').value).toBe('')
    expect(input('db-password').placeholder).toBe('Kept (type to change)')
    expect(input('desk-user-name').value).toBe('Dana')
    expect(q('database-active').textContent).toContain('this computer’s data')
  })

  it('tests the connection and says what it found, or shows the refusal beside its field', async () => {
    await open()
    api.database.testConnection.mockResolvedValueOnce({ serverVersion: '15.8', holdsData: false })
    await click('db-test')
    expect(api.database.testConnection).toHaveBeenCalledWith(
      expect.objectContaining({
        host: 'office-server',
        port: 5432,
        database: 'turnaround_desk',
        user: 'desk',
        password: '',
      }),
    )
    expect(q('database-outcome').textContent).toContain('Connected to PostgreSQL 15.8')
    api.database.testConnection.mockRejectedValueOnce(
      new ApiError({
        code: 'VALIDATION',
        message: 'The server refused this user name and password.',
        field: 'password',
      }),
    )
    await click('db-test')
    expect(q('shared-database').textContent).toContain('The server refused this user name and password.')
  })

  it('saves the choice and the desktop’s name, and says when it takes effect', async () => {
    await open()
    api.database.saveChoice.mockResolvedValueOnce(saved)
    await click('db-save')
    expect(api.database.saveChoice).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'shared',
        userName: 'Dana',
        connection: expect.objectContaining({ host: 'office-server' }),
      }),
    )
    expect(q('database-outcome').textContent).toContain('opens the shared database the next time it starts')
  })

  it('moves the data and says what it verified', async () => {
    await open()
    api.database.moveToShared.mockResolvedValueOnce({ rows: 1234, tables: Array.from({ length: 18 }, () => ({})) })
    await click('db-move')
    expect(q('database-outcome').textContent).toContain('Moved 1,234 rows in 18 tables')
    expect(q('database-outcome').textContent).toContain('checksum')
  })

  it('reads the server’s certificate from a file, shows whom it names, and says a test was encrypted', async () => {
    await open()
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'
    api.database.chooseCertificate.mockResolvedValueOnce({
      pem,
      certificate: { subject: 'Office CA', validTo: '2027-03-31T12:00:00.000Z', count: 1 },
    })
    await click('db-certificate-file')
    expect(input('db-certificate').value).toBe(pem)
    expect(q('db-certificate-info').textContent).toContain('“Office CA”')
    expect(q('db-certificate-info').textContent).toContain(formatDate('2027-03-31'))
    api.database.testConnection.mockResolvedValueOnce({ serverVersion: '15.8', tls: 'TLSv1.3', holdsData: false })
    await click('db-test')
    expect(api.database.testConnection).toHaveBeenCalledWith(expect.objectContaining({ tlsCertificate: pem }))
    expect(q('database-outcome').textContent).toContain('encrypted (TLSv1.3)')
    // Edited by hand, the text is no longer the certificate described.
    input('db-certificate').value = 'changed'
    input('db-certificate').dispatchEvent(new Event('input'))
    await flushPromises()
    expect(q('db-certificate-info')).toBeNull()
  })

  it('shows why a chosen file is not a certificate beside the field', async () => {
    await open()
    api.database.chooseCertificate.mockRejectedValueOnce(
      new ApiError({
        code: 'VALIDATION',
        message: 'This file holds a private key, which must stay on the server.',
        field: 'tlsCertificate',
      }),
    )
    await click('db-certificate-file')
    expect(q('shared-database').textContent).toContain('This file holds a private key')
    expect(input('db-certificate').value).toBe('')
  })
})
