/**
 * The owner's letter conventions (Settings → Letters), kept in one row: read through their schema
 * (a value missing from an older row takes its default), saved whole, and the scanned signature
 * chosen through the open dialog port and checked to be a PNG or JPEG a PDF can hold.
 */
import fs from 'node:fs'
import type { EntityManager } from 'typeorm'
import { LetterConventionsEntity } from '../../db/entities'
import { builtById } from '../../db/built-query'
import { timestamp } from '../../db/dialect'
import { DomainError } from '../../domain-error'
import type { OpenDialogOptions } from '../../ports'
import {
  LetterConventionsInput,
  NO_CONVENTIONS,
  SIGNATURE_MAX_BYTES,
  footerLines,
  type LetterConventions,
  type LetterConventionsData,
} from '../../../shared/letters/conventions'
import { decodeLogo } from './pdf/letterhead'
import type { PrintedConventions } from './pdf/types'

export interface ConventionsDeps {
  manager: EntityManager
  now: () => Date
  chooseOpenFile?: (options: OpenDialogOptions) => Promise<string | null>
}

const ROW = 1

export class ConventionsService {
  constructor(private readonly deps: ConventionsDeps) {}

  async get(): Promise<LetterConventions> {
    const row = await builtById(LetterConventionsEntity)(this.deps.manager, ROW)
    if (!row) return NO_CONVENTIONS
    let stored: Record<string, unknown>
    try {
      stored = JSON.parse(row.settings) as Record<string, unknown>
    } catch {
      stored = {}
    }
    const { signatureDataUrl, ...rest } = stored
    const parsed = LetterConventionsInput.safeParse(rest)
    return {
      ...(parsed.success ? parsed.data : NO_CONVENTIONS),
      signatureDataUrl: typeof signatureDataUrl === 'string' ? signatureDataUrl : null,
    }
  }

  private async write(settings: LetterConventions): Promise<LetterConventions> {
    await this.deps.manager.save(
      Object.assign(new LetterConventionsEntity(), {
        id: ROW,
        settings: JSON.stringify(settings),
        updatedAt: timestamp(this.deps.now()),
      }),
    )
    return this.get()
  }

  async save(input: LetterConventionsData): Promise<LetterConventions> {
    const current = await this.get()
    return this.write({ ...input, signatureDataUrl: current.signatureDataUrl })
  }

  /** Chooses the scanned signature with the open dialog (null: cancelled, nothing changes), or removes it. */
  async signature(action: 'choose' | 'remove'): Promise<LetterConventions> {
    if (action === 'remove') return this.write({ ...(await this.get()), signatureDataUrl: null, signature: false })
    const choose = this.deps.chooseOpenFile
    if (!choose) throw new Error('No open dialog was given to the letters service.')
    const file = await choose({
      title: 'Choose a scanned signature',
      filters: [{ name: 'PNG or JPEG image', extensions: ['png', 'jpg', 'jpeg'] }],
    })
    if (!file) return this.get()
    let bytes: Buffer
    try {
      bytes = fs.readFileSync(file)
    } catch {
      throw new DomainError(
        'VALIDATION',
        'The image could not be read: it may have been moved, or Turnaround Desk is not allowed to open it. Choose it again.',
        'signature',
      )
    }
    if (bytes.length > SIGNATURE_MAX_BYTES)
      throw new DomainError('VALIDATION', 'The signature image must be smaller than 1 MB.', 'signature')
    const isPng = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const dataUrl = `data:image/${isPng ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`
    if (!decodeLogo(dataUrl).logo || (!isPng && !(bytes[0] === 0xff && bytes[1] === 0xd8)))
      throw new DomainError('VALIDATION', 'The signature must be a PNG or JPEG image.', 'signature')
    // Read after the dialog: a change saved while it was open (the request queue runs meanwhile) stays.
    return this.write({ ...(await this.get()), signatureDataUrl: dataUrl, signature: true })
  }
}

/** What a letterhead prints of the conventions; null when none is on (the letterhead is then as it always was). */
export function printedConventions(c: LetterConventions): PrintedConventions | null {
  const printed: PrintedConventions = {
    layout: c.addressLayout,
    dinForm: c.dinForm,
    signerRole: c.role ? c.signerRole : '',
    signatureDataUrl: c.signature ? c.signatureDataUrl : null,
    footer: footerLines(c),
  }
  const none =
    printed.layout === 'plain' &&
    printed.signerRole === '' &&
    printed.signatureDataUrl === null &&
    printed.footer.length === 0
  return none ? null : printed
}

/** The salutation's name: "Dr Park" with titles on and a title given, else the contact (or the client's name). */
export function greetingOf(
  client: { name: string; contactPerson: string; contactTitle: string },
  titles: boolean,
): { greeting: string; addressee: string } {
  const contact = client.contactPerson.trim()
  const title = client.contactTitle.trim()
  if (!titles || title === '' || contact === '') return { greeting: contact || client.name, addressee: contact }
  const surname = contact.split(/\s+/).pop() as string
  return { greeting: `${title} ${surname}`, addressee: `${title} ${contact}` }
}
