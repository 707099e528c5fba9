/**
 * The one way the app writes a whole file: beside its name first, flushed to the disk, then renamed
 * into place and the folder flushed. A failure anywhere leaves no partial file behind and an existing
 * file of that name untouched; a power cut after the rename keeps the new file whole.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

/** A hidden temporary name beside `target`, unique to this write. */
export function tempBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
}

/** Flushes a file's bytes to the disk. */
export function flushFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Flushes a folder's entries, so a rename in it survives a power cut (not possible on Windows). */
export function flushFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/** Renames a whole file into place: its bytes on the disk first, then the rename, then the folder. */
export function renameDurably(from: string, to: string): void {
  flushFile(from)
  fs.renameSync(from, to)
  flushFolder(path.dirname(to))
}

/**
 * Writes `target` through `write`, which receives an open handle on a temporary file beside it.
 * Rethrows the original error after removing the temporary file; callers say it in their own words.
 */
export async function writeAtomically(
  target: string,
  write: (handle: fs.promises.FileHandle) => Promise<void>,
): Promise<void> {
  const temp = tempBeside(target)
  let handle: fs.promises.FileHandle | undefined
  try {
    handle = await fs.promises.open(temp, 'wx')
    await write(handle)
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.promises.rename(temp, target)
    flushFolder(path.dirname(target))
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.promises.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** writeAtomically for bytes or text already in memory. */
export function writeFileAtomically(target: string, data: Uint8Array | string): Promise<void> {
  return writeAtomically(target, async (handle) => {
    await handle.writeFile(data)
  })
}

/** The same, synchronously: for a write at quit, when no promise will be awaited. */
export function writeFileAtomicallySync(target: string, data: Uint8Array | string): void {
  const temp = tempBeside(target)
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' })
    renameDurably(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
}

/** Why a file could not be written, in words for the owner: the one wording for every file the app writes. */
export function whyNotWritten(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'you do not have permission to write there'
    case 'EROFS':
      return 'that place is read-only'
    case 'ENOENT':
    case 'ENOTDIR':
      return 'that folder does not exist'
    case 'ENOSPC':
      return 'the disk is full'
    case 'EISDIR':
      return 'a folder already has that name'
    case 'EBUSY':
      return 'the file is open in another program'
    default:
      return 'the file could not be written'
  }
}
