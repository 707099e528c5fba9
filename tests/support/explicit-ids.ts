import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm'
import { engineOf } from '../../electron/main/db/engine'

/**
 * Inserts seed rows with the ids the test gives them. SQLite takes a given id as it is; TypeORM's
 * PostgreSQL driver always lets the sequence choose, so there the id column is written as a plain
 * column for this insert and the sequence is moved past the largest id afterwards.
 */
export async function insertWithIds<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<void> {
  if (engineOf(m).kind !== 'postgres') {
    await m.insert(entity, rows)
    return
  }
  const meta = m.connection.getMetadata(entity)
  const generated = meta.primaryColumns.filter((c) => c.isGenerated)
  for (const c of generated) c.isGenerated = false
  try {
    await m.insert(entity, rows)
  } finally {
    for (const c of generated) c.isGenerated = true
  }
  for (const c of generated)
    await m.query(
      `SELECT setval(pg_get_serial_sequence('${meta.tableName}', '${c.databaseName}'), (SELECT MAX(${c.databaseName}) FROM ${meta.tableName}))`,
    )
}
