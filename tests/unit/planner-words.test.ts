/** The severity scale speaks as people do, from "once in a blue moon" to "serious, must be solved now". */
import { describe, expect, it } from 'vitest'
import { IssueInput } from '../../electron/shared/turnarounds/schemas'
import { SEVERITIES, SEVERITY_LABELS } from '../../electron/shared/turnarounds/words'

describe('the severity words', () => {
  it('run over five levels from the rare nuisance to the emergency, with "major" in the middle', () => {
    expect(SEVERITIES.map((s) => SEVERITY_LABELS[s])).toEqual([
      'Once in a blue moon',
      'Minor',
      'Major',
      'Serious',
      'Serious, must be solved now',
    ])
  })

  it('leave the stored values 1 to 5 as they were', () => {
    expect(SEVERITIES).toEqual([1, 2, 3, 4, 5])
    const issue = (severity: number) =>
      IssueInput.safeParse({ statement: 'Late reports', raisedOn: '2026-03-02', severity })
    expect(SEVERITIES.map((s) => issue(s).data?.severity)).toEqual([1, 2, 3, 4, 5])
    expect(issue(0).success).toBe(false)
    expect(issue(6).success).toBe(false)
  })
})
