/**
 * "Move my data to the shared database": copies every table of this computer's SQLite file into an
 * empty PostgreSQL database (already migrated to the same version) in ONE transaction, then, still
 * inside it, counts each table's rows and computes a checksum of each table on both sides; only when
 * every count and checksum agree is the transaction committed. The SQLite file is only read.
 *
 * Tables are copied parents first (the order read from the target's foreign keys); a table that
 * refers to itself (a payment's invoice) gets those references after its rows are in. The month
 * totals are copied as they are, with the insert trigger told the copy adds them itself. Each
 * sequence is moved past the largest id copied.
 *
 * The checksum of a table is order-free (the sum, modulo 2^64, of a SHA-256 of each row written
 * canonically: columns by name, booleans as 0 and 1), so the two engines' row orders do not matter.
 */
import crypto from 'node:crypto'
import type { DataSource, QueryRunner } from 'typeorm'
import { DomainError } from '../domain-error'
import { engineOf, quoted } from './engine'
import { BULK_IMPORT_SETTING } from './engine/postgres-engine'

export interface MovedTable {
  table: string
  rows: number
  checksum: string
}

export interface MoveReport {
  tables: MovedTable[]
  rows: number
}

const BATCH_PARAMETERS = 30_000
const MASK = (1n << 64n) - 1n

function canonical(row: Record<string, unknown>, booleans: ReadonlySet<string>): string {
  const keys = Object.keys(row).sort()
  return JSON.stringify(
    keys.map((k) => {
      const v = row[k]
      if (booleans.has(k) && v !== null) return v === true || v === 1 || v === '1' ? 1 : 0
      return v ?? null
    }),
  )
}

class Checksum {
  private sum = 0n
  rows = 0
  add(line: string): void {
    this.sum = (this.sum + crypto.createHash('sha256').update(line).digest().readBigUInt64BE(0)) & MASK
    this.rows++
  }
  get hex(): string {
    return this.sum.toString(16).padStart(16, '0')
  }
}

/** Parents before children, from the target's foreign keys; self-references left for afterwards. */
async function copyOrder(
  q: QueryRunner,
  tables: readonly string[],
): Promise<{ order: string[]; selfRefs: Map<string, string[]> }> {
  const fks = (await q.query(
    `SELECT tc.table_name AS child, ccu.table_name AS parent, kcu.column_name AS "column"
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
     JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`,
  )) as Array<{ child: string; parent: string; column: string }>
  const selfRefs = new Map<string, string[]>()
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]))
  for (const fk of fks) {
    if (fk.child === fk.parent) selfRefs.set(fk.child, [...(selfRefs.get(fk.child) ?? []), fk.column])
    else parents.get(fk.child)?.add(fk.parent)
  }
  const order: string[] = []
  const placed = new Set<string>()
  while (order.length < tables.length) {
    const next = tables.find(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    )
    if (next === undefined)
      throw new Error('The tables refer to each other in a circle; they cannot be copied in order.')
    order.push(next)
    placed.add(next)
  }
  return { order, selfRefs }
}

export async function moveToPostgres(source: DataSource, target: DataSource): Promise<MoveReport> {
  if (engineOf(source).kind !== 'sqlite' || engineOf(target).kind !== 'postgres')
    throw new Error('Data moves from this computer’s file to a shared PostgreSQL database.')
  const names = async (ds: DataSource) =>
    ((await ds.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((r) => r.name).join(',')
  if ((await names(source)) !== (await names(target)))
    throw new DomainError(
      'VALIDATION',
      'The shared database is at another version of Turnaround Desk. Update every desktop to the same version first.',
    )
  const tables = await engineOf(source).dataTables(source)
  const targetTables = new Set(await engineOf(target).dataTables(target))
  const missing = tables.filter((t) => !targetTables.has(t))
  if (missing.length > 0) throw new Error(`The shared database has no table ${missing.join(', ')}.`)

  const q = target.createQueryRunner()
  await q.connect()
  try {
    await q.startTransaction('SERIALIZABLE')
    try {
      for (const table of tables) {
        const [row] = (await q.query(`SELECT EXISTS (SELECT 1 FROM ${quoted(table)}) AS taken`)) as Array<{
          taken: boolean
        }>
        if (row?.taken)
          throw new DomainError(
            'VALIDATION',
            `The shared database already holds data (in ${table}). Nothing was copied: data is only moved into an empty database.`,
          )
      }
      await q.query(`SELECT set_config('${BULK_IMPORT_SETTING}', 'on', true)`)
      const booleanColumns = new Map<string, Set<string>>()
      for (const r of (await q.query(
        "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'boolean'",
      )) as Array<{ t: string; c: string }>)
        booleanColumns.set(r.t, (booleanColumns.get(r.t) ?? new Set()).add(r.c))
      const { order, selfRefs } = await copyOrder(q, tables)
      const sequences = new Map(
        (
          (await q.query(
            "SELECT table_name AS t, pg_get_serial_sequence(quote_ident(table_name), 'id') AS seq FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND column_default LIKE 'nextval%'",
          )) as Array<{ t: string; seq: string }>
        ).map((r) => [r.t, r.seq]),
      )
      const sourceSums = new Map<string, Checksum>()
      for (const table of order) {
        const sum = new Checksum()
        sourceSums.set(table, sum)
        const later = selfRefs.get(table) ?? []
        const deferred: Array<[number, string, unknown]> = []
        await engineOf(source).readPages(source, [table], 2000, async (_t, rows) => {
          if (rows.length === 0) return
          const columns = Object.keys(rows[0]!)
          const perBatch = Math.max(1, Math.floor(BATCH_PARAMETERS / columns.length))
          for (let i = 0; i < rows.length; i += perBatch) {
            const batch = rows.slice(i, i + perBatch)
            const params: unknown[] = []
            const values = batch.map((r) => {
              sum.add(canonical(r, booleanColumns.get(table) ?? new Set()))
              for (const c of later) if (r[c] !== null && r[c] !== undefined) deferred.push([r.id as number, c, r[c]])
              return `(${columns.map((c) => (params.push(later.includes(c) ? null : r[c]), `$${params.length}`)).join(', ')})`
            })
            await q.query(
              `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${values.join(', ')}`,
              params,
            )
          }
        })
        for (const column of later) {
          const pairs = deferred.filter(([, c]) => c === column)
          for (let i = 0; i < pairs.length; i += 10_000) {
            const part = pairs.slice(i, i + 10_000)
            await q.query(
              `UPDATE ${quoted(table)} AS t SET ${quoted(column)} = v.value FROM (SELECT unnest($1::bigint[]) AS id, unnest($2::bigint[]) AS value) v WHERE t.id = v.id`,
              [part.map(([id]) => id), part.map(([, , v]) => v)],
            )
          }
        }
        const seq = sequences.get(table)
        if (seq)
          await q.query(
            `SELECT setval($1, COALESCE((SELECT MAX(id) FROM ${quoted(table)}), 1), (SELECT MAX(id) FROM ${quoted(table)}) IS NOT NULL)`,
            [seq],
          )
      }
      // Read back inside the same transaction: counts and checksums must agree table by table.
      const report: MovedTable[] = []
      for (const table of tables) {
        const sum = new Checksum()
        await q.query(`DECLARE moved_rows NO SCROLL CURSOR FOR SELECT * FROM ${quoted(table)}`)
        for (;;) {
          const rows = (await q.query('FETCH 2000 FROM moved_rows')) as Record<string, unknown>[]
          for (const r of rows) sum.add(canonical(r, booleanColumns.get(table) ?? new Set()))
          if (rows.length < 2000) break
        }
        await q.query('CLOSE moved_rows')
        const copied = sourceSums.get(table)!
        if (sum.rows !== copied.rows || sum.hex !== copied.hex)
          throw new Error(
            `${table}: ${copied.rows} rows (checksum ${copied.hex}) on this computer, ${sum.rows} (checksum ${sum.hex}) in the shared database`,
          )
        report.push({ table, rows: sum.rows, checksum: sum.hex })
      }
      await q.query(`SELECT set_config('${BULK_IMPORT_SETTING}', 'off', true)`)
      await q.commitTransaction()
      return { tables: report, rows: report.reduce((n, t) => n + t.rows, 0) }
    } catch (error) {
      await q.rollbackTransaction()
      throw error
    }
  } finally {
    await q.release()
  }
}
