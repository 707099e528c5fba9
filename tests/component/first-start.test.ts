/**
 * The first-start page: this computer is one click (the choice sent, then the app's facts loaded
 * again); a shared database sends the fields and this desktop's name, and main's refusal of a
 * connection field is shown beside that field.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mountedPage } from './support/mounted-page'
import FirstStartView from '../../src/views/FirstStartView.vue'
import { ApiError } from '../../src/errors'

const api = vi.hoisted(() => ({
  database: { settings: vi.fn(), testConnection: vi.fn(), firstStartChoice: vi.fn(), chooseCertificate: vi.fn() },
  app: { info: vi.fn() },
  profile: { get: vi.fn() },
}))
vi.mock('../../src/api', () => ({ api }))

const settings = {
  active: 'this-computer',
  kind: 'this-computer',
  userName: 'dana',
  connection: null,
  canKeepPassword: true,
}

const page = mountedPage()
const { q, input, click, type } = page
beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  api.database.settings.mockResolvedValue(settings)
  api.app.info.mockResolvedValue({ version: '0.1.0', dataDir: '/d', databaseFile: '/d/f', hasProfile: false })
  api.profile.get.mockResolvedValue(null)
})
afterEach(() => page.close())

const open = () => page.open(FirstStartView)

describe('the first start', () => {
  it('keeps the data on this computer in one click, then loads the app', async () => {
    await open()
    api.database.firstStartChoice.mockResolvedValueOnce(settings)
    await click('first-start-this-computer')
    expect(api.database.firstStartChoice).toHaveBeenCalledWith({
      kind: 'this-computer',
      userName: 'dana',
      connection: null,
    })
    expect(api.app.info).toHaveBeenCalled()
  })

  it('sends a shared database’s fields and the desk’s name, and shows a refusal beside its field', async () => {
    await open()
    await click('first-start-shared')
    expect(input('desk-user-name').value).toBe('dana')
    await type('desk-user-name', 'Dana Whitfield')
    await type('db-host', 'office-server')
    await type('db-user', 'desk')
    await type('db-password', 'secret')
    api.database.firstStartChoice.mockRejectedValueOnce(
      new ApiError({
        code: 'VALIDATION',
        message: 'The server refused this user name and password.',
        field: 'connection.password',
      }),
    )
    await click('first-start-connect')
    expect(api.database.firstStartChoice).toHaveBeenCalledWith({
      kind: 'shared',
      userName: 'Dana Whitfield',
      connection: expect.objectContaining({ host: 'office-server', port: 5432, user: 'desk', password: 'secret' }),
    })
    const passwordItem = q('db-password').closest('.n-form-item') as HTMLElement
    expect(passwordItem.textContent).toContain('The server refused this user name and password.')
    expect(api.app.info).not.toHaveBeenCalled()
  })
})
