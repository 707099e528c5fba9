/**
 * The client's commitment holds several parts at once (pay the outstanding invoice and give a
 * referral), each measurable: its amount, its day and what counts as met. They persist in order
 * across a restart, replace each other as a whole, move the stage on, and reach the letters'
 * merge fields (turnaround.client_commitment, client_commitment_parts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiErrorData, Envelope } from '../../electron/shared/envelope'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { buildMergeData, joinedAsSentence } from '../../electron/main/features/letters/merge-data'
import { PROFILE } from '../support/letters-fixture'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'

const NOW = new Date(2026, 10, 22, 9, 30)
let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function call<T = TurnaroundDetail>(channel: string, input?: unknown): Promise<T> {
  const result = (await (app as TestApp).call(channel, input)) as Envelope<T>
  if (!result.ok) throw new Error(`${channel}: ${result.error.field ?? '-'}: ${result.error.message}`)
  return result.data
}

async function refused(channel: string, input: unknown): Promise<ApiErrorData> {
  const result = (await (app as TestApp).call(channel, input)) as Envelope<unknown>
  if (result.ok) throw new Error(`${channel} should have been refused`)
  return result.error
}

async function agreedTurnaround(): Promise<TurnaroundDetail> {
  const client = await call<{ id: number }>('clients:create', { name: 'Harbour Print' })
  const t = await call('turnarounds:open', { clientId: client.id, openedOn: '2026-11-10', firstHeardBy: 'Mara' })
  await call('issues:save', {
    turnaroundId: t.id,
    issue: { statement: 'Invoice 1042 charged 40 boards', raisedOn: '2026-11-10' },
  })
  return call('turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-12', via: 'call' })
}

const PAY = {
  kind: 'pay_invoice',
  description: 'Pay invoice 1042 once it is corrected',
  amountMinor: 112000,
  dueOn: '2026-12-15',
  metWhen: 'The full amount is in our account',
} as const
const REFER = {
  kind: 'referral',
  description: 'Introduce us to the farm shop next door',
  amountMinor: null,
  dueOn: null,
  metWhen: 'The farm shop asks us for a quote',
} as const

describe('the client’s commitment in several parts', () => {
  it('holds paying the invoice and giving a referral at once, each measurable, kept across a restart', async () => {
    const dir = tempDir()
    app = await openTestApp(dir, () => NOW)
    const t = await agreedTurnaround()
    expect(t.stage).toBe('issues_agreed')
    const d = await call('turnarounds:set-client-commitment', { id: t.id, parts: [PAY, REFER] })
    expect(d.clientCommitments).toMatchObject([PAY, REFER])
    expect(d.stage).toBe('client_committed')
    await app.close()

    app = await openTestApp(dir, () => NOW)
    expect((await call('turnarounds:get', { id: t.id })).clientCommitments).toMatchObject([PAY, REFER])

    // Saving again replaces the parts as a whole, in the order given.
    const again = await call('turnarounds:set-client-commitment', { id: t.id, parts: [REFER] })
    expect(again.clientCommitments).toMatchObject([REFER])
    const rows = await app.db.dataSource.query('SELECT COUNT(*) AS n FROM turnaround_client_commitments')
    expect(rows[0].n).toBe(1)
  })

  it('says which part lacks its words, and refuses a day before the turnaround opened or no part at all', async () => {
    app = await openTestApp(undefined, () => NOW)
    const t = await agreedTurnaround()
    const blank = await refused('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [PAY, { ...REFER, description: '  ' }],
    })
    expect(blank.field).toBe('parts.1.description')
    const early = await refused('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [{ ...PAY, dueOn: '2026-11-01' }],
    })
    expect(early).toMatchObject({ field: 'parts.0.dueOn' })
    expect(early.message).toMatch(/before the turnaround opened/)
    const none = await refused('turnarounds:set-client-commitment', { id: t.id, parts: [] })
    expect(none.message).toBe('Add at least one thing the client will do.')
    expect((await call('turnarounds:get', { id: t.id })).clientCommitments).toEqual([])
  })

  it('goes with its turnaround when the turnaround is deleted', async () => {
    app = await openTestApp(undefined, () => NOW)
    const t = await agreedTurnaround()
    await call('turnarounds:set-client-commitment', { id: t.id, parts: [PAY, REFER] })
    await call('turnarounds:delete', { id: t.id })
    const rows = await app.db.dataSource.query('SELECT COUNT(*) AS n FROM turnaround_client_commitments')
    expect(rows[0].n).toBe(0)
  })

  it('reaches the letters: one sentence, the amounts added up, and a list of parts', async () => {
    app = await openTestApp(undefined, () => NOW)
    const t = await agreedTurnaround()
    const d = await call('turnarounds:set-client-commitment', {
      id: t.id,
      parts: [PAY, REFER, { ...REFER, kind: 'renew', description: 'Renew in June', amountMinor: 540000 }],
    })
    const profile = await call<Parameters<typeof buildMergeData>[0]['profile']>('profile:save', PROFILE)
    const client = await call<Parameters<typeof buildMergeData>[0]['client']>('clients:get', { id: d.clientId })
    const { context } = buildMergeData({
      profile: { ...profile, currency: 'GBP' },
      client,
      turnaround: d,
      kind: 'follow_up',
      date: '2026-11-22',
      goodwill: '',
      pageSize: 'A4',
    })
    expect(context.turnaround).toMatchObject({
      client_commitment:
        'Pay invoice 1042 once it is corrected (£1,120.00) by 15 December 2026; Introduce us to the farm shop next door; and Renew in June (£5,400.00)',
      client_commitment_amount: '£6,520.00',
    })
    expect(context.client_commitment_parts).toEqual([
      {
        kind: 'Pay an outstanding invoice',
        description: PAY.description,
        amount: '£1,120.00',
        due: '15 December 2026',
        met_when: PAY.metWhen,
        kept: false,
        kept_on: '',
        text: 'Pay invoice 1042 once it is corrected (£1,120.00) by 15 December 2026',
      },
      expect.objectContaining({ kind: 'Give a referral', amount: '', due: '', met_when: REFER.metWhen }),
      expect.objectContaining({ kind: 'Renew', amount: '£5,400.00' }),
    ])
  })

  it('joins parts as a sentence', () => {
    expect(joinedAsSentence([])).toBe('')
    expect(joinedAsSentence(['a'])).toBe('a')
    expect(joinedAsSentence(['a', 'b'])).toBe('a and b')
    expect(joinedAsSentence(['a', 'b', 'c'])).toBe('a; b; and c')
  })
})
