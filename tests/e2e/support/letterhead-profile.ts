import type { Page } from 'playwright-core'

/** The business the letters' end-to-end tests write from, saved through the app's own channel. */
export async function saveLetterheadProfile(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const saved = await window.api.call['profile:save']({
      businessName: 'Harbour Lane Print & Design',
      ownerName: 'Maya Okafor',
      address: 'Unit 4, 12 Harbour Lane\nBristol BS1 6XY',
      email: 'hello@harbourlane.example.co.uk',
      phone: '0117 496 0123',
      currency: 'GBP',
      hourlyWorthMinor: 8500,
    })
    if (!saved.ok) throw new Error(saved.error.message)
  })
}

export interface AcmeTurnaround {
  /** The client's email address (none unless given). */
  email?: string
  /** Also a second issue before the agreement, the client's commitment and one of ours. */
  full?: boolean
}

/**
 * The letters' client, Acme Ltd, with a turnaround opened on 10 Nov 2026 and its issues agreed on
 * 20 Nov, written from the letterhead business; the turnaround's id.
 */
export async function seedAcmeTurnaround(page: Page, options: AcmeTurnaround = {}): Promise<number> {
  await saveLetterheadProfile(page)
  return page.evaluate(async ({ email, full }) => {
    const api = window.api.call
    const client = await api['clients:create']({
      name: 'Acme Ltd',
      contactPerson: 'Élodie Marchand',
      ...(email ? { email } : {}),
      address: '3 Gloucester Road\nBristol',
    })
    if (!client.ok) throw new Error(client.error.message)
    const opened = await api['turnarounds:open']({
      clientId: client.data.id,
      openedOn: '2026-11-10',
      firstHeardBy: 'Maya Okafor',
      responsePromisedOn: '2026-11-27',
    })
    if (!opened.ok) throw new Error(opened.error.message)
    const id = opened.data.id
    const statements = ['The March and April reports arrived 6 and 9 days late']
    if (full) statements.push('The March report had the wrong VAT figures')
    for (const statement of statements)
      await api['issues:save']({ turnaroundId: id, issue: { statement, raisedOn: '2026-11-10' } })
    await api['turnarounds:record-agreement']({ id, agreedOn: '2026-11-20', via: 'meeting' })
    if (!full) return id
    await api['turnarounds:set-client-commitment']({
      id,
      parts: [{ kind: 'renew', description: 'Renew the annual contract in January' }],
    })
    await api['commitments:save']({
      turnaroundId: id,
      commitment: { party: 'us', description: 'Send the corrected March report', dueOn: '2026-11-25' },
    })
    return id
  }, options)
}
