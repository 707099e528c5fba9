import { DomainError } from '../../domain-error'
import { addDays } from '../../../shared/dates'
import { MAX_SNOOZE_DAYS } from '../../../shared/reminders/schemas'
import type { TurnaroundsContext } from './turnarounds-context'

/**
 * Puts a turnaround's follow-up off until a later day (from Today: tomorrow, in two days, or a
 * chosen date). Stored on the turnaround; the next follow-up is never before it, and a touchpoint
 * logged later moves it on by the cadence as usual.
 */
export async function snoozeFollowUp(
  ctx: TurnaroundsContext,
  turnaroundId: number,
  until: string,
): Promise<{ turnaroundId: number; nextFollowUpOn: string }> {
  const detail = await ctx.mutate(turnaroundId, async (m, t) => {
    if (t.closedOn) throw new DomainError('VALIDATION', 'This turnaround is closed: there is no follow-up to put off.')
    if (until <= ctx.today()) throw new DomainError('VALIDATION', 'Choose a day after today.', 'until')
    if (until > addDays(ctx.today(), MAX_SNOOZE_DAYS))
      throw new DomainError('VALIDATION', 'A follow-up can be put off for a year at most.', 'until')
    t.followUpSnoozedUntil = until
    t.updatedAt = ctx.stamp()
    await m.save(t)
  })
  return { turnaroundId, nextFollowUpOn: detail.nextFollowUpOn ?? until }
}
