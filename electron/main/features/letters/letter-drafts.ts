/**
 * A new letter, pre-filled from live data: the kind's template rendered with the client's, the
 * turnaround's and the business's values, then handed to the owner to edit freely.
 */
import { LetterEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import type { LetterDraftResult } from '../../../shared/letters/models'
import type { LetterStartData } from '../../../shared/letters/schemas'
import type { LetterKind } from '../../../shared/letters/words'
import { DEFAULT_CLOSINGS } from './default-templates'
import type { LettersContext } from './letter-context'
import { buildMergeData, recipientBlock } from './merge-data'
import { decodeLogo } from './pdf/letterhead'
import { renderTemplate, type TemplateSource } from './template-engine'
import { toDomainError } from './templates-service'
import { Blocks } from '../../../shared/letters/blocks'
import { loadDetail } from '../turnarounds'
import { readExtras } from './letters-service'

export class LetterDrafts {
  constructor(private readonly ctx: LettersContext) {}

  /** Starts a letter of a kind with the saved template (or the one given, for a template preview). */
  async start(input: LetterStartData, template?: TemplateSource): Promise<LetterDraftResult> {
    const ctx = this.ctx
    const [client, profile, conventions] = await Promise.all([
      ctx.letterClient(input.clientId),
      ctx.requireProfile(),
      ctx.conventions.get(),
    ])
    const turnaroundId =
      input.turnaroundId === undefined
        ? await ctx.defaultTurnaround(client.id)
        : await ctx.turnaroundOf(client.id, input.turnaroundId)
    // The planner's settings are the profile's, already read: the turnaround read without reading it again.
    const turnaround = turnaroundId === null ? null : await loadDetail(ctx.manager, turnaroundId, ctx.today(), profile)
    const date = input.date ?? ctx.today()
    if (date > ctx.today()) throw new DomainError('VALIDATION', 'A letter cannot be dated in the future.', 'date')
    if (input.endsOn !== undefined && input.endsOn < date)
      throw new DomainError('VALIDATION', 'The day our work ends cannot be before the letter’s date.', 'endsOn')
    const { context, tables } = buildMergeData({
      profile,
      client,
      turnaround,
      kind: input.kind,
      date,
      goodwill: input.goodwill,
      pageSize: profile.letterPageSize,
      endsOn: input.endsOn,
      titles: conventions.titles,
      balanceMinor: input.kind === 'parting' ? await ctx.balanceOn(client.id, date) : 0,
    })
    const source = template ?? (await ctx.templates.effective(input.kind))
    let rendered
    try {
      rendered = renderTemplate(ctx.templates.engine, source, context, tables)
    } catch (error) {
      toDomainError(
        error,
        template
          ? 'This template cannot be used'
          : 'Your template for this kind of letter cannot be used (fix it in Settings)',
      )
    }
    const warnings = [decodeLogo(profile.logoDataUrl).problem].filter((w): w is string => w !== null)
    return {
      draft: {
        clientId: client.id,
        turnaroundId,
        kind: input.kind,
        date,
        recipient: recipientBlock(client, conventions.titles),
        subject: rendered.subject,
        blocks: rendered.blocks,
        closing: DEFAULT_CLOSINGS[input.kind],
        // Our reference is the turnaround's number, as the turnaround's page shows it.
        ...(conventions.references && turnaroundId !== null ? { ourReference: `#${turnaroundId}` } : {}),
      },
      clientName: client.name,
      tables,
      warnings,
    }
  }

  /** A new letter that starts from one on record: its text, today's date, the turnaround's current tables. */
  async fromStored(letterId: number): Promise<LetterDraftResult> {
    const row = await this.ctx.manager.findOneBy(LetterEntity, { id: letterId })
    if (!row) throw notFound('letter')
    const fresh = await this.start({
      clientId: row.clientId,
      turnaroundId: row.turnaroundId,
      kind: row.kind as LetterKind,
      goodwill: '',
    })
    return {
      ...fresh,
      draft: {
        ...fresh.draft,
        recipient: row.recipient,
        subject: row.subject,
        blocks: Blocks.parse(JSON.parse(row.blocks)),
        closing: row.closing,
        ...readExtras(row.extras),
        ...(fresh.draft.ourReference ? { ourReference: fresh.draft.ourReference } : {}),
      },
    }
  }
}
