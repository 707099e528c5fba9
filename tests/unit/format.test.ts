/**
 * One formatter for dates, months, durations and money (shared/format.ts), in one locale: the
 * recommendation main writes is in the business's locale, else the computer's language (the
 * pages' too), never in whatever locale the main process happens to run in.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { buildMergeData } from '../../electron/main/features/letters/merge-data'
import { formatsFor, resolveLocale } from '../../electron/shared/format'
import type { DecisionPanel } from '../../electron/shared/ledger/models'
import type { Client } from '../../electron/shared/models'
import type { TurnaroundDetail } from '../../electron/shared/turnarounds/models'
import { call as callChannel } from '../support/dispatch'
import { openTestApp, type TestApp } from '../support/temp-db'

describe('the formatter', () => {
  it('writes a day, a month and an instant in the locale', () => {
    expect(formatsFor('en-GB').date('2026-10-28')).toBe('28 Oct 2026')
    expect(formatsFor('en-US').date('2026-10-28')).toBe('Oct 28, 2026')
    expect(formatsFor('en-GB').longDate('2026-11-22')).toBe('22 November 2026')
    expect(formatsFor('en-US').longDate('2026-11-22')).toBe('November 22, 2026')
    expect(formatsFor('en-GB').date(null)).toBe('—')
    expect(formatsFor('en-GB').longDate(null)).toBe('')
  })

  it('names a month the same way in a date and on a chart axis, for every month and locale', () => {
    for (const locale of ['en-GB', 'en-US', 'de-DE', 'fr-FR'])
      for (let m = 1; m <= 12; m++) {
        const month = `2026-${String(m).padStart(2, '0')}`
        const f = formatsFor(locale)
        const word = f
          .month(month)
          .replace(/[\d\s.,']+$/, '')
          .replace(/^[\d\s.,']+/, '')
        expect(f.date(`${month}-15`), `${locale} ${month}`).toContain(word)
      }
  })

  it('writes every total of time in hours and minutes, never rounded to hours', () => {
    const en = formatsFor('en-GB')
    expect(en.duration(7170 * 60 + 15)).toBe('7,170 h 15 min')
    expect(en.duration(7204 * 60)).toBe('7,204 h')
    expect(en.duration(45)).toBe('45 min')
    expect(en.duration(0)).toBe('0 min')
    expect(formatsFor('de-DE').duration(7170 * 60 + 15)).toBe('7.170 h 15 min')
  })

  it('writes money, percentages and axis ticks with the currency from Intl', () => {
    expect(formatsFor('en-GB').money(123456, 'GBP')).toBe('£1,234.56')
    expect(formatsFor('de-DE').money(123456, 'EUR')).toBe('1.234,56\u00a0€')
    expect(formatsFor('en-GB').percent(12.5)).toBe('12.5%')
    expect(formatsFor('en-GB').moneyTick(12000, 'GBP')).toBe('£12k')
  })

  it('takes the business’s locale, else the computer’s language, else English', () => {
    expect(resolveLocale('de-DE', 'en-US')).toBe('de-DE')
    expect(resolveLocale('', 'en-GB')).toBe('en-GB')
    expect(resolveLocale('', 'not a locale!')).toBe('en')
  })
})

describe('the recommendation', () => {
  let app: TestApp
  afterEach(async () => {
    await app.close()
  })

  async function panel(locale: string, system: string): Promise<string> {
    app = await openTestApp(undefined, () => new Date(2026, 10, 22, 9, 30))
    app.ports.locale = () => system
    const call = <T>(channel: string, input?: unknown) => callChannel<T>(app, channel, input)
    await call('profile:save', {
      businessName: 'Quill & Co',
      ownerName: 'Ada Quill',
      currency: 'EUR',
      locale,
      hourlyWorthMinor: 6000,
    })
    const c = await call<Client>('clients:create', { name: 'Quayside Yacht Club' })
    const t = await call<TurnaroundDetail>('turnarounds:open', {
      clientId: c.id,
      openedOn: '2026-10-01',
      firstHeardBy: 'Ada Quill',
    })
    await call('ledger:save', {
      clientId: c.id,
      entry: { currency: 'EUR', kind: 'invoice', entryDate: '2026-03-01', amountMinor: 300000 },
    })
    await call('issues:save', { turnaroundId: t.id, issue: { statement: 'Late brochure', raisedOn: '2026-10-01' } })
    await call('turnarounds:agree-plan', { id: t.id, agreedOn: '2026-10-28' })
    const p = await call<DecisionPanel>('decisions:get-panel', { clientId: c.id })
    return [...p.result.reasons, ...p.result.limits.map((l) => l.sentence)].join('\n')
  }

  it('is written in the business’s locale, whatever the computer’s', async () => {
    const text = await panel('en-GB', 'de-DE')
    expect(text).toContain('agreed on 28 Oct 2026')
    expect(text).toContain('€3,000.00')
    expect(text).not.toContain('3.000,00')
  })

  it('is written in the computer’s language, the pages’ one, when the business chose none', async () => {
    const text = await panel('', 'de-DE')
    expect(text).toContain('28. Okt. 2026')
    expect(text).toContain('3.000,00\u00a0€')
  })
})

describe('letters', () => {
  const profile = {
    businessName: 'Quill & Co',
    ownerName: 'Ada Quill',
    address: '',
    email: '',
    phone: '',
    currency: 'EUR',
    locale: 'de-DE',
    hourlyWorthMinor: 6000,
    logoDataUrl: null,
    isSample: false,
    updatedAt: '',
    warningWindowDays: 2,
    followUpEveryDays: 2,
    checkInAfterDays: 90,
    quickWinMaxEffortMinutes: 120,
    letterPageSize: 'A4' as const,
  }
  const client = {
    name: 'Quayside',
    company: '',
    contactPerson: '',
    contactTitle: '',
    email: '',
    phone: '',
    address: '',
  } as Client

  it('are written in the business’s locale, else by the paper’s convention', () => {
    const input = { client, turnaround: null, kind: 'blank' as const, date: '2026-11-22', goodwill: '' }
    expect(buildMergeData({ ...input, profile, pageSize: 'A4' }).context.letter).toMatchObject({
      date: '22. November 2026',
    })
    expect(
      buildMergeData({ ...input, profile: { ...profile, locale: '' }, pageSize: 'LETTER' }).context.letter,
    ).toMatchObject({
      date: 'November 22, 2026',
    })
    expect(
      buildMergeData({ ...input, profile: { ...profile, locale: '' }, pageSize: 'A4' }).context.letter,
    ).toMatchObject({
      date: '22 November 2026',
    })
  })
})
