import type { Page } from 'playwright-core'

/**
 * The Today tests' business, Brightwater Consulting, and its client Northwind Bakery with a
 * turnaround opened on `openedOn`, saved through the app's own channels; the turnaround's id.
 */
export async function openNorthwindTurnaround(page: Page, openedOn: string): Promise<number> {
  return page.evaluate(async (openedOn) => {
    const call = window.api.call
    await call['profile:save']({
      businessName: 'Brightwater Consulting',
      ownerName: 'Jonas Lindqvist',
      currency: 'EUR',
      hourlyWorthMinor: 9500,
    })
    const client = await call['clients:create']({ name: 'Northwind Bakery' })
    if (!client.ok) throw new Error(client.error.message)
    const opened = await call['turnarounds:open']({
      clientId: client.data.id,
      openedOn,
      firstHeardBy: 'Jonas Lindqvist',
    })
    if (!opened.ok) throw new Error(opened.error.message)
    return opened.data.id
  }, openedOn)
}
