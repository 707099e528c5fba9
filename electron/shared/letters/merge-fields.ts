/**
 * The merge fields a letter template can use, in one place: main checks every template against
 * this list (an unknown field is refused with its line), and Settings shows it beside the editor.
 */

export interface MergeField {
  name: string
  description: string
}

export interface MergeGroup {
  /** The object or list name in the template: `client`, `issues`, ... */
  name: string
  title: string
  /** A list is used with `{% for item in issues %}` and `{{ item.statement }}`; `issues.size` counts it. */
  list: boolean
  fields: MergeField[]
}

export const MERGE_GROUPS: readonly MergeGroup[] = [
  {
    name: 'business',
    title: 'Your business',
    list: false,
    fields: [
      { name: 'name', description: 'Business name' },
      { name: 'owner', description: 'Your name' },
      { name: 'address', description: 'Address' },
      { name: 'email', description: 'Email' },
      { name: 'phone', description: 'Phone' },
    ],
  },
  {
    name: 'client',
    title: 'The client',
    list: false,
    fields: [
      { name: 'name', description: 'Client name' },
      { name: 'company', description: 'Company (blank if none)' },
      { name: 'contact', description: 'Contact person (blank if none)' },
      { name: 'title', description: 'The contact’s title: Dr, Ms, Mr… (blank if none)' },
      {
        name: 'greeting',
        description:
          'Who "Dear …" addresses: the contact person (with titles on in Settings, "Dr Park"), else the client name',
      },
      { name: 'email', description: 'Email' },
      { name: 'phone', description: 'Phone' },
      { name: 'address', description: 'Address' },
    ],
  },
  {
    name: 'letter',
    title: 'This letter',
    list: false,
    fields: [
      { name: 'date', description: 'The letter’s date, written out' },
      { name: 'kind', description: 'Meeting follow-up, Apology note, …' },
      { name: 'goodwill', description: 'An apology’s goodwill gesture (blank if none)' },
    ],
  },
  {
    name: 'turnaround',
    title: 'The turnaround (blank when there is none)',
    list: false,
    fields: [
      { name: 'exists', description: 'true when the letter belongs to a turnaround' },
      { name: 'opened_on', description: 'Date it opened' },
      { name: 'owner', description: 'Who handles it' },
      { name: 'client_words', description: 'The complaint in the client’s words' },
      { name: 'client_expectation', description: 'What the client expects' },
      {
        name: 'met_via',
        description:
          'meeting, call or email: how we spoke about the issues (the touchpoint by the agreement, else the latest), blank if never',
      },
      { name: 'issues_agreed', description: 'true when the client had agreed to the list by the letter’s date' },
      {
        name: 'issues_agreed_on',
        description: 'Date the client agreed to the list (blank if not by the letter’s date)',
      },
      {
        name: 'client_commitment',
        description: 'What the client will do once the issues are solved, every part in one sentence',
      },
      { name: 'client_commitment_amount', description: 'Its amounts added up, if any' },
      { name: 'plan_due', description: 'Date the written plan was promised by' },
      {
        name: 'plan_due_passed',
        description: 'true when that date had passed on the letter’s date and the plan was not agreed',
      },
      { name: 'plan_agreed', description: 'true when the plan had been agreed by the letter’s date' },
      { name: 'plan_agreed_on', description: 'Date the plan was agreed (blank if not by the letter’s date)' },
      { name: 'closed_on', description: 'Date it closed (blank if not by the letter’s date)' },
      { name: 'closing_note', description: 'The note written when it closed' },
    ],
  },
  {
    name: 'parting',
    title: 'A parting letter',
    list: false,
    fields: [
      { name: 'ends_on', description: 'The day our work together ends, written out (30 days on unless chosen)' },
      { name: 'notice_days', description: 'The days of notice from the letter’s date to that day' },
      {
        name: 'client_owes',
        description: 'What the client owes on the letter’s date, invoiced less paid (blank if nothing)',
      },
      { name: 'we_owe', description: 'What we owe the client: paid beyond what was invoiced (blank if nothing)' },
    ],
  },
  {
    name: 'issues',
    title: 'The issues as they stood on the letter’s date, the agreed ones first (a list)',
    list: true,
    fields: [
      { name: 'number', description: '1, 2, 3 …' },
      { name: 'statement', description: 'The issue as put to the client (its wording for the client, else as agreed)' },
      { name: 'real', description: 'true when the issue is real: our fault' },
      { name: 'perceived', description: 'true when the issue is how the client saw it, not a fault of ours' },
      { name: 'client_words', description: 'In the client’s words' },
      { name: 'resolved_when', description: 'How both will know it is resolved' },
      { name: 'approach', description: 'What we will do about it (the plan’s actions)' },
      { name: 'status', description: 'Open, In progress, Resolved' },
      { name: 'new', description: 'true when raised after the client agreed to the list' },
      { name: 'resolved', description: 'true when resolved' },
      { name: 'raised_on', description: 'Date it was raised' },
    ],
  },
  {
    name: 'new_issues',
    title: 'Only the issues raised since the list was agreed (a list, same fields)',
    list: true,
    fields: [],
  },
  { name: 'open_issues', title: 'Only the issues not yet resolved (a list, same fields)', list: true, fields: [] },
  { name: 'resolved_issues', title: 'Only the resolved issues (a list, same fields)', list: true, fields: [] },
  { name: 'real_issues', title: 'Only the issues that were our fault (a list, same fields)', list: true, fields: [] },
  {
    name: 'perceived_issues',
    title: 'Only the issues the client perceived, not faults of ours (a list, same fields)',
    list: true,
    fields: [],
  },
  {
    name: 'unclear_issues',
    title: 'Only the issues not yet known to be real or perceived (a list, same fields)',
    list: true,
    fields: [],
  },
  {
    name: 'commitments',
    title: 'Commitments of both sides (a list)',
    list: true,
    fields: [
      { name: 'who', description: 'We or You' },
      { name: 'description', description: 'What was promised' },
      { name: 'due', description: 'By when, written out' },
      { name: 'status', description: 'Open, Done, Missed, Renegotiated' },
      { name: 'done', description: 'true when done by the letter’s date' },
      { name: 'late', description: 'true when its date had passed on the letter’s date and it was not done' },
      { name: 'done_on', description: 'Date it was done (blank if not by the letter’s date)' },
      { name: 'standing', description: 'Where it stands: “Done on …”, “By …”, “Late: it was due on …”' },
    ],
  },
  {
    name: 'our_commitments',
    title: 'Our commitments still to do on the letter’s date, late ones included (a list, same fields)',
    list: true,
    fields: [],
  },
  {
    name: 'client_commitments',
    title: 'The client’s dated commitments still to do (a list, same fields as commitments)',
    list: true,
    fields: [],
  },
  {
    name: 'client_commitment_parts',
    title: 'Each part of what the client will do once the issues are solved (a list)',
    list: true,
    fields: [
      { name: 'kind', description: 'Give a referral, Pay an outstanding invoice, Renew …' },
      { name: 'description', description: 'In the client’s words' },
      { name: 'amount', description: 'Its amount (blank if none)' },
      { name: 'due', description: 'By when, written out (blank if no date)' },
      { name: 'met_when', description: 'What counts as met (blank if not said)' },
      { name: 'kept', description: 'true when the client kept it by the letter’s date' },
      { name: 'kept_on', description: 'The day they kept it, written out (blank if not kept)' },
      { name: 'text', description: 'The whole part in one line: words, amount and date' },
    ],
  },
  {
    name: 'actions',
    title: 'The plan’s actions, quick wins first (a list)',
    list: true,
    fields: [
      { name: 'title', description: 'What will be done' },
      { name: 'who', description: 'Who does it' },
      { name: 'due', description: 'By when (blank if no date)' },
      { name: 'quick_win', description: 'true for a quick win' },
      { name: 'issue', description: 'The issue it serves' },
      { name: 'done', description: 'true when done' },
      { name: 'late', description: 'true when its date had passed on the letter’s date and it was not done' },
      { name: 'standing', description: 'Where it stands: “Done”, “By …”, “Late: it was due on …”' },
    ],
  },
  { name: 'quick_wins', title: 'Only the quick wins (a list, same fields)', list: true, fields: [] },
  { name: 'dated_actions', title: 'Only the actions with a date (a list, same fields)', list: true, fields: [] },
]

/** Lists that share another list's fields. */
export const LIST_FIELDS_OF: Record<string, string> = {
  new_issues: 'issues',
  open_issues: 'issues',
  resolved_issues: 'issues',
  our_commitments: 'commitments',
  client_commitments: 'commitments',
  quick_wins: 'actions',
  dated_actions: 'actions',
}

/** Liquid's own properties of a list. */
export const LIST_PROPERTIES = ['size', 'first', 'last'] as const

/** The table tags a template can use on a line of its own. */
export const TABLE_TAG_HELP =
  '{% table issues %}, {% table commitments %} or {% table plan %} on a line of its own inserts that table.'

/** How a template's body becomes blocks: a line starting "# " is a heading, "- " a bullet point, a blank line ends a paragraph. */
export const TEMPLATE_SYNTAX_HELP = [
  'A line starting with "# " is a heading.',
  'A line starting with "- " is a bullet point.',
  'A blank line ends a paragraph.',
  TABLE_TAG_HELP,
  '{% pagebreak %} on a line of its own starts what follows on a new page.',
  'Merge fields go in {{ double braces }}; {% if %} and {% for %} work as in Liquid.',
]
