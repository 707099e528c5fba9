/**
 * The import's reading thread as main sees it (reading-thread.ts): the real thread reads a file and
 * hands its rows over in order; a refusal arrives as the owner's message; a thread that dies or
 * throws fails the read instead of leaving the import waiting; a stop asked for ends it early, and a
 * thread that ignores the stop is ended without its last word once the grace is over.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CsvRefusal } from '../../electron/main/features/ledger-import/csv-encoding'
import type { ReadJob } from '../../electron/main/features/ledger-import/read-rows'
import { readOnThread } from '../../electron/main/features/ledger-import/reading-thread'
import { BLOCK_ROWS, ImportRows } from '../../electron/main/features/ledger-import/row-store'
import { READER_FILE } from '../support/reader-file'
import { tempDir } from '../support/temp-db'

const dir = tempDir('turnaround-reading-thread-')

function job(file: string, overrides: Partial<ReadJob> = {}): ReadJob {
  return {
    file,
    encoding: 'utf-8',
    headers: ['date', 'client', 'kind', 'amount'],
    mapping: {
      source: 'generic',
      fields: { date: ['date'], client: ['client'], kind: ['kind'], amount: ['amount'] },
      kind: null,
      dateFormat: 'YYYY-MM-DD',
      createClients: true,
    },
    lookups: {
      currency: 'USD',
      locale: '',
      hourlyWorthMinor: 9000,
      ownerName: 'Maya Okafor',
      clients: new Map([['acme ltd', 1]]),
      staff: new Map(),
      turnarounds: new Map(),
      openTurnarounds: new Map(),
    },
    policy: 'skip',
    maxRows: 1_000_000,
    ...overrides,
  }
}

function csv(name: string, rows: number, bad: number[] = []): string {
  const lines = ['date,client,kind,amount']
  for (let i = 0; i < rows; i++)
    lines.push(`${bad.includes(i) ? 'never' : '2026-03-01'},${i % 2 ? 'Acme Ltd' : `Client ${i % 50}`},invoice,${i}.00`)
  const file = path.join(dir, name)
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

describe("the import's reading thread", () => {
  it('reads every row on its own thread and hands them over in order, with the unreadable ones listed', async () => {
    const rows = new ImportRows()
    let progress = 0
    const reading = readOnThread(READER_FILE, job(csv('rows.csv', 40_000, [5, 39_998])), {
      block: (block) => rows.add(block),
      progress: () => progress++,
    })
    const summary = await reading.done
    expect(summary).toMatchObject({ rowsRead: 40_000, badRowCount: 2, stopped: false, tooMany: false })
    expect(summary.badRows.map((b) => b.line)).toEqual([7, 40_000])
    expect(rows.length).toBe(39_998)
    expect(rows.row(0)).toMatchObject({ clientName: 'Client 0', clientId: null, amountMinor: 0 })
    expect(rows.row(1)).toMatchObject({ clientName: 'Acme Ltd', clientId: 1, amountMinor: 100 })
    // Row 5 was unreadable: the sixth row kept is the file's seventh.
    expect(rows.row(5).amountMinor).toBe(600)
    expect(rows.row(39_997).amountMinor).toBe(3_999_900)
    expect(progress).toBeGreaterThan(0)
  })

  it('stops handing rows over at the first bad row under "stop", and still counts them all', async () => {
    const rows = new ImportRows()
    const summary = await readOnThread(READER_FILE, job(csv('stop.csv', 40_000, [20_000]), { policy: 'stop' }), {
      block: (block) => rows.add(block),
      progress: () => {},
    }).done
    expect(summary).toMatchObject({ rowsRead: 40_000, badRowCount: 1 })
    // The full blocks before the bad row, and none of the rows after it.
    expect(rows.length).toBe(Math.floor(20_000 / BLOCK_ROWS) * BLOCK_ROWS)
  })

  it('stops when asked, between chunks of the file', async () => {
    let reading: ReturnType<typeof readOnThread> | null = null
    reading = readOnThread(READER_FILE, job(csv('long.csv', 200_000)), {
      block: () => {},
      progress: () => reading?.stop(),
    })
    const summary = await reading.done
    expect(summary.stopped).toBe(true)
    expect(summary.rowsRead).toBeLessThan(200_000)
  })

  it('ends a thread that does not answer a stop once the grace is over, with the counts it last sent', async () => {
    const stuck = path.join(dir, 'stuck.cjs')
    fs.writeFileSync(
      stuck,
      [
        "const { parentPort } = require('node:worker_threads')",
        "parentPort.postMessage({ type: 'progress', counts: { bytesRead: 640, rowsRead: 12, badRows: 2 } })",
        '// Deaf to the stop, and alive until ended.',
        'setInterval(() => {}, 1000)',
      ].join('\n'),
    )
    let ignored = 0
    let reading: ReturnType<typeof readOnThread> | null = null
    const started = Date.now()
    reading = readOnThread(
      stuck,
      job(''),
      { block: () => {}, progress: () => reading?.stop(), stopIgnored: () => ignored++ },
      300,
    )
    const summary = await reading.done
    expect(summary).toEqual({ rowsRead: 12, badRowCount: 2, badRows: [], stopped: true, tooMany: false })
    expect(ignored).toBe(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('sends a refused file as the refusal the owner reads', async () => {
    const file = path.join(dir, 'long-line.csv')
    fs.writeFileSync(file, `date,client,kind,amount\n2026-03-01,"${'x'.repeat(300_000)}",invoice,1\n`)
    const done = readOnThread(READER_FILE, job(file), { block: () => {}, progress: () => {} }).done
    await expect(done).rejects.toBeInstanceOf(CsvRefusal)
    await expect(done).rejects.toThrow(/line 2/i)
  })

  it('fails the read when the thread dies or throws, instead of leaving the import waiting', async () => {
    const dies = path.join(dir, 'dies.cjs')
    fs.writeFileSync(dies, 'process.exit(3)\n')
    await expect(readOnThread(dies, job(''), { block: () => {}, progress: () => {} }).done).rejects.toThrow(
      'exit code 3',
    )
    const throws = path.join(dir, 'throws.cjs')
    fs.writeFileSync(throws, "throw new Error('broken')\n")
    await expect(readOnThread(throws, job(''), { block: () => {}, progress: () => {} }).done).rejects.toThrow('broken')
  })

  it('fails the read with the error of a block main could not take', async () => {
    const done = readOnThread(READER_FILE, job(csv('take.csv', 40_000)), {
      block: () => {
        throw new Error('disk full')
      },
      progress: () => {},
    }).done
    await expect(done).rejects.toThrow('disk full')
  })
})
