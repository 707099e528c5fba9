/** Clients for the letters' tests: one with a full turnaround, one with nothing but a name. */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LetterBlock } from '../../electron/shared/letters/blocks'
import type { Client } from '../../electron/shared/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { openTestApp, type TestApp } from './temp-db'
import { afterEach, beforeEach } from 'vitest'

import { call } from './dispatch'

export { call, refused } from './dispatch'

export const TODAY = '2026-11-22'
/** 09:30 local time on TODAY, whatever the machine's time zone. */
export const NOW = new Date(2026, 10, 22, 9, 30)

export const PROFILE = {
  businessName: 'Harbour Lane Print & Design',
  ownerName: 'Maya Okafor',
  address: 'Unit 4, 12 Harbour Lane\nSpike Island\nBristol BS1 6XY',
  email: 'hello@harbourlane.example.co.uk',
  phone: '0117 496 0123',
  currency: 'GBP',
  hourlyWorthMinor: 8500,
}

export const ISSUES = [
  'The March and April reports arrived 6 and 9 days late',
  'The March report had the wrong VAT figures',
  'Nobody called when the April delivery slipped',
]
export const COMMITMENTS = [
  { party: 'us', description: 'Send the corrected March report', dueOn: '2026-11-25' },
  { party: 'us', description: 'Send the written plan', dueOn: '2026-11-27' },
  { party: 'client', description: 'Confirm the report recipients', dueOn: '2026-12-03' },
]
/** How the commitments' dates print on A4 letters. */
export const COMMITMENT_DATES = ['25 November 2026', '27 November 2026', '3 December 2026']

export interface FullClient {
  client: Client
  turnaround: TurnaroundDetail
}

/** Acme Ltd: contact, address, a turnaround with agreed issues, the client's commitment, a plan and commitments. */
export async function fullClient(app: TestApp, name = 'Acme Ltd'): Promise<FullClient> {
  const client = await call<Client>(app, 'clients:create', {
    name,
    company: `${name} Holdings`,
    contactPerson: 'Élodie Marchand',
    email: 'elodie@acme.example.com',
    address: '3 Gloucester Road\nBristol\nBS7 8AA',
  })
  let t = await call<TurnaroundDetail>(app, 'turnarounds:open', {
    clientId: client.id,
    openedOn: '2026-11-10',
    firstHeardBy: 'Maya Okafor',
    responsePromisedOn: '2026-11-27',
    clientWords: 'You never deliver on time.',
  })
  for (const statement of ISSUES) {
    t = await call(app, 'issues:save', {
      turnaroundId: t.id,
      issue: { statement, raisedOn: '2026-11-10', successCriterion: `Fixed: ${statement.slice(4, 30)}` },
    })
  }
  t = await call(app, 'turnarounds:record-agreement', { id: t.id, agreedOn: '2026-11-20', via: 'meeting' })
  t = await call(app, 'turnarounds:set-client-commitment', {
    id: t.id,
    parts: [
      { kind: 'renew', description: 'Renew the annual contract in January', amountMinor: 480000 },
      {
        kind: 'referral',
        description: 'Recommend us to the bakery next door',
        dueOn: '2027-02-01',
        metWhen: 'The bakery asks us for a quote',
      },
    ],
  })
  const firstIssue = t.issues[0]?.id ?? null
  t = await call(app, 'actions:save', {
    turnaroundId: t.id,
    action: {
      issueId: firstIssue,
      title: 'Put the report date in the shared calendar',
      impact: 4,
      effortMinutes: 30,
      dueOn: '2026-11-24',
    },
  })
  t = await call(app, 'actions:save', {
    turnaroundId: t.id,
    action: {
      issueId: firstIssue,
      title: 'Rebuild the reporting process',
      impact: 4,
      effortMinutes: 960,
      dueOn: '2026-12-15',
    },
  })
  for (const commitment of COMMITMENTS) t = await call(app, 'commitments:save', { turnaroundId: t.id, commitment })
  return { client, turnaround: t }
}

/** A client with a name and nothing else. */
export function nearlyEmptyClient(app: TestApp, name = 'Zed'): Promise<Client> {
  return call<Client>(app, 'clients:create', { name })
}

/** Runs `read` on the bytes written to a file of their own, removed afterwards. */
function withPdfFile<T>(bytes: Uint8Array, read: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-pdf-'))
  try {
    const file = path.join(dir, 'letter.pdf')
    fs.writeFileSync(file, bytes)
    return read(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The text pdftotext reads back from PDF bytes (or one page of them). */
export function pdfText(bytes: Uint8Array, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return withPdfFile(bytes, (file) =>
    execFileSync('/usr/bin/pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  )
}

export function pdfInfo(bytes: Uint8Array): string {
  return withPdfFile(
    bytes,
    (file) =>
      execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }) +
      execFileSync('/usr/bin/pdffonts', [file], { encoding: 'utf8' }),
  )
}

/**
 * The tagged structure tree as poppler reads it (pdfinfo -struct-text): one element per line,
 * indented by depth, its attributes and text on the lines under it; and what poppler complained of.
 */
export function pdfStructure(bytes: Uint8Array): { tree: string; complaints: string } {
  const run = withPdfFile(bytes, (file) => spawnSync('/usr/bin/pdfinfo', ['-struct-text', file], { encoding: 'utf8' }))
  if (run.status !== 0) throw new Error(`pdfinfo failed: ${run.stderr}`)
  return { tree: run.stdout, complaints: run.stderr }
}

/** The first page as a PNG under test-results/letters/, for a person to look at. */
export function firstPagePng(bytes: Uint8Array, name: string): string {
  const dir = path.resolve(__dirname, '../../test-results/letters')
  fs.mkdirSync(dir, { recursive: true })
  const pdf = path.join(dir, `${name}.pdf`)
  fs.writeFileSync(pdf, bytes)
  execFileSync('/usr/bin/pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    path.join(dir, name),
  ])
  return path.join(dir, `${name}.png`)
}

/** pdftotext joins words with single spaces and breaks lines: compare with whitespace squeezed. */
export const squeeze = (text: string) => text.replace(/\s+/g, ' ')

/** A letter's blocks as plain text: paragraphs, headings, list items and table cells, one per line. */
export function blocksText(blocks: readonly LetterBlock[]): string {
  return blocks
    .map((b) =>
      b.type === 'bullets'
        ? b.items.join('\n')
        : b.type === 'table'
          ? [b.columns, ...b.rows].flat().join('\n')
          : b.text,
    )
    .join('\n')
}

/** A fresh app per test with the letters' business profile saved, at NOW; closed after the test. */
export function useLettersApp(): () => TestApp {
  let app: TestApp | undefined
  beforeEach(async () => {
    app = await openTestApp(undefined, () => NOW)
    await call(app, 'profile:save', PROFILE)
  })
  afterEach(async () => {
    await app?.close()
    app = undefined
  })
  return () => {
    if (!app) throw new Error('useLettersApp: no app outside a test')
    return app
  }
}
