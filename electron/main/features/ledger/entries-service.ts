/**
 * Ledger entries of every kind: added, edited and deleted one transaction at a time (the triggers
 * keep the monthly totals exact inside the same transaction).
 */
import { claimVersion } from '../../db/record-version'
import type { EntityManager } from 'typeorm'
import { ClientEntity, LedgerEntryEntity, StaffEntity, TurnaroundEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import { MAX_AMOUNT_MINOR, costOfMinutes, timeRate } from '../../../shared/money'
import { assertLedgerWithinTotal } from '../../db/ledger-total'
import type { LedgerEntryView } from '../../../shared/ledger/models'
import type { EntryData } from '../../../shared/ledger/schemas'
import type { InvoiceState } from '../../../shared/ledger/words'
import type { LedgerContext } from './ledger-context'

const F = 'entry.'

export function invoiceState(amount: number, paid: number): InvoiceState {
  if (paid >= amount) return 'paid'
  return paid > 0 ? 'partly_paid' : 'outstanding'
}

export function toEntryView(e: LedgerEntryEntity, paid: number | null): LedgerEntryView {
  const isInvoice = e.kind === 'invoice'
  return {
    id: e.id,
    clientId: e.clientId,
    turnaroundId: e.turnaroundId,
    kind: e.kind,
    entryDate: e.entryDate,
    description: e.description,
    amountMinor: e.amountMinor,
    currency: e.currency,
    staffId: e.staffId,
    worker: e.worker,
    minutes: e.minutes,
    rateMinor: e.rateMinor,
    invoiceId: e.invoiceId,
    reference: e.reference,
    isSample: Boolean(e.isSample),
    paidMinor: isInvoice ? (paid ?? 0) : null,
    invoiceState: isInvoice ? invoiceState(e.amountMinor, paid ?? 0) : null,
    version: e.version,
    createdBy: e.createdBy,
    updatedBy: e.updatedBy,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  }
}

export class EntriesService {
  constructor(private readonly ctx: LedgerContext) {}

  /** A client's entries, newest first, each invoice with what has been paid against it. */
  async list(clientId: number, limit = 1000): Promise<LedgerEntryView[]> {
    const m = this.ctx.manager
    const entries = await m
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .where('e.clientId = :clientId', { clientId })
      .orderBy('e.entryDate', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit)
      .getMany()
    const paid = await this.paidByInvoice(m, clientId)
    return entries.map((e) => toEntryView(e, paid.get(e.id) ?? null))
  }

  private async paidByInvoice(m: EntityManager, clientId: number, invoiceId?: number): Promise<Map<number, number>> {
    const qb = m
      .createQueryBuilder(LedgerEntryEntity, 'p')
      .select('p.invoiceId', 'invoiceId')
      .addSelect('SUM(p.amountMinor)', 'paid')
      .where("p.kind = 'payment'")
      .andWhere('p.clientId = :clientId', { clientId })
      .andWhere('p.invoiceId IS NOT NULL')
      .groupBy('p.invoiceId')
    if (invoiceId !== undefined) qb.andWhere('p.invoiceId = :invoiceId', { invoiceId })
    const rows = await qb.getRawMany<{ invoiceId: number; paid: number }>()
    return new Map(rows.map((r) => [Number(r.invoiceId), Number(r.paid)]))
  }

  async get(id: number, m: EntityManager = this.ctx.manager): Promise<LedgerEntryView> {
    const e = await m.findOneBy(LedgerEntryEntity, { id })
    if (!e) throw notFound('ledger entry')
    const paid = e.kind === 'invoice' ? ((await this.paidByInvoice(m, e.clientId, e.id)).get(e.id) ?? 0) : null
    return toEntryView(e, paid)
  }

  async save(
    clientId: number,
    id: number | undefined,
    input: EntryData,
    options: { isSample?: boolean; version?: number } = {},
  ): Promise<LedgerEntryView> {
    return this.ctx.manager.transaction(async (m) => {
      const profile = await this.ctx.profile(m)
      if (!(await m.existsBy(ClientEntity, { id: clientId }))) throw notFound('client')
      if (input.currency !== profile.currency) {
        throw new DomainError(
          'VALIDATION',
          `This business keeps its ledger in ${profile.currency}; an entry in ${input.currency} cannot be added. Convert the amount to ${profile.currency} first.`,
          `${F}currency`,
        )
      }
      const now = this.ctx.stamp()
      const e =
        id === undefined
          ? Object.assign(new LedgerEntryEntity(), {
              createdAt: now,
              isSample: options.isSample ?? false,
              importKey: null,
            })
          : await m.findOneBy(LedgerEntryEntity, { id })
      if (!e) throw notFound('ledger entry')
      const before = id === undefined ? null : { kind: e.kind, staffId: e.staffId, worker: e.worker }
      if (id !== undefined && e.clientId !== clientId)
        throw new DomainError('VALIDATION', 'That entry belongs to another client.')
      if (id !== undefined)
        await claimVersion(m, LedgerEntryEntity, id, {
          seen: options.version,
          what: 'This ledger entry',
          now: new Date(now),
        })
      if (
        id !== undefined &&
        e.kind === 'invoice' &&
        input.kind !== 'invoice' &&
        (await m.existsBy(LedgerEntryEntity, { invoiceId: e.id }))
      ) {
        throw new DomainError(
          'VALIDATION',
          'Payments settle this invoice, so it must stay an invoice. Remove the link from those payments first.',
          `${F}kind`,
        )
      }
      if (input.turnaroundId !== null) {
        const t = await m.findOneBy(TurnaroundEntity, { id: input.turnaroundId })
        if (!t)
          throw new DomainError(
            'NOT_FOUND',
            'That turnaround no longer exists. It may have been deleted.',
            `${F}turnaroundId`,
          )
        if (t.clientId !== clientId)
          throw new DomainError('VALIDATION', 'That turnaround belongs to another client.', `${F}turnaroundId`)
      }
      Object.assign(e, {
        clientId,
        kind: input.kind,
        entryDate: input.entryDate,
        description: input.description,
        currency: input.currency,
        turnaroundId: input.turnaroundId,
        reference: input.reference,
        updatedAt: now,
        staffId: null,
        worker: '',
        minutes: null,
        rateMinor: null,
        invoiceId: null,
      })
      // Time kept by someone not on the staff list (an imported contractor, a staff member since
      // removed) keeps that name when edited without choosing anyone else.
      const keptWorker =
        before?.kind === 'time' && before.staffId === null && input.staffId === null && before.worker !== ''
          ? before.worker
          : profile.ownerName
      if (input.kind === 'time') await this.applyTime(m, e, input, keptWorker, profile.hourlyWorthMinor)
      else {
        if (input.amountMinor <= 0)
          throw new DomainError('VALIDATION', 'Enter an amount above zero.', `${F}amountMinor`)
        e.amountMinor = input.amountMinor
      }
      if (input.kind === 'payment' && input.invoiceId !== null) {
        // An invoice edited into a payment cannot settle itself: it would be paid by its own amount.
        if (id !== undefined && input.invoiceId === id)
          throw new DomainError(
            'VALIDATION',
            'A payment cannot settle itself: choose the invoice it pays, or none.',
            `${F}invoiceId`,
          )
        const inv = await m.findOneBy(LedgerEntryEntity, { id: input.invoiceId })
        if (!inv || inv.kind !== 'invoice')
          throw new DomainError('VALIDATION', 'Choose one of the client’s invoices.', `${F}invoiceId`)
        if (inv.clientId !== clientId)
          throw new DomainError('VALIDATION', 'That invoice belongs to another client.', `${F}invoiceId`)
        e.invoiceId = inv.id
      }
      const saved = await m.save(e)
      await assertLedgerWithinTotal(m, profile.currency, input.kind === 'time' ? `${F}minutes` : `${F}amountMinor`)
      return this.get(saved.id, m)
    })
  }

  /** Time: who worked, the minutes and the hourly rate (the staff member's, or the owner's hourly worth); amount = costOfMinutes. */
  private async applyTime(
    m: EntityManager,
    e: LedgerEntryEntity,
    input: EntryData,
    defaultWorker: string,
    hourlyWorth: number,
  ): Promise<void> {
    if (input.minutes === null) throw new DomainError('VALIDATION', 'Enter the minutes worked.', `${F}minutes`)
    let staffRate: number | null = null
    e.worker = defaultWorker
    if (input.staffId !== null) {
      const s = await m.findOneBy(StaffEntity, { id: input.staffId })
      if (!s) throw new DomainError('NOT_FOUND', 'That staff member is no longer on the list.', `${F}staffId`)
      e.staffId = s.id
      e.worker = s.name
      staffRate = s.costRateMinor
    }
    const rate = timeRate(input.rateMinor, staffRate, hourlyWorth)
    const amount = costOfMinutes(input.minutes, rate)
    if (amount > MAX_AMOUNT_MINOR)
      throw new DomainError(
        'VALIDATION',
        'At this rate, that much time costs more than one entry can hold: split the time over several entries.',
        `${F}minutes`,
      )
    e.minutes = input.minutes
    e.rateMinor = rate
    e.amountMinor = amount
  }

  /** Payments that settled a deleted invoice stay, no longer linked (the foreign key sets it null). */
  async delete(id: number): Promise<{ deleted: number }> {
    return this.ctx.manager.transaction(async (m) => {
      const result = await m.delete(LedgerEntryEntity, { id })
      if (!result.affected) throw notFound('ledger entry')
      return { deleted: result.affected }
    })
  }
}
