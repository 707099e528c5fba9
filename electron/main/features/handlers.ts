import type { DataSource } from 'typeorm'
import type { Handlers } from '../../shared/contract'
import type { RequestQueue } from '../request-queue'
import { ClientEntity } from '../db/entities'
import { coreServicesFactory, coreServicesOn } from './core-services'
import { SampleService } from './sample/sample-service'
import { createSampleHandlers } from './sample/sample-handlers'
import { createClientHandlers } from './clients/clients-handlers'
import { createProfileHandlers } from './profile/profile-handlers'
import { createSystemHandlers } from './system/system-handlers'
import { createTurnaroundHandlers } from './turnarounds/turnarounds-handlers'
import { createLetterHandlers, createLetterServices } from './letters/letters-handlers'
import type { OpenDialogOptions, SaveDialogOptions } from '../ports'
import { createLedgerHandlers, createLedgerServices } from './ledger/ledger-handlers'
import { BackupsService } from './backups/backups-service'
import { createBackupHandlers } from './backups/backups-handlers'
import { LedgerImportService } from './ledger-import/import-service'
import { createImportHandlers } from './ledger-import/import-handlers'
import type { ImportProgress } from '../../shared/ledger-import/progress'
import { choiceFileOf, type SecretBox } from '../db/database-choice'
import { DatabaseService, createDatabaseHandlers } from './database'

/** What the services need from the outside world; Electron supplies the real ones, tests fakes. */
export interface Ports {
  now: () => Date
  openFolder: (folder: string) => Promise<void>
  /** The folder holding the fonts letters embed (resources/fonts). */
  fontsDir: string
  /** The native save dialog: the chosen path, or null when cancelled. */
  chooseSavePath: (options: SaveDialogOptions) => Promise<string | null>
  /** Opens a file in the system's own viewer; throws with the reason when it cannot. */
  openFile: (file: string) => Promise<void>
  /** The native open dialog: the chosen path, or null when cancelled. */
  chooseOpenFile: (options: OpenDialogOptions) => Promise<string | null>
  /** Sends a ledger import's progress to the renderer. */
  sendImportProgress: (progress: ImportProgress) => void
  /** Writes a problem the user was told of in plain words to the log, with its details. */
  logError?: (where: string, error: unknown) => void
  /** Seals the shared database's password with the system's keychain (Electron's safeStorage). */
  secrets?: SecretBox
  /** The computer's user name, the default name this desktop signs records with. */
  userName?: string
}

export interface AppContext {
  dataSource: DataSource
  dataDir: string
  databaseFile: string
  version: string
  /** The dispatcher's queue: a save dialog lets it go while it waits on the user. */
  queue?: RequestQueue
  /** The better_sqlite3.node the database was opened with, when not the default. */
  nativeBinding?: string
}

export function createServices(ctx: AppContext, ports: Ports) {
  const deps = { manager: ctx.dataSource.manager, now: ports.now }
  const queue = ctx.queue
  // Waits on the user or on a file step out of the request queue, so the app answers meanwhile.
  const released = <T>(wait: () => Promise<T>): Promise<T> => (queue ? queue.released(wait) : wait())
  const chooseSavePath: Ports['chooseSavePath'] = (options) => released(() => ports.chooseSavePath(options))
  const chooseOpenFile: Ports['chooseOpenFile'] = (options) => released(() => ports.chooseOpenFile(options))
  const core = coreServicesOn(deps.manager, ports.now)
  const { clients, profile, planner } = core
  const sample = new SampleService({ ...deps, fontsDir: ports.fontsDir })
  const letters = createLetterServices({
    ...deps,
    fontsDir: ports.fontsDir,
    chooseSavePath,
    openFile: ports.openFile,
    core: coreServicesFactory(core, deps.manager, ports.now),
  })
  const ledger = createLedgerServices({ ...deps, chooseSavePath })
  const ledgerImport = new LedgerImportService({
    ...deps,
    chooseOpenFile,
    sendProgress: ports.sendImportProgress,
    released,
  })
  const backups = new BackupsService({
    dataSource: ctx.dataSource,
    databaseFile: ctx.databaseFile,
    now: ports.now,
    appVersion: ctx.version,
    chooseSavePath,
    chooseOpenFile,
    nativeBinding: ctx.nativeBinding,
    busyWith: () => ledgerImport.busyWith(),
    logError: ports.logError,
  })
  const database = new DatabaseService({
    dataSource: ctx.dataSource,
    choiceFile: choiceFileOf(ctx.dataDir),
    defaultUser: ports.userName ?? '',
    secrets: ports.secrets ?? null,
  })
  return { clients, profile, sample, planner, letters, ledger, backups, ledgerImport, database }
}

export type Services = ReturnType<typeof createServices>

/** Maps each contract channel to a service call. Inputs arrive already parsed by ipc.ts. */
export function createHandlers(
  ctx: AppContext,
  ports: Ports,
  services: Services = createServices(ctx, ports),
): Handlers {
  const { clients, profile, sample, planner } = services
  return {
    ...createSystemHandlers({
      info: async () => ({
        version: ctx.version,
        dataDir: ctx.dataDir,
        databaseFile: ctx.databaseFile,
        hasProfile: (await profile.get()) !== null,
        hasSampleData: (await ctx.dataSource.manager.getRepository(ClientEntity).countBy({ isSample: true })) > 0,
      }),
      openDataFolder: () => ports.openFolder(ctx.dataDir),
    }),
    ...createProfileHandlers(profile),
    ...createSampleHandlers(sample),
    ...createClientHandlers(clients),
    ...createTurnaroundHandlers(planner, profile),
    ...createLetterHandlers(services.letters),
    ...createLedgerHandlers(services.ledger),
    ...createBackupHandlers(services.backups),
    ...createImportHandlers(services.ledgerImport),
    ...createDatabaseHandlers(services.database),
  }
}
