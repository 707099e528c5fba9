import fs from 'node:fs'
import path from 'node:path'
import { DATABASE_FILE_NAME, openDatabase } from '../../electron/main/db/open-database'
import { openTestApp } from './temp-db'

/** Scribbles over the pages past the schema, keeping the header and sqlite_master readable. */
export function damage(file: string): Buffer {
  const bytes = fs.readFileSync(file)
  if (bytes.length < 4096 * 20) throw new Error('The database is too small to damage past its schema.')
  for (let i = 4096 * 8; i < 4096 * 16; i += 3) bytes[i] = (bytes[i]! ^ 0x5a) & 0xff
  fs.writeFileSync(file, bytes)
  return Buffer.from(bytes)
}

/**
 * A data folder whose database holds `before` clients in yesterday's automatic backup and 200 more
 * clients added since (the file is big enough to damage). Returns the database file.
 */
export async function folderWithBackup(dir: string, before = 3): Promise<string> {
  const file = path.join(dir, DATABASE_FILE_NAME)
  const first = await openTestApp(dir, () => new Date('2026-11-21T09:00:00Z'))
  for (let i = 0; i < before; i++) await first.call('clients:create', { name: `Backed up ${i}`, email: '' })
  await first.close()
  const second = await openTestApp(dir, () => new Date('2026-11-22T09:00:00Z'))
  for (let i = 0; i < 200; i++)
    await second.call('clients:create', { name: `Later ${i}`, email: '', notes: 'n'.repeat(500) })
  await second.close()
  // Fold the write-ahead log into the file, as a clean quit does.
  const settle = await openDatabase({ file, dailyBackup: false })
  await settle.dataSource.destroy()
  return file
}
