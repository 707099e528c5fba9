/**
 * A QueryBuilder query written once per database and run again with new values. TypeORM writes
 * the SQL for the engine it runs on (placeholders, quoting) the first time a query is asked for;
 * later calls hand the same SQL and their own values straight to the connection, so a page that
 * runs the same few queries again and again (Today, the trends) skips building them each time.
 *
 * The query is built with a marker in place of each named value; the markers' places in the
 * parameter list say where each call's values go. Values must be plain (no `:...list` expansion).
 */
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm'

type Values = Record<string, string | number | boolean | null>

interface Written {
  sql: string
  /** Per parameter: the name of the call's value it takes, or the constant the builder bound. */
  slots: Array<{ name: string } | { value: unknown }>
}

const MARK = '\u0000built-query:'

export function builtQuery<V extends Values, R>(
  build: (m: EntityManager, values: V) => SelectQueryBuilder<ObjectLiteral>,
  names: ReadonlyArray<keyof V & string>,
): (m: EntityManager, values: V) => Promise<R[]> {
  const written = new WeakMap<DataSource, Written>()
  return async (m, values) => {
    let w = written.get(m.connection)
    if (!w) {
      const marks = Object.fromEntries(names.map((n) => [n, `${MARK}${n}`])) as unknown as V
      const [sql, parameters] = build(m, marks).getQueryAndParameters()
      const slots = parameters.map((p) =>
        typeof p === 'string' && p.startsWith(MARK) ? { name: p.slice(MARK.length) } : { value: p },
      )
      w = { sql, slots }
      written.set(m.connection, w)
    }
    const parameters = w.slots.map((s) => ('name' in s ? values[s.name] : s.value))
    return (await m.query(w.sql, parameters)) as R[]
  }
}
