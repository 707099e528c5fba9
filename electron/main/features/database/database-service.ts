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
import { describeConnectionProblem } from '../../db/connection-problem'
import type { ChooseOpenFile } from '../../ports'
import { MAX_CERTIFICATE_BYTES, certificateFromFile, checkCertificate } from './server-certificate'
import fs from 'node:fs'
import type { ChosenCertificate, ConnectionTest, DatabaseSettings, MoveResult } from '../../../shared/database/models'
import type { ConnectionData, DatabaseChoiceData } from '../../../shared/database/schemas'

export interface DatabaseServiceDeps {
  /** The database in use; null at a first start, before one is chosen. */
  dataSource: DataSource | null
  choiceFile: string
  /** The computer's user name: the default name for this desktop's records. */
  defaultUser: string
  secrets: SecretBox | null
  /** The open dialog, for the server's certificate file; none: cancelled. */
  chooseOpenFile?: ChooseOpenFile
  logError?: (where: string, error: unknown) => void
}

/** A driver's refusal in words, with the field it is about; the driver's own words go to the log. */
function connectionProblem(error: unknown, logError?: (where: string, error: unknown) => void): DomainError {
  logError?.('shared database connection', error)
  const problem = describeConnectionProblem(error)
  return new DomainError('VALIDATION', problem.message, problem.field)
}

export class DatabaseService {
  constructor(private readonly deps: DatabaseServiceDeps) {}

  private choice(): DatabaseChoice {
    return readChoice(this.deps.choiceFile, this.deps.defaultUser)
  }

  settings(): DatabaseSettings {
    const c = this.choice()
    return {
      active: this.deps.dataSource && engineOf(this.deps.dataSource).kind === 'postgres' ? 'shared' : 'this-computer',
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
            certificate: this.described(c.connection.tlsCertificate),
          }
        : null,
      canKeepPassword: this.deps.secrets?.available() ?? false,
    }
  }

  /** A kept certificate's names and date; null when none is kept or it can no longer be read. */
  private described(pem: string) {
    try {
      return checkCertificate(pem)
    } catch {
      return null
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
    checkCertificate(input.tlsCertificate)
    const ds = createPostgresDataSource(postgresSettingsOf(input, this.password(input)), ENTITIES, [])
    try {
      await ds.initialize()
    } catch (error) {
      throw connectionProblem(error, this.deps.logError)
    }
    try {
      const version = ((await ds.query('SHOW server_version')) as Array<{ server_version: string }>)[0]!.server_version
      // What the server itself says of this session: encrypted or not, and how.
      const session = (
        (await ds.query('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()')) as Array<{
          ssl: boolean
          version: string | null
        }>
      )[0]
      const tls = session?.ssl ? (session.version ?? 'TLS') : null
      const present = (
        (await ds.query("SELECT to_regclass('clients') IS NOT NULL AS present")) as Array<{ present: boolean }>
      )[0]!.present
      const holdsData = present
        ? Boolean(
            ((await ds.query('SELECT EXISTS (SELECT 1 FROM clients) AS taken')) as Array<{ taken: boolean }>)[0]!.taken,
          )
        : false
      // "15.18 (Debian 15.18-0+deb12u1)": the number is what a person reads.
      return { serverVersion: version.split(' ')[0] ?? version, tls, holdsData }
    } finally {
      await ds.destroy()
    }
  }

  /** Saves where the data lives from the next start, and this desktop's name from now on. */
  saveChoice(input: DatabaseChoiceData): DatabaseSettings {
    const kept = this.choice().connection
    let connection = kept
    if (input.connection) {
      checkCertificate(input.connection.tlsCertificate)
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
    if (this.deps.dataSource) setDeskUser(this.deps.dataSource, input.userName)
    return this.settings()
  }

  /** Copies this computer's data into the (empty) shared database; this computer's file is only read. */
  async moveToShared(input: ConnectionData): Promise<MoveResult> {
    const source = this.deps.dataSource
    if (!source || engineOf(source).kind !== 'sqlite')
      throw new DomainError('VALIDATION', 'Your data is already in a shared database.')
    let target
    try {
      target = await openPostgresDatabase(postgresSettingsOf(input, this.password(input)))
    } catch (error) {
      // A server that answers but refuses (a newer version, a failed upgrade) says so in its own words.
      if (error instanceof DatabaseOpenError)
        throw new DomainError('VALIDATION', `The shared database could not be opened: ${error.detail}`)
      throw connectionProblem(error, this.deps.logError)
    }
    try {
      return await moveToPostgres(source, target.dataSource)
    } finally {
      await target.dataSource.destroy()
    }
  }

  /** The server's certificate from a file chosen in the open dialog (PEM or DER), checked; null when cancelled. */
  async chooseCertificate(): Promise<ChosenCertificate | null> {
    const file = this.deps.chooseOpenFile
      ? await this.deps.chooseOpenFile({
          title: 'The shared database server’s certificate',
          filters: [
            { name: 'Certificates', extensions: ['crt', 'pem', 'cer', 'der'] },
            { name: 'All files', extensions: ['*'] },
          ],
        })
      : null
    if (!file) return null
    let bytes: Buffer
    try {
      const size = fs.statSync(file).size
      bytes =
        size > MAX_CERTIFICATE_BYTES ? Buffer.alloc(size > 0 ? MAX_CERTIFICATE_BYTES + 1 : 0) : fs.readFileSync(file)
    } catch {
      throw new DomainError(
        'VALIDATION',
        'That file could not be read. Choose it again, or paste the certificate.',
        'tlsCertificate',
      )
    }
    const pem = certificateFromFile(bytes)
    return { pem, certificate: checkCertificate(pem)! }
  }
}
