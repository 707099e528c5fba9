/**
 * The first start of a brand-new install: no database file, no backups and no saved choice. Before
 * anything is created the window asks where to keep the data: this computer (one click) or a shared
 * office database (tested, then opened). Until then main answers only what that page needs (the
 * app's facts, the appearance, testing a connection, reading a certificate file, the choice); every
 * other channel says to choose first. The choice is written to database.json, the chosen database is
 * opened by the glue (`openChosen`, which puts the app's own handlers in place), and only then does
 * the answer go back to the window.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CHANNELS } from '../../../shared/channels'
import type { Handlers } from '../../../shared/contract'
import type { DatabaseSettings } from '../../../shared/database/models'
import type { DatabaseChoiceData } from '../../../shared/database/schemas'
import { backupsDirOf } from '../../db/backups'
import { describeConnectionProblem } from '../../db/connection-problem'
import { choiceFileOf, readChoice, type DatabaseChoice, type SecretBox } from '../../db/database-choice'
import { DatabaseOpenError } from '../../db/errors'
import { DATABASE_FILE_NAME } from '../../db/open-database'
import { DomainError } from '../../domain-error'
import type { ChooseOpenFile } from '../../ports'
import { createAppearanceHandlers, type AppearanceSettings } from '../appearance'
import { DatabaseService } from './database-service'

/** A brand-new install: nothing in the data folder says where the data is (a missing file beside backups is a loss, not new). */
export function isFirstStart(dataDir: string): boolean {
  const databaseFile = path.join(dataDir, DATABASE_FILE_NAME)
  if (fs.existsSync(databaseFile) || fs.existsSync(choiceFileOf(dataDir))) return false
  const backups = backupsDirOf(databaseFile)
  return !fs.existsSync(backups) || fs.readdirSync(backups).length === 0
}

export interface FirstStartDeps {
  dataDir: string
  version: string
  defaultUser: string
  secrets: SecretBox | null
  appearance: AppearanceSettings
  chooseOpenFile?: ChooseOpenFile
  logError?: (where: string, error: unknown) => void
  /** Opens the chosen database and puts the app's handlers in place; throws when it cannot be opened. */
  openChosen: (choice: DatabaseChoice) => Promise<void>
}

export const CHOOSE_FIRST_MESSAGE = 'Choose where to keep your data first.'

/** Why the chosen database could not be opened, in words for the first-start page. */
function openProblem(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  if (error instanceof DatabaseOpenError && error.cause !== undefined) {
    const problem = describeConnectionProblem(error.cause)
    return new DomainError('VALIDATION', problem.message, problem.field)
  }
  if (error instanceof DatabaseOpenError) {
    if (error.problem === 'newer-version')
      return new DomainError(
        'VALIDATION',
        'The shared database was set up by a newer version of Turnaround Desk. Update this app, then start it again.',
      )
    return new DomainError('VALIDATION', `The database could not be opened: ${error.detail}`)
  }
  return new DomainError('VALIDATION', 'The database could not be opened. The details are in the log file.')
}

export class FirstStartService {
  private readonly database: DatabaseService
  private chosen = false

  constructor(private readonly deps: FirstStartDeps) {
    this.database = new DatabaseService({
      dataSource: null,
      choiceFile: choiceFileOf(deps.dataDir),
      defaultUser: deps.defaultUser,
      secrets: deps.secrets,
      chooseOpenFile: deps.chooseOpenFile,
      logError: deps.logError,
    })
  }

  get service(): DatabaseService {
    return this.database
  }

  /**
   * Keeps the choice and opens it. A shared database is tested first (its refusal said beside the
   * field, nothing kept); when the chosen database cannot be opened the choice is taken back, so the
   * next start asks again.
   */
  async choose(input: DatabaseChoiceData): Promise<DatabaseSettings> {
    if (this.chosen) throw new DomainError('VALIDATION', 'Where your data lives is already chosen.')
    if (input.kind === 'shared') {
      if (!input.connection)
        throw new DomainError('VALIDATION', 'Enter the shared database’s address and password.', 'connection.host')
      if (input.connection.password === '')
        throw new DomainError('VALIDATION', 'Enter the password.', 'connection.password')
      if (!this.deps.secrets?.available())
        throw new DomainError(
          'VALIDATION',
          'This computer has no system keychain to keep the shared database’s password safely, so it cannot open it at each start. Keep the data on this computer for now.',
          'connection.password',
        )
      try {
        await this.database.testConnection(input.connection)
      } catch (error) {
        throw prefixed(error)
      }
    }
    const file = choiceFileOf(this.deps.dataDir)
    this.database.saveChoice(input.kind === 'shared' ? input : { ...input, connection: null })
    try {
      await this.deps.openChosen(readChoice(file, this.deps.defaultUser))
    } catch (error) {
      this.deps.logError?.('first start: open the chosen database', error)
      fs.rmSync(file, { force: true })
      throw prefixed(openProblem(error))
    }
    this.chosen = true
    return this.database.settings()
  }
}

/** A refusal about a connection field, named as the choice's field (connection.host...). */
function prefixed(error: unknown): unknown {
  if (error instanceof DomainError && error.field && !error.field.startsWith('connection.'))
    return new DomainError(error.code, error.message, `connection.${error.field}`)
  return error
}

/** Every channel of the contract: the first-start page's few answered, the rest refused in words. */
export function createFirstStartHandlers(deps: FirstStartDeps): Handlers {
  const first = new FirstStartService(deps)
  const refuse = async () => {
    throw new DomainError('VALIDATION', CHOOSE_FIRST_MESSAGE)
  }
  const all = Object.fromEntries(CHANNELS.map((channel) => [channel, refuse])) as unknown as Handlers
  return {
    ...all,
    'app:info': async () => ({
      version: deps.version,
      dataDir: deps.dataDir,
      databaseFile: '',
      hasProfile: false,
      hasSampleData: false,
      firstStart: true,
    }),
    'profile:get': async () => null,
    ...createAppearanceHandlers(deps.appearance),
    'database:settings': async () => first.service.settings(),
    'database:test-connection': (input) => first.service.testConnection(input),
    'database:choose-certificate': () => first.service.chooseCertificate(),
    'database:first-start-choice': (input) => first.choose(input),
  }
}
