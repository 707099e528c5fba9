/**
 * Who added a record and who changed it last, as one quiet line: "Added by Dana on 3 Dec 2026 ·
 * last changed by Sam at 10:42". Names are those of the people at the desktops (Settings > Your
 * data); a record nobody named (made before names were kept, or at a desktop without one) has no
 * line at all rather than "Added by someone".
 */
import { localIsoDate } from '../electron/shared/dates'
import type { Formats } from '../electron/shared/format'
import type { Authorship } from '../electron/shared/models'

export type AuthorStamps = Pick<Authorship, 'createdBy' | 'updatedBy' | 'createdAt' | 'updatedAt'>

/** "at 10:42" today, "on 3 Dec 2026" another day, in the display locale; '' for no readable time. */
export function whenSaid(stamp: string, now: Date, f: Formats): string {
  const at = new Date(stamp)
  if (!stamp || Number.isNaN(at.getTime())) return ''
  const day = localIsoDate(at)
  if (day !== localIsoDate(now)) return `on ${f.date(day)}`
  return `at ${new Intl.DateTimeFormat(f.locale, { hour: '2-digit', minute: '2-digit' }).format(at)}`
}

export function authorLine(r: AuthorStamps, now: Date, f: Formats): string {
  const createdBy = r.createdBy.trim()
  const updatedBy = r.updatedBy.trim()
  if (!createdBy && !updatedBy) return ''
  const phrase = (...words: string[]) => words.filter(Boolean).join(' ')
  const parts: string[] = []
  if (createdBy) parts.push(phrase('Added by', createdBy, whenSaid(r.createdAt, now, f)))
  // Changed since it was added (a save moves updatedAt; the first one leaves it as created).
  if (r.updatedAt && r.updatedAt !== r.createdAt) {
    const changed = phrase('changed', updatedBy && `by ${updatedBy}`, whenSaid(r.updatedAt, now, f))
    parts.push(createdBy ? `last ${changed}` : `Last ${changed}`)
  }
  return parts.join(' · ')
}
