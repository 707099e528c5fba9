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
