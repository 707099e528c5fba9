/**
 * The parting letter is courteous and firm: the day the work ends (the notice given), what is still
 * delivered, what is owed either way (from the ledger on the letter's date), how files and data go
 * back, and no promise of the turnaround it ends. And the wording that must match the facts: "at
 * our meeting" only after a meeting, dates spoken of only when there are some, "I hope each has
 * stayed resolved" only when none is open.
 */
import { describe, expect, it } from 'vitest'
import type { LetterDraftResult } from '../../electron/shared/letters/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { blocksText, call, fullClient, nearlyEmptyClient, refused, useLettersApp } from '../support/letters-fixture'

const app = useLettersApp()

const start = (input: Record<string, unknown>) =>
  call<LetterDraftResult>(app(), 'letters:start', { goodwill: '', ...input })

describe('the parting letter', () => {
  it('gives the notice, what is still delivered, how files go back, and promises nothing of the turnaround', async () => {
    const { client } = await fullClient(app())
    const result = await start({ clientId: client.id, kind: 'parting', endsOn: '2026-12-22' })
    const text = blocksText(result.draft.blocks)
    expect(text).toContain(
      'This letter is our notice: our work together will end on 22 December 2026, 30 days from today.',
    )
    expect(text).toContain(
      'Any order you have already placed with us will be completed and delivered by 22 December 2026',
    )
    expect(text).toContain(
      'The plan we were working through ends with this letter: we will not take further steps on it.',
    )
    expect(text).toContain(
      'we will return all your files, artwork and materials, sending them to elodie@acme.example.com',
    )
    expect(text).toContain('delete our copies of your data')
    expect(text).toContain('Nothing is owed either way today.')
    // None of the turnaround's open promises is made again.
    for (const promise of ['Send the written plan', 'Rebuild the reporting process', 'as promised'])
      expect(text).not.toContain(promise)
  })

  it('says what the client owes, or what we owe, on the letter’s date', async () => {
    const { client } = await fullClient(app())
    const entry = (kind: string, entryDate: string, amountMinor: number) =>
      call(app(), 'ledger:save', {
        clientId: client.id,
        entry: { kind, entryDate, description: kind, currency: 'GBP', amountMinor },
      })
    await entry('invoice', '2026-10-01', 120000)
    await entry('payment', '2026-10-20', 50000)
    let text = blocksText((await start({ clientId: client.id, kind: 'parting' })).draft.blocks)
    expect(text).toContain('Your account shows £700.00 outstanding. Please settle it by 22 December 2026.')
    await entry('payment', '2026-11-01', 100000)
    text = blocksText((await start({ clientId: client.id, kind: 'parting' })).draft.blocks)
    expect(text).toContain(
      'You have paid £300.00 more than we have invoiced, and we will refund it in full by 22 December 2026.',
    )
    // On an earlier date, the later payment does not count yet.
    text = blocksText(
      (await start({ clientId: client.id, kind: 'parting', date: '2026-10-25', endsOn: '2026-11-24' })).draft.blocks,
    )
    expect(text).toContain('Your account shows £700.00 outstanding.')
  })

  it('ends today when no notice is given, and refuses an end before the letter’s date', async () => {
    const client = await nearlyEmptyClient(app())
    const text = blocksText((await start({ clientId: client.id, kind: 'parting', endsOn: '2026-11-22' })).draft.blocks)
    expect(text).toContain('Our work together ends today, 22 November 2026.')
    expect(text).toContain('Within the next two weeks we will return all your files')
    const problem = await refused(app(), 'letters:start', {
      clientId: client.id,
      kind: 'parting',
      goodwill: '',
      endsOn: '2026-11-01',
    })
    expect(problem.field).toBe('endsOn')
  })
})

describe('wording that matches the facts', () => {
  it('speaks of our meeting only after a meeting', async () => {
    const { client, turnaround } = await fullClient(app())
    // The agreement was recorded as made at a meeting, but the only touchpoint by then was a call.
    await call(app(), 'touchpoints:save', {
      clientId: client.id,
      turnaroundId: turnaround.id,
      touchpoint: {
        kind: 'call',
        occurredOn: '2026-11-19',
        who: 'Maya Okafor',
        minutes: 20,
        summary: 'Agreed the list',
      },
    })
    const result = await start({ clientId: client.id, kind: 'follow_up' })
    const text = `${result.draft.subject}\n${blocksText(result.draft.blocks)}`
    expect(text).not.toContain('meeting')
    expect(text).toContain('Following up on our call of 20 November 2026')
    expect(text).toContain('These are the commitments we each made on our call')
    await call(app(), 'touchpoints:save', {
      clientId: client.id,
      turnaroundId: turnaround.id,
      touchpoint: { kind: 'meeting', occurredOn: '2026-11-20', who: 'Maya Okafor', minutes: 60, summary: 'Met' },
    })
    const after = blocksText((await start({ clientId: client.id, kind: 'follow_up' })).draft.blocks)
    expect(after).toContain('These are the commitments we each made at our meeting')
  })

  it('says "our conversation" when no touchpoint or agreement says how we spoke', async () => {
    const client = await nearlyEmptyClient(app())
    const result = await start({ clientId: client.id, kind: 'follow_up' })
    expect(result.draft.subject).toBe('Following up on our conversation')
    expect(blocksText(result.draft.blocks)).not.toContain('meet')
  })

  it('the plan speaks of dates only when its steps have some', async () => {
    const { client, turnaround } = await fullClient(app())
    expect(blocksText((await start({ clientId: client.id, kind: 'plan' })).draft.blocks)).toContain(
      'we have set dates we are confident we can meet',
    )
    for (const action of turnaround.actions) await call<TurnaroundDetail>(app(), 'actions:delete', { id: action.id })
    await call<TurnaroundDetail>(app(), 'actions:save', {
      turnaroundId: turnaround.id,
      action: { issueId: null, title: 'Call before each delivery', impact: 3, effortMinutes: 15, dueOn: null },
    })
    const text = blocksText((await start({ clientId: client.id, kind: 'plan' })).draft.blocks)
    expect(text).not.toMatch(/dates? (we are confident|realistic)/)
  })

  it('hopes the issues stayed resolved only when none is open', async () => {
    const { client, turnaround } = await fullClient(app())
    const [first] = turnaround.issues
    await call(app(), 'issues:save', {
      turnaroundId: turnaround.id,
      id: first?.id,
      issue: { statement: first?.statement, raisedOn: first?.raisedOn, status: 'resolved' },
    })
    const text = blocksText((await start({ clientId: client.id, kind: 'check_in' })).draft.blocks)
    expect(text).toContain('These are resolved:')
    expect(text).not.toContain('I hope each of these has stayed resolved')
    expect(text).toContain('If any of these has come back')
  })
})
