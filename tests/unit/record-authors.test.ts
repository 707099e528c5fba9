/**
 * Every record people edit comes back to the window with who added it and who changed it last,
 * and when: the client, the turnaround, its issues and commitments, and ledger entries (listed and
 * fetched alone). A change that is not an edit of a form (marking a commitment done, handing a
 * turnaround over) names its author too, so "last changed by" and "at" speak of the same change.
 * Runs on SQLite (unit) and on PostgreSQL (unit-pg).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { LedgerEntryView } from '../../electron/shared/ledger/models'
import type { Client } from '../../electron/shared/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { VALID_INPUTS } from '../support/valid-inputs'
import { ok, openDesktops } from '../support/desktops'
import { openTestApp, type TestApp } from '../support/temp-db'

let apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps) await a.close()
  apps = []
})

/** Dana's and Sam's desktops over one database, on one clock that moves a minute per reading. */
async function twoDesktops(): Promise<[TestApp, TestApp]> {
  let at = Date.parse('2026-11-22T09:30:00Z')
  const [dana, sam] = await openDesktops(['Dana', 'Sam'], () => new Date((at += 60_000)))
  apps.push(dana!, sam!)
  return [dana!, sam!]
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
/** Added by Dana; last changed by `by`, later than it was added. */
function expectAuthors(r: { createdBy: string; updatedBy: string; createdAt: string; updatedAt: string }, by: string) {
  expect(r).toMatchObject({ createdBy: 'Dana', updatedBy: by })
  expect(r.createdAt).toMatch(ISO)
  expect(r.updatedAt).toMatch(ISO)
  if (by !== 'Dana') expect(r.updatedAt > r.createdAt).toBe(true)
}

describe('record authors', () => {
  it('each record says who added it and who last changed it, and when', async () => {
    const [dana, sam] = await twoDesktops()
    await ok(dana, 'profile:save', VALID_INPUTS['profile:save'])
    const client = await ok<Client>(dana, 'clients:create', { name: 'Alder Bakery' })
    expectAuthors(client, 'Dana')
    expect(client.updatedAt).toBe(client.createdAt)
    const edited = await ok<Client>(sam, 'clients:update', { id: client.id, version: 1, client: { name: 'Alder' } })
    expectAuthors(edited, 'Sam')
    expectAuthors(await ok<Client>(dana, 'clients:get', { id: client.id }), 'Sam')

    const t = await ok<TurnaroundDetail>(dana, 'turnarounds:open', {
      ...VALID_INPUTS['turnarounds:open'],
      clientId: client.id,
    })
    expectAuthors(t, 'Dana')
    await ok(dana, 'issues:save', { turnaroundId: t.id, issue: VALID_INPUTS['issues:save'].issue })
    const commitment = { party: 'us', description: 'Deliver the reprint', dueOn: '2026-11-30' }
    const withBoth = await ok<TurnaroundDetail>(dana, 'commitments:save', { turnaroundId: t.id, commitment })
    const issue = withBoth.issues[0]!
    const promise = withBoth.commitments[0]!
    expectAuthors(issue, 'Dana')
    expectAuthors(promise, 'Dana')

    await ok(sam, 'issues:save', {
      turnaroundId: t.id,
      id: issue.id,
      version: issue.version,
      issue: { ...VALID_INPUTS['issues:save'].issue, statement: 'Sam’s words' },
    })
    // Not an edit of a form: no version is claimed, but the change is Sam's.
    await ok(sam, 'commitments:mark-done', { id: promise.id, doneOn: '2026-11-22' })
    await ok(sam, 'turnarounds:hand-over', { ...VALID_INPUTS['turnarounds:hand-over'], id: t.id })

    const seen = await ok<TurnaroundDetail>(dana, 'turnarounds:get', { id: t.id })
    expectAuthors(seen, 'Sam')
    expectAuthors(seen.issues[0]!, 'Sam')
    expectAuthors(seen.commitments[0]!, 'Sam')
    expect(seen.commitments[0]!.version).toBe(promise.version)

    const entry = {
      kind: 'invoice',
      entryDate: '2026-11-20',
      description: 'Reprint',
      currency: 'GBP',
      amountMinor: 5000,
    }
    const e = await ok<LedgerEntryView>(dana, 'ledger:save', { clientId: client.id, entry })
    expectAuthors(e, 'Dana')
    await ok(sam, 'ledger:save', { clientId: client.id, id: e.id, version: 1, entry: { ...entry, amountMinor: 6000 } })
    expectAuthors(await ok<LedgerEntryView>(dana, 'ledger:get', { id: e.id }), 'Sam')
    expectAuthors((await ok<LedgerEntryView[]>(dana, 'ledger:list', { clientId: client.id }))[0]!, 'Sam')
  })

  it('a desktop nobody named leaves the names empty, and the dates still come back', async () => {
    const app = await openTestApp()
    apps.push(app)
    const client = await ok<Client>(app, 'clients:create', { name: 'Birch Architects' })
    expect(client).toMatchObject({ createdBy: '', updatedBy: '' })
    expect(client.createdAt).toMatch(ISO)
  })
})
