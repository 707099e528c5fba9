/**
 * A letter tells the facts as they stood on its date: every template rendered against one
 * turnaround at chosen dates (before the agreement, on the day, weeks later): done commitments as
 * done, late and missed ones as such, no date already past promised, issues raised after the
 * agreement named as new and those raised after the letter's date left out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TableBlockData } from '../../electron/shared/letters/blocks'
import type { LetterDraftResult } from '../../electron/shared/letters/models'
import { LETTER_KINDS } from '../../electron/shared/letters/words'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { NOW, PROFILE, blocksText, call, fullClient, refused, type FullClient } from '../support/letters-fixture'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp
let now = NOW
beforeEach(async () => {
  now = NOW
  app = await openTestApp(undefined, () => now)
  await call(app, 'profile:save', PROFILE)
})
afterEach(async () => {
  await app.close()
})

const NEW_ISSUE = 'The December proofs came without the agreed colour check'
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** The full client's turnaround three weeks on: the corrected report sent, the plan not yet, a new issue. */
async function threeWeeksOn(): Promise<FullClient> {
  const full = await fullClient(app)
  now = new Date(2026, 11, 13, 9, 30)
  const report = full.turnaround.commitments.find((c) => c.description === 'Send the corrected March report')
  let t = await call<TurnaroundDetail>(app, 'commitments:mark-done', { id: report?.id, doneOn: '2026-11-24' })
  t = await call<TurnaroundDetail>(app, 'issues:save', {
    turnaroundId: t.id,
    issue: { statement: NEW_ISSUE, raisedOn: '2026-11-28' },
  })
  return { ...full, turnaround: t }
}

const start = (clientId: number, kind: string, date?: string) =>
  call<LetterDraftResult>(app, 'letters:start', { clientId, kind, goodwill: '', date })
const tableOf = (result: LetterDraftResult, first: string) =>
  result.draft.blocks.find((b): b is TableBlockData => b.type === 'table' && b.columns[0] === first) ?? null

/** Every "by <date>" in the text: a promise, so never of a date before the letter's. */
function promisedDates(text: string): string[] {
  return [...text.matchAll(/\bby (\d{1,2}) (\w+) (\d{4})/g)].map(
    (m) =>
      `${m[3]}-${String(MONTHS.indexOf(m[2] as string) + 1).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`,
  )
}

describe('the follow-up, three weeks after the meeting', () => {
  it('shows the done commitment as done, the late ones as late, and does not promise the past date', async () => {
    const { client } = await threeWeeksOn()
    const result = await start(client.id, 'follow_up')
    expect(result.draft.date).toBe('2026-12-13')
    const text = blocksText(result.draft.blocks)
    expect(text).not.toContain('I will send you a written plan by 27 November 2026')
    expect(text).toContain(
      'I promised you a written plan by 27 November 2026, and I have not yet sent it: I am sorry for the delay.',
    )
    expect(tableOf(result, 'Who')?.rows).toEqual([
      ['We', 'Send the corrected March report', 'Done on 24 November 2026'],
      ['We', 'Send the written plan', 'Late: it was due on 27 November 2026'],
      ['You', 'Confirm the report recipients', 'Late: it was due on 3 December 2026'],
    ])
    expect(text).toContain('These are the commitments we each made at our meeting, and where each one stands:')
  })

  it('names an issue raised after the agreement as new, after the agreed ones', async () => {
    const { client } = await threeWeeksOn()
    const result = await start(client.id, 'follow_up')
    const issues = tableOf(result, '#')
    expect(issues?.rows.map((r) => r[1])).toEqual([
      'The March and April reports arrived 6 and 9 days late',
      'The March report had the wrong VAT figures',
      'Nobody called when the April delivery slipped',
      `${NEW_ISSUE} (raised since we agreed the list)`,
    ])
    expect(blocksText(result.draft.blocks)).toContain(
      'These are the issues we agreed on, and the one raised since, marked as new.',
    )
  })

  it('written on the day of the meeting, promises the plan by its date and lists what was agreed', async () => {
    const { client } = await fullClient(app)
    const result = await start(client.id, 'follow_up')
    const text = blocksText(result.draft.blocks)
    expect(text).toContain('I will send you a written plan by 27 November 2026.')
    expect(text).toContain('These are the issues we agreed on. If anything is missing')
    expect(tableOf(result, 'Who')?.rows.map((r) => r[2])).toEqual([
      'By 25 November 2026',
      'By 27 November 2026',
      'By 3 December 2026',
    ])
  })

  it('dated before the agreement, speaks of the issues raised, not agreed, and knows nothing of later ones', async () => {
    const { client } = await threeWeeksOn()
    const result = await start(client.id, 'follow_up', '2026-11-15')
    expect(result.draft.date).toBe('2026-11-15')
    // Nothing yet says how we spoke: no touchpoint, no agreement by then.
    expect(result.draft.subject).toBe('Following up on our conversation')
    const text = blocksText(result.draft.blocks)
    expect(
      result.draft.blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.text),
    ).toContain('The issues you raised')
    expect(text).not.toContain('we agreed')
    expect(text).not.toContain(NEW_ISSUE)
    // The report was sent on 24 November: on the 15th it was still to come.
    expect(tableOf(result, 'Who')?.rows[0]).toEqual(['We', 'Send the corrected March report', 'By 25 November 2026'])
  })

  it('refuses a letter dated in the future', async () => {
    const { client } = await fullClient(app)
    const error = await refused(app, 'letters:start', {
      clientId: client.id,
      kind: 'follow_up',
      goodwill: '',
      date: '2026-11-23',
    })
    expect(error.field).toBe('date')
  })
})

describe('every template at a chosen date', () => {
  for (const kind of LETTER_KINDS) {
    it(`${kind}: never promises a date already past, on any of four dates`, async () => {
      const { client } = await threeWeeksOn()
      now = new Date(2027, 0, 20, 9, 30)
      for (const date of ['2026-11-15', '2026-11-22', '2026-12-13', '2027-01-20']) {
        const result = await start(client.id, kind, date)
        const text = `${result.draft.subject}\n${blocksText(result.draft.blocks)}`
        for (const promised of promisedDates(text.replace(/I promised you a written plan by [^,]+,/, '')))
          expect(promised >= date, `${kind} on ${date} promises ${promised}`).toBe(true)
        for (const table of result.draft.blocks.filter((b): b is TableBlockData => b.type === 'table')) {
          for (const cell of table.rows.flat().filter((c) => c.startsWith('By ')))
            expect(promisedDates(`b${cell.slice(1)}`)[0]! >= date, cell).toBe(true)
        }
      }
    })
  }

  it('the plan and the apology say which steps are done and which are late', async () => {
    const { client, turnaround } = await threeWeeksOn()
    const calendar = turnaround.actions.find((a) => a.title === 'Put the report date in the shared calendar')
    const action = {
      issueId: calendar?.issueId,
      title: calendar?.title,
      impact: calendar?.impact,
      effortMinutes: calendar?.effortMinutes,
      dueOn: calendar?.dueOn,
      status: 'done',
    }
    await call(app, 'actions:save', { turnaroundId: turnaround.id, id: calendar?.id, action })
    const apology = blocksText((await start(client.id, 'apology')).draft.blocks)
    expect(apology).toContain('Put the report date in the shared calendar (done)')
    expect(apology).toContain('Rebuild the reporting process, by 15 December 2026')
    const plan = await start(client.id, 'plan')
    expect(tableOf(plan, '#')?.rows.map((r) => [r[1], r[3]])).toEqual([
      ['Rebuild the reporting process', 'By 15 December 2026'],
      ['Put the report date in the shared calendar', 'Done'],
    ])
    now = new Date(2027, 0, 5, 9, 30)
    const later = await start(client.id, 'plan')
    expect(blocksText((await start(client.id, 'apology')).draft.blocks)).toContain(
      'Rebuild the reporting process (it was due on 15 December 2026: it is late, and I am sorry)',
    )
    expect(tableOf(later, '#')?.rows.find((r) => r[1] === 'Rebuild the reporting process')?.[3]).toBe(
      'Late: it was due on 15 December 2026',
    )
  })

  it('the check-in tells the resolved issues from the open ones', async () => {
    const { client, turnaround } = await threeWeeksOn()
    const first = turnaround.issues[0] as TurnaroundDetail['issues'][number]
    await call(app, 'issues:save', {
      turnaroundId: turnaround.id,
      id: first.id,
      issue: { statement: first.statement, raisedOn: first.raisedOn, status: 'resolved' },
    })
    const text = blocksText((await start(client.id, 'check_in')).draft.blocks)
    expect(text).toMatch(
      /These are resolved:\nThe March and April reports arrived 6 and 9 days late\nIf any of these has come back, I would like to hear about it now/,
    )
    expect(text).toContain('And these are still open:\nThe March report had the wrong VAT figures')
    expect(text).toContain(NEW_ISSUE)
  })
})
