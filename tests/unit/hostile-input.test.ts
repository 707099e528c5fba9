/**
 * Hostile input, property-based (fast-check): thousands of generated payloads — wrong types, huge
 * strings, deep objects, prototype-pollution keys, unknown channels, valid inputs with one field
 * broken, valid inputs from a foreign frame — go to the real dispatcher over the real handlers and
 * a real database holding the sample business. Every one is answered with an error envelope, no
 * handler (so no service) is called, nothing reaches the error log, Object.prototype is untouched,
 * and every table's checksum is the same afterwards.
 */
import crypto from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../electron/main/features/handlers'
import type { Handlers } from '../../electron/shared/contract'
import { createDispatcher, type Dispatcher } from '../../electron/main/ipc'
import { CHANNELS, isChannel, type Channel } from '../../electron/shared/channels'
import { inputSchemas } from '../../electron/shared/contract'
import type { Envelope } from '../../electron/shared/envelope'
import { engineOf } from '../../electron/main/db/engine'
import { openTestApp, TRUSTED_URL, type TestApp } from '../support/temp-db'
import { VALID_INPUTS } from '../support/valid-inputs'

let app: TestApp
let dispatcher: Dispatcher
const calls: string[] = []
const logged: string[] = []
/** Handlers that were ever reached by a hostile payload (must stay empty). */
const accepted: string[] = []
let checksumBefore: Record<string, string>
let sent = 0

async function checksums(a: TestApp): Promise<Record<string, string>> {
  // Every table, in a stable order, through the engine's own paging (rowid on SQLite, the key on PostgreSQL).
  const engine = engineOf(a.db.dataSource)
  const hashes: Record<string, crypto.Hash> = {}
  await engine.readPages(a.db.dataSource, await engine.dataTables(a.db.dataSource), 2000, async (table, rows) => {
    hashes[table] ??= crypto.createHash('sha256')
    hashes[table].update(JSON.stringify(rows))
  })
  return Object.fromEntries(Object.entries(hashes).map(([name, hash]) => [name, hash.digest('hex')]))
}

beforeAll(async () => {
  app = await openTestApp()
  const loaded = (await app.call('sample:load')) as Envelope<unknown>
  expect(loaded).toMatchObject({ ok: true })
  const real = createHandlers(app.ctx, app.ports, app.services)
  const spied = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (input: unknown) => {
        calls.push(channel)
        return (real[channel] as (i: unknown) => unknown)(input)
      },
    ]),
  ) as unknown as Handlers
  dispatcher = createDispatcher(
    spied,
    (f) => f?.url === TRUSTED_URL,
    (channel, error) => void logged.push(`${channel}: ${String(error)}`),
    app.queue,
  )
  checksumBefore = await checksums(app)
}, 60_000)

afterAll(async () => {
  await app.close()
})

async function refused(
  channel: unknown,
  input: unknown,
  frame: { url: string } | null = { url: TRUSTED_URL },
): Promise<void> {
  sent += 1
  const result = await dispatcher.dispatch(frame, channel, input)
  const reached = calls.splice(0)
  accepted.push(...reached)
  expect(reached, 'a handler was called').toEqual([])
  // typeof, not String(): a hostile channel object may carry a `toString` that is not a function.
  expect(result.ok, `accepted a ${typeof channel === 'string' ? channel : typeof channel} channel`).toBe(false)
  if (!result.ok) expect(['VALIDATION', 'UNKNOWN_CHANNEL', 'FORBIDDEN']).toContain(result.error.code)
}

/** An object nested `depth` levels deep, under a key no schema has. */
const deepObject = fc.integer({ min: 20, max: 3000 }).map((depth) => {
  let value: Record<string, unknown> = { leaf: 'x' }
  for (let i = 0; i < depth; i++) value = { nested: value }
  return { x_unknown: value } as Record<string, unknown>
})

const wrongWhole = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }),
  deepObject,
  fc.dictionary(
    fc.string({ minLength: 1 }).map((k) => `x_${k}`),
    fc.anything({ maxDepth: 3 }),
    { minKeys: 1, maxKeys: 5 },
  ),
)

const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
  'valueOf',
]

type Path = Array<string | number>

/** Paths to every value inside a valid input (objects, arrays and leaves). */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return at.length > 0 ? [at] : []
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
  return [...(at.length > 0 ? [at] : []), ...entries.flatMap(([k, v]) => pathsOf(v, [...at, k]))]
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value)
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>
  let target = copy
  for (const k of path.slice(0, -1)) target = target[k] as Record<string | number, unknown>
  target[path.at(-1) as string | number] = replacement
  return copy
}

/** A value of another type than `original`, never null or undefined (some fields may be null). */
function otherType(original: unknown): fc.Arbitrary<unknown> {
  // A nullable field holding null: anything but null and a valid value of its real type.
  if (original === null)
    return fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.constant({ x_unknown: 1 }),
      fc.constant([]),
      fc.constantFrom(-1, 0.5, Number.NaN),
    )
  if (typeof original === 'string')
    return fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.array(fc.integer(), { maxLength: 3 }), deepObject)
  if (typeof original === 'number')
    return fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.constant({}),
      fc.constant([]),
      fc.constantFrom(-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE),
    )
  if (typeof original === 'boolean') return fc.oneof(fc.string(), fc.integer(), fc.constant({}))
  if (Array.isArray(original)) return fc.oneof(fc.string(), fc.integer(), fc.constant({ x_unknown: 1 }), deepObject)
  return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant([]))
}

const objectChannels = CHANNELS.filter((c) => VALID_INPUTS[c] !== undefined)

describe('the valid inputs table', () => {
  it.each([...CHANNELS])('has a valid input for %s that passes its schema', (channel) => {
    expect(channel in VALID_INPUTS).toBe(true)
    const parsed = inputSchemas[channel].safeParse(VALID_INPUTS[channel as Channel])
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
  })
})

describe('hostile input to the real dispatcher', () => {
  const runs = (n: number) => ({ numRuns: n, endOnFailure: true })

  it('refuses unknown channels', async () => {
    const special = fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'clients:drop',
      'CLIENTS:LIST',
      ' app:info',
      'app:info ',
      '',
      'letters:export\u0000',
    )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), special, fc.anything({ maxDepth: 2 })).filter((c) => !isChannel(c)),
        fc.anything({ maxDepth: 2 }),
        (c, i) => refused(c, i),
      ),
      runs(800),
    )
  })

  it('refuses wrong types, deep objects and unknown keys as a whole input on every channel', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), wrongWhole, (c, i) => refused(c, i)),
      runs(1500),
    )
  })

  it('refuses prototype-pollution keys anywhere in an otherwise valid input', async () => {
    const arb = fc.constantFrom(...CHANNELS).chain((channel) => {
      const valid = VALID_INPUTS[channel]
      const objects = [
        [] as Path,
        ...pathsOf(valid).filter((p) => {
          const v = getAt(valid, p)
          return v !== null && typeof v === 'object' && !Array.isArray(v)
        }),
      ]
      return fc.tuple(
        fc.constant(channel),
        fc.constantFrom(...objects),
        fc.constantFrom(...POLLUTION_KEYS),
        fc.oneof(fc.constant({ polluted: true }), fc.anything({ maxDepth: 2 })),
      )
    })
    await fc.assert(
      fc.asyncProperty(arb, async ([channel, at, key, value]) => {
        // An own `__proto__` key, as a structured clone from the renderer would make it.
        const input = (VALID_INPUTS[channel] === undefined ? {} : structuredClone(VALID_INPUTS[channel])) as Record<
          string,
          unknown
        >
        const target = (at.length === 0 ? input : getAt(input, at)) as Record<string, unknown>
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
        await refused(channel, input)
      }),
      runs(1200),
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(Object.prototype)).toEqual([])
  })

  it('refuses a valid input with one field of the wrong type', async () => {
    const arb = fc.constantFrom(...objectChannels).chain((channel) => {
      const valid = VALID_INPUTS[channel]
      return fc
        .constantFrom(...pathsOf(valid))
        .chain((path) => fc.tuple(fc.constant(channel), fc.constant(path), otherType(getAt(valid, path))))
    })
    await fc.assert(
      fc.asyncProperty(arb, async ([channel, path, value]) =>
        refused(channel, setAt(VALID_INPUTS[channel], path, value)),
      ),
      runs(2000),
    )
  })

  it('refuses huge strings in any text field', async () => {
    const arb = fc.constantFrom(...objectChannels).chain((channel) => {
      const valid = VALID_INPUTS[channel]
      const texts = pathsOf(valid).filter((p) => typeof getAt(valid, p) === 'string')
      return texts.length === 0
        ? fc.constant(null)
        : fc.tuple(
            fc.constant(channel),
            fc.constantFrom(...texts),
            fc.integer({ min: 60_000, max: 2_000_000 }),
            fc.constantFrom('x', 'é', '😀', '<b>', ' a'),
          )
    })
    await fc.assert(
      fc.asyncProperty(arb, async (picked) => {
        if (!picked) return
        const [channel, path, length, unit] = picked
        // zod counts characters (code points), not UTF-16 units: "😀" is one character of two units.
        await refused(channel, setAt(VALID_INPUTS[channel], path, unit.repeat(Math.ceil(length / [...unit].length))))
      }),
      runs(300),
    )
  })

  it('refuses a lone UTF-16 surrogate in any text field, naming the field', async () => {
    const arb = fc.constantFrom(...objectChannels).chain((channel) => {
      const valid = VALID_INPUTS[channel]
      const texts = pathsOf(valid).filter((p) => typeof getAt(valid, p) === 'string')
      return texts.length === 0
        ? fc.constant(null)
        : fc.tuple(
            fc.constant(channel),
            fc.constantFrom(...texts),
            fc.constantFrom('\uD83D', '\uDE00', '\uDBFF', '\uDC00'),
            fc.nat({ max: 40 }),
          )
    })
    let tried = 0
    await fc.assert(
      fc.asyncProperty(arb, async (picked) => {
        if (!picked) return
        const [channel, path, half, at] = picked
        const text = getAt(VALID_INPUTS[channel], path) as string
        // A lone half inside the text, or at either end of it; a whole emoji beside it stays whole.
        const cut = Math.min(at, text.length)
        const broken = `${text.slice(0, cut)}${half}${text.slice(cut)}`
        tried += 1
        sent += 1
        const result = await dispatcher.dispatch(
          { url: TRUSTED_URL },
          channel,
          setAt(VALID_INPUTS[channel], path, broken),
        )
        expect(calls.splice(0), 'a handler was called').toEqual([])
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: path.join('.') } })
      }),
      runs(600),
    )
    expect(tried).toBeGreaterThan(300)
  })

  it('keeps whole emoji and other characters beyond the basic plane, and says beside the field what is wrong with half of one', () => {
    const parsed = inputSchemas['clients:create'].safeParse({ name: 'Café 😀 𝄞 Ltd', email: '' })
    expect(parsed.success).toBe(true)
    const half = inputSchemas['clients:create'].safeParse({ name: 'Café \uD83D Ltd', email: '' })
    expect(half.success).toBe(false)
    expect(half.error?.issues[0]).toMatchObject({
      path: ['name'],
      message: expect.stringContaining('broken character'),
    })
  })

  it('refuses valid inputs from a frame that is not the app’s renderer', async () => {
    const frames = fc.constantFrom<{ url: string } | null>(
      null,
      { url: 'https://evil.example/index.html' },
      { url: 'file:///tmp/evil.html' },
      { url: `${TRUSTED_URL}#x` },
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), frames, async (channel, frame) =>
        refused(channel, VALID_INPUTS[channel], frame),
      ),
      runs(300),
    )
  })

  it('left the database, the log and the process as they were', async () => {
    expect(await checksums(app)).toEqual(checksumBefore)
    expect(logged).toEqual([])
    expect(accepted).toEqual([])
    // The same dispatcher still answers a valid request.
    const info = await dispatcher.dispatch({ url: TRUSTED_URL }, 'clients:tags', undefined)
    expect(info.ok).toBe(true)
    console.log(`hostile input: ${sent} payloads refused, ${Object.keys(checksumBefore).length} tables unchanged`)
  })
})
