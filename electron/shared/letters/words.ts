/** The letters' words (DOMAIN.md): stored values and, through the label maps, the UI and file names. */

export const LETTER_KINDS = ['follow_up', 'apology', 'plan', 'check_in', 'parting', 'blank'] as const

/** A parting letter's notice when none is chosen: the work ends this many days after the letter's date. */
export const PARTING_NOTICE_DAYS = 30
export type LetterKind = (typeof LETTER_KINDS)[number]

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  follow_up: 'Meeting follow-up',
  apology: 'Apology note',
  plan: 'Written plan',
  check_in: 'Check-in',
  parting: 'Parting letter',
  blank: 'Blank letter',
}

/** What each kind is for, shown when choosing one. */
export const LETTER_KIND_PURPOSES: Record<LetterKind, string> = {
  follow_up:
    'Soon after the meeting: the summary, the agreed issues, their commitment and the date the plan will come.',
  apology: 'Thanks for raising it, what went wrong, what we are doing about it, and an optional goodwill gesture.',
  plan: 'Each issue with its approach, quick wins first, who does what, how both will know it is resolved, and dates.',
  check_in: 'A few months after the turnaround: is everything still working as it should?',
  parting: 'Courteous and firm: the day it ends, what we still deliver, what is owed, how files and data come back.',
  blank: 'Your own words on your letterhead.',
}

/** The kind as it appears in a file name: "2026-11-22 Follow-up - Acme Ltd.pdf". */
export const LETTER_KIND_FILE_LABELS: Record<LetterKind, string> = {
  follow_up: 'Follow-up',
  apology: 'Apology',
  plan: 'Plan',
  check_in: 'Check-in',
  parting: 'Parting letter',
  blank: 'Letter',
}

export const PAGE_SIZES = ['A4', 'LETTER'] as const
export type PageSize = (typeof PAGE_SIZES)[number]
export const PAGE_SIZE_LABELS: Record<PageSize, string> = { A4: 'A4 (210 × 297 mm)', LETTER: 'US Letter (8.5 × 11 in)' }

/** Tables the letter editor and the templates can insert from the turnaround's data. */
export const LETTER_TABLES = ['issues', 'commitments', 'plan'] as const
export type LetterTable = (typeof LETTER_TABLES)[number]
export const LETTER_TABLE_LABELS: Record<LetterTable, string> = {
  issues: 'Agreed issues',
  commitments: 'Commitments and dates',
  plan: 'The plan (quick wins first)',
}
