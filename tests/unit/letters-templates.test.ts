/** Letter templates: every kind for a full and a nearly empty client, escaping, and templates refused with their line. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LetterBlock } from '../../electron/shared/letters/blocks'
import type { LetterDraftResult, LetterTemplateView } from '../../electron/shared/letters/models'
import { LETTER_KINDS } from '../../electron/shared/letters/words'
import { PROFILE, ISSUES, NOW, call, fullClient, nearlyEmptyClient, refused } from '../support/letters-fixture'
import { openTestApp, type TestApp } from '../support/temp-db'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp(undefined, () => NOW)
  await call(app, 'profile:save', PROFILE)
})
afterEach(async () => {
  await app.close()
})

const textOf = (blocks: LetterBlock[]) =>
  blocks
    .map((b) =>
      b.type === 'bullets'
        ? b.items.join('\n')
        : b.type === 'table'
          ? [b.columns, ...b.rows].flat().join('\n')
          : b.text,
    )
    .join('\n')

function readsClean(result: LetterDraftResult): void {
  const text = `${result.draft.subject}\n${textOf(result.draft.blocks)}`
  expect(text).not.toMatch(/\{\{|\{%|%\}|\}\}|undefined|null|\[object/)
  expect(text).not.toMatch(/[\uE000-\uF8FF]/)
  // No heading left without anything under it, no empty bullet.
  result.draft.blocks.forEach((b, i) => {
    if (b.type === 'heading')
      expect(result.draft.blocks[i + 1]?.type, `heading “${b.text}” is followed by something`).not.toBe('heading')
    if (b.type === 'bullets') expect(b.items.every((item) => item.trim() !== '')).toBe(true)
  })
  expect(result.draft.blocks[result.draft.blocks.length - 1]?.type).not.toBe('heading')
}

describe('every template', () => {
  for (const kind of LETTER_KINDS) {
    it(`${kind}: renders for a client with a full turnaround`, async () => {
      const { client, turnaround } = await fullClient(app)
      const result = await call<LetterDraftResult>(app, 'letters:start', {
        clientId: client.id,
        kind,
        goodwill: 'a 20% discount on your next order',
      })
      readsClean(result)
      expect(result.draft.turnaroundId).toBe(turnaround.id)
      expect(result.draft.recipient).toBe('Élodie Marchand\nAcme Ltd Holdings\n3 Gloucester Road\nBristol\nBS7 8AA')
      expect(result.draft.date).toBe('2026-11-22')
      const text = textOf(result.draft.blocks)
      expect(text.startsWith('Dear Élodie Marchand,')).toBe(true)
      if (kind !== 'blank') expect(result.draft.subject.length).toBeGreaterThan(5)
      if (kind === 'follow_up' || kind === 'apology' || kind === 'plan' || kind === 'check_in')
        for (const issue of ISSUES) expect(text).toContain(issue)
      if (kind === 'follow_up') {
        expect(result.draft.subject).toBe('Following up on our meeting of 20 November 2026')
        expect(text).toContain('Renew the annual contract in January (£4,800.00)')
        // Every part of the client's commitment is a bullet of its own, with its date.
        const bullets = result.draft.blocks.flatMap((b) => (b.type === 'bullets' ? b.items : []))
        expect(bullets).toContain('Renew the annual contract in January (£4,800.00)')
        expect(bullets).toContain('Recommend us to the bakery next door by 1 February 2027')
        expect(text).toContain('I will send you a written plan by 27 November 2026.')
        expect(result.draft.blocks.filter((b) => b.type === 'table')).toHaveLength(2)
      }
      if (kind === 'apology') expect(text).toContain('we would like to offer you a 20% discount on your next order')
      if (kind === 'plan') expect(text).toContain('Put the report date in the shared calendar, by 24 November 2026')
      expect(Object.keys(result.tables).sort()).toEqual(['commitments', 'issues', 'plan'])
    })

    it(`${kind}: renders for a client with nothing but a name`, async () => {
      const client = await nearlyEmptyClient(app)
      const result = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind })
      readsClean(result)
      expect(result.draft.turnaroundId).toBeNull()
      expect(result.draft.recipient).toBe('Zed')
      expect(textOf(result.draft.blocks).startsWith('Dear Zed,')).toBe(true)
      expect(result.draft.blocks.some((b) => b.type === 'table')).toBe(false)
      expect(result.tables).toEqual({})
    })
  }
})

describe('merge fields are escaped', () => {
  it('prints user text exactly as typed: never markup, never template code, never structure', async () => {
    const name = '<b>Acme</b> & Sons "Ltd" 😀'
    const client = await call<{ id: number }>(app, 'clients:create', {
      name,
      contactPerson: '# Not a heading',
      address: '- not a bullet\n{{ business.name }}\n{% table issues %}',
    })
    await call(app, 'letter-templates:save', {
      kind: 'blank',
      subject: 'For {{ client.name }}',
      body: '{{ client.contact }}\n\n{{ client.address }}\n\nDear {{ client.name }},',
    })
    const { draft } = await call<LetterDraftResult>(app, 'letters:start', { clientId: client.id, kind: 'blank' })
    expect(draft.subject).toBe(`For ${name}`)
    expect(draft.blocks).toEqual([
      { type: 'paragraph', text: '# Not a heading' },
      { type: 'paragraph', text: '- not a bullet\n{{ business.name }}\n{% table issues %}' },
      { type: 'paragraph', text: `Dear ${name},` },
    ])
  })
})

describe('templates in Settings', () => {
  const templateOf = async (kind: string) =>
    (await call<LetterTemplateView[]>(app, 'letter-templates:list')).find((t) => t.kind === kind) as LetterTemplateView

  it('saves a template, refuses an unknown merge field with its line, and keeps the saved one', async () => {
    const good = {
      kind: 'check_in',
      subject: 'Hello {{ client.name }}',
      body: 'Dear {{ client.greeting }},\n\nAll well?',
    }
    const saved = await call<LetterTemplateView>(app, 'letter-templates:save', good)
    expect(saved.isCustom).toBe(true)
    const error = await refused(app, 'letter-templates:save', {
      ...good,
      body: 'Dear {{ client.greeting }},\n\nYour order\n{{ client.nmae }} is late',
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('body')
    expect(error.message).toContain('Line 4')
    expect(error.message).toContain('client.nmae')
    const loop = await refused(app, 'letter-templates:save', {
      ...good,
      body: '{% for issue in issues %}\n- {{ issue.statment }}\n{% endfor %}',
    })
    expect(loop.message).toMatch(/Line 2.*issue\.statment/)
    const unknownRoot = await refused(app, 'letter-templates:save', { ...good, subject: '{{ customer.name }}' })
    expect(unknownRoot.field).toBe('subject')
    expect(unknownRoot.message).toContain('Line 1')
    expect(await templateOf('check_in')).toMatchObject({ subject: good.subject, body: good.body, isCustom: true })
  })

  it('refuses a syntax error with its line, and a template that tries to include a file', async () => {
    const broken = await refused(app, 'letter-templates:save', {
      kind: 'apology',
      subject: 'Sorry',
      body: 'Dear {{ client.greeting }},\n\n{% if issues.size > 0 %}\nWe are sorry.',
    })
    expect(broken.field).toBe('body')
    expect(broken.message).toMatch(/Line \d/)
    expect(broken.message).toContain('not closed')
    const filter = await refused(app, 'letter-templates:save', {
      kind: 'apology',
      subject: 'Sorry',
      body: 'a\n{{ client.name | shout }}',
    })
    expect(filter.message).toContain('Line 2')
    const include = await refused(app, 'letter-templates:save', {
      kind: 'apology',
      subject: 'Sorry',
      body: "{% include '/etc/passwd' %}",
    })
    expect(include.code).toBe('VALIDATION')
    expect((await templateOf('apology')).isCustom).toBe(false)
  })

  it('resets a template to its default', async () => {
    await call(app, 'letter-templates:save', { kind: 'plan', subject: 'Plan', body: 'Dear {{ client.greeting }},' })
    const reset = await call<LetterTemplateView>(app, 'letter-templates:reset', { kind: 'plan' })
    expect(reset.isCustom).toBe(false)
    expect(reset.body).toBe(reset.defaultBody)
    expect((await templateOf('plan')).subject).toBe('Our plan to resolve the issues you raised')
  })

  it('previews an unsaved template against any client without saving it', async () => {
    const { client } = await fullClient(app)
    const preview = await call<LetterDraftResult>(app, 'letter-templates:preview', {
      kind: 'follow_up',
      clientId: client.id,
      subject: 'About {{ client.name }}',
      body: '# Agreed\n{% table issues %}\n{% for c in our_commitments %}\n- {{ c.description }} by {{ c.due }}\n{% endfor %}',
    })
    expect(preview.draft.subject).toBe('About Acme Ltd')
    expect(preview.draft.blocks.map((b) => b.type)).toEqual(['heading', 'table', 'bullets'])
    expect(preview.draft.blocks[2]).toEqual({
      type: 'bullets',
      items: ['Send the corrected March report by 25 November 2026', 'Send the written plan by 27 November 2026'],
    })
    expect((await templateOf('follow_up')).isCustom).toBe(false)
    const error = await refused(app, 'letter-templates:preview', {
      kind: 'follow_up',
      clientId: client.id,
      subject: '',
      body: '\n\n{{ nope }}',
    })
    expect(error.message).toContain('Line 3')
  })
})
