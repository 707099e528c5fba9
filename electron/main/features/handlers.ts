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
import path from 'node:path'
import {
  SECRET_FILE_NAME,
  createEmailHandlers,
  createEmailServices,
  createSecretFile,
  type SecretCipher,
  type SmtpTrust,
} from './email'
import type { ReminderSettings } from '../../shared/reminders/models'
import { RemindersService, createReminderHandlers } from './reminders'
import { CalendarService } from './calendar'
import { snoozeFollowUp, todayData } from './turnarounds'
import { afterCommittedWrites, type AfterWriteStep } from './after-write'
import type { ThemeChoice } from '../../shared/appearance/contract'
import { AppearanceSettings, appearanceFile } from './appearance/appearance-settings'
import { createAppearanceHandlers } from './appearance/appearance-handlers'
import { choiceFileOf, type SecretBox } from '../db/database-choice'
import { DatabaseService, createDatabaseHandlers } from './database'
import { engineOf } from '../db/engine'
import { notifyChanges } from '../db/change-feed'

/** What the services need from the outside world; Electron supplies the real ones, tests fakes. */
export interface Ports {
  now: () => Date
  openFolder: (folder: string) => Promise<void>
  /** The folder holding the fonts letters embed (resources/fonts). */
  fontsDir: string
  /** The ledger import's reading thread, as built (read-worker.ts: ledger-import-reader.js beside main's index.js). */
  importReaderFile: string
  /** The native save dialog: the chosen path, or null when cancelled. */
  chooseSavePath: (options: SaveDialogOptions) => Promise<string | null>
  /** Opens a file in the system's own viewer; throws with the reason when it cannot. */
  openFile: (file: string) => Promise<void>
  /** The native open dialog: the chosen path, or null when cancelled. */
  chooseOpenFile: (options: OpenDialogOptions) => Promise<string | null>
  /** Sends a ledger import's progress to the renderer. */
  sendImportProgress: (progress: ImportProgress) => void
  /** The computer's language, which the pages use too (Electron: app.getLocale()); a business's chosen locale comes first. */
  locale?: () => string
  /** Writes a problem the user was told of in plain words to the log, with its details. */
  logError?: (where: string, error: unknown) => void
  /** The system's keychain encryption (Electron's safeStorage) for the SMTP password; none: kept for the session only. */
  secretCipher?: SecretCipher
  /** Extra certificate authorities trusted for the mail server (the tests' own); none in the app. */
  smtpTrust?: SmtpTrust
  /** The native folder dialog: the chosen folder, or null when cancelled. None: cancelled. */
  chooseFolder?: (title: string) => Promise<string | null>
  /** The owner's IANA time zone; the computer's when not given. */
  timeZone?: () => string
  /** Told after the reminder settings change (the glue applies start at login). */
  remindersChanged?: (settings: ReminderSettings) => void
  /** Told after a change that can move a follow-up, commitment or check-in (the tray recounts). */
  datedThingsChanged?: () => void
  /** Sets Electron's nativeTheme.themeSource: the window's frame, menus and prefers-color-scheme follow. */
  applyTheme?: (theme: ThemeChoice) => void
  /** Sets the window's zoom factor. */
  applyZoom?: (factor: number) => void
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
  /** Names this desktop in the notices of its writes on a shared database (it ignores its own). */
  deskId?: string
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
    chooseOpenFile,
    openFile: ports.openFile,
    core: coreServicesFactory(core, deps.manager, ports.now),
  })
  // Asked each time: the computer's language may change while the app runs.
  const systemLocale = () => ports.locale?.() ?? Intl.DateTimeFormat().resolvedOptions().locale
  const ledger = createLedgerServices({ ...deps, chooseSavePath, systemLocale })
  const ledgerImport = new LedgerImportService({
    ...deps,
    chooseOpenFile,
    sendProgress: ports.sendImportProgress,
    readerFile: ports.importReaderFile,
    released,
    logError: ports.logError,
  })
  const backups = new BackupsService({
    dataSource: ctx.dataSource,
    databaseFile: ctx.databaseFile,
    now: ports.now,
    appVersion: ctx.version,
    chooseSavePath,
    chooseOpenFile,
    nativeBinding: ctx.nativeBinding,
    logError: ports.logError,
  })
  const email = createEmailServices({
    letters,
    secrets: createSecretFile(path.join(ctx.dataDir, SECRET_FILE_NAME), ports.secretCipher ?? null),
    now: ports.now,
    released,
    chooseSavePath,
    openFile: ports.openFile,
    smtpTrust: ports.smtpTrust,
    logError: ports.logError,
  })
  const timeZone = () => ports.timeZone?.() ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const calendarRef: { service?: CalendarService } = {}
  const reminders = new RemindersService({
    ...deps,
    timeZone,
    hasProfile: async () => (await profile.get()) !== null,
    plannerSettings: () => profile.plannerSettings(),
    today: todayData,
    feedState: () =>
      calendarRef.service?.state() ?? { folder: null, file: null, writtenAt: null, problem: null, events: 0 },
    settingsChanged: ports.remindersChanged,
  })
  const calendar = new CalendarService({
    ...deps,
    timeZone,
    chooseSavePath,
    chooseFolder: (title) => released(() => (ports.chooseFolder ? ports.chooseFolder(title) : Promise.resolve(null))),
    feedFolder: () => reminders.feedFolder(),
    setFeedFolder: (folder) => reminders.setFeedFolder(folder),
    logError: ports.logError,
  })
  calendarRef.service = calendar
  const appearance = new AppearanceSettings(appearanceFile(ctx.dataDir), {
    applyTheme: ports.applyTheme ?? (() => {}),
    applyZoom: ports.applyZoom ?? (() => {}),
  })
  const database = new DatabaseService({
    dataSource: ctx.dataSource,
    choiceFile: choiceFileOf(ctx.dataDir),
    defaultUser: ports.userName ?? '',
    secrets: ports.secrets ?? null,
    chooseOpenFile,
    logError: ports.logError,
  })
  return {
    clients,
    profile,
    sample,
    planner,
    letters,
    ledger,
    backups,
    ledgerImport,
    email,
    reminders,
    calendar,
    appearance,
    database,
  }
}

export type Services = ReturnType<typeof createServices>

/** Maps each contract channel to a service call. Inputs arrive already parsed by ipc.ts. */
export function createHandlers(
  ctx: AppContext,
  ports: Ports,
  services: Services = createServices(ctx, ports),
): Handlers {
  const { clients, profile, sample, planner } = services
  const handlers: Handlers = {
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
    ...createEmailHandlers(services.email),
    ...createReminderHandlers({
      reminders: services.reminders,
      calendar: services.calendar,
      snooze: (turnaroundId, until) => snoozeFollowUp(planner.ctx, turnaroundId, until),
    }),
    ...createAppearanceHandlers(services.appearance),
    ...createDatabaseHandlers(services.database),
  }
  const runQueued = <T>(task: () => Promise<T>): Promise<T> => (ctx.queue ? ctx.queue.run(task) : task())
  const steps: AfterWriteStep[] = [
    {
      what: 'refreshing the calendar feed and tray',
      run: ({ movesDates }) =>
        movesDates ? services.calendar.requestRefresh(runQueued, ports.datedThingsChanged) : undefined,
    },
  ]
  if (engineOf(ctx.dataSource).kind === 'postgres') {
    // On a shared database, the other desktops are told which areas each committed write changed.
    const desk = ctx.deskId ?? ''
    const schema = (ctx.dataSource.options as { schema?: string }).schema
    steps.push({
      what: 'telling other desktops',
      run: ({ areas }) => notifyChanges(ctx.dataSource, schema, { desk, areas }),
    })
  }
  return afterCommittedWrites(handlers, steps, ports.logError)
}
