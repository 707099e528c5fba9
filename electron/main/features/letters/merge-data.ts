/**
 * The merge fields' values for one letter, from live data: the business, the client, the
 * turnaround's issues, commitments and plan. Every field in shared/letters/merge-fields.ts is
 * always present (blank when there is nothing), so strict templates render for any client.
 */
import type { TableBlockData } from '../../../shared/letters/blocks'
import { LETTER_KIND_LABELS, type LetterKind, type LetterTable, type PageSize } from '../../../shared/letters/words'
import type { BusinessProfile, Client } from '../../../shared/models'
import type { ActionView, CommitmentView, TurnaroundDetail } from '../../../shared/turnarounds/models'
import { ACTION_STATUS_LABELS, COMMITMENT_STATUS_LABELS, ISSUE_STATUS_LABELS } from '../../../shared/turnarounds/words'
import { letterDate, letterMoney } from './letter-format'

export interface MergeInput {
  profile: BusinessProfile
  client: Client
  turnaround: TurnaroundDetail | null
  kind: LetterKind
  date: string
  goodwill: string
  pageSize: PageSize
}

export interface MergeData {
  context: Record<string, unknown>
  tables: Partial<Record<LetterTable, TableBlockData>>
}

const who = (party: 'us' | 'client') => (party === 'us' ? 'We' : 'You')

export function buildMergeData(input: MergeInput): MergeData {
  const { profile, client, turnaround: t, pageSize } = input
  const date = (iso: string | null | undefined) => letterDate(iso, pageSize)
  const issues = (t?.issues ?? []).filter((i) => i.status !== 'dropped' && !i.isGeneral)
  const liveActions = (t?.actions ?? []).filter((a) => a.status !== 'dropped')
  const commitments = (t?.commitments ?? []).filter((c) => c.status !== 'missed')
  const actionView = (a: ActionView) => ({
    title: a.title,
    who: a.responsible || (a.party === 'us' ? 'We' : 'You'),
    due: date(a.dueOn),
    quick_win: a.quickWin,
    issue: issues.find((i) => i.id === a.issueId)?.statement ?? '',
    status: ACTION_STATUS_LABELS[a.status],
  })
  const commitmentView = (c: CommitmentView) => ({ who: who(c.party), description: c.description, due: date(c.dueOn), status: COMMITMENT_STATUS_LABELS[c.status] })
  const open = commitments.filter((c) => c.status !== 'done')
  const actions = liveActions.map(actionView)

  const context = {
    business: { name: profile.businessName, owner: profile.ownerName, address: profile.address, email: profile.email, phone: profile.phone },
    client: {
      name: client.name,
      company: client.company,
      contact: client.contactPerson,
      greeting: client.contactPerson || client.name,
      email: client.email,
      phone: client.phone,
      address: client.address,
    },
    letter: { date: date(input.date), kind: LETTER_KIND_LABELS[input.kind], goodwill: input.goodwill },
    turnaround: {
      exists: t !== null,
      opened_on: date(t?.openedOn),
      owner: t?.owner ?? '',
      client_words: t?.clientWords ?? '',
      client_expectation: t?.clientExpectation ?? '',
      met_via: t?.issuesAgreedVia ?? '',
      issues_agreed_on: date(t?.issuesAgreedOn),
      client_commitment: t?.clientCommitment ?? '',
      client_commitment_amount: letterMoney(t?.clientCommitmentAmountMinor, profile.currency, pageSize),
      plan_due: date(t?.responsePromisedOn),
      plan_agreed_on: date(t?.planAgreedOn),
      closed_on: date(t?.closedOn),
      closing_note: t?.closingNote ?? '',
    },
    issues: issues.map((i, n) => ({
      number: n + 1,
      statement: i.statement,
      client_words: i.clientWords,
      resolved_when: i.successCriterion,
      approach: liveActions
        .filter((a) => a.issueId === i.id)
        .map((a) => a.title)
        .join('; '),
      status: ISSUE_STATUS_LABELS[i.status],
    })),
    commitments: commitments.map(commitmentView),
    our_commitments: open.filter((c) => c.party === 'us').map(commitmentView),
    client_commitments: open.filter((c) => c.party === 'client').map(commitmentView),
    actions,
    quick_wins: actions.filter((a) => a.quick_win),
  }

  const tables: MergeData['tables'] = {}
  if (issues.length > 0) {
    // The "resolved when" column only when at least one issue says it.
    const criteria = issues.some((i) => i.successCriterion.trim() !== '')
    tables.issues = {
      type: 'table',
      columns: criteria ? ['#', 'Issue', 'How we will both know it is resolved'] : ['#', 'Issue'],
      widths: criteria ? [6, 50, 44] : [6, 94],
      rows: issues.map((i, n) => (criteria ? [String(n + 1), i.statement, i.successCriterion] : [String(n + 1), i.statement])),
    }
  }
  if (commitments.length > 0) {
    tables.commitments = {
      type: 'table',
      columns: ['Who', 'What', 'By'],
      widths: [10, 66, 24],
      rows: commitments.map((c) => [who(c.party), c.description, date(c.dueOn)]),
    }
  }
  if (actions.length > 0) {
    tables.plan = {
      type: 'table',
      columns: ['#', 'What we will do', 'Who', 'By'],
      widths: [6, 54, 18, 22],
      rows: actions.map((a, n) => [String(n + 1), a.quick_win ? `${a.title} (quick win)` : a.title, a.who, a.due || '—']),
    }
  }
  return { context, tables }
}

/** The recipient block: the contact person, the company (or the client's name), the address. */
export function recipientBlock(client: Client): string {
  return [client.contactPerson, client.company || client.name, ...client.address.split(/\r?\n/)]
    .map((l) => l.trim())
    .filter((l, i, all) => l !== '' && all.indexOf(l) === i)
    .join('\n')
}
