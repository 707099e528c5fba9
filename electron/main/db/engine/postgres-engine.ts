/**
 * PostgreSQL: a shared office database on a server, reached through the `pg` driver (TypeORM's
 * postgres driver, a pool per desktop).
 *
 * The same migrations run here as on SQLite; two things differ underneath, both here:
 * - every `integer` a migration declares becomes `bigint` (and SERIAL becomes BIGSERIAL): SQLite's
 *   integers are 64-bit, and amounts in minor units pass 2^31; bigints and sums (numeric) are read
 *   back as JavaScript numbers, exact because every figure stays under 2^53 (money.ts).
 * - the month totals' and client months' triggers are trigger functions; the import's bulk path
 *   turns the entries' insert trigger and the client months' triggers off for its own transaction
 *   only (a transaction-local setting), never for others, and adds both totals itself.
 */
import pg from 'pg'
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm'
import type { TlsOptions } from 'node:tls'
import { BOOKKEEPING_TABLES, quoted, type Engine, type Queryable } from './engine'
import { CLIENT_MONTH_KINDS, addToClientMonth, amountColumn, clientMonthValues } from '../client-months'

/** The transaction-local setting that tells the insert trigger an import adds the totals itself. */
export const BULK_IMPORT_SETTING = 'turnaround_desk.bulk_import'

const BUMP_FUNCTION = `CREATE FUNCTION ledger_month_totals_bump(p_client bigint, p_date varchar, p_kind varchar, p_amount bigint, p_minutes bigint, p_entries integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO ledger_month_totals AS t (client_id, month, kind, amount_minor, minutes, entries)
  VALUES (p_client, substr(p_date, 1, 7), p_kind, p_amount, p_minutes, p_entries)
  ON CONFLICT (client_id, month, kind) DO UPDATE SET
    amount_minor = t.amount_minor + excluded.amount_minor,
    minutes = t.minutes + excluded.minutes,
    entries = t.entries + excluded.entries
$$`

const add = (r: 'NEW' | 'OLD', sign: 1 | -1) =>
  `PERFORM ledger_month_totals_bump(${r}.client_id, ${r}.entry_date, ${r}.kind, ${sign} * ${r}.amount_minor, ${sign} * COALESCE(${r}.minutes, 0), ${sign});`

const TRIGGERS: Array<{ name: string; event: string; body: string }> = [
  {
    name: 'trg_ledger_entries_insert',
    event: 'AFTER INSERT',
    body: `IF current_setting('${BULK_IMPORT_SETTING}', true) IS DISTINCT FROM 'on' THEN ${add('NEW', 1)} END IF;`,
  },
  {
    // An entry removed with its client (the foreign key's cascade) has no totals to keep.
    name: 'trg_ledger_entries_delete',
    event: 'AFTER DELETE',
    body: `IF EXISTS (SELECT 1 FROM clients WHERE id = OLD.client_id) THEN ${add('OLD', -1)} END IF;`,
  },
  {
    name: 'trg_ledger_entries_update',
    event: 'AFTER UPDATE OF client_id, entry_date, kind, amount_minor, minutes',
    body: `${add('OLD', -1)} ${add('NEW', 1)}`,
  },
]

/**
 * The client months' triggers on ledger_month_totals (migration 0013). Each write to a month total
 * adds its difference to the client's month with an upsert, exact under concurrent writers as the
 * month totals are. Under the bulk setting they do nothing: a bulk path adds the client months
 * itself (the import, from the rows it wrote), or copies them (moving a SQLite file here).
 */
const SAME_MONTH = 'NEW.client_id = OLD.client_id AND NEW.month = OLD.month'
const CLIENT_MONTH_TRIGGERS: Array<{ name: string; event: string; body: string }> = [
  {
    name: 'trg_ledger_month_totals_insert',
    event: 'AFTER INSERT',
    body: `${addToClientMonth('NEW.client_id', 'NEW.month', clientMonthValues('NEW', 1))};`,
  },
  {
    name: 'trg_ledger_month_totals_update',
    event: 'AFTER UPDATE',
    body: `IF ${SAME_MONTH} THEN ${addToClientMonth(
      'NEW.client_id',
      'NEW.month',
      clientMonthValues('NEW', 1).map((v, i) => `${v} - (${clientMonthValues('OLD', 1)[i]})`),
    )}; ELSE ${addToClientMonth('OLD.client_id', 'OLD.month', clientMonthValues('OLD', -1))}; ${addToClientMonth(
      'NEW.client_id',
      'NEW.month',
      clientMonthValues('NEW', 1),
    )}; END IF;`,
  },
  {
    name: 'trg_ledger_month_totals_delete',
    event: 'AFTER DELETE',
    body: `IF EXISTS (SELECT 1 FROM clients WHERE id = OLD.client_id) THEN ${addToClientMonth('OLD.client_id', 'OLD.month', clientMonthValues('OLD', -1))}; END IF;`,
  },
]

/**
 * PostgreSQL's own index (migration 0019): the client months of a run of months with every column a
 * period's sums read, so the portfolio reads them from the index alone (an index-only scan once
 * vacuumed, as autovacuum keeps it), not from each row's place in the table. SQLite's table is this
 * index already.
 */
export const CLIENT_MONTHS_SUMS_INDEX = 'idx_ledger_client_months_sums'
/** The columns it holds beside its key: the kinds' amounts and the time minutes (client-months.ts). */
const CLIENT_MONTHS_SUMMED = [...CLIENT_MONTH_KINDS.map(amountColumn), 'time_minutes']

/** Every integer a migration declares is a bigint here (SQLite's integers are 64-bit). */
export function widenIntegers(sql: string): string {
  if (!/^\s*(CREATE\s+TABLE|ALTER\s+TABLE)/i.test(sql)) return sql
  return sql.replace(/\binteger\b/gi, 'bigint').replace(/\bSERIAL\b/g, 'BIGSERIAL')
}

/** bigint (20) and numeric (1700, what SUM of bigints gives) read as numbers: every figure is under 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
}

export interface PostgresSettings {
  host: string
  port: number
  database: string
  user: string
  password: string
  /** TLS: the server's certificate (PEM) to trust, or null for no TLS. */
  tls: { ca: string; serverName?: string } | null
  /** A schema of the database other than `public` (the tests give each app its own). */
  schema?: string
  /** Names the connection in pg_stat_activity. */
  applicationName?: string
  poolSize?: number
  connectTimeoutMs?: number
}

export function sslOf(settings: PostgresSettings): TlsOptions | false {
  if (!settings.tls) return false
  return {
    ca: settings.tls.ca,
    rejectUnauthorized: true,
    ...(settings.tls.serverName ? { servername: settings.tls.serverName } : {}),
  }
}

/** A data source over a PostgreSQL database, with the engine's integers and number parsing. */
export function createPostgresDataSource(
  settings: PostgresSettings,
  entities: NonNullable<ConstructorParameters<typeof DataSource>[0]['entities']>,
  migrations: NonNullable<ConstructorParameters<typeof DataSource>[0]['migrations']>,
  subscribers: NonNullable<ConstructorParameters<typeof DataSource>[0]['subscribers']> = [],
): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    driver: pg,
    host: settings.host,
    port: settings.port,
    database: settings.database,
    username: settings.user,
    password: settings.password,
    ssl: sslOf(settings),
    entities,
    migrations,
    subscribers,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    synchronize: false,
    installExtensions: false,
    applicationName: settings.applicationName ?? 'Turnaround Desk',
    poolSize: settings.poolSize ?? 8,
    connectTimeoutMS: settings.connectTimeoutMs ?? 10_000,
    ...(settings.schema ? { schema: settings.schema } : {}),
    extra: {
      types: TYPES,
      ...(settings.schema ? { options: `-c search_path=${settings.schema}` } : {}),
    },
  })
  const driver = dataSource.driver as unknown as { createQueryRunner: (mode: string) => QueryRunner }
  const createQueryRunner = driver.createQueryRunner.bind(driver)
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode)
    const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>
    ;(runner as unknown as { query: typeof query }).query = (sql, ...rest) => query(widenIntegers(sql), ...rest)
    return runner
  }
  return dataSource
}

export const postgresEngine: Engine = {
  kind: 'postgres',
  maxParameters: 65_000,
  param: (n) => `$${n}`,

  async rows(m: EntityManager, sql: string, parameters: readonly unknown[]): Promise<unknown[][]> {
    // Through TypeORM's pool and type parsers; pg names each row's columns in the SELECT's order.
    const rows = (await m.query(sql, [...parameters])) as Record<string, unknown>[]
    return rows.map((r) => Object.values(r))
  },

  async createMonthTotalsTriggers(q: QueryRunner): Promise<void> {
    await q.query(BUMP_FUNCTION)
    for (const t of TRIGGERS) {
      await q.query(
        `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${t.body} RETURN NULL; END $$`,
      )
      await q.query(`CREATE TRIGGER ${t.name} ${t.event} ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ${t.name}()`)
    }
  },

  async dropMonthTotalsTriggers(q: QueryRunner): Promise<void> {
    for (const t of [...TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER IF EXISTS ${t.name} ON ledger_entries`)
      await q.query(`DROP FUNCTION IF EXISTS ${t.name}()`)
    }
    await q.query('DROP FUNCTION IF EXISTS ledger_month_totals_bump(bigint, varchar, varchar, bigint, bigint, integer)')
  },

  async createClientMonthsTriggers(q: QueryRunner): Promise<void> {
    for (const t of CLIENT_MONTH_TRIGGERS) {
      await q.query(
        `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF current_setting('${BULK_IMPORT_SETTING}', true) IS DISTINCT FROM 'on' THEN ${t.body} END IF; RETURN NULL; END $$`,
      )
      await q.query(
        `CREATE TRIGGER ${t.name} ${t.event} ON ledger_month_totals FOR EACH ROW EXECUTE FUNCTION ${t.name}()`,
      )
    }
  },

  async dropClientMonthsTriggers(q: QueryRunner): Promise<void> {
    for (const t of [...CLIENT_MONTH_TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER IF EXISTS ${t.name} ON ledger_month_totals`)
      await q.query(`DROP FUNCTION IF EXISTS ${t.name}()`)
    }
  },

  async createClientMonthsSumsIndex(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ${CLIENT_MONTHS_SUMS_INDEX} ON ledger_client_months (month, client_id) INCLUDE (${CLIENT_MONTHS_SUMMED.join(', ')})`,
    )
  },

  async dropClientMonthsSumsIndex(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ${CLIENT_MONTHS_SUMS_INDEX}`)
  },

  async dataTables(db: Queryable): Promise<string[]> {
    const rows = (await db.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = \'BASE TABLE\' ORDER BY table_name COLLATE "C"',
    )) as { name: string }[]
    return rows.map((r) => r.name).filter((name) => !BOOKKEEPING_TABLES.has(name))
  },

  /**
   * A cursor per table in one read-only REPEATABLE READ transaction: every table as of the same
   * moment, while other desktops keep writing, in primary key order.
   */
  async readPages(dataSource, tables, pageSize, onPage): Promise<void> {
    const runner = dataSource.createQueryRunner()
    try {
      await runner.connect()
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      try {
        for (const table of tables) {
          const keys = (await runner.query(
            `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
             WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
            [quoted(table)],
          )) as { name: string }[]
          const order = keys.length > 0 ? ` ORDER BY ${keys.map((k) => quoted(k.name)).join(', ')}` : ''
          await onPage(table, [])
          await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR SELECT * FROM ${quoted(table)}${order}`)
          for (;;) {
            const rows = (await runner.query(`FETCH ${pageSize} FROM export_rows`)) as Record<string, unknown>[]
            if (rows.length === 0) break
            await onPage(table, rows)
            if (rows.length < pageSize) break
          }
          await runner.query('CLOSE export_rows')
        }
      } finally {
        await runner.query('COMMIT')
      }
    } finally {
      await runner.release()
    }
  },
}
