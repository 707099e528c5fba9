/** The ledger import benchmarks' CSV: every kind, the given clients, 5 years, the same every run. */
import fs from 'node:fs'
import { prng } from './seed'

export function writeLedgerCsv(file: string, clientNames: readonly string[], rows: number): void {
  const random = prng(20261122)
  const kinds = [
    'invoice',
    'payment',
    'time',
    'time',
    'time',
    'material',
    'expense',
    'refund',
    'discount',
    'credit',
    'gift',
  ]
  const out = fs.openSync(file, 'w')
  const lines: string[] = ['date,client,kind,description,amount,currency,minutes,worker,rate,reference']
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2022, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000).toISOString().slice(0, 10)
    const client = clientNames[Math.floor(random() * clientNames.length)]!
    const kind = kinds[Math.floor(random() * kinds.length)]!
    const amount = `${Math.floor(random() * 5000)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`
    const time = kind === 'time'
    const worker = time ? (random() < 0.5 ? 'Priya Shah' : '') : ''
    lines.push(
      `${day},${client},${kind},"Row ${i}, ${kind} for ${client}",${time ? '' : amount},USD,${time ? 15 + Math.floor(random() * 240) : ''},${worker},${time && random() < 0.3 ? '45.00' : ''},R-${i}`,
    )
    if (lines.length === 10_000) {
      fs.writeSync(out, `${lines.join('\n')}\n`)
      lines.length = 0
    }
  }
  if (lines.length) fs.writeSync(out, `${lines.join('\n')}\n`)
  fs.closeSync(out)
}
