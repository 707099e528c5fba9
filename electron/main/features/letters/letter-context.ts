/** What every letters service shares: the database, the clock, the ports, and the core services it is given. */
import type { EntityManager } from 'typeorm'
import { ClientEntity, LedgerEntryEntity, TurnaroundEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import { builtFind, builtQuery } from '../../db/built-query'
import type { BusinessProfile } from '../../../shared/models'
import { localIsoDate } from '../../../shared/dates'
import type { OpenDialogOptions, SaveDialogOptions } from '../../ports'
import type { LetterConventions } from '../../../shared/letters/conventions'
import { ConventionsService, printedConventions } from './conventions-service'
import { profileRequired } from '../profile'
import type { CoreServices, CoreServicesOn } from '../core-services'
import { clientTurnaround, currentTurnaround } from '../turnarounds'
import { loadFonts, type PdfFonts } from './pdf/fonts'
import type { Letterhead } from './pdf/types'
import type { LetterClient } from './merge-data'
import { TemplatesService } from './templates-service'

export interface LettersDeps {
  manager: EntityManager
  now: () => Date
  /** The folder holding the embedded fonts. */
  fontsDir: string
  /** The native save dialog: the chosen path, or null when cancelled. */
  chooseSavePath?: (options: SaveDialogOptions) => Promise<string | null>
  /** The native open dialog (the scanned signature): the chosen path, or null when cancelled. */
  chooseOpenFile?: (options: OpenDialogOptions) => Promise<string | null>
  /** Opens a file in the system's viewer; throws with the reason when it cannot. */
  openFile?: (file: string) => Promise<void>
  /** The register, profile and planner services on a manager (the root's, or a transaction's). */
  core: CoreServicesOn
}

const letterClientOf = builtFind(
  (m, { id }: { id: number }) =>
    m
      .createQueryBuilder(ClientEntity, 'c')
      .select(['c.id', 'c.name', 'c.company', 'c.contactPerson', 'c.contactTitle', 'c.email', 'c.phone', 'c.address'])
      .where('c.id = :id', { id }),
  ['id'],
)

type ClientNameRow = { name: string; turnaround_client?: number | string | null }

const clientNameQuery = (m: EntityManager, clientId: number) =>
  m.createQueryBuilder(ClientEntity, 'c').select('c.name', 'name').where('c.id = :clientId', { clientId })

const clientNameOf = builtQuery<{ clientId: number }, ClientNameRow>(
  (m, { clientId }) => clientNameQuery(m, clientId),
  ['clientId'],
)

/** The client's name and the client of the turnaround (null when it is gone). */
const clientNameWithTurnaround = builtQuery<{ clientId: number; turnaroundId: number }, ClientNameRow>(
  (m, { clientId, turnaroundId }) =>
    clientNameQuery(m, clientId)
      .leftJoin(TurnaroundEntity, 't', 't.id = :turnaroundId', { turnaroundId })
      .addSelect('t.clientId', 'turnaround_client'),
  ['clientId', 'turnaroundId'],
)

export class LettersContext {
  readonly clients: CoreServices['clients']
  readonly profile: CoreServices['profile']
  readonly planner: CoreServices['planner']
  readonly templates: TemplatesService
  readonly conventions: ConventionsService

  constructor(readonly deps: LettersDeps) {
    const core = deps.core(deps.manager)
    this.clients = core.clients
    this.profile = core.profile
    this.planner = core.planner
    this.templates = new TemplatesService(deps)
    this.conventions = new ConventionsService(deps)
  }

  /** The core services inside a transaction of this feature's own. */
  coreOn(manager: EntityManager): CoreServices {
    return this.deps.core(manager)
  }

  get manager(): EntityManager {
    return this.deps.manager
  }

  fonts(): PdfFonts {
    return loadFonts(this.deps.fontsDir)
  }

  today(): string {
    return localIsoDate(this.deps.now())
  }

  async requireProfile(): Promise<BusinessProfile> {
    const profile = await this.profile.get()
    if (!profile) throw profileRequired('letters are printed on its letterhead')
    return profile
  }

  /** What a letter prints of a client: only those columns, one read (its tags and notes are not needed). */
  async letterClient(id: number): Promise<LetterClient> {
    const [e] = await letterClientOf(this.manager, { id })
    if (!e) throw notFound('client')
    const { name, company, contactPerson, contactTitle, email, phone, address } = e
    return { id: e.id, name, company, contactPerson, contactTitle, email, phone, address }
  }

  /**
   * The client's name, with the letter's turnaround checked to be the client's, in one read: what
   * rendering a draft needs of them (the same refusals as `clients.get` and `turnaroundOf`).
   */
  async clientNameFor(clientId: number, turnaroundId: number | null): Promise<string> {
    const [row] =
      turnaroundId === null
        ? await clientNameOf(this.manager, { clientId })
        : await clientNameWithTurnaround(this.manager, { clientId, turnaroundId })
    if (!row) throw notFound('client')
    if (turnaroundId !== null) {
      if (row.turnaround_client === null || row.turnaround_client === undefined)
        throw new DomainError(
          'NOT_FOUND',
          'That turnaround no longer exists. It may have been deleted.',
          'turnaroundId',
        )
      if (Number(row.turnaround_client) !== clientId)
        throw new DomainError('VALIDATION', 'That turnaround belongs to another client.', 'turnaroundId')
    }
    return String(row.name)
  }

  /** The turnaround a letter belongs to: checked to be the client's. */
  async turnaroundOf(clientId: number, turnaroundId: number | null): Promise<number | null> {
    if (turnaroundId === null) return null
    return (await clientTurnaround(this.manager, clientId, turnaroundId)).id
  }

  /** The client's balance on a day: invoiced less paid (negative when the client paid more than was invoiced). */
  async balanceOn(clientId: number, date: string): Promise<number> {
    const entries = await this.manager
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .select(['e.kind', 'e.amountMinor'])
      .where('e.clientId = :clientId', { clientId })
      .andWhere('e.entryDate <= :date', { date })
      .andWhere('e.kind IN (:...kinds)', { kinds: ['invoice', 'payment'] })
      .getMany()
    return entries.reduce((sum, e) => sum + (e.kind === 'invoice' ? e.amountMinor : -e.amountMinor), 0)
  }

  /** The client's open turnaround, else its most recent one, else none. */
  async defaultTurnaround(clientId: number): Promise<number | null> {
    return (await currentTurnaround(this.manager, clientId))?.id ?? null
  }
}

/** The letterhead a letter is printed on today: the profile, and the conventions when any is on. */
export function letterheadOf(profile: BusinessProfile, conventions?: LetterConventions): Letterhead {
  const printed = conventions ? printedConventions(conventions) : null
  return {
    businessName: profile.businessName,
    ownerName: profile.ownerName,
    address: profile.address,
    email: profile.email,
    phone: profile.phone,
    logoDataUrl: profile.logoDataUrl,
    ...(printed ? { conventions: printed } : {}),
  }
}
