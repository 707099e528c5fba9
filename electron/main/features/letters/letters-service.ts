/**
 * Letters on record: render a draft to PDF, save it where the owner chooses (and log it as a
 * touchpoint of its turnaround), and keep it with the client so it can be opened, re-exported to
 * an identical PDF, or used to start a new letter.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { EntityManager } from 'typeorm'
import { ClientEntity, LetterEntity, LetterheadEntity, TurnaroundEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { builtFind } from '../../db/built-query'
import { DomainError, notFound } from '../../domain-error'
import { Blocks } from '../../../shared/letters/blocks'
import type {
  LetterExportResult,
  LetterRecord,
  LetterReexportResult,
  LetterPage,
  LetterSummary,
  RenderedPdf,
} from '../../../shared/letters/models'
import type { LetterDraftData } from '../../../shared/letters/schemas'
import { LETTER_KIND_LABELS, type LetterKind, type PageSize } from '../../../shared/letters/words'
import { LettersContext, letterheadOf } from './letter-context'
import { anyEmailedQuery, lastSavedLetter, letterPageQuery } from './letter-queries'
import { letterFileName, withPdfExtension, writeFileAtomically } from './letter-files'
import { letterDate, letterLocale } from './letter-format'
import { unprintableMessage } from './pdf/glyphs'
import { renderLetterPdf, type RenderedLetter } from './pdf/letter-pdf'
import type { LetterDocument, Letterhead } from './pdf/types'

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function toPdf({ bytes, pages, unprintable }: RenderedLetter): RenderedPdf {
  return {
    base64: bytes.toString('base64'),
    pages,
    bytes: bytes.length,
    contentHash: sha256(bytes),
    unprintable,
    unprintableMessage: unprintableMessage(unprintable),
  }
}

type LetterRow = LetterEntity & { clientName: string }

type Extras = Pick<LetterDraftData, 'ourReference' | 'yourReference' | 'cc' | 'enclosures'>
const EXTRA_KEYS = ['ourReference', 'yourReference', 'cc', 'enclosures'] as const

/** The letter's references, cc and enclosures that say something (none: `{}`). */
function storedExtras(draft: LetterDraftData): Extras {
  return Object.fromEntries(EXTRA_KEYS.flatMap((k) => (draft[k] ? [[k, draft[k]]] : []))) as Extras
}

export function readExtras(json: string | null | undefined): Extras {
  try {
    const value = JSON.parse(json || '{}') as Record<string, unknown>
    return Object.fromEntries(
      EXTRA_KEYS.flatMap((k) => (typeof value[k] === 'string' && value[k] !== '' ? [[k, value[k]]] : [])),
    ) as Extras
  } catch {
    return {}
  }
}

/** What the PDF prints of them: absent when blank, so a letter without any prints as it always did. */
function extrasOf(draft: LetterDraftData): Partial<LetterDocument> {
  const e = storedExtras(draft)
  return {
    ...(e.ourReference || e.yourReference
      ? { references: { ours: e.ourReference ?? '', yours: e.yourReference ?? '' } }
      : {}),
    ...(e.cc ? { cc: e.cc } : {}),
    ...(e.enclosures ? { enclosures: e.enclosures } : {}),
  }
}

/** The reads each letter saved makes, their SQL written once per database. */
const lastSaved = builtFind((m) => lastSavedLetter(m), [])
const letterheadByHash = builtFind(
  (m, { hash }: { hash: string }) =>
    m.createQueryBuilder(LetterheadEntity, 'h').select('h.id').where('h.contentHash = :hash', { hash }).limit(1),
  ['hash'],
)
/** Only the turnaround's own dates, not everything its page shows. */
const turnaroundDates = builtFind(
  (m, { id }: { id: number }) =>
    m
      .createQueryBuilder(TurnaroundEntity, 't')
      .select(['t.id', 't.openedOn', 't.closedOn'])
      .where('t.id = :id', { id }),
  ['id'],
)

export class LettersService {
  constructor(private readonly ctx: LettersContext) {}

  documentOf(
    draft: LetterDraftData,
    letterhead: Letterhead,
    pageSize: PageSize,
    locale: string,
    clientName: string,
  ): LetterDocument {
    return {
      letterhead,
      pageSize,
      date: draft.date,
      dateText: letterDate(draft.date, letterLocale(pageSize, locale)),
      recipient: draft.recipient,
      subject: draft.subject,
      blocks: draft.blocks,
      closing: draft.closing,
      kindLabel: LETTER_KIND_LABELS[draft.kind],
      clientName,
      ...extrasOf(draft),
    }
  }

  /** The PDF of a draft on today's letterhead and paper size. */
  async renderDraft(
    draft: LetterDraftData,
  ): Promise<RenderedLetter & { letterhead: Letterhead; pageSize: PageSize; locale: string; clientName: string }> {
    const [profile, clientName, conventions] = await Promise.all([
      this.ctx.requireProfile(),
      this.ctx.clientNameFor(draft.clientId, draft.turnaroundId),
      this.ctx.conventions.get(),
    ])
    const letterhead = letterheadOf(profile, conventions)
    const rendered = await renderLetterPdf(
      this.documentOf(draft, letterhead, profile.letterPageSize, profile.locale, clientName),
      this.ctx.fonts(),
    )
    return { ...rendered, letterhead, pageSize: profile.letterPageSize, locale: profile.locale, clientName }
  }

  async render(draft: LetterDraftData): Promise<RenderedPdf> {
    return toPdf(await this.renderDraft(draft))
  }

  private async chooseFile(defaultName: string, title: string): Promise<string | null> {
    const choose = this.ctx.deps.chooseSavePath
    if (!choose) throw new Error('No save dialog was given to the letters service.')
    const [last] = await lastSaved(this.ctx.manager, {})
    const chosen = await choose({
      title,
      defaultPath: last ? path.join(path.dirname(last.filePath), defaultName) : defaultName,
    })
    return chosen ? withPdfExtension(chosen) : null
  }

  /** "Save as PDF": the save dialog, the file written whole, the letter on record, the touchpoint logged. */
  async export(draft: LetterDraftData, minutes: number): Promise<LetterExportResult> {
    if (draft.date > this.ctx.today())
      throw new DomainError('VALIDATION', 'A letter that is sent now cannot be dated in the future.', 'draft.date')
    const rendered = await this.renderDraft(draft)
    const problem = unprintableMessage(rendered.unprintable)
    if (problem) throw new DomainError('VALIDATION', problem)
    const file = await this.chooseFile(
      letterFileName(draft.date, draft.kind, rendered.clientName),
      'Save the letter as PDF',
    )
    if (!file) return { saved: false }
    const id = await this.ctx.manager.transaction(async (m) => {
      const row = await this.insert(m, draft, rendered, file, false)
      if (draft.turnaroundId !== null) await this.logTouchpoint(m, draft, minutes, rendered.letterhead.ownerName)
      await writeFileAtomically(file, rendered.bytes)
      return row.id
    })
    return { saved: true, letter: await this.get(id) }
  }

  /** Keeps a letter on record; the letterhead is stored once per distinct content. */
  async insert(
    m: EntityManager,
    draft: LetterDraftData,
    rendered: { bytes: Buffer; letterhead: Letterhead; pageSize: PageSize; locale: string },
    filePath: string,
    isSample: boolean,
  ): Promise<LetterEntity> {
    const content = JSON.stringify(rendered.letterhead)
    const hash = sha256(Buffer.from(content))
    const stamp = timestamp(this.ctx.deps.now())
    const letterhead =
      (await letterheadByHash(m, { hash }))[0] ??
      (await m.save(Object.assign(new LetterheadEntity(), { contentHash: hash, content, createdAt: stamp })))
    return m.save(
      Object.assign(new LetterEntity(), {
        clientId: draft.clientId,
        turnaroundId: draft.turnaroundId,
        kind: draft.kind,
        letterDate: draft.date,
        recipient: draft.recipient,
        subject: draft.subject,
        blocks: JSON.stringify(draft.blocks),
        closing: draft.closing,
        extras: JSON.stringify(storedExtras(draft)),
        pageSize: rendered.pageSize,
        locale: rendered.locale,
        letterheadId: letterhead.id,
        filePath,
        contentHash: sha256(rendered.bytes),
        exportedAt: stamp,
        isSample,
        createdAt: stamp,
      }),
    )
  }

  private async logTouchpoint(m: EntityManager, draft: LetterDraftData, minutes: number, who: string): Promise<void> {
    const scoped = this.ctx.coreOn(m)
    const [detail] = await turnaroundDates(m, { id: draft.turnaroundId as number })
    if (!detail) throw notFound('turnaround')
    const summary = `${LETTER_KIND_LABELS[draft.kind]}${draft.subject ? `: ${draft.subject}` : ''}`.slice(0, 10_000)
    const isCheckIn = draft.kind === 'check_in' && detail.closedOn !== null
    try {
      await scoped.planner.touchpoints.save(draft.clientId, draft.turnaroundId, undefined, {
        kind: 'letter',
        occurredOn: draft.date,
        who: who.slice(0, 120),
        minutes,
        summary,
        isCheckIn,
      })
    } catch (error) {
      if (error instanceof DomainError && error.field === 'occurredOn')
        throw new DomainError(
          'VALIDATION',
          `The letter’s date cannot be before the turnaround opened (${detail.openedOn}).`,
          'draft.date',
        )
      throw error
    }
  }

  private async row(id: number): Promise<LetterRow> {
    const row = await this.ctx.manager
      .createQueryBuilder(LetterEntity, 'l')
      .innerJoin(ClientEntity, 'c', 'c.id = l.clientId')
      .addSelect('c.name', 'client_name')
      .where('l.id = :id', { id })
      .getRawAndEntities()
    const entity = row.entities[0]
    if (!entity) throw notFound('letter')
    return Object.assign(entity, { clientName: String(row.raw[0]?.client_name ?? '') })
  }

  private letterheadOf(row: LetterEntity): Promise<Letterhead> {
    return this.ctx.manager
      .findOneByOrFail(LetterheadEntity, { id: row.letterheadId })
      .then((h) => JSON.parse(h.content) as Letterhead)
  }

  private draftOf(row: LetterEntity): LetterDraftData {
    return {
      clientId: row.clientId,
      turnaroundId: row.turnaroundId,
      kind: row.kind as LetterKind,
      date: row.letterDate,
      recipient: row.recipient,
      subject: row.subject,
      blocks: Blocks.parse(JSON.parse(row.blocks)),
      closing: row.closing,
      ...readExtras(row.extras),
    }
  }

  /** The stored letter's PDF, exactly as it was sent: its own letterhead, paper and text. */
  async renderStored(id: number): Promise<RenderedPdf> {
    return toPdf(await this.storedBytes(await this.row(id)))
  }

  private async storedBytes(row: LetterRow): Promise<RenderedLetter> {
    const doc = this.documentOf(
      this.draftOf(row),
      await this.letterheadOf(row),
      row.pageSize,
      row.locale,
      row.clientName,
    )
    return renderLetterPdf(doc, this.ctx.fonts())
  }

  async reexport(id: number): Promise<LetterReexportResult> {
    const row = await this.row(id)
    const { bytes } = await this.storedBytes(row)
    const file = await this.chooseFile(
      row.filePath
        ? path.basename(row.filePath)
        : letterFileName(row.letterDate, row.kind as LetterKind, row.clientName),
      'Export the letter again',
    )
    if (!file) return { saved: false }
    await writeFileAtomically(file, bytes)
    const contentHash = sha256(bytes)
    await this.ctx.manager.update(LetterEntity, { id }, { filePath: file })
    return { saved: true, filePath: file, contentHash, identical: contentHash === row.contentHash }
  }

  async openFile(id: number): Promise<null> {
    const row = await this.row(id)
    if (!row.filePath)
      throw new DomainError('NOT_FOUND', 'This letter was never saved to a file. Use “Export again” to save it.')
    if (!fs.existsSync(row.filePath))
      throw new DomainError(
        'NOT_FOUND',
        `The file is no longer at “${row.filePath}”. Use “Export again” to save it anew.`,
      )
    const open = this.ctx.deps.openFile
    if (!open) throw new Error('No way to open files was given to the letters service.')
    try {
      await open(row.filePath)
    } catch (error) {
      throw new DomainError(
        'VALIDATION',
        `The file could not be opened: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    return null
  }

  async get(id: number): Promise<LetterRecord> {
    const row = await this.row(id)
    return { ...this.summaryOf(row), draft: this.draftOf(row), pageSize: row.pageSize }
  }

  private summaryOf(row: LetterRow): LetterSummary {
    return {
      id: row.id,
      clientId: row.clientId,
      clientName: row.clientName,
      turnaroundId: row.turnaroundId,
      kind: row.kind as LetterKind,
      date: row.letterDate,
      subject: row.subject,
      filePath: row.filePath,
      contentHash: row.contentHash,
      exportedAt: row.exportedAt,
      isSample: Boolean(row.isSample),
    }
  }

  /**
   * A page of the letters on record (letterPageQuery), all of them or one client's, how many there
   * are, and whether any of them was sent by email (anyEmailedQuery). A page past the end (letters
   * removed since) is the last page there is.
   */
  async list(clientId: number | null, page: number, pageSize: number): Promise<LetterPage> {
    const m = this.ctx.manager
    const counted = m.createQueryBuilder(LetterEntity, 'l')
    if (clientId !== null) counted.where('l.clientId = :clientId', { clientId })
    const total = await counted.getCount()
    const shown = Math.min(page, Math.max(1, Math.ceil(total / pageSize)))
    if (total === 0) return { rows: [], total, page: shown, anyEmailed: false }
    const [{ entities, raw }, anyEmailed] = await Promise.all([
      letterPageQuery(m, clientId, (shown - 1) * pageSize, pageSize).getRawAndEntities(),
      anyEmailedQuery(m, clientId).getExists(),
    ])
    const names = new Map(raw.map((r: Record<string, unknown>) => [Number(r.l_id), String(r.client_name)]))
    return {
      rows: entities.map((e) => this.summaryOf(Object.assign(e, { clientName: names.get(e.id) ?? '' }))),
      total,
      page: shown,
      anyEmailed,
    }
  }
}
