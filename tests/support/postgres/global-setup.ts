/**
 * The `unit-pg` project's setup: a real PostgreSQL server for the service tests. Debian's
 * `postgresql` cluster is started when it is installed but down (pg_ctlcluster, as root), a test
 * role is made once, and a throwaway database is created for this run and dropped after it.
 *
 * With DESK_TEST_PG_ADMIN_URL (a role that may CREATE DATABASE) any server is used instead.
 * Without PostgreSQL this fails, loudly: the PostgreSQL half of the suite must never pass silently.
 */
import { execFileSync } from 'node:child_process'
import pg from 'pg'
import { dropDatabase } from './drop-database'
import type { TestProject } from 'vitest/node'

export interface TestPostgres {
  host: string
  port: number
  user: string
  password: string
  database: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    testPostgres: TestPostgres
  }
}

const ROLE = 'desk_test'
const PASSWORD = 'desk_test'

function missing(why: string): Error {
  return new Error(
    `PostgreSQL is needed by the unit-pg tests and ${why}. Install it (apt-get install postgresql) and run the tests as root so they can start it, or set DESK_TEST_PG_ADMIN_URL=postgresql://user:password@host:port/postgres for a server of your own.`,
  )
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe' })

/** Debian's cluster: started when down, its port, and the test role (made as the postgres user). */
function debianCluster(): { port: number } {
  let clusters: string
  try {
    clusters = run('pg_lsclusters', ['--no-header'])
  } catch {
    throw missing('pg_lsclusters was not found')
  }
  const line = clusters.split('\n').find((l) => l.trim() !== '')
  if (!line) throw missing('no cluster exists (pg_createcluster 15 main)')
  const [version, name, port, status] = line.trim().split(/\s+/) as [string, string, string, string]
  if (status !== 'online') {
    try {
      run('pg_ctlcluster', [version, name, 'start'])
    } catch (error) {
      throw missing(`its cluster ${version}/${name} could not be started: ${(error as Error).message}`)
    }
  }
  return { port: Number(port) }
}

/** The test role, made once as the postgres user (root can become it) when it cannot log in yet. */
async function ensureRole(admin: pg.ClientConfig, port: number): Promise<void> {
  const probe = new pg.Client(admin)
  try {
    await probe.connect()
    return
  } catch {
    // Not there yet (or its password differs): made below.
  } finally {
    await probe.end().catch(() => {})
  }
  const psql = (sql: string) =>
    run('runuser', ['-u', 'postgres', '--', 'psql', '-p', String(port), '-v', 'ON_ERROR_STOP=1', '-qAtc', sql])
  try {
    if (psql(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`).trim() !== '1')
      psql(`CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'`)
    else psql(`ALTER ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'`)
  } catch (error) {
    throw missing(
      `the test role ${ROLE} could not be made (${(error as Error).message}); as a user who is not root, make it once: sudo -u postgres psql -c "CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'"`,
    )
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.DESK_TEST_PG_ADMIN_URL
  let admin: pg.ClientConfig
  let server: Omit<TestPostgres, 'database'>
  if (adminUrl) {
    const url = new URL(adminUrl)
    server = {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    }
    admin = { connectionString: adminUrl }
  } else {
    const { port } = debianCluster()
    server = { host: 'localhost', port, user: ROLE, password: PASSWORD }
    admin = { host: 'localhost', port, user: ROLE, password: PASSWORD, database: 'postgres' }
    await ensureRole(admin, port)
  }
  const database = `desk_test_${Date.now()}_${process.pid}`
  const client = new pg.Client(admin)
  try {
    await client.connect()
  } catch (error) {
    throw missing(`its server did not answer (${(error as Error).message})`)
  }
  // The C collation orders text by its bytes, as SQLite does (README: the shared database).
  await client.query(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`)
  await client.end()
  project.provide('testPostgres', { ...server, database })
  return async () => {
    const c = new pg.Client(admin)
    await c.connect()
    try {
      await dropDatabase((sql) => c.query(sql), database)
    } finally {
      await c.end()
    }
  }
}
