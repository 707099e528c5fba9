/**
 * One month-name style: a date picker shows a day exactly as the pages write it ("6 Sept 2026" in
 * en-GB, where date-fns alone says "Sep"), in the business's locale, and reads back what it shows.
 */
import { format, parse } from 'date-fns'
import { afterEach, describe, expect, it } from 'vitest'
import { datePickerFormat, formatDate, setDisplayLocale } from '../../src/format'
import { dateLocaleFor } from '../../src/locale'

afterEach(() => setDisplayLocale(''))

describe('the date picker’s words', () => {
  for (const locale of ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'nl-NL'])
    it(`match the pages' dates in ${locale}, every month, and read back`, () => {
      setDisplayLocale(locale)
      const dateFns = dateLocaleFor(locale).locale
      for (let m = 0; m < 12; m++) {
        const day = new Date(2026, m, 6)
        const iso = `2026-${String(m + 1).padStart(2, '0')}-06`
        const shown = format(day, datePickerFormat.value, { locale: dateFns })
        expect(shown, iso).toBe(formatDate(iso))
        expect(parse(shown, datePickerFormat.value, new Date(2026, 0, 1), { locale: dateFns }).getTime(), shown).toBe(
          day.getTime(),
        )
      }
    })

  it('still reads the shorter name date-fns uses', () => {
    const dateFns = dateLocaleFor('en-GB').locale
    expect(parse('6 Sep 2026', 'd MMM yyyy', new Date(2026, 0, 1), { locale: dateFns }).getMonth()).toBe(8)
    expect(format(new Date(2026, 8, 6), 'd MMM yyyy', { locale: dateFns })).toBe('6 Sept 2026')
  })
})
