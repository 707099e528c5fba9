/** The letter's file: a sensible, safe name, and a write that leaves either the whole file or nothing. */
import { UNSAFE_FILE_NAME_CHARACTERS } from '../../file-names'
import { LETTER_KIND_FILE_LABELS, type LetterKind } from '../../../shared/letters/words'
import { DomainError } from '../../domain-error'
import { whyNotWritten, writeFileAtomically as writeWhole } from '../../durable-file'

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

/** Writes the letter whole or not at all (durable-file.ts), and says in plain words why it could not. */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeWhole(target, bytes)
  } catch (error) {
    throw new DomainError(
      'VALIDATION',
      `The letter could not be saved as “${target}”: ${whyNotWritten(error)}. Nothing was saved; choose another place, such as your Documents folder.`,
      'filePath',
    )
  }
}
