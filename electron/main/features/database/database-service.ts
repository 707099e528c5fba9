/**
 * Settings > Your data, where the data lives: the saved choice (this computer or a shared
 * database), testing a connection, saving the choice for the next start, and moving this
 * computer's data into an empty shared database.
 */
import type { DataSource } from 'typeorm'
import { ENTITIES } from '../../db/entities'
import { createPostgresDataSource } from '../../db/engine/postgres-engine'
import { engineOf } from '../../db/engine'
import {
  postgresSettingsOf,
  readChoice,
  writeChoice,
  type DatabaseChoice,
  type SecretBox,
} from '../../db/database-choice'
import { moveToPostgres } from '../../db/move-to-postgres'
import { openPostgresDatabase } from '../../db/open-postgres'
import { setDeskUser } from '../../db/record-version'
import { DomainError } from '../../domain-error'
import { DatabaseOpenError } from '../../db/errors'
import type { ConnectionTest, DatabaseSettings, MoveResult } from '../../../shared/database/models'
import type { ConnectionData, DatabaseChoiceData } from '../../../shared/database/schemas'

export interface DatabaseServiceDeps {
  dataSource: DataSource
  choiceFile: string
  /** The computer's user name: the default name for this desktop's records. */
  defaultUser: string
  secrets: SecretBox | null
}

/** A driver's refusal in words, with the field it is about. */
function connectionProblem(error: unknown): DomainError {
  const code = String((error as { code?: unknown }).code ?? '')
  const message = error instanceof Error ? error.message : String(error)
  if (code === '28P01' || code === '28000')
    return new DomainError('VALIDATION', 'The server refused this user name and password.', 'password')
  if (code === '3D000') return new DomainError('VALIDATION', 'The server has no database of that name.', 'database')
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new DomainError('VALIDATION', 'No server of that name was found.', 'host')
  if (code === 'ECONNREFUSED')
    return new DomainError('VALIDATION', 'Nothing answered at that address and port. Is the server running?', 'port')
  if (/certificate|self[- ]signed|SSL|TLS/i.test(message))
    return new DomainError('VALIDATION', `The secure connection failed: ${message}`, 'tlsCertificate')
  return new DomainError('VALIDATION', `The shared database could not be reached: ${message}`)
}

export class DatabaseService {
  constructor(private readonly deps: DatabaseServiceDeps) {}

  private choice(): DatabaseChoice {
    return readChoice(this.deps.choiceFile, this.deps.defaultUser)
  }

  settings(): DatabaseSettings {
    const c = this.choice()
    return {
      active: engineOf(this.deps.dataSource).kind === 'postgres' ? 'shared' : 'this-computer',
      kind: c.kind,
      userName: c.userName,
      connection: c.connection
        ? {
            host: c.connection.host,
            port: c.connection.port,
            database: c.connection.database,
            user: c.connection.user,
            hasPassword: c.connection.passwordSealed !== '',
            tlsCertificate: c.connection.tlsCertificate,
          }
        : null,
      canKeepPassword: this.deps.secrets?.available() ?? false,
    }
  }

  /** The password typed, or the one kept when none was typed. */
  private password(input: ConnectionData): string {
    if (input.password !== '') return input.password
    const kept = this.choice().connection
    if (kept?.passwordSealed && this.deps.secrets?.available()) return this.deps.secrets.open(kept.passwordSealed)
    throw new DomainError('VALIDATION', 'Enter the password.', 'password')
  }

  async testConnection(input: ConnectionData): Promise<ConnectionTest> {
    const ds = createPostgresDataSource(postgresSettingsOf(input, this.password(input)), ENTITIES, [])
    try {
      await ds.initialize()
    } catch (error) {
      throw connectionProblem(error)
    }
    try {
      const version = ((await ds.query('SHOW server_version')) as Array<{ server_version: string }>)[0]!.server_version
      const present = (
        (await ds.query("SELECT to_regclass('clients') IS NOT NULL AS present")) as Array<{ present: boolean }>
      )[0]!.present
      const holdsData = present
        ? Boolean(
            ((await ds.query('SELECT EXISTS (SELECT 1 FROM clients) AS taken')) as Array<{ taken: boolean }>)[0]!.taken,
          )
        : false
      return { serverVersion: version, holdsData }
    } finally {
      await ds.destroy()
    }
  }

  /** Saves where the data lives from the next start, and this desktop's name from now on. */
  saveChoice(input: DatabaseChoiceData): DatabaseSettings {
    const kept = this.choice().connection
    let connection = kept
    if (input.connection) {
      const { password, ...address } = input.connection
      let passwordSealed = kept?.passwordSealed ?? ''
      if (password !== '') {
        if (!this.deps.secrets?.available())
          throw new DomainError(
            'VALIDATION',
            'This computer cannot keep a password encrypted (no system keychain is available), so it is not saved.',
            'connection.password',
          )
        passwordSealed = this.deps.secrets.seal(password)
      }
      connection = { ...address, passwordSealed }
    }
    if (input.kind === 'shared' && (!connection || connection.passwordSealed === ''))
      throw new DomainError(
        'VALIDATION',
        'Enter the shared database’s address and password first.',
        'connection.password',
      )
    writeChoice(this.deps.choiceFile, { kind: input.kind, userName: input.userName, connection })
    setDeskUser(this.deps.dataSource, input.userName)
    return this.settings()
  }

  /** Copies this computer's data into the (empty) shared database; this computer's file is only read. */
  async moveToShared(input: ConnectionData): Promise<MoveResult> {
    if (engineOf(this.deps.dataSource).kind !== 'sqlite')
      throw new DomainError('VALIDATION', 'Your data is already in a shared database.')
    let target
    try {
      target = await openPostgresDatabase(postgresSettingsOf(input, this.password(input)))
    } catch (error) {
      // A server that answers but refuses (a newer version, a failed upgrade) says so in its own words.
      if (error instanceof DatabaseOpenError)
        throw new DomainError('VALIDATION', `The shared database could not be opened: ${error.detail}`)
      throw connectionProblem(error)
    }
    try {
      return await moveToPostgres(this.deps.dataSource, target.dataSource)
    } finally {
      await target.dataSource.destroy()
    }
  }
}
