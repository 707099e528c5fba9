/**
 * Two desktops on the same data: each record people edit keeps a version and who made and changed
 * it; a save of a version someone else has since changed is refused, saying who and when, and
 * writes nothing. Runs on SQLite (unit) and on PostgreSQL (unit-pg).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../electron/shared/envelope'
import type { Client } from '../../electron/shared/models'
import type { LedgerEntryView } from '../../electron/shared/ledger/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { VALID_INPUTS } from '../support/valid-inputs'
import { ok, openDesktops } from '../support/desktops'
import { TEST_ENGINE, type TestApp } from '../support/temp-db'

let apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps) await a.close()
  apps = []
})

/** Two desktops over one database: Dana's and Lee's. */
async function twoDesktops(): Promise<[TestApp, TestApp]> {
  const [dana, lee] = await openDesktops(['Dana', 'Lee'])
  apps.push(dana!, lee!)
  return [dana!, lee!]
}

const CONFLICT = /was changed by Dana at \d{2}:\d{2} since you opened it\. Your changes were not saved/

describe('versions and authors', () => {
  it('a client: who made it and changed it, and a stale save refused with who and when, writing nothing', async () => {
    const [dana, lee] = await twoDesktops()
    const made = await ok<Client>(dana, 'clients:create', { name: 'Alder Bakery' })
    expect(made).toMatchObject({ version: 1, createdBy: 'Dana', updatedBy: 'Dana' })
    // Both open it at version 1; Dana saves first.
    const seenByLee = await ok<Client>(lee, 'clients:get', { id: made.id })
    const saved = await ok<Client>(dana, 'clients:update', {
      id: made.id,
      version: 1,
      client: { name: 'Alder Bakery Ltd', notes: 'Dana’s note' },
    })
    expect(saved).toMatchObject({ version: 2, createdBy: 'Dana', updatedBy: 'Dana', notes: 'Dana’s note' })
    const refused = (await lee.call('clients:update', {
      id: made.id,
      version: seenByLee.version,
      client: { name: 'Alder', notes: 'Lee’s note' },
    })) as Envelope<Client>
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(CONFLICT) } })
    expect(refused.ok ? '' : refused.error.message).toMatch(/^This client was changed by Dana/)
    // Nothing of Lee's save was written; Dana's stands.
    expect(await ok<Client>(lee, 'clients:get', { id: made.id })).toMatchObject({
      name: 'Alder Bakery Ltd',
      notes: 'Dana’s note',
      version: 2,
    })
    // Lee saves again on the version now shown: accepted, and Lee is the last to change it.
    expect(
      await ok<Client>(lee, 'clients:update', { id: made.id, version: 2, client: { name: 'Alder', notes: 'Both' } }),
    ).toMatchObject({ version: 3, createdBy: 'Dana', updatedBy: 'Lee' })
  })

  it('turnarounds, issues, commitments and ledger entries refuse a stale save the same way', async () => {
    const [dana, lee] = await twoDesktops()
    await ok(dana, 'profile:save', VALID_INPUTS['profile:save'])
    const client = await ok<Client>(dana, 'clients:create', { name: 'Birch Architects' })
    const t = await ok<TurnaroundDetail>(dana, 'turnarounds:open', {
      ...VALID_INPUTS['turnarounds:open'],
      clientId: client.id,
    })
    expect(t).toMatchObject({ version: 1, createdBy: 'Dana' })
    await ok(dana, 'turnarounds:update', { id: t.id, version: 1, details: { firstHeardBy: 'Dana', channel: 'email' } })
    expect(
      await lee.call('turnarounds:update', { id: t.id, version: 1, details: { firstHeardBy: 'Lee', channel: 'call' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^This turnaround was changed by Dana/) },
    })

    const withIssue = await ok<TurnaroundDetail>(dana, 'issues:save', {
      turnaroundId: t.id,
      issue: VALID_INPUTS['issues:save'].issue,
    })
    const issue = withIssue.issues[0]!
    expect(issue).toMatchObject({ version: 1, createdBy: 'Dana' })
    await ok(dana, 'issues:save', {
      turnaroundId: t.id,
      id: issue.id,
      version: 1,
      issue: { ...VALID_INPUTS['issues:save'].issue, statement: 'Dana’s words' },
    })
    expect(
      await lee.call('issues:save', {
        turnaroundId: t.id,
        id: issue.id,
        version: 1,
        issue: { ...VALID_INPUTS['issues:save'].issue, statement: 'Lee’s words' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(CONFLICT) } })
    expect((await ok<TurnaroundDetail>(lee, 'turnarounds:get', { id: t.id })).issues[0]).toMatchObject({
      statement: 'Dana’s words',
      version: 2,
      updatedBy: 'Dana',
    })

    const commitment = { party: 'us', description: 'Deliver the reprint', dueOn: '2026-11-30' }
    const c = (await ok<TurnaroundDetail>(dana, 'commitments:save', { turnaroundId: t.id, commitment })).commitments[0]!
    await ok(dana, 'commitments:save', {
      turnaroundId: t.id,
      id: c.id,
      version: 1,
      commitment: { ...commitment, description: 'Dana’s promise' },
    })
    expect(
      await lee.call('commitments:save', {
        turnaroundId: t.id,
        id: c.id,
        version: 1,
        commitment: { ...commitment, description: 'Lee’s promise' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^This commitment was changed by Dana/) },
    })

    const entry = {
      kind: 'invoice',
      entryDate: '2026-11-20',
      description: 'Reprint',
      currency: 'GBP',
      amountMinor: 5000,
    }
    const e = await ok<LedgerEntryView>(dana, 'ledger:save', { clientId: client.id, entry })
    expect(e).toMatchObject({ version: 1, createdBy: 'Dana' })
    await ok(dana, 'ledger:save', { clientId: client.id, id: e.id, version: 1, entry: { ...entry, amountMinor: 6000 } })
    expect(
      await lee.call('ledger:save', {
        clientId: client.id,
        id: e.id,
        version: 1,
        entry: { ...entry, amountMinor: 7000 },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^This ledger entry was changed by Dana/) },
    })
    // The month's total counts Dana's amount once, and nothing of Lee's.
    const [total] = (await lee.db.dataSource.query(
      "SELECT amount_minor FROM ledger_month_totals WHERE client_id = ? AND kind = 'invoice'",
      [client.id],
    )) as Array<{ amount_minor: number }>
    expect(Number(total!.amount_minor)).toBe(6000)
  })

  // Only a shared database has two desktops saving at the same moment (an SQLite file has one
  // desktop, whose request queue runs saves one after the other).
  it.skipIf(TEST_ENGINE !== 'postgres')(
    'two saves of the same version at the same moment: one is written, the other refused',
    async () => {
      const [dana, lee] = await twoDesktops()
      const made = await ok<Client>(dana, 'clients:create', { name: 'Cedar Dental' })
      const answers = (await Promise.all([
        dana.call('clients:update', { id: made.id, version: 1, client: { name: 'Cedar Dental', notes: 'Dana' } }),
        lee.call('clients:update', { id: made.id, version: 1, client: { name: 'Cedar Dental', notes: 'Lee' } }),
      ])) as Envelope<Client>[]
      expect(answers.filter((a) => a.ok)).toHaveLength(1)
      const refused = answers.find((a) => !a.ok)
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      const winner = answers.find((a) => a.ok) as { ok: true; data: Client }
      expect(await ok<Client>(dana, 'clients:get', { id: made.id })).toMatchObject({
        notes: winner.data.notes,
        version: 2,
      })
    },
  )
})
