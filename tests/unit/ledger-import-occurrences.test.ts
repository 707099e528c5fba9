import { describe, expect, it } from 'vitest'
import { OccurrenceCounter } from '../../electron/main/features/ledger-import/occurrences'

describe('the import occurrence counter', () => {
  it.each([
    ['growing as keys come', null],
    // The reader makes room once it knows the file's rows (read-rows.ts), after its first block.
    ['with room made for them part way', 3_000],
  ])('counts each key as a Map would, through clashing slots, %s', (_name, reserveAt) => {
    const counter = new OccurrenceCounter()
    const expected = new Map<number, number>()
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < 50_000; i++) {
      if (i === reserveAt) {
        counter.reserve(50_000)
        // Room for fewer keys than it has is no change.
        counter.reserve(10)
      }
      // Keys up to 2^48, many sharing their low bits (the slot), and some seen again.
      const key = i % 5 === 0 ? (next() % 997) * 2 ** 32 : next() * 2 ** 17 + (next() % 2 ** 17)
      const count = (expected.get(key) ?? 0) + 1
      expected.set(key, count)
      expect(counter.add(key)).toBe(count)
    }
    expect(counter.add(0)).toBe((expected.get(0) ?? 0) + 1)
    expect(counter.add(2 ** 48 - 1)).toBe((expected.get(2 ** 48 - 1) ?? 0) + 1)
  })
})
