/**
 * "Save as PDF" and the history: the native save dialog (a fake here) with a sensible file name,
 * the file written whole or not at all, the letter kept with the client, logged as a touchpoint
 * (moving the turnaround's stage), re-exported byte for byte, opened, and used to start a new letter.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { letterFileName } from '../../electron/main/features/letters/letter-files'
import { lastSavedLetter } from '../../electron/main/features/letters/letter-queries'
import type {
  LetterDraftResult,
  LetterExportResult,
  LetterPage,
  LetterRecord,
  LetterReexportResult,
  RenderedPdf,
} from '../../electron/shared/letters/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import {
  NOW,
  PROFILE,
  call,
  fullClient,
  nearlyEmptyClient,
  pdfText,
  refused,
  squeeze,
} from '../support/letters-fixture'
import { openTestApp, tempDir, type TestApp } from '../support/temp-db'
import { TEST_ENGINE } from '../support/postgres/test-database'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call(app, 'profile:save', PROFILE)
})
afterEach(async () => {
  await app.close()
})

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')
const count = async (table: string) =>
  Number((await app.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)

async function followUp() {
  const { client, turnaround } = await fullClient(app)
  const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'follow_up' })
  return { client, turnaround, draft }
}

describe('the file name', () => {
  it('reads "date kind - client" and leaves out what no file system accepts', () => {
    expect(letterFileName('2026-11-22', 'follow_up', 'Acme Ltd')).toBe('2026-11-22 Follow-up - Acme Ltd.pdf')
    expect(letterFileName('2026-11-22', 'parting', 'A/B: "Best" <Co>?*|\\ Ltd.')).toBe(
      '2026-11-22 Parting letter - A B Best Co Ltd.pdf',
    )
    expect(letterFileName('2026-11-22', 'blank', 'CON')).toBe('2026-11-22 Letter - CON (client).pdf')
    expect(letterFileName('2026-11-22', 'apology', 'Café Lumière 😀')).toBe('2026-11-22 Apology - Café Lumière 😀.pdf')
  })
})

describe('Save as PDF', () => {
  it('saves the PDF where the owner chose, keeps it on record, and logs it on the turnaround', async () => {
    const { client, turnaround, draft } = await followUp()
    expect(turnaround.stage).toBe('client_committed')
    const edited = {
      ...draft,
      blocks: [...draft.blocks, { type: 'paragraph' as const, text: 'P.S. I have booked the reprint for Monday.' }],
    }
    const result = await call<LetterExportResult>(app, 'letters:export', { draft: edited, minutes: 25 })
    expect(app.ports.saveDialogs[0]?.defaultPath).toBe('2026-11-22 Follow-up - Acme Ltd.pdf')
    if (!result.saved) throw new Error('not saved')
    const file = path.join(app.dir, '2026-11-22 Follow-up - Acme Ltd.pdf')
    expect(result.letter.filePath).toBe(file)
    expect(result.letter.contentHash).toBe(sha(file))
    expect(result.letter.draft).toEqual(edited)
    expect(squeeze(pdfText(fs.readFileSync(file)))).toContain('P.S. I have booked the reprint for Monday.')
    expect(fs.readdirSync(app.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])

    const history = (await call<LetterPage>(app, 'letters:list', { clientId: client.id })).rows
    expect(history.map((l) => [l.kind, l.date, l.subject, l.clientName])).toEqual([
      ['follow_up', '2026-11-22', 'Following up on our meeting of 20 November 2026', 'Acme Ltd'],
    ])
    expect((await call<LetterPage>(app, 'letters:list', {})).total).toBe(1)

    const after = await call<TurnaroundDetail>(app, 'turnarounds:get', { id: turnaround.id })
    expect(after.stage).toBe('follow_up_sent')
    expect(after.touchpoints[0]).toMatchObject({
      kind: 'letter',
      occurredOn: '2026-11-22',
      who: 'Maya Okafor',
      minutes: 25,
      summary: 'Meeting follow-up: Following up on our meeting of 20 November 2026',
    })

    // The next export suggests the same folder.
    await call(app, 'letters:export', { draft: { ...draft, kind: 'blank', subject: 'Thanks' } })
    expect(app.ports.saveDialogs[1]?.defaultPath).toBe(path.join(app.dir, '2026-11-22 Letter - Acme Ltd.pdf'))
  })

  it('opens the save dialog in the folder of the letter saved last, read from its index whatever the history holds', async () => {
    const { draft } = await followUp()
    const elsewhere = tempDir('letters-elsewhere-')
    app.ports.nextSavePath = path.join(elsewhere, 'first.pdf')
    await call(app, 'letters:export', { draft })
    // Saved in the same second: the later letter (the higher id) counts as the last.
    app.ports.nextSavePath = path.join(app.dir, 'second.pdf')
    await call(app, 'letters:export', { draft })
    await call(app, 'letters:export', { draft })
    expect(app.ports.saveDialogs[2]?.defaultPath).toBe(path.join(app.dir, '2026-11-22 Follow-up - Acme Ltd.pdf'))
    // A letter never saved to a file (an email's) does not move the folder.
    await app.db.dataSource.query("UPDATE letters SET file_path = '' WHERE id = 3")
    app.ports.nextSavePath = null
    await call(app, 'letters:export', { draft })
    expect(app.ports.saveDialogs[3]?.defaultPath).toBe(path.join(app.dir, '2026-11-22 Follow-up - Acme Ltd.pdf'))
    await app.db.dataSource.query("UPDATE letters SET file_path = '' WHERE id = 2")
    await call(app, 'letters:export', { draft })
    expect(app.ports.saveDialogs[4]?.defaultPath).toBe(path.join(elsewhere, '2026-11-22 Follow-up - Acme Ltd.pdf'))

    // One row, read from the end of the index by save time: no scan and sort of every letter.
    const [sql, parameters] = lastSavedLetter(app.db.dataSource.manager).getQueryAndParameters()
    expect(sql).toMatch(/LIMIT 1$/)
    if (TEST_ENGINE === 'postgres') {
      // With four letters PostgreSQL would rather scan the table; told not to, it shows the index serves the order.
      const plan = await app.db.dataSource.transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off')
        return ((await m.query(`EXPLAIN ${sql}`, parameters)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN'])
      })
      expect(plan.join('\n')).toContain('Index Scan Backward using idx_letters_exported')
      expect(plan.join('\n')).not.toContain('Sort')
    } else {
      const plan = (await app.db.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string }[]
      expect(plan.map((p) => p.detail)).toEqual(['SCAN l USING INDEX idx_letters_exported'])
    }
  })

  it('does nothing when the dialog is cancelled', async () => {
    const { draft } = await followUp()
    app.ports.nextSavePath = null
    expect(await call(app, 'letters:export', { draft })).toEqual({ saved: false })
    expect(await count('letters')).toBe(0)
  })

  it('refuses a path it cannot write with a clear message, and leaves no file, no record and no touchpoint', async () => {
    const { draft, turnaround } = await followUp()
    const dir = tempDir('letters-unwritable-')
    // A "folder" that is a file: nothing can be written inside it, even as root.
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x')
    app.ports.nextSavePath = path.join(dir, 'not-a-folder', 'letter.pdf')
    const error = await refused(app, 'letters:export', { draft })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('could not be saved')
    expect(error.message).toContain('that folder does not exist')
    // The rename fails (a folder has the name): the temporary file is removed.
    fs.mkdirSync(path.join(dir, 'taken.pdf'))
    app.ports.nextSavePath = path.join(dir, 'taken.pdf')
    expect((await refused(app, 'letters:export', { draft })).message).toContain('a folder already has that name')
    expect(fs.readdirSync(dir).sort()).toEqual(['not-a-folder', 'taken.pdf'])
    expect(fs.readdirSync(path.join(dir, 'taken.pdf'))).toEqual([])
    expect(await count('letters')).toBe(0)
    expect((await call<TurnaroundDetail>(app, 'turnarounds:get', { id: turnaround.id })).touchpoints).toEqual([])
  })

  it('refuses a letter dated in the future or before its turnaround opened', async () => {
    const { draft } = await followUp()
    expect((await refused(app, 'letters:export', { draft: { ...draft, date: '2026-11-23' } })).field).toBe('draft.date')
    const early = await refused(app, 'letters:export', { draft: { ...draft, date: '2026-11-01' } })
    expect(early.field).toBe('draft.date')
    expect(early.message).toContain('before the turnaround opened')
    expect(await count('letters')).toBe(0)
    // The file was being written beside its name while the record was refused: none is left.
    expect(fs.readdirSync(app.dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([])
  })

  it('keeps a letter without a turnaround on record without a touchpoint', async () => {
    const client = await nearlyEmptyClient(app)
    const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'check_in' })
    const result = await call<LetterExportResult>(app, 'letters:export', { draft })
    expect(result.saved).toBe(true)
    expect(await count('touchpoints')).toBe(0)
  })
})

describe('a draft whose client or turnaround changed', () => {
  it('is refused when its turnaround is another client’s or gone, or its client is gone, and renders without one', async () => {
    const { draft, turnaround } = await followUp()
    const other = await nearlyEmptyClient(app)
    const foreign = await refused(app, 'letters:render', { draft: { ...draft, clientId: other.id } })
    expect([foreign.code, foreign.field, foreign.message]).toEqual([
      'VALIDATION',
      'turnaroundId',
      'That turnaround belongs to another client.',
    ])
    expect((await refused(app, 'letters:render', { draft: { ...draft, clientId: 999_999 } })).code).toBe('NOT_FOUND')
    const own = await call<RenderedPdf>(app, 'letters:render', {
      draft: { ...draft, clientId: other.id, turnaroundId: null },
    })
    expect(own.pages).toBeGreaterThan(0)
    await call(app, 'turnarounds:delete', { id: turnaround.id })
    const gone = await refused(app, 'letters:render', { draft })
    expect([gone.code, gone.field]).toEqual(['NOT_FOUND', 'turnaroundId'])
    expect(gone.message).toContain('That turnaround no longer exists')
  })
})

describe('the history', () => {
  it('re-exports an identical PDF, also after the profile changed, opens it, and starts a new letter from it', async () => {
    const { draft } = await followUp()
    const exported = await call<LetterExportResult>(app, 'letters:export', { draft })
    if (!exported.saved) throw new Error('not saved')
    const { letter } = exported
    await call(app, 'profile:save', { ...PROFILE, address: 'A new address', businessName: 'Harbour Lane Studio' })
    await call(app, 'letter-settings:save', { pageSize: 'LETTER' })
    app.ports.nextSavePath = path.join(app.dir, 'again.pdf')
    const again = await call<LetterReexportResult>(app, 'letters:reexport', { id: letter.id })
    expect(again).toEqual({
      saved: true,
      filePath: path.join(app.dir, 'again.pdf'),
      contentHash: letter.contentHash,
      identical: true,
    })
    expect(sha(path.join(app.dir, 'again.pdf'))).toBe(letter.contentHash)
    expect((await call<LetterRecord>(app, 'letters:get', { id: letter.id })).filePath).toBe(
      path.join(app.dir, 'again.pdf'),
    )
    expect((await call<{ contentHash: string }>(app, 'letters:render-stored', { id: letter.id })).contentHash).toBe(
      letter.contentHash,
    )

    expect(await call(app, 'letters:open-file', { id: letter.id })).toBeNull()
    expect(app.ports.openedFiles).toEqual([path.join(app.dir, 'again.pdf')])
    fs.rmSync(path.join(app.dir, 'again.pdf'))
    expect((await refused(app, 'letters:open-file', { id: letter.id })).code).toBe('NOT_FOUND')

    const fresh = await call<LetterDraftResult>(app, 'letters:from-stored', { letterId: letter.id })
    expect(fresh.draft).toMatchObject({
      kind: 'follow_up',
      date: '2026-11-22',
      blocks: letter.draft.blocks,
      subject: letter.draft.subject,
      turnaroundId: letter.turnaroundId,
    })
    expect(Object.keys(fresh.tables).sort()).toEqual(['commitments', 'issues', 'plan'])
  })

  it('gives the sample business a few letters on record that re-export identically', async () => {
    const sampleApp = await openTestApp(undefined, () => NOW)
    try {
      await call(sampleApp, 'sample:load')
      const letters = (await call<LetterPage>(sampleApp, 'letters:list', {})).rows
      expect(letters.map((l) => [l.clientName, l.kind])).toEqual([
        ['Alder Court Care Home', 'follow_up'],
        ['Ana Lucía Ortega', 'parting'],
        ['Tanaka Ramen Bar', 'apology'],
        ['Chen & Partners Estate Agents', 'parting'],
      ])
      expect(letters.every((l) => l.isSample && l.filePath === '')).toBe(true)
      const stored = await call<{ contentHash: string }>(sampleApp, 'letters:render-stored', { id: letters[0]?.id })
      expect(stored.contentHash).toBe(letters[0]?.contentHash)
      await call(sampleApp, 'sample:remove')
      expect(await call(sampleApp, 'letters:list', {})).toEqual({ rows: [], total: 0, page: 1, anyEmailed: false })
    } finally {
      await sampleApp.close()
    }
  })
})
