/**
 * The sample business's letters on record: the follow-up, apology and parting letters its
 * turnarounds' touchpoints mention, written from the default templates on the day they were sent.
 * They were never saved to a file; "Export again" saves one.
 */
import type { EntityManager } from 'typeorm'
import type { Client } from '../../../shared/models'
import { addDays, localIsoDate } from '../../../shared/dates'
import type { LetterKind } from '../../../shared/letters/words'
import { createLetterServices } from './letters-handlers'
import type { CoreServicesOn } from '../core-services'

const SAMPLE_LETTERS: ReadonlyArray<{ client: string; kind: LetterKind; on: number; goodwill?: string }> = [
  { client: 'Alder Court Care Home', kind: 'follow_up', on: -26 },
  { client: 'Tanaka Ramen Bar', kind: 'apology', on: -188, goodwill: 'a 10% voucher on your next order' },
  { client: 'Chen & Partners Estate Agents', kind: 'parting', on: -200 },
  { client: 'Ana Lucía Ortega', kind: 'parting', on: -115 },
]

export async function loadSampleLetters(
  deps: { manager: EntityManager; now: () => Date; fontsDir: string; core: CoreServicesOn },
  clients: readonly Client[],
): Promise<number> {
  const { drafts, letters } = createLetterServices(deps)
  const today = localIsoDate(deps.now())
  let count = 0
  for (const spec of SAMPLE_LETTERS) {
    const client = clients.find((c) => c.name === spec.client)
    if (!client) continue
    // Written on its day: the facts as they stood then.
    const { draft } = await drafts.start({
      clientId: client.id,
      kind: spec.kind,
      goodwill: spec.goodwill ?? '',
      date: addDays(today, spec.on),
    })
    await letters.insert(deps.manager, draft, await letters.renderDraft(draft), '', true)
    count++
  }
  return count
}
