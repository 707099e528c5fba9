/**
 * The import's bounds and encodings, with generated files: too many columns, a line without end, a
 * million columns, a file too large, files that are not CSV, and Windows-1252, UTF-16 (with its
 * mark) and UTF-8 files, each read right. Outcomes only: what is refused, with which words, and
 * what is imported; never how long it took.
 */
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChosenImportFile, ImportResult } from '../../electron/shared/ledger-import/models'
import fc from 'fast-check'
import { MAX_COLUMNS, MAX_RECORD_CHARS, RecordGuard } from '../../electron/main/features/ledger-import/csv-stream'
import { nameHeaders } from '../../electron/main/features/ledger-import/import-service'
import { call, refused } from '../support/letters-fixture'
import {
  chooseFile,
  entries,
  genericFields,
  ledgerFingerprint,
  openImportApp,
  writeCsv,
  type ImportApp,
} from '../support/import-fixture'

let app: ImportApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const HEADER = 'date,client,kind,description,amount'
const rows = (n: number, client = 'Acme Ltd') =>
  Array.from(
    { length: n },
    (_, i) => `2026-03-${String((i % 28) + 1).padStart(2, '0')},${client},invoice,Row ${i + 1},${10 + i}.00`,
  )

/** Chooses `file` through the fake open dialog; the raw envelope, as the window gets it. */
async function choose(a: ImportApp, file: string): Promise<{ envelope: unknown; bytes: number }> {
  a.ports.nextOpenPath = file
  const envelope = await a.call('ledger-import:choose-file')
  return { envelope, bytes: JSON.stringify(envelope).length }
}

async function importAll(a: ImportApp, file: string): Promise<{ chosen: ChosenImportFile; result: ImportResult }> {
  const chosen = await chooseFile(a, file)
  const mapping = {
    source: 'generic',
    fields: genericFields(chosen.headers),
    kind: null,
    dateFormat: 'YYYY-MM-DD',
    createClients: true,
  }
  const result = await call<ImportResult>(a, 'ledger-import:run', { token: chosen.token, mapping, badRows: 'stop' })
  return { chosen, result }
}

describe('bounds, before and while the file is parsed', () => {
  it('refuses 40,000 columns all named "a" (an 80 KB file) with a plain message and a small reply', async () => {
    app = await openImportApp()
    const file = writeCsv(app.dir, 'a.csv', `${Array(40_000).fill('a').join(',')}\n`)
    expect(fs.statSync(file).size).toBeLessThan(100_000)
    const { envelope, bytes } = await choose(app, file)
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Line 1 has more than 1,000 columns; a file to import may have at most 1,000.`,
      },
    })
    expect(bytes).toBeLessThan(500)
  })

  it('accepts exactly 1,000 columns, and refuses 1,001', async () => {
    app = await openImportApp()
    const header = (n: number) => [HEADER, ...Array.from({ length: n - 5 }, (_, i) => `extra ${i + 1}`)].join(',')
    const ok = writeCsv(app.dir, 'ok.csv', `${header(MAX_COLUMNS)}\n`)
    expect((await chooseFile(app, ok)).headers).toHaveLength(MAX_COLUMNS)
    const over = writeCsv(app.dir, 'over.csv', `${header(MAX_COLUMNS + 1)}\n`)
    expect(await choose(app, over)).toMatchObject({
      envelope: { ok: false, error: { message: expect.stringContaining('more than 1,000 columns') } },
    })
  })

  it('refuses a 100 MB line without a line break, having read only its start', async () => {
    app = await openImportApp()
    const file = path.join(app.dir, 'long.csv')
    const fd = fs.openSync(file, 'w')
    const block = Buffer.alloc(1024 * 1024, 'x')
    for (let i = 0; i < 100; i++) fs.writeSync(fd, block)
    fs.closeSync(fd)
    const { envelope, bytes } = await choose(app, file)
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Line 1 is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters (a row of a ledger export is far shorter), so this does not look like a CSV to import.`,
      },
    })
    expect(bytes).toBeLessThan(500)
  })

  it('refuses 1,000,000 columns with a reply of a few hundred bytes, not megabytes', async () => {
    app = await openImportApp()
    const file = writeCsv(app.dir, 'wide.csv', `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n`)
    const { envelope, bytes } = await choose(app, file)
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/^Line 1 (has more than 1,000 columns|is longer than)/),
      },
    })
    expect(bytes).toBeLessThan(500)
  })

  it('stops an import at a long line far down the file, writing nothing, and a quoted line break does not end a record', async () => {
    app = await openImportApp()
    const before = await ledgerFingerprint(app)
    // Far enough down that choosing the file (its first rows) does not read that far.
    const file = writeCsv(
      app.dir,
      'late.csv',
      [
        HEADER,
        ...rows(20_000),
        `2026-03-01,Acme Ltd,invoice,"${'y'.repeat(MAX_RECORD_CHARS / 2)}\n${'y'.repeat(MAX_RECORD_CHARS / 2)}",1.00`,
        ...rows(3),
      ].join('\n'),
    )
    const chosen = await chooseFile(app, file)
    const mapping = {
      source: 'generic',
      fields: genericFields(chosen.headers),
      kind: null,
      dateFormat: 'YYYY-MM-DD',
      createClients: false,
    }
    const error = await refused(app, 'ledger-import:run', { token: chosen.token, mapping, badRows: 'skip' })
    expect(error.message).toBe(
      `Line 20,002 is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters (a row of a ledger export is far shorter), so this does not look like a CSV to import. Nothing was imported.`,
    )
    expect(await ledgerFingerprint(app)).toEqual(before)
  })

  it('reads a stray quote inside a value as the parser does, so it does not swallow the lines after it', async () => {
    app = await openImportApp()
    // 5" is a quote in the middle of a value: not the start of a quoted value.
    const lines = [
      HEADER,
      ...Array.from(
        { length: 4000 },
        (_, i) => `2026-03-01,Acme Ltd,invoice,Poster 5" x 7" number ${i} ${'z'.repeat(60)},1.00`,
      ),
    ]
    const { result } = await importAll(app, writeCsv(app.dir, 'quotes.csv', lines.join('\n')))
    expect(result).toMatchObject({ status: 'imported', imported: 4000, badRowCount: 0 })
    expect((await entries(app))[0]?.description).toMatch(/^Poster 5" x 7" number 0 /)
  })

  it('names repeated headers in one pass: a thousand columns named "a"', () => {
    const names = nameHeaders(Array(1000).fill('a'))
    expect(new Set(names).size).toBe(1000)
    expect(names.slice(0, 3)).toEqual(['a', 'a (2)', 'a (3)'])
    expect(names.at(-1)).toBe('a (1000)')
    expect(nameHeaders(['a', 'a (2)', 'a', ' ', 'a'])).toEqual(['a', 'a (2)', 'a (3)', 'Column 4', 'a (4)'])
  })
})

describe('encodings', () => {
  const CAFE = 'Café Müller & Söhne – Straße'

  async function importIn(
    encoding: string,
    bom: boolean,
  ): Promise<{ chosen: ChosenImportFile; result: ImportResult; names: string[] }> {
    app = await openImportApp()
    const text = [
      HEADER,
      `2026-03-01,${CAFE},invoice,Crème brûlée,12.50`,
      `2026-03-02,${CAFE},payment,Reçu,12.50`,
    ].join('\r\n')
    const file = path.join(app.dir, `${encoding}.csv`)
    fs.writeFileSync(file, iconv.encode(text, encoding, { addBOM: bom }))
    const { chosen, result } = await importAll(app, file)
    const names = (await entries(app)).map((e) => `${e.client}|${e.description}`)
    return { chosen, result, names }
  }

  it.each([
    ['windows-1252', false, 'Windows-1252 (Western European)'],
    ['utf-16le', true, 'UTF-16'],
    ['utf-16be', true, 'UTF-16'],
    ['utf-8', true, 'UTF-8'],
    ['utf-8', false, 'UTF-8'],
  ] as const)('reads %s (mark: %s) as %s, every accent right', async (encoding, bom, label) => {
    const { chosen, result, names } = await importIn(encoding, bom)
    expect(chosen.encoding).toBe(label)
    expect(chosen.headers).toEqual(['date', 'client', 'kind', 'description', 'amount'])
    expect(result).toMatchObject({ status: 'imported', imported: 2, clientsCreated: [CAFE] })
    expect(names).toEqual([`${CAFE}|Crème brûlée`, `${CAFE}|Reçu`])
  })

  it('finds Windows-1252 when its first accent comes after 100 KB of plain ASCII', async () => {
    app = await openImportApp()
    const text = [HEADER, ...rows(3000), `2026-03-01,${CAFE},invoice,Café,1.00`].join('\n')
    const file = path.join(app.dir, 'late-accent.csv')
    fs.writeFileSync(file, iconv.encode(text, 'windows-1252'))
    expect(fs.statSync(file).size).toBeGreaterThan(100_000)
    const { chosen, result } = await importAll(app, file)
    expect(chosen.encoding).toBe('Windows-1252 (Western European)')
    expect(result).toMatchObject({ status: 'imported', imported: 3001, clientsCreated: [CAFE] })
  })

  it('turns half a character in a broken UTF-16 file into �, never storing it', async () => {
    app = await openImportApp()
    const good = iconv.encode(`${HEADER}\r\n2026-03-01,Half `, 'utf-16le', { addBOM: true })
    const lone = Buffer.from([0x3d, 0xd8]) // a high surrogate with no low one after it
    const rest = iconv.encode(' moon,invoice,x,1.00\r\n', 'utf-16le')
    const file = path.join(app.dir, 'broken16.csv')
    fs.writeFileSync(file, Buffer.concat([good, lone, rest]))
    const { result } = await importAll(app, file)
    expect(result).toMatchObject({ status: 'imported', imported: 1, clientsCreated: ['Half \uFFFD moon'] })
  })
})

describe('files that are not CSV', () => {
  it.each([
    [
      'book.xlsx',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]),
      'This is not a CSV file: it is a zipped file, such as an Excel or Numbers workbook (.xlsx).',
    ],
    [
      'old.xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000, 0)]),
      'This is not a CSV file: it is an older Excel workbook (.xls).',
    ],
    ['statement.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'This is not a CSV file: it is a PDF.'],
    [
      'noise.csv',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      'This is not a CSV file: it holds binary data, not text.',
    ],
    [
      'utf16-no-mark.csv',
      Buffer.from(`${HEADER}\n2026-03-01,Acme Ltd,invoice,x,1.00\n`, 'utf16le'),
      'This file looks like UTF-16 text without the mark at its start that says so',
    ],
    [
      'notes.csv',
      Buffer.from('Dear diary\nToday I met a client.\n'),
      'This does not look like a CSV file: its first line has no separator',
    ],
  ])('refuses %s, saying what it is and what to do', async (name, bytes, words) => {
    app = await openImportApp()
    const file = path.join(app.dir, name)
    fs.writeFileSync(file, bytes)
    const { envelope, bytes: size } = await choose(app, file)
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining(words) },
    })
    expect(size).toBeLessThan(600)
  })
})

/** The guard's verdict on `text` fed in the given chunks: null, or its reason. */
function guard(chunks: string[], maxChars?: number): Promise<string | null> {
  return new Promise((resolve) => {
    const g = new RecordGuard(maxChars)
    g.on('data', () => {})
    g.on('error', (e) => resolve(e.message))
    g.on('finish', () => resolve(null))
    for (const c of chunks) g.write(c)
    g.end()
  })
}

describe('the record guard', () => {
  it('lets a record of exactly the bound through and refuses one character more, quoted line breaks included', async () => {
    const value = (n: number) => `"${'q'.repeat(Math.floor(n / 2) - 1)}\r\n${'q'.repeat(n - Math.floor(n / 2) - 3)}"`
    expect(value(MAX_RECORD_CHARS)).toHaveLength(MAX_RECORD_CHARS)
    expect(await guard([`a,b\n${value(MAX_RECORD_CHARS)}\nc,d\n`])).toBeNull()
    expect(await guard([`a,b\n${value(MAX_RECORD_CHARS + 1)}\nc,d\n`])).toMatch(/^Line 2 is longer than/)
    // CR alone ends lines too (old Mac files), and CRLF counts once.
    expect(await guard([`a\rb\r\n${'x'.repeat(MAX_RECORD_CHARS + 1)}`])).toMatch(/^Line 3 is longer than/)
  })

  it('gives the same verdict (and line) however the text is cut into chunks', async () => {
    let refusals = 0
    const piece = fc.constantFrom('a', ',', ';', '"', '""', '\n', '\r\n', '\r', 'x'.repeat(40), 'é', '😀')
    const text = fc.array(piece, { maxLength: 120 }).map((p) => p.join(''))
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), async (t, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b)
        const chunks = [0, ...at, t.length].slice(1).map((end, i, all) => t.slice(i === 0 ? 0 : all[i - 1], end))
        // A bound of 25 characters, so the short texts reach it.
        const whole = await guard([t], 25)
        if (whole) refusals++
        expect(await guard(chunks, 25)).toBe(whole)
      }),
      { numRuns: 500 },
    )
    expect(refusals).toBeGreaterThan(50)
  })
})
