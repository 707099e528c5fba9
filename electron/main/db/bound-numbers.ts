/**
 * TypeORM 1.1's SQLite driver writes a number a query is given into the SQL text
 * (`escapeQueryWithParameters`: `WHERE "id" = 7`), so the same query for another record is new SQL:
 * prepared again, and the turnover empties the driver's cache of prepared statements (a batch letter
 * prepared about 28 statements anew). Here whole numbers are bound as parameters instead, as BigInt,
 * which better-sqlite3 binds as INTEGER: the same value and type the literal had, so an integer
 * division stays one. Fractions and numbers beyond 2^53 are left to TypeORM as they were.
 */
import type { DataSource } from 'typeorm'

type Escape = (sql: string, parameters: Record<string, unknown>, nativeParameters: object) => [string, unknown[]]

/** A value as the driver binds it: a whole number as BigInt (INTEGER), anything else as it is. */
export const bindable = (value: unknown): unknown =>
  typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value

const binding = new WeakSet<DataSource>()

/** Whether `dataSource`'s driver binds whole numbers so (queries written once bind theirs the same way). */
export const bindsWholeNumbers = (dataSource: DataSource): boolean => binding.has(dataSource)

/** Makes `dataSource`'s driver bind whole numbers (a better-sqlite3 data source, before it is used). */
export function bindWholeNumbers(dataSource: DataSource): void {
  binding.add(dataSource)
  const driver = dataSource.driver as unknown as { escapeQueryWithParameters: Escape }
  const escape = driver.escapeQueryWithParameters.bind(driver)
  driver.escapeQueryWithParameters = (sql, parameters, nativeParameters) => {
    if (!parameters) return escape(sql, parameters, nativeParameters)
    const bound: Record<string, unknown> = {}
    for (const key of Object.keys(parameters)) bound[key] = bindable(parameters[key])
    return escape(sql, bound, nativeParameters)
  }
}
