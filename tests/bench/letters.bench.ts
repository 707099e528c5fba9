/**
 * Letters figures: one follow-up letter from its template to PDF bytes (template rendering, layout,
 * the embedded font), and a batch of 100 check-in letters for 100 clients exported as files, kept on
 * record and logged (ms per letter). A benchmark, not a test: it records, it asserts nothing about time.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { LetterDraftResult } from '../../electron/shared/letters/models'
import { NOW, PROFILE, call, fullClient } from '../support/letters-fixture'
import { openTestApp, type TestApp } from '../support/temp-db'
import { median, record, sample, sampleSection } from './measure'

let app: TestApp
beforeAll(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call(app, 'profile:save', PROFILE)
})
afterAll(async () => {
  await app.close()
})

describe('letters', () => {
  it('renders one follow-up letter to PDF', async () => {
    const { client } = await fullClient(app)
    const { drafts, letters } = app.services.letters
    // Warm: the font is parsed once per app run.
    await letters.render((await drafts.start({ clientId: client.id, kind: 'follow_up', goodwill: '' })).draft)
    const times = await sample(40, async () => {
      const { draft } = await drafts.start({ clientId: client.id, kind: 'follow_up', goodwill: '' })
      await letters.render(draft)
    })
    record({
      name: 'letters: one follow-up, template to PDF bytes',
      unit: 'ms',
      median: median(times),
      runs: times.length,
      samples: times,
    })
  })

  it('exports 100 check-in letters for 100 clients in one batch', async () => {
    const clients: number[] = []
    for (let i = 0; i < 100; i++)
      clients.push((await fullClient(app, `Batch Client ${String(i + 1).padStart(3, '0')}`)).client.id)
    // The fake save dialog answers with the suggested name in the test's folder: one file per client.
    const batchFiles = () => fs.readdirSync(app.dir).filter((f) => f.includes('Check-in - Batch Client'))
    const times = await sampleSection(3, async (timer) => {
      for (const f of batchFiles()) fs.rmSync(path.join(app.dir, f))
      timer.start()
      for (const clientId of clients) {
        const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId, kind: 'check_in' })
        await call(app, 'letters:export', { draft, minutes: 5 })
      }
      timer.stop()
      if (batchFiles().length !== 100) throw new Error('the batch did not write 100 files')
    })
    const perLetter = times.map((t) => t / 100)
    record({
      name: 'letters: 100 check-in letters exported in a batch, per letter',
      unit: 'ms',
      median: median(perLetter),
      runs: perLetter.length,
      samples: perLetter,
    })
  })
})
