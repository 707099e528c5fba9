import { claimVersion } from '../../db/record-version'
import { IsNull } from 'typeorm'
import { ClientEntity, HandoverEntity, IssueEntity, TurnaroundEntity } from '../../db/entities'
import { DomainError, notFound } from '../../domain-error'
import type { TurnaroundDetail, TurnaroundSummary } from '../../../shared/turnarounds/models'
import type { TurnaroundDetailsData, TurnaroundOpenData } from '../../../shared/turnarounds/schemas'
import { addDays } from '../../../shared/dates'
import type { AgreementChannel, Outcome } from '../../../shared/turnarounds/words'
import { refreshDerived } from './derived'
import type { TurnaroundsContext } from './turnarounds-context'
import { listTurnarounds } from './turnaround-list-query'

/** A turnaround's life: opened, handed over, agreed, committed to, planned, closed, checked in on. */
export class TurnaroundsService {
  constructor(private readonly ctx: TurnaroundsContext) {}

  async list(state: 'open' | 'closed' | 'all', clientId: number | null): Promise<TurnaroundSummary[]> {
    const settings = await this.ctx.deps.settings()
    return listTurnarounds(this.ctx.deps.manager, {
      state,
      clientId,
      today: this.ctx.today(),
      warningDays: settings.warningWindowDays,
    })
  }

  get(id: number): Promise<TurnaroundDetail> {
    return this.ctx.detail(id)
  }

  async open(input: TurnaroundOpenData, options: { isSample?: boolean } = {}): Promise<TurnaroundDetail> {
    const settings = await this.ctx.deps.settings()
    const id = await this.ctx.deps.manager.transaction(async (m) => {
      const client = await m.findOneBy(ClientEntity, { id: input.clientId })
      if (!client) throw notFound('client')
      if (!options.isSample) this.ctx.notInFuture(input.openedOn, 'openedOn', 'The day it opened')
      if (await m.existsBy(TurnaroundEntity, { clientId: input.clientId, closedOn: IsNull() })) {
        throw new DomainError(
          'VALIDATION',
          `${client.name} already has an open turnaround. Continue that one, or close it first.`,
          'clientId',
        )
      }
      const t = Object.assign(new TurnaroundEntity(), {
        clientId: input.clientId,
        openedOn: input.openedOn,
        owner: input.firstHeardBy,
        issuesAgreedOn: null,
        issuesAgreedVia: null,
        agreementSnapshot: null,
        agreementMissingNote: '',
        planAgreedOn: null,
        closedOn: null,
        outcome: null,
        closingNote: '',
        checkInDueOn: null,
        checkedInOn: null,
        lastTouchpointOn: null,
        nextFollowUpOn: null,
        followUpSnoozedUntil: null,
        stage: 'listening' as const,
        isSample: options.isSample ?? false,
        createdAt: this.ctx.stamp(),
        updatedAt: this.ctx.stamp(),
      })
      this.applyDetails(t, input, settings.followUpEveryDays)
      this.ctx.notBeforeOpening(t, input.responsePromisedOn, 'responsePromisedOn', 'The promised response date')
      const saved = await m.save(t)
      if (client.status !== 'in_turnaround') {
        client.status = 'in_turnaround'
        client.updatedAt = this.ctx.stamp()
        await m.save(client)
      }
      await refreshDerived(m, saved.id)
      return saved.id
    })
    return this.ctx.detail(id)
  }

  update(id: number, details: TurnaroundDetailsData, version?: number): Promise<TurnaroundDetail> {
    return this.ctx.mutate(id, async (m, t) => {
      await claimVersion(m, TurnaroundEntity, id, { seen: version, what: 'This turnaround', now: this.ctx.deps.now() })
      this.applyDetails(t, details, t.followUpEveryDays)
      this.ctx.notBeforeOpening(t, details.responsePromisedOn, 'responsePromisedOn', 'The promised response date')
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
    })
  }

  handOver(id: number, toOwner: string, reason: string, handedOn: string): Promise<TurnaroundDetail> {
    return this.ctx.mutate(id, async (m, t) => {
      this.ctx.notBeforeOpening(t, handedOn, 'handedOn', 'The hand-over')
      this.ctx.notInFuture(handedOn, 'handedOn', 'The hand-over')
      if (toOwner === t.owner)
        throw new DomainError('VALIDATION', `${toOwner} already owns this turnaround.`, 'toOwner')
      await m.insert(HandoverEntity, { turnaroundId: id, handedOn, fromOwner: t.owner, toOwner, reason })
      t.owner = toOwner
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
    })
  }

  /** The client agreed the list: every issue must be specific (or dropped) first. */
  recordAgreement(id: number, agreedOn: string, via: AgreementChannel, missingNote: string): Promise<TurnaroundDetail> {
    return this.ctx.mutate(id, async (m, t) => {
      this.ctx.notBeforeOpening(t, agreedOn, 'agreedOn', 'The agreement')
      this.ctx.notInFuture(agreedOn, 'agreedOn', 'The agreement')
      const issues = await m.find(IssueEntity, { where: { turnaroundId: id }, order: { id: 'ASC' } })
      const live = issues.filter((i) => i.status !== 'dropped')
      if (live.length === 0)
        throw new DomainError('VALIDATION', 'Add at least one specific issue before recording the agreement.')
      const general = live.filter((i) => i.isGeneral)
      if (general.length > 0) {
        throw new DomainError(
          'VALIDATION',
          `Make these issues specific or drop them first: ${general.map((i) => `“${i.statement}”`).join(', ')}.`,
        )
      }
      t.issuesAgreedOn = agreedOn
      t.issuesAgreedVia = via
      t.agreementMissingNote = missingNote
      t.agreementSnapshot = JSON.stringify(live.map((i) => ({ id: i.id, statement: i.statement })))
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
    })
  }

  agreePlan(id: number, agreedOn: string): Promise<TurnaroundDetail> {
    return this.ctx.mutate(id, async (m, t) => {
      this.ctx.notBeforeOpening(t, agreedOn, 'agreedOn', 'The plan agreement')
      this.ctx.notInFuture(agreedOn, 'agreedOn', 'The plan agreement')
      t.planAgreedOn = agreedOn
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
    })
  }

  close(
    id: number,
    outcome: Outcome,
    closedOn: string,
    note: string,
    checkInAfterDays?: number,
  ): Promise<TurnaroundDetail> {
    return this.ctx.mutate(id, async (m, t) => {
      if (t.closedOn) throw new DomainError('VALIDATION', 'This turnaround is already closed.')
      this.ctx.notBeforeOpening(t, closedOn, 'closedOn', 'The closing date')
      this.ctx.notInFuture(closedOn, 'closedOn', 'The closing date')
      const settings = await this.ctx.deps.settings()
      t.closedOn = closedOn
      t.outcome = outcome
      t.closingNote = note
      t.checkInDueOn = addDays(closedOn, checkInAfterDays ?? settings.checkInAfterDays)
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
      const client = await m.findOneByOrFail(ClientEntity, { id: t.clientId })
      client.status = outcome === 'recovered' ? 'recovered' : 'let_go'
      client.updatedAt = this.ctx.stamp()
      await m.save(client)
    })
  }

  checkIn(id: number, checkedInOn: string): Promise<TurnaroundDetail> {
    return this.ctx.mutate(id, async (m, t) => {
      if (!t.closedOn) throw new DomainError('VALIDATION', 'A check-in comes after the turnaround is closed.')
      if (checkedInOn < t.closedOn)
        throw new DomainError(
          'VALIDATION',
          `A check-in comes after the turnaround closed (${t.closedOn}).`,
          'checkedInOn',
        )
      this.ctx.notInFuture(checkedInOn, 'checkedInOn', 'The check-in')
      t.checkedInOn = checkedInOn
      t.updatedAt = this.ctx.stamp()
      await m.save(t)
    })
  }

  /**
   * Removes the turnaround with its issues, actions, commitments, touchpoints and hand-overs
   * (cascade). A client left "in turnaround" with none open goes back to "at risk", for the owner
   * to settle.
   */
  async delete(id: number): Promise<{ deleted: number }> {
    return this.ctx.deps.manager.transaction(async (m) => {
      const t = await m.findOneBy(TurnaroundEntity, { id })
      if (!t) throw notFound('turnaround')
      await m.delete(TurnaroundEntity, { id })
      const client = await m.findOneBy(ClientEntity, { id: t.clientId })
      if (
        client?.status === 'in_turnaround' &&
        !(await m.existsBy(TurnaroundEntity, { clientId: t.clientId, closedOn: IsNull() }))
      ) {
        client.status = 'at_risk'
        client.updatedAt = this.ctx.stamp()
        await m.save(client)
      }
      return { deleted: 1 }
    })
  }

  private applyDetails(t: TurnaroundEntity, d: TurnaroundDetailsData, defaultEvery: number): void {
    t.firstHeardBy = d.firstHeardBy
    t.channel = d.channel
    t.clientWords = d.clientWords
    t.clientExpectation = d.clientExpectation
    t.responsePromisedOn = d.responsePromisedOn
    t.followUpEveryDays = d.followUpEveryDays ?? defaultEvery
  }
}
