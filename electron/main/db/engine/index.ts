/** The engine seam's entry: `engineOf(dataSource | manager | queryRunner)` gives its engine. */
import { engineKindOf, type Engine, type HasConnection } from './engine'
import { postgresEngine } from './postgres-engine'
import { sqliteEngine } from './sqlite-engine'

export { chunksOf, quoted, type Engine, type EngineKind, type Queryable } from './engine'

export function engineOf(x: HasConnection): Engine {
  return engineKindOf(x) === 'postgres' ? postgresEngine : sqliteEngine
}
