/**
 * Counts how many times each key has been seen: an open-addressing table in two typed arrays, for
 * the import's occurrence numbers (row-reader.ts), one per row of a file of up to a million rows.
 * A Map of numbers above 2^31 kept each key as a heap number of its own, hashed on every lookup;
 * here a key is a slot in a Float64Array, found from its low bits (the caller's keys are the first
 * bytes of a SHA-256, so their low bits are evenly spread).
 */
export class OccurrenceCounter {
  private keys = new Float64Array(1 << 12)
  /** Each slot's count: 0 marks an empty slot. */
  private counts = new Uint32Array(1 << 12)
  private size = 0

  /**
   * Makes room for `keys` keys at once (the rows a file is expected to hold): growing by doubling
   * moves every key again at each step, a cache miss each (200,000 keys alone: 15-20 ms against
   * 11-15 once warm, 53 against 17 cold).
   */
  reserve(keys: number): void {
    let size = this.counts.length
    while ((keys + 1) * 2 > size) size *= 2
    if (size > this.counts.length) this.grow(size)
  }

  /** Adds one to `key`'s count (`key`: a whole number from 0 to 2^53) and returns the new count. */
  add(key: number): number {
    if ((this.size + 1) * 2 > this.counts.length) this.grow()
    const slot = this.slotOf(key)
    const count = this.counts[slot]! + 1
    if (count === 1) {
      this.keys[slot] = key
      this.size++
    }
    this.counts[slot] = count
    return count
  }

  /** The slot holding `key`, or the empty one where it belongs. */
  private slotOf(key: number): number {
    const mask = this.counts.length - 1
    let slot = (key >>> 0) & mask
    while (this.counts[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask
    return slot
  }

  private grow(size = this.counts.length * 2): void {
    const { keys, counts } = this
    this.keys = new Float64Array(size)
    this.counts = new Uint32Array(size)
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue
      const slot = this.slotOf(keys[i]!)
      this.keys[slot] = keys[i]!
      this.counts[slot] = counts[i]!
    }
  }
}
