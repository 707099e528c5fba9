import { describe, expect, it, vi } from 'vitest'
import { DomainError } from '../../electron/main/domain-error'
import type { Handlers } from '../../electron/shared/contract'
import { createDispatcher, registerIpc, type SenderFrame } from '../../electron/main/ipc'
import { CHANNELS, type Channel } from '../../electron/shared/channels'

const TRUSTED_URL = 'file:///app/out/renderer/index.html'
const trusted: SenderFrame = { url: TRUSTED_URL }
const isTrusted = (frame: SenderFrame | null | undefined) => frame?.url === TRUSTED_URL

const validProfile = {
  businessName: 'Acme Print',
  ownerName: 'Ada Lovelace',
  email: 'ada@example.com',
  currency: 'GBP',
  hourlyWorthMinor: 5000,
}

function fakeHandlers() {
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn(async () => ({ from: channel }))]),
  ) as unknown as Record<Channel, ReturnType<typeof vi.fn>>
  return handlers
}

function setup() {
  const handlers = fakeHandlers()
  const logError = vi.fn()
  const dispatcher = createDispatcher(handlers as unknown as Handlers, isTrusted, logError)
  const noHandlerCalled = () => {
    for (const channel of CHANNELS) expect(handlers[channel], channel).not.toHaveBeenCalled()
  }
  return { handlers, logError, dispatcher, noHandlerCalled }
}

describe('createDispatcher: sender check', () => {
  it.each([
    ['a frame from another url', { url: 'https://evil.example/index.html' }],
    ['a frame from another local file', { url: 'file:///tmp/evil.html' }],
    ['a null frame', null],
    ['an undefined frame', undefined],
  ])('refuses %s with FORBIDDEN and calls no handler', async (_name, frame) => {
    const { dispatcher, noHandlerCalled } = setup()
    const result = await dispatcher.dispatch(frame, 'clients:tags', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    noHandlerCalled()
  })

  it('checks the sender before the channel, so an untrusted caller learns nothing about channels', async () => {
    const { dispatcher } = setup()
    const result = await dispatcher.dispatch(null, 'clients:drop', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('createDispatcher: channel check', () => {
  it.each([['clients:drop'], [42], ['__proto__'], ['constructor'], [''], [null], [undefined], [{}]])(
    'refuses channel %j with UNKNOWN_CHANNEL',
    async (channel) => {
      const { dispatcher, noHandlerCalled } = setup()
      const result = await dispatcher.dispatch(trusted, channel, undefined)
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
      noHandlerCalled()
    },
  )
})

describe('createDispatcher: input validation', () => {
  it.each([
    ['clients:create', { name: 123 }, 'name'],
    ['clients:create', { name: 'Acme', email: '', tags: ['ok', 'a,b'] }, 'tags.1'],
    ['clients:create', { name: 'Acme', email: '', referralValueMinor: -1 }, 'referralValueMinor'],
    ['clients:create', { name: 'Acme', email: '', dateWon: '2026-02-30' }, 'dateWon'],
    ['clients:get', { id: -1 }, 'id'],
    ['clients:get', { id: '1' }, 'id'],
    ['clients:get', { id: 1.5 }, 'id'],
    ['clients:archive', { id: 0 }, 'id'],
    ['clients:list', { limit: 10000 }, 'limit'],
    ['clients:list', { sortBy: 'password' }, 'sortBy'],
    ['clients:update', { id: 1, client: { name: '   ', email: '' } }, 'client.name'],
    ['profile:save', { ...validProfile, logoDataUrl: 'javascript:alert(1)' }, 'logoDataUrl'],
    ['profile:save', { ...validProfile, hourlyWorthMinor: 0 }, 'hourlyWorthMinor'],
  ] as const)(
    '%s %j fails with VALIDATION on field %s and never reaches the handler',
    async (channel, input, field) => {
      const { dispatcher, noHandlerCalled } = setup()
      const result = await dispatcher.dispatch(trusted, channel, input)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.field).toBe(field)
      expect(result.error.message).toEqual(expect.any(String))
      expect(result.error.message.length).toBeGreaterThan(0)
      noHandlerCalled()
    },
  )

  it('uses the schema message the user can act on', async () => {
    const { dispatcher } = setup()
    const result = await dispatcher.dispatch(trusted, 'profile:save', {
      ...validProfile,
      logoDataUrl: 'javascript:alert(1)',
    })
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'The logo must be a PNG, JPEG or WebP image.', field: 'logoDataUrl' },
    })
  })

  it('replaces zod’s generic "Invalid input" text with a plain sentence', async () => {
    const { dispatcher } = setup()
    const result = await dispatcher.dispatch(trusted, 'clients:create', { name: 123 })
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'This is not the right kind of value.', field: 'name' },
    })
  })

  it('says a missing required value is required', async () => {
    const { dispatcher } = setup()
    const result = await dispatcher.dispatch(trusted, 'clients:create', {})
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'This is required.', field: 'name' } })
  })

  it('refuses an extra key (mass assignment) with VALIDATION and calls no handler', async () => {
    const { dispatcher, noHandlerCalled } = setup()
    const result = await dispatcher.dispatch(trusted, 'clients:create', { name: 'Acme', email: '', isAdmin: true })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.message).toContain('isAdmin')
    noHandlerCalled()
  })

  it('names the extra key in `field`', async () => {
    const { dispatcher } = setup()
    const result = await dispatcher.dispatch(trusted, 'clients:create', { name: 'Acme', email: '', isAdmin: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'isAdmin' } })
  })

  it.each([['app:info'], ['clients:tags'], ['system:open-data-folder']] as const)(
    'refuses any input to the no-input channel %s',
    async (channel) => {
      const { dispatcher, noHandlerCalled } = setup()
      const result = await dispatcher.dispatch(trusted, channel, { sneaky: true })
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      noHandlerCalled()
    },
  )

  it('refuses a non-object input where an object is expected', async () => {
    const { dispatcher, noHandlerCalled } = setup()
    const result = await dispatcher.dispatch(trusted, 'clients:get', 'DROP TABLE clients')
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    noHandlerCalled()
  })
})

describe('createDispatcher: valid input', () => {
  it('hands the parsed input (trimmed, defaults filled) to the handler and wraps its result', async () => {
    const { dispatcher, handlers } = setup()
    handlers['clients:create'].mockResolvedValueOnce({ id: 7 })
    const result = await dispatcher.dispatch(trusted, 'clients:create', {
      name: '  Northwind  ',
      email: '',
      tags: [' a ', 'a', 'b'],
    })
    expect(result).toEqual({ ok: true, data: { id: 7 } })
    expect(handlers['clients:create']).toHaveBeenCalledTimes(1)
    expect(handlers['clients:create']).toHaveBeenCalledWith({
      name: 'Northwind',
      company: '',
      contactPerson: '',
      contactTitle: '',
      email: '',
      phone: '',
      address: '',
      notes: '',
      tags: ['a', 'b'],
      dateWon: null,
      referralValueMinor: null,
      status: 'active',
    })
  })

  it('fills every list default from an empty query', async () => {
    const { dispatcher, handlers } = setup()
    await dispatcher.dispatch(trusted, 'clients:list', {})
    expect(handlers['clients:list']).toHaveBeenCalledWith({
      search: '',
      statuses: [],
      tag: null,
      archived: false,
      sortBy: 'name',
      sortDir: 'asc',
      offset: 0,
      limit: 50,
    })
  })

  it('routes each channel to its own handler only', async () => {
    const { dispatcher, handlers } = setup()
    const result = await dispatcher.dispatch(trusted, 'clients:get', { id: 3 })
    expect(result).toEqual({ ok: true, data: { from: 'clients:get' } })
    expect(handlers['clients:get']).toHaveBeenCalledWith({ id: 3 })
    for (const channel of CHANNELS) if (channel !== 'clients:get') expect(handlers[channel]).not.toHaveBeenCalled()
  })

  it('accepts no input on a no-input channel and passes undefined', async () => {
    const { dispatcher, handlers } = setup()
    handlers['clients:tags'].mockReturnValueOnce(['x'])
    const result = await dispatcher.dispatch(trusted, 'clients:tags', undefined)
    expect(result).toEqual({ ok: true, data: ['x'] })
    expect(handlers['clients:tags']).toHaveBeenCalledWith(undefined)
  })

  it('accepts a valid data-url logo and defaults it to null when absent', async () => {
    const { dispatcher, handlers } = setup()
    await dispatcher.dispatch(trusted, 'profile:save', {
      ...validProfile,
      logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    })
    await dispatcher.dispatch(trusted, 'profile:save', validProfile)
    expect(handlers['profile:save'].mock.calls[0]?.[0]).toMatchObject({
      logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    })
    expect(handlers['profile:save'].mock.calls[1]?.[0]).toMatchObject({ logoDataUrl: null, address: '', phone: '' })
  })
})

describe('createDispatcher: while the database opens', () => {
  it('holds checked requests until the app is ready, then answers them with the handlers put in place meanwhile', async () => {
    const handlers = {} as Record<Channel, ReturnType<typeof vi.fn>>
    let open!: () => void
    const ready = new Promise<void>((resolve) => (open = resolve))
    const dispatcher = createDispatcher(handlers as unknown as Handlers, isTrusted, vi.fn(), undefined, ready)
    const answered: string[] = []
    const list = dispatcher.dispatch(trusted, 'clients:list', {}).then((r) => (answered.push('list'), r))
    const tags = dispatcher.dispatch(trusted, 'clients:tags', undefined).then((r) => (answered.push('tags'), r))
    // Checks at the door still answer at once.
    expect(await dispatcher.dispatch({ url: 'https://evil.example/' }, 'clients:list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await dispatcher.dispatch(trusted, 'clients:get', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(answered).toEqual([])

    Object.assign(handlers, fakeHandlers())
    handlers['clients:tags'].mockReturnValueOnce(['vip'])
    open()
    expect(await list).toEqual({ ok: true, data: { from: 'clients:list' } })
    expect(await tags).toEqual({ ok: true, data: ['vip'] })
    // In the order they came.
    expect(answered).toEqual(['list', 'tags'])
  })
})

describe('createDispatcher: handler errors', () => {
  it('turns a DomainError into an envelope with its code, message and field, without logging', async () => {
    const { dispatcher, handlers, logError } = setup()
    handlers['clients:update'].mockRejectedValueOnce(
      new DomainError('VALIDATION', 'That name is taken.', 'client.name'),
    )
    const result = await dispatcher.dispatch(trusted, 'clients:update', { id: 1, client: { name: 'Acme', email: '' } })
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'That name is taken.', field: 'client.name' },
    })
    expect(logError).not.toHaveBeenCalled()
  })

  it('leaves `field` out of the envelope when the DomainError has none', async () => {
    const { dispatcher, handlers } = setup()
    handlers['clients:get'].mockImplementationOnce(() => {
      throw new DomainError('NOT_FOUND', 'That client no longer exists.')
    })
    const result = await dispatcher.dispatch(trusted, 'clients:get', { id: 9 })
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That client no longer exists.' } })
    expect(result.ok === false && 'field' in result.error).toBe(false)
  })

  it('turns any other error into INTERNAL without its text or stack, and logs the original', async () => {
    const { dispatcher, handlers, logError } = setup()
    const original = new Error('SQLITE_CORRUPT: database disk image is malformed at /home/ada/secret.db')
    handlers['clients:archive'].mockRejectedValueOnce(original)
    const result = await dispatcher.dispatch(trusted, 'clients:archive', { id: 4 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INTERNAL')
    expect(result.error).not.toHaveProperty('field')
    expect(result.error.message).not.toContain('SQLITE')
    expect(result.error.message).not.toContain('secret.db')
    expect(result.error.message).not.toMatch(/\n\s+at /)
    expect(result.error.message).not.toContain(original.stack?.split('\n')[1]?.trim() ?? '@@none@@')
    expect(JSON.stringify(result)).not.toContain('SQLITE')
    expect(logError).toHaveBeenCalledTimes(1)
    expect(logError).toHaveBeenCalledWith('clients:archive', original)
  })

  it('treats a thrown non-Error value as INTERNAL too', async () => {
    const { dispatcher, handlers, logError } = setup()
    handlers['sample:load'].mockImplementationOnce(() => {
      throw 'boom'
    })
    const result = await dispatcher.dispatch(trusted, 'sample:load', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(result)).not.toContain('boom')
    expect(logError).toHaveBeenCalledWith('sample:load', 'boom')
  })
})

describe('registerIpc', () => {
  type Listener = (event: { senderFrame: SenderFrame | null }, input: unknown) => Promise<unknown>

  function register() {
    const ctx = setup()
    const ipcMain = { handle: vi.fn() }
    registerIpc(ipcMain as never, ctx.dispatcher)
    const listenerFor = (channel: Channel): Listener => {
      const call = ipcMain.handle.mock.calls.find(([name]) => name === channel)
      if (!call) throw new Error(`no listener for ${channel}`)
      return call[1] as Listener
    }
    return { ...ctx, ipcMain, listenerFor }
  }

  it('registers exactly one handler per channel of the contract', () => {
    const { ipcMain } = register()
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length)
    const names = ipcMain.handle.mock.calls.map(([name]) => name)
    expect([...names].sort()).toEqual([...CHANNELS].sort())
    expect(new Set(names).size).toBe(CHANNELS.length)
    for (const [, listener] of ipcMain.handle.mock.calls) expect(listener).toEqual(expect.any(Function))
  })

  it('passes a call from the trusted frame through the dispatcher to the handler', async () => {
    const { listenerFor, handlers } = register()
    const result = await listenerFor('clients:get')({ senderFrame: { url: TRUSTED_URL } }, { id: 5 })
    expect(result).toEqual({ ok: true, data: { from: 'clients:get' } })
    expect(handlers['clients:get']).toHaveBeenCalledWith({ id: 5 })
  })

  it('binds each listener to its own channel', async () => {
    const { listenerFor, handlers } = register()
    await listenerFor('clients:restore')({ senderFrame: { url: TRUSTED_URL } }, { id: 2 })
    expect(handlers['clients:restore']).toHaveBeenCalledWith({ id: 2 })
    expect(handlers['clients:archive']).not.toHaveBeenCalled()
  })

  it('refuses a call from an untrusted frame or a frame that is gone', async () => {
    const { listenerFor, noHandlerCalled } = register()
    const fromEvil = await listenerFor('clients:get')({ senderFrame: { url: 'https://evil.example/' } }, { id: 5 })
    const fromNull = await listenerFor('clients:get')({ senderFrame: null }, { id: 5 })
    expect(fromEvil).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(fromNull).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    noHandlerCalled()
  })

  it('validates input that arrives through a registered listener', async () => {
    const { listenerFor, noHandlerCalled } = register()
    const result = await listenerFor('clients:list')({ senderFrame: { url: TRUSTED_URL } }, { limit: 10000 })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'limit' } })
    noHandlerCalled()
  })
})
