import { describe, expect, it, vi } from 'vitest'
import { createApi } from '../../electron/preload/api-factory'
import { CHANNEL_NAMES } from '../../electron/preload/channel-names'
import { CHANNELS, type Channel } from '../../electron/shared/channels'
import { MENU_COMMANDS } from '../../electron/shared/words'

function setup() {
  const invoke = vi.fn(async (channel: Channel, input: unknown) => ({ ok: true as const, data: { channel, input } }))
  let listener: ((payload: unknown) => void) | undefined
  const unsubscribe = vi.fn()
  const subscribe = vi.fn((fn: (payload: unknown) => void) => {
    listener = fn
    return unsubscribe
  })
  const api = createApi(invoke, subscribe)
  const emit = (payload: unknown) => {
    expect(listener).toBeTypeOf('function')
    listener!(payload)
  }
  return { api, invoke, subscribe, unsubscribe, emit }
}

describe('createApi: call', () => {
  it("takes the channel names the build writes in, which are the contract's", () => {
    expect(CHANNEL_NAMES).toEqual(CHANNELS)
  })

  it('has exactly one function per channel', () => {
    const { api } = setup()
    expect(Object.keys(api.call).sort()).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) expect(api.call[channel], channel).toBeTypeOf('function')
  })

  it.each(CHANNELS.map((c) => [c]))(
    '%s invokes its own channel with the input and returns the result',
    async (channel) => {
      const { api, invoke } = setup()
      const input = { probe: channel }
      const call = api.call[channel] as (input: unknown) => Promise<unknown>
      const result = await call(input)
      expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, input)
      expect(result).toEqual({ ok: true, data: { channel, input } })
    },
  )

  it('returns the very promise invoke returned, without wrapping or catching', async () => {
    const { api, invoke } = setup()
    const envelope = { ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'gone' } }
    const promise = Promise.resolve(envelope)
    invoke.mockReturnValueOnce(promise as never)
    const returned = api.call['clients:get']({ id: 1 })
    expect(returned).toBe(promise)
    expect(await returned).toBe(envelope)
  })

  it('passes undefined through for no-input channels', async () => {
    const { api, invoke } = setup()
    await api.call['app:info'](undefined)
    expect(invoke).toHaveBeenCalledWith('app:info', undefined)
  })

  it('does not invoke anything until a function is called', () => {
    const { invoke } = setup()
    expect(invoke).not.toHaveBeenCalled()
  })

  it('freezes `call`, so page scripts cannot swap or add channels', () => {
    const { api, invoke } = setup()
    expect(Object.isFrozen(api.call)).toBe(true)
    const original = api.call['clients:get']
    expect(() => {
      ;(api.call as Record<string, unknown>)['clients:get'] = () => 'hijacked'
    }).toThrow(TypeError)
    expect(() => {
      ;(api.call as Record<string, unknown>)['clients:drop'] = () => 'new'
    }).toThrow(TypeError)
    expect(api.call['clients:get']).toBe(original)
    expect('clients:drop' in api.call).toBe(false)
    expect(invoke).not.toHaveBeenCalled()
  })
})

describe('createApi: onMenuCommand', () => {
  it('subscribes lazily, once per listener', () => {
    const { api, subscribe } = setup()
    expect(subscribe).not.toHaveBeenCalled()
    api.onMenuCommand(() => {})
    expect(subscribe).toHaveBeenCalledTimes(1)
  })

  it.each(MENU_COMMANDS.map((c) => [c]))('forwards the known command %s', (command) => {
    const { api, emit } = setup()
    const listener = vi.fn()
    api.onMenuCommand(listener)
    emit(command)
    expect(listener).toHaveBeenCalledExactlyOnceWith(command)
  })

  it.each([
    ['drop-database'],
    [''],
    ['NEW-CLIENT'],
    [' find'],
    [42],
    [null],
    [undefined],
    [{ command: 'find' }],
    [['find']],
  ])('drops the unknown payload %j', (payload) => {
    const { api, emit } = setup()
    const listener = vi.fn()
    api.onMenuCommand(listener)
    emit(payload)
    expect(listener).not.toHaveBeenCalled()
  })

  it('keeps forwarding after an unknown payload', () => {
    const { api, emit } = setup()
    const listener = vi.fn()
    api.onMenuCommand(listener)
    emit('nope')
    emit('go-ledger')
    expect(listener.mock.calls).toEqual([['go-ledger']])
  })

  it('returns the unsubscribe function from subscribe', () => {
    const { api, unsubscribe } = setup()
    const off = api.onMenuCommand(() => {})
    expect(off).toBe(unsubscribe)
    off()
    expect(unsubscribe).toHaveBeenCalledTimes(1)
  })
})
