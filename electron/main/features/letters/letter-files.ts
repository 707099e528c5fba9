/** The letter's file: a sensible, safe name, and a write that leaves either the whole file or nothing. */
import { UNSAFE_FILE_NAME_CHARACTERS } from '../../file-names'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { LETTER_KIND_FILE_LABELS, type LetterKind } from '../../../shared/letters/words'
import { DomainError } from '../../domain-error'

const ILLEGAL = UNSAFE_FILE_NAME_CHARACTERS
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** "2026-11-22 Follow-up - Acme Ltd.pdf", with characters no file system accepts taken out. */
export function letterFileName(date: string, kind: LetterKind, clientName: string): string {
  let client = clientName
    .replace(ILLEGAL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
  if (RESERVED.test(client)) client = `${client} (client)`
  if (client.length > 120) client = client.slice(0, 120).trim()
  return `${date} ${LETTER_KIND_FILE_LABELS[kind]}${client ? ` - ${client}` : ''}.pdf`
}

/** Adds ".pdf" when the chosen name has no extension of that kind. */
export function withPdfExtension(file: string): string {
  return /\.pdf$/i.test(file) ? file : `${file}.pdf`
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
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

/**
 * Writes to a temporary file beside the target, then renames it into place: a failure anywhere
 * leaves no partial file behind (and an existing file of that name untouched).
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await fs.promises.writeFile(temp, bytes, { flag: 'wx' })
    await fs.promises.rename(temp, target)
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined)
    throw new DomainError(
      'VALIDATION',
      `The letter could not be saved as “${target}”: ${reason(error)}. Nothing was saved; choose another place, such as your Documents folder.`,
      'filePath',
    )
  }
}
