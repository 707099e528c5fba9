import type { DataSource } from 'typeorm'
import type { Handlers } from '../ipc'
import type { RequestQueue } from '../request-queue'
import { ClientEntity } from '../db/entities'
import { ClientsService } from './clients/clients-service'
import { ProfileService } from './profile/profile-service'
import { SampleService } from './sample/sample-service'
import { createPlannerHandlers, createPlannerServices } from './turnarounds/planner-handlers'
import { createLetterHandlers, createLetterServices } from './letters/letters-handlers'
import type { SaveDialogOptions } from './letters/letter-context'
import { createLedgerHandlers, createLedgerServices } from './ledger/ledger-handlers'
import { BackupsService } from './backups/backups-service'
import { createBackupHandlers } from './backups/backups-handlers'

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
  const chooseSavePath: Ports['chooseSavePath'] = queue ? (options) => queue.released(() => ports.chooseSavePath(options)) : ports.chooseSavePath
  const clients = new ClientsService(deps)
  const profile = new ProfileService(deps)
  const sample = new SampleService({ ...deps, fontsDir: ports.fontsDir })
  const planner = createPlannerServices({ ...deps, settings: () => profile.plannerSettings() })
  const letters = createLetterServices({ ...deps, fontsDir: ports.fontsDir, chooseSavePath, openFile: ports.openFile })
  const ledger = createLedgerServices({ ...deps, chooseSavePath })
  const backups = new BackupsService({ dataSource: ctx.dataSource, databaseFile: ctx.databaseFile, now: ports.now, appVersion: ctx.version, chooseSavePath, nativeBinding: ctx.nativeBinding })
  return { clients, profile, sample, planner, letters, ledger, backups }
}

export type Services = ReturnType<typeof createServices>

/** Maps each contract channel to a service call. Inputs arrive already parsed by ipc.ts. */
export function createHandlers(ctx: AppContext, ports: Ports, services: Services = createServices(ctx, ports)): Handlers {
  const { clients, profile, sample, planner } = services
  return {
    ...createPlannerHandlers(planner, profile),
    ...createLetterHandlers(services.letters),
    ...createLedgerHandlers(services.ledger),
    ...createBackupHandlers(services.backups),
    'app:info': async () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      databaseFile: ctx.databaseFile,
      hasProfile: (await profile.get()) !== null,
      hasSampleData: (await ctx.dataSource.manager.getRepository(ClientEntity).countBy({ isSample: true })) > 0,
    }),
    'profile:get': () => profile.get(),
    'profile:save': (input) => profile.save(input),
    'sample:load': () => sample.load(),
    'sample:remove': () => sample.remove(),
    'clients:list': (q) => clients.list(q),
    'clients:get': ({ id }) => clients.get(id),
    'clients:create': (input) => clients.create(input),
    'clients:update': ({ id, client }) => clients.update(id, client),
    'clients:archive': ({ id }) => clients.archive(id),
    'clients:restore': ({ id }) => clients.restore(id),
    'clients:tags': () => clients.allTags(),
    'system:open-data-folder': async () => {
      await ports.openFolder(ctx.dataDir)
      return null
    },
  }
}
