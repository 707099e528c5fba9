/**
 * The first-start page: this computer is one click (the choice sent, then the app's facts loaded
 * again); a shared database sends the fields and this desktop's name, and main's refusal of a
 * connection field is shown beside that field.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
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

let wrapper: ReturnType<typeof mount> | undefined
beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  api.database.settings.mockResolvedValue(settings)
  api.app.info.mockResolvedValue({ version: '0.1.0', dataDir: '/d', databaseFile: '/d/f', hasProfile: false })
  api.profile.get.mockResolvedValue(null)
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function open() {
  wrapper = mount(defineComponent({ setup: () => () => h(NMessageProvider, () => h(FirstStartView)) }), {
    attachTo: document.body,
  })
  await flushPromises()
}
const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement
const input = (id: string) => q(id).querySelector('input, textarea') as HTMLInputElement
async function click(id: string) {
  q(id).click()
  await flushPromises()
}
async function type(id: string, value: string) {
  input(id).value = value
  input(id).dispatchEvent(new Event('input'))
  await flushPromises()
}

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
