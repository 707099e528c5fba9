/**
 * The writer the crash-survival test kills. It runs the app's own code in a child process: the
 * database opened by openDatabase (its pragmas, checks and migrations), turnaround edits through
 * the real dispatcher and planner services, and ledger entries saved through TypeORM in a
 * transaction (the triggers keep the monthly totals). After each commit it prints one line:
 *   L <n>   two ledger entries "crash <n>" (a pair: both or neither) and one older entry changed
 *   T <n>   the turnaround's client words set to "edit <n>" and a touchpoint "touch <n>" logged
 * Usage: node crash-writer.cjs <database file> <first n> <turnaround id> <client id>
 */
import fs from 'node:fs'
import { openDatabase } from '../../../electron/main/db/open-database'
import { LedgerEntryEntity } from '../../../electron/main/db/entities'
import type { AppContext } from '../../../electron/main/features/handlers'
import { headlessDispatcher } from '../headless-app'

const say = (line: string) => fs.writeSync(1, `${line}\n`)

function entry(clientId: number, turnaroundId: number, n: number, half: 'a' | 'b'): LedgerEntryEntity {
  const stamp = new Date().toISOString()
  return Object.assign(new LedgerEntryEntity(), {
    clientId,
    turnaroundId: half === 'a' ? turnaroundId : null,
    kind: half === 'a' ? 'invoice' : 'time',
    entryDate: `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    description: `crash ${n}`,
    amountMinor: 100 + (n % 997),
    currency: 'GBP',
    staffId: null,
    worker: half === 'b' ? 'Owner' : '',
    minutes: half === 'b' ? 15 + (n % 60) : null,
    rateMinor: half === 'b' ? 6000 : null,
    invoiceId: null,
    reference: '',
    importKey: null,
    isSample: false,
    createdAt: stamp,
    updatedAt: stamp,
  })
}

async function main(): Promise<void> {
  const [file, firstArg, turnaroundArg, clientArg] = process.argv.slice(2)
  const turnaroundId = Number(turnaroundArg)
  const clientId = Number(clientArg)
  const opened = await openDatabase({ file: file as string, dailyBackup: false })
  const ctx: AppContext = { dataSource: opened.dataSource, dataDir: '', databaseFile: file as string, version: 'crash' }
  const dispatcher = headlessDispatcher(
    ctx,
    () => new Date(),
    (channel, error) => say(`E ${channel} ${String(error)}`),
  )
  const manager = opened.dataSource.manager
  say('ready')
  for (let n = Number(firstArg); ; n++) {
    if (n % 3 === 0) {
      const details = { firstHeardBy: 'Ada', channel: 'call', clientWords: `edit ${n}` }
      const updated = await dispatcher.dispatch({ url: '' }, 'turnarounds:update', { id: turnaroundId, details })
      const touched = await dispatcher.dispatch({ url: '' }, 'touchpoints:save', {
        clientId,
        turnaroundId,
        touchpoint: { kind: 'call', occurredOn: '2026-11-20', who: 'Ada', minutes: 5, summary: `touch ${n}` },
      })
      if (!updated.ok || !touched.ok) throw new Error(`write failed: ${JSON.stringify([updated, touched])}`)
      say(`T ${n}`)
    } else {
      await manager.transaction(async (m) => {
        await m.save(entry(clientId, turnaroundId, n, 'a'))
        await m.save(entry(clientId, turnaroundId, n, 'b'))
        // Change an older entry too, so the update trigger runs inside the same transaction.
        const older = await m.createQueryBuilder(LedgerEntryEntity, 'e').orderBy('RANDOM()').getOne()
        if (older)
          await m.update(
            LedgerEntryEntity,
            { id: older.id },
            { amountMinor: older.amountMinor + 1, entryDate: older.entryDate.replace(/-\d\d$/, '-15') },
          )
      })
      say(`L ${n}`)
    }
  }
}

main().catch((error: unknown) => {
  say(`E ${error instanceof Error ? error.stack : String(error)}`)
  process.exit(1)
})
