/**
 * Letters as PDF, read back with poppler (pdftotext, pdfinfo, pdffonts): the subject, every agreed
 * issue and every commitment date are in the text; a long table paginates and repeats its header;
 * a table is tagged for a screen reader (its header cells with their scope, a cell for every column);
 * the page size follows the setting; the same letter always gives the same bytes. First pages are
 * saved as PNG under test-results/letters/ for a person to look at.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LetterDraft, LetterDraftResult, RenderedPdf } from '../../electron/shared/letters/models'
import { LETTER_KINDS } from '../../electron/shared/letters/words'
import {
  COMMITMENT_DATES,
  ISSUES,
  NOW,
  PROFILE,
  call,
  firstPagePng,
  fullClient,
  nearlyEmptyClient,
  pdfInfo,
  pdfStructure,
  pdfText,
  squeeze,
} from '../support/letters-fixture'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call(app, 'profile:save', PROFILE)
})
afterEach(async () => {
  await app.close()
})

const bytesOf = (pdf: RenderedPdf) => Buffer.from(pdf.base64, 'base64')
const render = async (draft: LetterDraft) => bytesOf(await call<RenderedPdf>(app, 'letters:render', { draft }))
const start = (clientId: number, kind: string) =>
  call<LetterDraftResult>(app, 'letters:start', { clientId, kind, goodwill: 'a 20% discount on your next order' })

describe('each kind of letter as PDF', () => {
  for (const kind of LETTER_KINDS) {
    it(`${kind}: the text holds the subject, the agreed issues and the commitment dates`, async () => {
      const { client } = await fullClient(app)
      const { draft } = await start(client.id, kind)
      const bytes = await render(draft.subject ? draft : { ...draft, subject: 'A note from Harbour Lane' })
      const text = squeeze(pdfText(bytes))
      expect(text).toContain(squeeze(draft.subject || 'A note from Harbour Lane'))
      expect(text).toContain('Harbour Lane Print & Design')
      expect(text).toContain('Élodie Marchand')
      expect(text).toContain('22 November 2026')
      expect(text).toContain('Maya Okafor')
      // The letters that carry the agreed issues name every one; those that carry the dates, every date.
      if (kind === 'follow_up' || kind === 'apology' || kind === 'plan' || kind === 'check_in')
        for (const issue of ISSUES) expect(text).toContain(issue)
      if (kind === 'follow_up' || kind === 'plan') for (const date of COMMITMENT_DATES) expect(text).toContain(date)
      firstPagePng(bytes, `kind-${kind}-full`)
    })
  }

  it('reads well for a client with nothing but a name', async () => {
    const client = await nearlyEmptyClient(app)
    for (const kind of LETTER_KINDS) {
      const { draft } = await start(client.id, kind)
      const text = squeeze(pdfText(await render(draft)))
      expect(text).toContain('Dear Zed,')
      if (kind === 'follow_up') firstPagePng(await render(draft), 'kind-follow_up-nearly-empty')
    }
  })
})

describe('the PDF itself', () => {
  it('prints user text exactly as typed, with accents', async () => {
    const client = await call<{ id: number }>(app, 'clients:create', {
      name: '<b>Acme</b> & Sons "Ltd"',
      contactPerson: 'Zoë Çelik-Øster',
    })
    const { draft } = await start(client.id, 'blank')
    const bytes = await render({
      ...draft,
      subject: 'Ré: <i>façade</i> & “quotes”',
      blocks: [
        ...draft.blocks,
        { type: 'paragraph', text: '{{ client.name }} stays as typed: <script>x</script> ½ €5' },
      ],
    })
    const text = squeeze(pdfText(bytes))
    expect(text).toContain('<b>Acme</b> & Sons "Ltd"')
    expect(text).toContain('Zoë Çelik-Øster')
    expect(text).toContain('Ré: <i>façade</i> & “quotes”')
    expect(text).toContain('{{ client.name }} stays as typed: <script>x</script> ½ €5')
    firstPagePng(bytes, 'escaping')
  })

  it('has metadata, PDF 1.7, tags, and only the embedded DejaVu Sans', async () => {
    const { client } = await fullClient(app)
    const { draft } = await start(client.id, 'follow_up')
    const info = pdfInfo(await render(draft))
    expect(info).toMatch(/Title:\s+Following up on our meeting of 20 November 2026/)
    expect(info).toMatch(/Author:\s+Maya Okafor/)
    expect(info).toMatch(/Subject:\s+Meeting follow-up to Acme Ltd/)
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/PDF version:\s+1\.7/)
    expect(info).toMatch(/Metadata Stream:\s+yes/)
    expect(info).toMatch(/CreationDate:\s+Sun Nov 22 12:00:00 2026/)
    const fonts = info.split('\n').filter((l) => /TrueType|Type 1|Type 3/.test(l))
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) {
      expect(line).toMatch(/DejaVuSans/)
      expect(line).toMatch(/ yes +yes +yes /) // embedded, subset, with a Unicode map
    }
  })

  it('is byte for byte the same when rendered again', async () => {
    const { client } = await fullClient(app)
    const { draft } = await start(client.id, 'plan')
    const first = await call<RenderedPdf>(app, 'letters:render', { draft })
    const second = await call<RenderedPdf>(app, 'letters:render', { draft })
    expect(second.contentHash).toBe(first.contentHash)
    expect(second.base64).toBe(first.base64)
  })

  /** Forty issues, each with when it is resolved (none for the issue numbered `unresolved`). */
  const fortyIssues = (unresolved?: number) =>
    Array.from({ length: 40 }, (_, i) => [
      String(i + 1),
      `Issue ${i + 1}: the weekly report for week ${i + 1} arrived late and incomplete`,
      i + 1 === unresolved ? '' : `Report ${i + 1} on time`,
    ])

  /** A blank letter to a new client, with a table of these rows under the columns #, Issue and Resolved when. */
  async function withTable(clientName: string, rows: string[][]): Promise<RenderedPdf> {
    const client = await nearlyEmptyClient(app, clientName)
    const { draft } = await start(client.id, 'blank')
    return call<RenderedPdf>(app, 'letters:render', {
      draft: {
        ...draft,
        subject: 'Forty issues',
        blocks: [
          ...draft.blocks,
          { type: 'table', columns: ['#', 'Issue', 'Resolved when'], widths: [6, 60, 34], rows },
        ],
      },
    })
  }

  it('paginates a 40-row table, repeats its header on every page, and numbers the pages', async () => {
    const rows = fortyIssues()
    const pdf = await withTable('Big List Ltd', rows)
    expect(pdf.pages).toBeGreaterThanOrEqual(2)
    const bytes = bytesOf(pdf)
    for (let page = 1; page <= pdf.pages; page++) {
      const text = pdfText(bytes, page)
      expect(text, `page ${page} numbered`).toContain(`Page ${page} of ${pdf.pages}`)
      if (page < pdf.pages || text.includes('Issue 40'))
        expect(text, `page ${page} repeats the header`).toMatch(/#\s+Issue\s+Resolved when/)
    }
    const all = squeeze(pdfText(bytes))
    for (const row of rows) expect(all).toContain(row[1])
    expect(pdfText(bytes, 2)).toContain('Big List Ltd · 22 November 2026')
    firstPagePng(bytes, 'long-table')
  })

  it('tags a table for a screen reader: a table per page, its header cells scoped to their column, a cell for every column', async () => {
    const rows = fortyIssues(5)
    const pdf = await withTable('Tagged Tables Ltd', rows)
    expect(pdf.pages).toBeGreaterThanOrEqual(2)
    const { tree, complaints } = pdfStructure(bytesOf(pdf))
    // Every attribute well formed (pdfkit's own tables wrote a BorderColor poppler refused, once per cell).
    expect(complaints).toBe('')
    // The elements, each with its depth: "Table", "TR", "TH:" (attributes follow) or "TD".
    const elements = tree
      .split('\n')
      .map((line) => /^( *)(Table|TR|TH|TD)\b/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ depth: m[1]!.length, type: m[2]! }))
    const tables = elements.filter((e) => e.type === 'Table')
    // One table per page it runs over, each repeating its header row.
    expect(tables.length).toBe(pdf.pages)
    const headerRows = tree.match(
      /TR\n\s+TH:\n\s+\/Scope \/Column\n\s+"#"\n\s+TH:\n\s+\/Scope \/Column\n\s+"Issue"\n\s+TH:\n\s+\/Scope \/Column\n\s+"Resolved when"/g,
    )
    expect(headerRows).toHaveLength(tables.length)
    // Every row holds a cell for each of its three columns, the empty one too; every row is kept.
    const cells: string[][] = []
    for (const e of elements) {
      if (e.type === 'TR') cells.push([])
      else if (e.type === 'TH' || e.type === 'TD') cells[cells.length - 1]!.push(e.type)
    }
    expect(cells.filter((r) => r.join() === 'TD,TD,TD')).toHaveLength(rows.length)
    expect(cells.every((r) => r.length === 3)).toBe(true)
    // The text of a cell is its cell's: read back under its TD.
    expect(tree).toMatch(/TD\n\s+"Issue 17: the weekly report for week 17 arrived late and incomplete"/)
  })

  it('a one-page letter has no page number', async () => {
    const client = await nearlyEmptyClient(app)
    const pdf = await call<RenderedPdf>(app, 'letters:render', { draft: (await start(client.id, 'check_in')).draft })
    expect(pdf.pages).toBe(1)
    expect(pdfText(bytesOf(pdf))).not.toContain('Page 1 of')
  })

  it('follows the page size setting: A4 or US Letter, with dates written the US way on Letter', async () => {
    const { client } = await fullClient(app)
    const { draft } = await start(client.id, 'follow_up')
    expect(pdfInfo(await render(draft))).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
    expect(await call(app, 'letter-settings:save', { pageSize: 'LETTER' })).toEqual({ pageSize: 'LETTER' })
    expect((await call<{ letterPageSize: string }>(app, 'profile:get')).letterPageSize).toBe('LETTER')
    const letter = await start(client.id, 'follow_up')
    expect(letter.draft.subject).toBe('Following up on our meeting of November 20, 2026')
    const bytes = await render(letter.draft)
    expect(pdfInfo(bytes)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
    expect(squeeze(pdfText(bytes))).toContain('November 22, 2026')
    firstPagePng(bytes, 'us-letter')
  })

  it('prints the logo from the profile', async () => {
    // A 2×1 PNG: one teal pixel, one dark pixel.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGPQSa9gYGBgAAAEWgFXUn1eMwAAAABJRU5ErkJggg=='
    await call(app, 'profile:save', { ...PROFILE, logoDataUrl: `data:image/png;base64,${png}` })
    const client = await nearlyEmptyClient(app)
    const result = await start(client.id, 'blank')
    expect(result.warnings).toEqual([])
    const images = pdfInfo(await render(result.draft))
    expect(images).toBeTruthy()
    await call(app, 'profile:save', { ...PROFILE, logoDataUrl: 'data:image/webp;base64,UklGRg==' })
    expect((await start(client.id, 'blank')).warnings[0]).toContain('WebP')
  })
})
