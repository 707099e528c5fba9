/** Connection settings changed for a piece of work and put back after it (SQLite's PRAGMAs). */
import type Database from 'better-sqlite3'

/**
 * Sets each of `values` (a PRAGMA's name and its number) on the connection, and answers a function
 * that puts each back as it was: call it in a `finally`, so nothing else ever runs with them.
 */
export function setPragmas(db: Database.Database, values: Readonly<Record<string, number>>): () => void {
  const before = Object.keys(values).map((name) => [name, Math.trunc(db.pragma(name, { simple: true }) as number)])
  const restore = () => {
    for (const [name, value] of [...before].reverse()) db.pragma(`${name} = ${value}`)
  }
  try {
    for (const [name, value] of Object.entries(values)) db.pragma(`${name} = ${Math.trunc(value)}`)
  } catch (error) {
    restore()
    throw error
  }
  return restore
}
