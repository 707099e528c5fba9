/**
 * Every kind of letter as a person sees it: A4 and US Letter, with and without a logo, plain and for
 * a window envelope, and a long letter; every page saved as PNG under test-results/letters/gallery/
 * (pdftoppm) for a person to look at, and checked by pdftotext -bbox: no word outside the page's
 * margins, no page without body text, the closing never alone. A window layout on A4 is DIN 5008
 * form A with the logo, form B without.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LetterDraft, LetterDraftResult, RenderedPdf } from '../../electron/shared/letters/models'
import { LETTER_KINDS } from '../../electron/shared/letters/words'
import { PROFILE, call, fullClient, pdfText, useLettersApp } from '../support/letters-fixture'
import { bandPng, pngDataUrl } from '../support/png'

const app = useLettersApp()
const GALLERY = path.resolve(__dirname, '../../test-results/letters/gallery')

function pagesOf(bytes: Uint8Array, name: string): number {
  fs.mkdirSync(GALLERY, { recursive: true })
  const pdf = path.join(GALLERY, `${name}.pdf`)
  fs.writeFileSync(pdf, bytes)
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '50', pdf, path.join(GALLERY, name)])
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [pdf], { encoding: 'utf8' }))?.[1])
}

function wordsInside(bytes: Uint8Array): void {
  const html = execFileSync('/usr/bin/pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: bytes }).toString()
  for (const page of html.split('<page ').slice(1)) {
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page) ?? []
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)) {
      expect(Number(m[1]), m[5]).toBeGreaterThanOrEqual(10)
      expect(Number(m[3]), m[5]).toBeLessThanOrEqual(Number(width) - 20)
      expect(Number(m[2]), m[5]).toBeGreaterThanOrEqual(10)
      expect(Number(m[4]), m[5]).toBeLessThanOrEqual(Number(height) - 10)
    }
  }
}

const render = async (draft: LetterDraft) =>
  Buffer.from((await call<RenderedPdf>(app(), 'letters:render', { draft })).base64, 'base64')

describe('every kind, page by page', () => {
  for (const pageSize of ['A4', 'LETTER'] as const)
    for (const logo of [false, true])
      for (const layout of ['plain', 'window'] as const)
        it(`${pageSize}, ${logo ? 'with' : 'without'} a logo, ${layout}`, async () => {
          await call(app(), 'profile:save', {
            ...PROFILE,
            logoDataUrl: logo ? pngDataUrl(bandPng(360, 120)) : null,
          })
          await call(app(), 'letter-settings:save', { pageSize })
          await call(app(), 'letter-conventions:save', {
            addressLayout: layout,
            // DIN 5008 form A (the short letterhead) with the logo, form B without.
            dinForm: logo ? 'A' : 'B',
            references: true,
            footer: layout === 'window',
            companyNumber: '08123456',
            vatNumber: 'GB 123 4567 89',
          })
          const { client } = await fullClient(app())
          for (const kind of LETTER_KINDS) {
            const { draft } = await call<LetterDraftResult>(app(), 'letters:start', {
              clientId: client.id,
              kind,
              goodwill: 'a 20% discount on your next order',
            })
            const long = kind === 'plan' ? { ...draft, blocks: [...draft.blocks, ...draft.blocks] } : draft
            const bytes = await render(draft.subject ? long : { ...long, subject: 'A note' })
            const pages = pagesOf(bytes, `${kind}-${pageSize}-${logo ? 'logo' : 'plain'}-${layout}`)
            wordsInside(bytes)
            for (let p = 1; p <= pages; p++) {
              const text = pdfText(bytes, p)
                .split('\n')
                .filter((l) => l.trim() !== '')
              const body = text.filter(
                (l) =>
                  !/^Page \d+ of \d+$/.test(l) && !/^Company number|^VAT number|· (22 November|November 22)/.test(l),
              )
              // Something of the letter itself besides the closing and the signature block.
              const signature =
                /^(Kind regards,|Yours sincerely,|With best wishes,|Maya Okafor|Harbour Lane Print & Design)$/
              expect(body.filter((l) => !signature.test(l.trim())).length, `${kind} page ${p}`).toBeGreaterThan(0)
            }
          }
        })
})
