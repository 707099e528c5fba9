/**
 * The merge fields' values for one letter, from live data as it stood on the letter's date (see
 * letter-facts.ts): the business, the client, the turnaround's issues, commitments and plan. Every field in shared/letters/merge-fields.ts is
 * always present (blank when there is nothing), so strict templates render for any client.
 */
import type { TableBlockData } from '../../../shared/letters/blocks'
import {
  LETTER_KIND_LABELS,
  PARTING_NOTICE_DAYS,
  type LetterKind,
  type LetterTable,
  type PageSize,
} from '../../../shared/letters/words'
import type { BusinessProfile, Client } from '../../../shared/models'
import type { TurnaroundDetail } from '../../../shared/turnarounds/models'
import {
  ACTION_STATUS_LABELS,
  CLIENT_COMMITMENT_KIND_LABELS,
  COMMITMENT_STATUS_LABELS,
  ISSUE_STATUS_LABELS,
} from '../../../shared/turnarounds/words'
import { greetingOf } from './conventions-service'
import { factsOn, type ActionFact, type CommitmentFact, type IssueFact } from './letter-facts'
import { letterDate, letterLocale, letterMoney } from './letter-format'
import { addDays, daysBetween } from '../../../shared/dates'

/** What a letter prints of its client (read without its tags and notes, see letter-context.ts). */
export type LetterClient = Pick<
  Client,
  'id' | 'name' | 'company' | 'contactPerson' | 'contactTitle' | 'email' | 'phone' | 'address'
>

export interface MergeInput {
  profile: BusinessProfile
  client: LetterClient
  turnaround: TurnaroundDetail | null
  kind: LetterKind
  date: string
  goodwill: string
  pageSize: PageSize
  /** Greet the contact with their title (Dear Dr Park). */
  titles?: boolean
  /** A parting letter: the day the work together ends (ISO). */
  endsOn?: string
  /** The client's balance on the letter's date, invoiced less paid (negative: we owe the client). */
  balanceMinor?: number
}

export interface MergeData {
  context: Record<string, unknown>
  tables: Partial<Record<LetterTable, TableBlockData>>
}

const who = (party: 'us' | 'client') => (party === 'us' ? 'We' : 'You')

/**
 * How we last spoke with the client about the issues by the letter's date: the kind of the
 * touchpoint on or before the day the list was agreed (else the latest one), a visit counting as a
 * meeting; without any, the channel the agreement was recorded with. Blank when nothing says.
 */
export function metVia(t: TurnaroundDetail | null, date: string, agreed: boolean): string {
  if (!t) return ''
  const until = agreed && t.issuesAgreedOn ? t.issuesAgreedOn : date
  const spoken = t.touchpoints
    .filter((p) => p.kind !== 'letter' && p.occurredOn <= until)
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id))
  const last = spoken[spoken.length - 1]
  if (last) return last.kind === 'visit' ? 'meeting' : last.kind
  return agreed ? (t.issuesAgreedVia ?? '') : ''
}

/** What a letter prints for an issue: its wording for the client, else its statement. */
function forClient(issue: { statement: string; clientWording: string } | undefined): string {
  if (!issue) return ''
  return issue.clientWording.trim() || issue.statement
}

export function buildMergeData(input: MergeInput): MergeData {
  const { profile, client, turnaround: t, pageSize } = input
  const locale = letterLocale(pageSize, profile.locale)
  const date = (iso: string | null | undefined) => letterDate(iso, locale)
  const facts = factsOn(t, input.date)
  const issues = facts.issues
  const commitmentText = ({ commitment: c, standing }: CommitmentFact) => {
    if (standing === 'done') return `Done on ${date(c.doneOn)}`
    if (standing === 'missed') return `Missed: it was due on ${date(c.dueOn)}`
    if (standing === 'late') return `Late: it was due on ${date(c.dueOn)}`
    const moved =
      c.status === 'renegotiated' && c.originalDueOn !== c.dueOn ? ` (moved from ${date(c.originalDueOn)})` : ''
    return `By ${date(c.dueOn)}${moved}`
  }
  const actionText = ({ action: a, standing }: ActionFact) =>
    standing === 'done'
      ? 'Done'
      : standing === 'late'
        ? `Late: it was due on ${date(a.dueOn)}`
        : standing === 'due'
          ? `By ${date(a.dueOn)}`
          : ''
  const actionView = (f: ActionFact) => ({
    title: f.action.title,
    who: f.action.responsible || (f.action.party === 'us' ? 'We' : 'You'),
    due: date(f.action.dueOn),
    quick_win: f.action.quickWin,
    issue: forClient(issues.find((i) => i.issue.id === f.action.issueId)?.issue),
    status: ACTION_STATUS_LABELS[f.action.status],
    done: f.standing === 'done',
    late: f.standing === 'late',
    standing: actionText(f),
  })
  const commitmentView = (f: CommitmentFact) => ({
    who: who(f.commitment.party),
    description: f.commitment.description,
    due: date(f.commitment.dueOn),
    status: COMMITMENT_STATUS_LABELS[f.commitment.status],
    done: f.standing === 'done',
    late: f.standing === 'late' || f.standing === 'missed',
    done_on: f.standing === 'done' ? date(f.commitment.doneOn) : '',
    standing: commitmentText(f),
  })
  const issueView = ({ issue: i, isNew }: IssueFact, n: number) => ({
    number: n + 1,
    statement: forClient(i),
    real: i.reality === 'real',
    perceived: i.reality === 'perceived',
    client_words: i.clientWords,
    resolved_when: i.successCriterion,
    approach: facts.actions
      .filter((a) => a.action.issueId === i.id)
      .map((a) => a.action.title)
      .join('; '),
    status: ISSUE_STATUS_LABELS[i.status],
    new: isNew,
    resolved: i.status === 'resolved',
    raised_on: date(i.raisedOn),
  })
  const money = (minor: number | null | undefined) => letterMoney(minor, profile.currency, locale)
  const parts = (t?.clientCommitments ?? []).map((p) => {
    const amount = money(p.amountMinor)
    const due = date(p.dueOn)
    // Kept as the letter's date sees it: a part kept later reads as still to come.
    const kept = p.status === 'kept' && p.keptOn !== null && p.keptOn <= input.date
    return {
      kind: CLIENT_COMMITMENT_KIND_LABELS[p.kind],
      description: p.description,
      amount,
      due,
      met_when: p.metWhen,
      kept,
      kept_on: kept ? date(p.keptOn) : '',
      text: `${p.description}${amount ? ` (${amount})` : ''}${due ? ` by ${due}` : ''}`,
    }
  })
  const amounts = (t?.clientCommitments ?? []).flatMap((p) => (p.amountMinor === null ? [] : [p.amountMinor]))
  // Still to do on the letter's date: neither done by then nor given up as missed.
  const open = facts.commitments.filter((f) => f.standing === 'due' || f.standing === 'late')
  const actions = facts.actions.map(actionView)
  const issueViews = issues.map(issueView)

  const context = {
    business: {
      name: profile.businessName,
      owner: profile.ownerName,
      address: profile.address,
      email: profile.email,
      phone: profile.phone,
    },
    client: {
      name: client.name,
      company: client.company,
      contact: client.contactPerson,
      title: client.contactTitle,
      greeting: greetingOf(client, input.titles ?? false).greeting,
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
      met_via: metVia(t, input.date, facts.issuesAgreed),
      issues_agreed: facts.issuesAgreed,
      issues_agreed_on: facts.issuesAgreed ? date(t?.issuesAgreedOn) : '',
      client_commitment: joinedAsSentence(parts.map((p) => p.text)),
      client_commitment_amount: amounts.length > 0 ? money(amounts.reduce((a, b) => a + b, 0)) : '',
      plan_due: date(t?.responsePromisedOn),
      plan_due_passed: facts.planDuePassed,
      plan_agreed: facts.planAgreed,
      plan_agreed_on: facts.planAgreed ? date(t?.planAgreedOn) : '',
      closed_on: t?.closedOn && t.closedOn <= input.date ? date(t.closedOn) : '',
      closing_note: t?.closingNote ?? '',
    },
    parting: partingOf(input, date, money),
    issues: issueViews,
    new_issues: issueViews.filter((i) => i.new),
    // The apology apologises for what was our fault, acknowledges what the client saw differently,
    // and says what is still being looked into.
    real_issues: issueViews.filter((i) => i.real),
    perceived_issues: issueViews.filter((i) => i.perceived),
    unclear_issues: issueViews.filter((i) => !i.real && !i.perceived),
    open_issues: issueViews.filter((i) => !i.resolved),
    resolved_issues: issueViews.filter((i) => i.resolved),
    commitments: facts.commitments.map(commitmentView),
    our_commitments: open.filter((f) => f.commitment.party === 'us').map(commitmentView),
    client_commitments: open.filter((f) => f.commitment.party === 'client').map(commitmentView),
    client_commitment_parts: parts,
    actions,
    quick_wins: actions.filter((a) => a.quick_win),
    dated_actions: actions.filter((a) => a.due !== ''),
  }

  const tables: MergeData['tables'] = {}
  if (issues.length > 0) {
    // The "resolved when" column only when at least one issue says it.
    const criteria = issues.some((i) => i.issue.successCriterion.trim() !== '')
    const statement = ({ issue, isNew }: IssueFact) =>
      isNew ? `${forClient(issue)} (raised since we agreed the list)` : forClient(issue)
    tables.issues = {
      type: 'table',
      columns: criteria ? ['#', 'Issue', 'How we will both know it is resolved'] : ['#', 'Issue'],
      widths: criteria ? [6, 50, 44] : [6, 94],
      rows: issues.map((f, n) =>
        criteria ? [String(n + 1), statement(f), f.issue.successCriterion] : [String(n + 1), statement(f)],
      ),
    }
  }
  if (facts.commitments.length > 0) {
    tables.commitments = {
      type: 'table',
      columns: ['Who', 'What', 'When'],
      widths: [10, 58, 32],
      rows: facts.commitments.map((f) => [who(f.commitment.party), f.commitment.description, commitmentText(f)]),
    }
  }
  if (actions.length > 0) {
    tables.plan = {
      type: 'table',
      columns: ['#', 'What we will do', 'Who', 'When'],
      widths: [6, 50, 18, 26],
      rows: actions.map((a, n) => [
        String(n + 1),
        a.quick_win ? `${a.title} (quick win)` : a.title,
        a.who,
        a.standing || '—',
      ]),
    }
  }
  return { context, tables }
}

/** A parting letter's facts: when the work ends, and what is owed either way on the letter's date. */
function partingOf(input: MergeInput, date: (iso: string) => string, money: (minor: number) => string) {
  const endsOn = input.endsOn ?? addDays(input.date, PARTING_NOTICE_DAYS)
  const balance = input.balanceMinor ?? 0
  return {
    ends_on: date(endsOn),
    notice_days: Math.max(0, daysBetween(input.date, endsOn)),
    client_owes: balance > 0 ? money(balance) : '',
    we_owe: balance < 0 ? money(-balance) : '',
  }
}

/** "a", "a and b", "a; b; and c": the parts of the client's commitment as one sentence. */
export function joinedAsSentence(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  if (items.length === 2) return `${items[0]} and ${items[1]}`
  return `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`
}

/** The recipient block: the contact person, the company (or the client's name), the address. */
export function recipientBlock(client: LetterClient, titles = false): string {
  return [greetingOf(client, titles).addressee, client.company || client.name, ...client.address.split(/\r?\n/)]
    .map((l) => l.trim())
    .filter((l, i, all) => l !== '' && all.indexOf(l) === i)
    .join('\n')
}
