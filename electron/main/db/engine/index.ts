/** The engine seam's entry: `engineOf(dataSource | manager | queryRunner)` gives its engine. */
import { engineKindOf, type Engine, type HasConnection } from './engine'
import { postgresEngine } from './postgres-engine'
import { sqliteEngine } from './sqlite-engine'

export { chunksOf, quoted, type Engine, type EngineKind, type Queryable } from './engine'

export function engineOf(x: HasConnection): Engine {
  return engineKindOf(x) === 'postgres' ? postgresEngine : sqliteEngine
}

/** A constraint stopped the statement (a foreign key, a unique key): SQLite's or PostgreSQL's (class 23). */
export function isConstraintViolation(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? String(error.code) : ''
  return code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code)
}
