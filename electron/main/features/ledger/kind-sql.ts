/** SQL conditions on an entry's kind, written from the one table of kinds (shared/ledger/words.ts). */
import type { EntryKind } from '../../../shared/ledger/words'

/** `column IN ('a', 'b')` for constant kinds (never user input: each is checked to be a plain word). */
export function kindIn(column: string, kinds: readonly EntryKind[]): string {
  if (kinds.length === 0) return '0 = 1'
  for (const k of kinds) if (!/^[a-z_]+$/.test(k)) throw new Error(`Not an entry kind: ${k}`)
  return `${column} IN (${kinds.map((k) => `'${k}'`).join(', ')})`
}
