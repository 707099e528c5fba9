/**
 * A QueryBuilder query written once per database and run again with new values. TypeORM writes
 * the SQL for the engine it runs on (placeholders, quoting) the first time a query is asked for;
 * later calls hand the same SQL and their own values straight to the connection, so a page that
 * runs the same few queries again and again (Today, the trends, a turnaround, a letter) skips
 * building them each time: in a batch of letters, building the SQL was a seventh of a letter's time.
 *
 * The query is built with a marker in place of each named value; the markers' places in the
 * parameter list say where each call's values go. Values must be plain (no `:...list` expansion).
 *
 * `builtQuery` answers the raw rows; `builtFind` answers entities, as `find` would.
 */
import { bindable, bindsWholeNumbers } from './bound-numbers'
import type {
  DataSource,
  EntityManager,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm'

type Values = Record<string, string | number | boolean | null>

interface Written {
  sql: string
  /** Per parameter: the name of the call's value it takes, or the constant the builder bound. */
  slots: Array<{ name: string } | { value: unknown }>
  /** A call's value as the driver would bind it (bound-numbers.ts: whole numbers as INTEGER on SQLite). */
  bind: (value: unknown) => unknown
}

const MARK = '\u0000built-query:'

/** Writes the builder's SQL with markers for the named values, and where each value goes. */
function write<V extends Values, Q extends SelectQueryBuilder<ObjectLiteral>>(
  build: (m: EntityManager, values: V) => Q,
  names: ReadonlyArray<keyof V & string>,
  m: EntityManager,
): Written & { builder: Q } {
  const marks = Object.fromEntries(names.map((n) => [n, `${MARK}${n}`])) as unknown as V
  const builder = build(m, marks)
  const [sql, parameters] = builder.getQueryAndParameters()
  const slots = parameters.map((p): Written['slots'][number] => {
    if (typeof p !== 'string' || !p.includes(MARK)) return { value: p }
    const name = p.slice(MARK.length)
    // A value changed on its way into the SQL (a transformer, a list) cannot be given again.
    if (!p.startsWith(MARK) || !names.includes(name)) throw new Error('A query written once takes plain values only.')
    return { name }
  })
  // A value the query does not take as given (left out, or computed on) would run as a constant.
  const lost = names.filter((n) => !slots.some((s) => 'name' in s && s.name === n))
  if (lost.length > 0) throw new Error(`A query written once does not take ${lost.join(', ')} as given.`)
  const bind = bindsWholeNumbers(m.dataSource) ? bindable : (value: unknown) => value
  return { sql, slots, bind, builder }
}

/** What `make` makes of a database, made on the first call with that database and kept. */
function perDatabase<W extends object>(make: (m: EntityManager) => W): (m: EntityManager) => W {
  const made = new WeakMap<DataSource, W>()
  return (m) => {
    let w = made.get(m.dataSource)
    if (!w) {
      w = make(m)
      made.set(m.dataSource, w)
    }
    return w
  }
}

const parametersOf = (w: Written, values: Values) =>
  w.slots.map((s) => ('name' in s ? w.bind(values[s.name]) : s.value))

export function builtQuery<V extends Values, R>(
  build: (m: EntityManager, values: V) => SelectQueryBuilder<ObjectLiteral>,
  names: ReadonlyArray<keyof V & string>,
): (m: EntityManager, values: V) => Promise<R[]> {
  const written = perDatabase((m): Written => {
    const { sql, slots, bind } = write(build, names, m)
    return { sql, slots, bind }
  })
  return async (m, values) => {
    const w = written(m)
    return (await m.query(w.sql, parametersOf(w, values))) as R[]
  }
}

type ColumnMetadata = EntityMetadata['columns'][number]

interface WrittenFind extends Written {
  metadata: EntityMetadata
  /** Each column of the entity with the name of its value in a row (TypeORM's `alias_column`). */
  columns: Array<[string, ColumnMetadata]>
}

/**
 * The entities a query of one entity answers, each made as `find` makes it: an instance of the
 * entity's class with the selected columns' values, read by the engine's driver (its types and
 * transformers). For queries with no join and an entity with no load listeners, which the first
 * call checks: either would need TypeORM's whole reading of the rows.
 */
export function builtFind<V extends Values, E extends ObjectLiteral>(
  build: (m: EntityManager, values: V) => SelectQueryBuilder<E>,
  names: ReadonlyArray<keyof V & string>,
): (m: EntityManager, values: V) => Promise<E[]> {
  const written = perDatabase((m): WrittenFind => {
    const { sql, slots, bind, builder } = write(build, names, m)
    return { sql, slots, bind, ...entityColumns(builder, m.dataSource) }
  })
  return async (m, values) => {
    const w = written(m)
    const rows = (await m.query(w.sql, parametersOf(w, values))) as Array<Record<string, unknown>>
    const driver = m.dataSource.driver
    const found: E[] = []
    for (const row of rows) {
      const entity = w.metadata.create(m.queryRunner, { fromDeserializer: true }) as E
      let hasData = false
      for (const [key, column] of w.columns) {
        const value = row[key]
        if (value === undefined) continue
        if (value !== null) hasData = true
        column.setEntityValue(entity, driver.prepareHydratedValue(value, column))
      }
      // As TypeORM reads rows: one whose selected columns are all null is no entity.
      if (hasData) found.push(entity)
    }
    return found
  }
}

function entityColumns(builder: SelectQueryBuilder<ObjectLiteral>, dataSource: DataSource) {
  const { mainAlias, joinAttributes } = builder.expressionMap
  const metadata = mainAlias?.metadata
  if (!mainAlias || !metadata) throw new Error('builtFind needs a query of an entity.')
  if (joinAttributes.length > 0) throw new Error('builtFind reads one entity: its query cannot join.')
  const loadListeners =
    metadata.afterLoadListeners.length > 0 || dataSource.subscribers.some((s) => typeof s.afterLoad === 'function')
  if (loadListeners) throw new Error(`builtFind cannot run ${metadata.name}'s load listeners.`)
  const { maxAliasLength } = dataSource.driver
  const columns = metadata.columns
    .filter((c) => !c.isVirtual)
    .map((c): [string, ColumnMetadata] => [`${mainAlias.name}_${c.databaseName}`, c])
  // TypeORM shortens a longer name to a hash; these would then not be found in the row.
  const tooLong = columns.find(([key]) => maxAliasLength !== undefined && key.length > maxAliasLength)
  if (tooLong) throw new Error(`builtFind: the column name ${tooLong[0]} is longer than the engine allows.`)
  return { metadata, columns }
}

type ById<E> = (m: EntityManager, id: number) => Promise<E | null>

const byIdOf = new Map<EntityTarget<ObjectLiteral>, ById<ObjectLiteral>>()

/** A row by its id, as `findOneBy(entity, { id })` reads it: one reader per entity, its SQL written once per database. */
export function builtById<E extends ObjectLiteral>(entity: EntityTarget<E>): ById<E> {
  let byId = byIdOf.get(entity)
  if (!byId) {
    const find = builtFind(
      (m, { id }: { id: number }) => m.createQueryBuilder(entity, 'x').where('x.id = :id', { id }),
      ['id'],
    )
    byId = async (m, id) => (await find(m, { id }))[0] ?? null
    byIdOf.set(entity, byId)
  }
  return byId as ById<E>
}
