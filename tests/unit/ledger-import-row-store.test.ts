/**
 * The import's rows kept between reading and writing (row-store.ts): every field comes back as it
 * went in, across blocks and text buffers, with empty texts, accents and emoji, nulls and large ids;
 * and the check that a whole file is UTF-8 (csv-encoding.ts) reads characters cut by its buffer's end.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { detectEncoding } from '../../electron/main/features/ledger-import/csv-encoding'
import type { ImportRow } from '../../electron/main/features/ledger-import/row-reader'
import {
  BLOCK_ROWS,
  ImportRows,
  RowBlockWriter,
  blockBuffers,
  rowsOnThisThread,
  type RowBlock,
} from '../../electron/main/features/ledger-import/row-store'
import { ENTRY_KINDS } from '../../electron/shared/ledger/words'

function rowAt(i: number): ImportRow {
  const key = Buffer.alloc(32, i % 251)
  key.writeUInt32BE(i)
  return {
    line: i + 2,
    date: `2026-0${1 + (i % 9)}-1${i % 10}`,
    clientKey: `client ${i % 7}`,
    clientName: `Client ${i % 7}`,
    clientId: i % 5 === 0 ? null : 2 ** 40 + i,
    kind: ENTRY_KINDS[i % ENTRY_KINDS.length]!,
    description: i % 3 === 0 ? '' : `Row ${i}: café, 😀, ${'€'.repeat(i % 50)}`,
    amountMinor: i * 1_000_003,
    minutes: i % 4 === 0 ? null : i % 600,
    rateMinor: i % 4 === 0 ? null : 0,
    rateFrom: null,
    staffId: i % 2 === 0 ? null : 7,
    worker: i % 2 === 0 ? '' : 'Priya Shah',
    reference: i % 11 === 0 ? 'x'.repeat(120) : `R-${i}`,
    turnaroundId: i % 3 === 1 ? 12 : null,
    invoice: i % 6 === 0 ? `INV-${i}` : '',
    importKey: key.toString('latin1'),
  }
}

/** Rows 0 to count - 1, a few with the longest description a row may have, so text buffers fill unevenly. */
const long = (i: number) => (i % 997 === 0 ? { ...rowAt(i), description: 'é'.repeat(10_000) } : rowAt(i))

function expectEveryRow(rows: ImportRows, count: number): void {
  expect(rows.length).toBe(count)
  for (let i = 0; i < count; i++) {
    const { line: _line, rateFrom: _rateFrom, importKey, ...rest } = long(i)
    const back = rows.row(i)
    expect(back).toEqual({ ...rest, importKey: Buffer.from(importKey, 'latin1').toString('hex') })
    expect(rows.invoiceOf(i)).toBe(rest.invoice)
    expect(rows.clientIdOf(i)).toBe(rest.clientId)
    expect(rows.clientKeyOf(i)).toBe(rest.clientKey)
  }
}

describe('the rows an import keeps', () => {
  it('gives back every field of every row, across blocks and text buffers', () => {
    const { rows, writer } = rowsOnThisThread()
    const count = 40_000
    let sum = 0
    for (let i = 0; i < count; i++) {
      writer.push(long(i))
      sum += long(i).amountMinor
    }
    // The full blocks are in; the part-full last one comes with end().
    expect(rows.length).toBe(Math.floor(count / BLOCK_ROWS) * BLOCK_ROWS)
    expect(count % BLOCK_ROWS).not.toBe(0)
    writer.end()
    expect(rows.length).toBe(count)
    expect(rows.amountMinor).toBe(sum)
    expectEveryRow(rows, count)
  })

  it('lets go of written blocks but the ones kept, and still knows every amount', () => {
    const { rows, writer } = rowsOnThisThread()
    const count = 5 * BLOCK_ROWS + 10
    let sum = 0
    for (let i = 0; i < count; i++) {
      writer.push(long(i))
      sum += long(i).amountMinor
    }
    writer.end()
    rows.release(3 * BLOCK_ROWS + 5, new Set([1]))
    expect(() => rows.row(0)).toThrow('let go')
    expect(() => rows.row(2 * BLOCK_ROWS)).toThrow('let go')
    // Block 1 was kept, and block 3 is only part written: their rows are still there.
    expect(rows.row(BLOCK_ROWS + 7).description).toBe(long(BLOCK_ROWS + 7).description)
    expect(rows.row(3 * BLOCK_ROWS).amountMinor).toBe(long(3 * BLOCK_ROWS).amountMinor)
    expect(rows.length).toBe(count)
    expect(rows.amountMinor).toBe(sum)
  })

  it('gives back every row after its blocks have crossed to another thread, their memory moved', async () => {
    const count = 40_000
    const blocks: RowBlock[] = []
    const writer = new RowBlockWriter((block) => blocks.push(block))
    for (let i = 0; i < count; i++) writer.push(long(i))
    writer.end()
    // The blocks go to a thread that sends them straight back, as the reading thread sends them here.
    const echo = new Worker(
      "const { parentPort } = require('node:worker_threads'); parentPort.on('message', ({ block, transfer }) => parentPort.postMessage(block, transfer))",
      { eval: true },
    )
    const rows = new ImportRows()
    try {
      for (const block of blocks) {
        const transfer = blockBuffers(block)
        const back = new Promise<RowBlock>((resolve) => echo.once('message', resolve))
        echo.postMessage({ block, transfer }, transfer)
        // Moved, not copied: the memory is no longer this thread's.
        expect(block.keys.byteLength).toBe(0)
        rows.add(await back)
      }
    } finally {
      await echo.terminate()
    }
    expectEveryRow(rows, count)
  })
})

describe('a whole file checked as UTF-8', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turnaround-utf8-'))
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => `2026-03-01,Café ${'€😀'.repeat(i % 5)},invoice,x${i},1.00`)

  it('is UTF-8 when every character is whole, wherever the reads cut them', async () => {
    const file = path.join(dir, 'utf8.csv')
    fs.writeFileSync(file, ['date,client,kind,description,amount', ...lines(30_000)].join('\n'))
    expect(fs.statSync(file).size).toBeGreaterThan(1_000_000)
    expect(await detectEncoding(file)).toEqual({ encoding: 'utf-8', label: 'UTF-8' })
  })

  it('is not, when a Windows-1252 accent comes after a megabyte of UTF-8, or a character is cut at the end', async () => {
    const late = path.join(dir, 'late.csv')
    fs.writeFileSync(
      late,
      Buffer.concat([
        Buffer.from(lines(30_000).join('\n')),
        iconv.encode('\n2026-03-01,Crème,invoice,x,1.00', 'windows-1252'),
      ]),
    )
    expect((await detectEncoding(late)).encoding).not.toBe('utf-8')
    const cut = path.join(dir, 'cut.csv')
    fs.writeFileSync(cut, Buffer.concat([Buffer.from(lines(30_000).join('\n')), Buffer.from('€').subarray(0, 2)]))
    expect((await detectEncoding(cut)).encoding).not.toBe('utf-8')
  })
})
