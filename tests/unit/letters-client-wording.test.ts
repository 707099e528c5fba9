/**
 * What the client reads is written for the client: an issue's wording for the client replaces the
 * owner's working note in every letter, and the apology apologises only for what was our fault.
 */
import { describe, expect, it } from 'vitest'
import type { LetterDraftResult } from '../../electron/shared/letters/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { blocksText, call as callApp, useLettersApp } from '../support/letters-fixture'

const app = useLettersApp()
const call = <T>(channel: string, input?: unknown) => callApp<T>(app(), channel, input)

const NOTE = 'Michael and Jess have fallen out over the phone'
const WORDING = 'Our phone calls with you have not been as courteous as they should have been'

async function turnaroundWith(
  issues: Array<Record<string, unknown>>,
): Promise<{ clientId: number; t: TurnaroundDetail }> {
  const c = await call<{ id: number }>('clients:create', {
    name: 'Chen & Partners',
    contactPerson: 'Michael Chen',
  })
  let t = await call<TurnaroundDetail>('turnarounds:open', {
    clientId: c.id,
    openedOn: '2026-11-10',
    firstHeardBy: 'Maya Okafor',
  })
  for (const issue of issues)
    t = await call<TurnaroundDetail>('issues:save', {
      turnaroundId: t.id,
      issue: { raisedOn: '2026-11-10', ...issue },
    })
  return { clientId: c.id, t }
}

const letter = async (clientId: number, kind: string) =>
  blocksText((await call<LetterDraftResult>('letters:start', { clientId, kind, goodwill: '' })).draft.blocks)

describe('an issue’s wording for the client', () => {
  it('is kept with the issue and printed in every letter instead of the working note', async () => {
    const { clientId, t } = await turnaroundWith([{ statement: NOTE, clientWording: WORDING, reality: 'real' }])
    expect(t.issues[0]).toMatchObject({ statement: NOTE, clientWording: WORDING })
    for (const kind of ['follow_up', 'apology', 'plan', 'check_in']) {
      const text = await letter(clientId, kind)
      expect(text, kind).not.toContain(NOTE)
      if (kind !== 'check_in') expect(text, kind).toContain(WORDING)
    }
  })

  it('leaves the statement in the letter when no wording is given', async () => {
    const { clientId } = await turnaroundWith([{ statement: 'The March report arrived 9 days late', reality: 'real' }])
    expect(await letter(clientId, 'apology')).toContain('The March report arrived 9 days late')
  })

  it('is refused beyond 1,000 characters, with the field named', async () => {
    const { t } = await turnaroundWith([])
    const r = (await app().call('issues:save', {
      turnaroundId: t.id,
      issue: { statement: 'Late', raisedOn: '2026-11-10', clientWording: 'x'.repeat(1001) },
    })) as { ok: boolean; error?: { field?: string } }
    expect(r.ok).toBe(false)
    expect(r.error?.field).toBe('issue.clientWording')
  })
})

describe('the apology by what was really our fault', () => {
  it('says sorry for the real issues and acknowledges the perceived ones apart', async () => {
    const { clientId } = await turnaroundWith([
      { statement: 'Window cards went to the Clifton branch instead of Redland', reality: 'real' },
      { statement: 'The agreed board price is too high', reality: 'perceived' },
    ])
    const text = await letter(clientId, 'apology')
    const sorry = text.indexOf('I am sorry.')
    expect(text.indexOf('Window cards went to the Clifton branch')).toBeLessThan(sorry)
    expect(text.indexOf('We see some of it differently')).toBeGreaterThan(sorry)
    expect(text.indexOf('The agreed board price is too high')).toBeGreaterThan(
      text.indexOf('We see some of it differently'),
    )
  })

  it('does not apologise for a fault of ours when every issue was perceived', async () => {
    const { clientId } = await turnaroundWith([
      { statement: 'The agreed board price is too high', reality: 'perceived' },
    ])
    const text = await letter(clientId, 'apology')
    expect(text).not.toContain('This is not the standard we hold ourselves to')
    expect(text).toContain('You told us about the following. We see some of it differently')
  })

  it('says it is still looking into issues whose cause is not yet known', async () => {
    const { clientId } = await turnaroundWith([{ statement: 'Two boxes arrived crushed' }])
    const text = await letter(clientId, 'apology')
    expect(text).toContain('We are looking into exactly how each of these happened')
    expect(text).toContain('Two boxes arrived crushed')
  })
})
