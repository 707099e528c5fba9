import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { CHANNELS } from './electron/shared/channels'

/**
 * The service and query tests that open a database run a second time on a real PostgreSQL server
 * (unit-pg). Left out, each with its reason: the tests that open no database (nothing to run twice),
 * and these, which test SQLite's file itself.
 */
const SQLITE_FILE_ONLY = [
  // The backup API, backup files beside the database file, restoring by swapping the file.
  'tests/unit/backups.test.ts',
  'tests/unit/backup-schedule.test.ts',
  // A process killed mid-write and the file reopened: a server's own durability, not the app's.
  'tests/unit/crash-survival.test.ts',
  // Damaged, unreadable, missing and newer files, WAL and the backup before a migration.
  'tests/unit/database.test.ts',
  'tests/unit/recovery.test.ts',
  // A full or read-only disk under the database file.
  'tests/unit/storage-faults.test.ts',
  // The glue opens the file in the data folder and offers backups of a damaged file.
  'tests/unit/main-glue.test.ts',
  // Upgrades the SQLite fixtures of each past version (tests/fixtures/migrations).
  'tests/unit/migrations-upgrade.test.ts',
  // The queue exists because SQLite has one connection: its races are staged on that connection.
  'tests/unit/request-queue.test.ts',
  // A large import's end on SQLite: the import key's index set aside (PostgreSQL never sets an
  // index aside), and its sorting on helper threads (SQLite's settings of its one connection).
  'tests/unit/ledger-import-bulk-sqlite.test.ts',
  // These open no database.
  'tests/unit/app-protocol.test.ts',
  'tests/unit/ledger-import-parse.test.ts',
  'tests/unit/ledger-import-reading-thread.test.ts',
  'tests/unit/ledger-import-row-store.test.ts',
  'tests/unit/ledger-periods.test.ts',
  'tests/unit/ledger-recommend.test.ts',
  'tests/unit/sample-business.test.ts',
]

/** Four suites: services and glue in Node (on SQLite, and on PostgreSQL), components in happy-dom, the whole app in Chromium. */
export default defineConfig({
  plugins: [vue()],
  // The preload's channel names, as its build writes them in (electron/preload/channel-names.ts).
  define: { __DESK_CHANNELS__: JSON.stringify(CHANNELS) },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/postgres-*.test.ts'],
          globalSetup: ['tests/support/reader-thread-build.ts'],
          // A guard against a hung test, not a speed check: loading the sample business takes seconds
          // on a loaded 2-core machine, past vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-pg',
          environment: 'node',
          include: [
            'tests/unit/client-commitment-kept.test.ts',
            'tests/unit/clients-service.test.ts',
            'tests/unit/export-everything.test.ts',
            'tests/unit/hostile-input.test.ts',
            'tests/unit/ledger-*.test.ts',
            'tests/unit/letters-*.test.ts',
            'tests/unit/sample-*.test.ts',
            'tests/unit/time-zones.test.ts',
            'tests/unit/today-trends.test.ts',
            'tests/unit/built-query.test.ts',
            'tests/unit/turnarounds-service.test.ts',
            'tests/unit/postgres-*.test.ts',
            'tests/unit/pending-check-ins.test.ts',
            'tests/unit/record-versions.test.ts',
            'tests/unit/record-authors.test.ts',
          ],
          exclude: SQLITE_FILE_ONLY,
          env: { DESK_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/support/postgres/global-setup.ts', 'tests/support/reader-thread-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts', 'tests/support/reader-thread-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
})
