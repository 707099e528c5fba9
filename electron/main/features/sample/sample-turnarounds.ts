/**
 * The sample business's turnarounds: fourteen clients at every stage of the practice, from a
 * complaint still being listened to, to a client let go by letter and one recovered client whose
 * check-in falls due in the next few days.
 *
 * Everything is written through the planner's own services (open, issues, agreement, the
 * client's commitment, touchpoints, the plan, actions, commitments, closing, check-ins), so every
 * rule they enforce holds for the sample too and each stage is derived, not set. Dates count from
 * `today`, never after it (touchpoints, agreements, done dates), so the sample looks the same
 * whichever day it is loaded: the same commitments at risk, the same overdue follow-up.
 */
import type { z } from 'zod'
import { addDays } from '../../../shared/planner/dates'
import { ActionInput, CommitmentInput, IssueInput, TouchpointInput, TurnaroundOpenInput } from '../../../shared/planner/schemas'
import type { AgreementChannel, ClientCommitmentKind, Outcome, Party } from '../../../shared/planner/words'
import type { PlannerServices } from '../turnarounds/planner-handlers'

/** Days relative to today: -3 is three days ago, 2 is the day after tomorrow. */
type Days = number

type IssueSeed = Omit<z.input<typeof IssueInput>, 'raisedOn'> & {
  raised: Days
  /** Raised after the client agreed to the list, so the turnaround shows it as added. */
  afterAgreement?: boolean
}

type ActionSeed = Omit<z.input<typeof ActionInput>, 'issueId' | 'dueOn'> & {
  /** Index of the issue it serves, in the scenario's issue list. */
  issue?: number
  due?: Days
}

interface CommitmentSeed {
  party: Party
  description: string
  due: Days
  done?: Days
  missed?: true
  renegotiate?: { to: Days; reason: string }
}

type TouchpointSeed = Omit<z.input<typeof TouchpointInput>, 'occurredOn'> & { on: Days }

type OpenSeed = Omit<z.input<typeof TurnaroundOpenInput>, 'clientId' | 'openedOn' | 'responsePromisedOn'> & {
  opened: Days
  responsePromised?: Days
}

interface Scenario {
  /** The sample client's name in sample-business.ts. */
  client: string
  open: OpenSeed
  issues: IssueSeed[]
  handover?: { on: Days; to: string; reason: string }
  agreement?: { on: Days; via: AgreementChannel; missingNote?: string }
  clientCommitment?: { kind: ClientCommitmentKind; description: string; amountMinor?: number }
  /** Touchpoints marked as a check-in are written after the turnaround is closed. */
  touchpoints: TouchpointSeed[]
  planAgreed?: Days
  actions?: ActionSeed[]
  commitments?: CommitmentSeed[]
  close?: { on: Days; outcome: Outcome; note: string; checkInAfterDays?: number }
  checkedIn?: Days
}

const TOM = 'Tom'
const JESS = 'Jess'
const SAM = 'Sam'
const MAYA = 'Maya'
const NEWSLETTER = 'Monthly newsletter print run'

/**
 * The stories, one per client. Where they end (derived from the data, see rules.ts deriveStage):
 * The Salt House listening, Patel Pharmacy issues agreed, Quayside Yacht Club client committed,
 * Lindqvist Interiors follow-up sent, Alder Court Care Home plan agreed, Acme & Sons, Brightwater
 * Dental and Wild Thyme Catering in progress, Marigold Florist, Tanaka Ramen Bar, Pâtisserie Dubois
 * and Fraser & Lowe Consulting closed recovered, Chen & Partners and Ana Lucía Ortega closed let go.
 */
export const SAMPLE_TURNAROUNDS: readonly Scenario[] = [
  // ── Listening: a complaint two days old, one general grievance still to make specific ──────────
  {
    client: 'The Salt House',
    open: {
      opened: -2,
      firstHeardBy: MAYA,
      channel: 'call',
      clientWords: 'Half the brochures went straight in the recycling, and we have wedding fairs every weekend this month. You lot never pack anything properly.',
      clientExpectation: 'A full reprint of the damaged brochures before the next fair, and a discount on the autumn order.',
      responsePromised: 1,
      followUpEveryDays: 2,
    },
    issues: [
      {
        statement: 'They never pack anything properly',
        clientWords: 'You lot never pack anything properly.',
        isGeneral: true,
        severity: 3,
        raised: -2,
      },
      {
        statement: 'Two of the six boxes of wedding-season brochures (about 500 copies) arrived crushed the day before the Clifton wedding fair',
        clientWords: 'Half of them went straight in the recycling.',
        rootCause: 'delivery',
        reality: 'real',
        severity: 4,
        staffMember: TOM,
        product: 'Wedding-season brochure',
        successCriterion: '500 replacement brochures delivered undamaged before the next fair; Rachel confirms every box arrived intact.',
        raised: -2,
      },
    ],
    touchpoints: [
      {
        kind: 'call',
        on: -2,
        who: MAYA,
        minutes: 25,
        summary:
          'Rachel rang about the crushed boxes. Listened, thanked her for telling us straight away, asked for photos of the boxes and the courier label. Promised nothing on the phone; meeting booked at the venue.',
      },
    ],
    commitments: [{ party: 'us', description: 'Bring the courier’s damage report and a reprint quote to the meeting with Rachel', due: 1 }],
  },

  // ── Issues agreed: the list is agreed, the client has not said what he will do ─────────────────
  {
    client: 'Patel Pharmacy',
    open: {
      opened: -12,
      firstHeardBy: JESS,
      channel: 'visit',
      clientWords:
        'Your new girl on the phone promised Tuesday. We had booked the nurse and put the posters up, and the leaflets turned up four days after the clinic started. The newsletters are always late as well.',
      clientExpectation: 'Leaflets on the day promised, confirmed in writing, and a credit for the flu-clinic run.',
      followUpEveryDays: 3,
    },
    handover: {
      on: -11,
      to: MAYA,
      reason: 'Nikhil asked for the owner. Jess made the phone promise that is part of the complaint, so Maya takes it over and tells Nikhil today.',
    },
    issues: [
      {
        statement: 'The flu-clinic leaflets arrived 4 days after the clinic launched',
        clientWords: 'The leaflets turned up four days after the clinic started.',
        rootCause: 'delivery',
        reality: 'real',
        severity: 4,
        staffMember: TOM,
        product: 'Flu-clinic leaflets',
        successCriterion: 'The next seasonal leaflets are in the pharmacy at least 2 working days before the launch date.',
        raised: -12,
      },
      {
        statement: 'A delivery date was promised by phone and never logged, so production did not know about it',
        clientWords: 'Your new girl on the phone promised Tuesday.',
        rootCause: 'communication',
        reality: 'real',
        severity: 3,
        staffMember: JESS,
        successCriterion: 'Every promised date is on the job ticket and confirmed to Nikhil by email the same day.',
        raised: -12,
      },
      {
        statement: 'The September and October customer newsletters arrived 6 and 9 days late',
        clientWords: 'The newsletters are always late as well.',
        rootCause: 'delivery',
        reality: 'real',
        severity: 3,
        staffMember: TOM,
        product: NEWSLETTER,
        successCriterion: 'Three newsletters in a row in the shop by the 1st of the month.',
        raised: -8,
      },
    ],
    agreement: { on: -8, via: 'meeting', missingNote: 'Nikhil added the late newsletters at the meeting.' },
    touchpoints: [
      { kind: 'visit', on: -12, who: JESS, minutes: 20, summary: 'Nikhil came into the shop, upset about the flu-clinic leaflets. Took the details and said the owner would call.' },
      { kind: 'call', on: -11, who: MAYA, minutes: 25, summary: 'Called Nikhil back: said I am handling it from now on, apologised, booked a meeting at the pharmacy.' },
      {
        kind: 'meeting',
        on: -8,
        who: MAYA,
        minutes: 50,
        summary: 'Went through the leaflets, the phone promise and the newsletters. Nikhil agreed the three issues are the list. Asked how he would like to see it resolved.',
      },
      { kind: 'call', on: -1, who: MAYA, minutes: 10, summary: 'Asked Nikhil what he would do once it is all put right. He will think about it and tell us this week.' },
    ],
    commitments: [
      { party: 'us', description: 'Send Nikhil the delivery dates for the next three newsletters, in writing', due: -2 },
      { party: 'client', description: 'Tell us what he will do once the issues are solved', due: 2 },
    ],
  },

  // ── Client committed: they will renew; the written follow-up is due today ───────────────────────
  {
    client: 'Quayside Yacht Club',
    open: {
      opened: -6,
      firstHeardBy: MAYA,
      channel: 'email',
      clientWords: 'The programme has last year’s tide times in it. Half the fleet would have missed the start. Not what we expect from a printer we have used for seven years.',
      clientExpectation: 'A corrected tide insert in every programme before the regatta briefing, a reprinted cover, and a sign-off step so it never happens again.',
      followUpEveryDays: 2,
    },
    issues: [
      {
        statement: 'The regatta programme’s tide table shows last year’s times',
        clientWords: 'Half the fleet would have missed the start.',
        rootCause: 'product_fault',
        reality: 'real',
        severity: 5,
        staffMember: SAM,
        product: 'Regatta programme',
        successCriterion: 'A corrected tide insert in all 400 programmes, checked against the harbour authority’s table by the club secretary.',
        raised: -6,
      },
      {
        statement: 'The programme cover still carries last year’s title sponsor',
        rootCause: 'communication',
        reality: 'real',
        severity: 3,
        product: 'Regatta programme',
        successCriterion: 'Reprinted covers with this year’s sponsor, approved by the Commodore.',
        raised: -6,
      },
      {
        statement: 'Nobody on either side checked the tide table against this year’s before it went to print',
        rootCause: 'expectation_gap',
        reality: 'real',
        severity: 4,
        successCriterion: 'A signed-off proof page for tide times and sponsors on every club job from now on.',
        raised: -4,
      },
    ],
    agreement: { on: -4, via: 'meeting' },
    clientCommitment: { kind: 'renew', description: 'Renew the annual print contract once the corrected insert is out', amountMinor: 420000 },
    touchpoints: [
      { kind: 'email', on: -6, who: MAYA, minutes: 15, summary: 'Replied to the Commodore’s email: thanked him, apologised for the error, asked to meet the committee.' },
      {
        kind: 'meeting',
        on: -4,
        who: MAYA,
        minutes: 90,
        summary: 'Met the committee at the club house. Agreed the list: the insert, the cover, a sign-off step. Peter said they will renew once the insert is out.',
      },
      { kind: 'call', on: -2, who: SAM, minutes: 20, summary: 'Got this year’s tide table from the harbour authority and checked it line by line with the club secretary.' },
      { kind: 'call', on: -1, who: MAYA, minutes: 10, summary: 'Peter asked when the written summary is coming. Promised it today.' },
    ],
    commitments: [
      { party: 'us', description: 'Send the written follow-up: the meeting’s summary, the agreed issues, the club’s commitment and the date of the plan', due: 0 },
      { party: 'us', description: 'Deliver 400 corrected tide-table inserts to the club house', due: 6 },
    ],
  },

  // ── Follow-up sent: the written follow-up went out, the plan is a day late ─────────────────────
  {
    client: 'Lindqvist Interiors',
    open: {
      opened: -20,
      firstHeardBy: SAM,
      channel: 'call',
      clientWords: 'The site does not do what you showed us. The filter in the mock-up was the whole reason we chose you, and the colours are not even our colours.',
      clientExpectation: 'The product filter working as in the mock-up, and one set of brand colours across site and brochure.',
      followUpEveryDays: 3,
    },
    issues: [
      {
        statement: 'The website’s product filter does not filter by material or by room, as the signed-off mock-up showed',
        clientWords: 'The filter in the mock-up was the whole reason we chose you.',
        rootCause: 'sales_promise',
        reality: 'real',
        severity: 4,
        staffMember: SAM,
        product: 'Website build',
        successCriterion: 'Astrid can filter the catalogue by material and by room, on desktop and on her phone.',
        raised: -20,
      },
      {
        statement: 'The brand green on the website differs from the brochure’s Pantone 5535',
        clientWords: 'The colours are not even our colours.',
        rootCause: 'expectation_gap',
        reality: 'real',
        severity: 2,
        staffMember: SAM,
        product: 'Brand guidelines',
        successCriterion: 'Site and brochure use the colour values on one brand sheet that Astrid signed off.',
        raised: -20,
      },
      {
        statement: 'Astrid’s team cannot add new products to the site; nobody showed them how',
        rootCause: 'needs_training',
        reality: 'real',
        severity: 3,
        product: 'Website build',
        successCriterion: 'Two of Astrid’s team add a product on their own after a one-hour session.',
        raised: -17,
      },
      {
        statement: 'The site went live 8 days after the launch date in the proposal',
        rootCause: 'delivery',
        reality: 'real',
        severity: 2,
        product: 'Website build',
        successCriterion: 'Every date in the plan is met or beaten.',
        raised: -17,
      },
    ],
    agreement: { on: -17, via: 'meeting', missingNote: 'Astrid added the training point at the end of the meeting.' },
    clientCommitment: { kind: 'buy_next_release', description: 'Go ahead with the phase-two online shop, quoted at £6,500', amountMinor: 650000 },
    touchpoints: [
      { kind: 'call', on: -20, who: SAM, minutes: 30, summary: 'Astrid called about the filter and the colours. Listened, asked for the pages and devices where it goes wrong.' },
      {
        kind: 'meeting',
        on: -17,
        who: SAM,
        minutes: 75,
        summary: 'Walked through the mock-up and the live site with Astrid. Four issues agreed; she will go ahead with phase two once they are solved.',
      },
      {
        kind: 'email',
        on: -16,
        who: SAM,
        minutes: 20,
        summary: 'Follow-up in writing: the meeting’s summary, the four agreed issues, Astrid’s commitment, and the plan by the end of next week.',
      },
      { kind: 'call', on: -2, who: SAM, minutes: 15, summary: 'Told Astrid the filter fix is in testing and the written plan will be a day late.' },
    ],
    actions: [
      { issue: 0, title: 'Rebuild the product filter on material and room tags', impact: 5, effortMinutes: 720, responsible: SAM, due: 14 },
      { issue: 1, title: 'Publish one brand colour sheet and apply it to the site', impact: 3, effortMinutes: 90, responsible: SAM, due: 3 },
      { issue: 2, title: 'One-hour session: adding and editing products', impact: 4, effortMinutes: 60, responsible: SAM, due: 5 },
    ],
    commitments: [
      { party: 'us', description: 'Send the follow-up in writing within a day of the meeting', due: -16, done: -16 },
      { party: 'us', description: 'Send the written plan with dates for all four issues', due: -1 },
      { party: 'client', description: 'Send the product list with a material and a room for every item', due: 7 },
    ],
  },

  // ── Plan agreed: quick wins ready at the top, nothing started yet ──────────────────────────────
  {
    client: 'Alder Court Care Home',
    open: {
      opened: -30,
      firstHeardBy: MAYA,
      channel: 'call',
      clientWords: 'Mrs Okonjo’s daughter rang me in tears. Her mother’s name was wrong again, two months running. Families read every line of this.',
      clientExpectation: 'A second proofreader on every issue, and a personal apology to the family.',
      followUpEveryDays: 7,
    },
    issues: [
      {
        statement: 'A resident’s name was misspelled in the September and October family newsletters',
        clientWords: 'Her mother’s name was wrong again, two months running.',
        rootCause: 'product_fault',
        reality: 'real',
        severity: 5,
        staffMember: TOM,
        product: NEWSLETTER,
        successCriterion: 'Three issues in a row with every name checked against the home’s resident list by a second proofreader.',
        raised: -30,
      },
      {
        statement: 'Corrections emailed after the proof stage were not applied to the October issue',
        rootCause: 'communication',
        reality: 'real',
        severity: 4,
        staffMember: JESS,
        product: NEWSLETTER,
        successCriterion: 'Every correction is logged on the job ticket and confirmed back to Bernadette before printing.',
        raised: -27,
      },
    ],
    agreement: { on: -27, via: 'meeting' },
    clientCommitment: { kind: 'renew', description: 'Keep the newsletter with us and renew the annual agreement in January', amountMinor: 180000 },
    touchpoints: [
      { kind: 'call', on: -30, who: MAYA, minutes: 20, summary: 'Bernadette called after the family complained. Listened, apologised, asked for both issues.' },
      { kind: 'meeting', on: -27, who: MAYA, minutes: 60, summary: 'Met Bernadette at the home. Agreed the two issues; she will renew in January if the next issues are right.' },
      { kind: 'letter', on: -26, who: MAYA, minutes: 30, summary: 'Follow-up letter: apology, the agreed issues, her commitment, and the plan by next week.' },
      { kind: 'meeting', on: -20, who: MAYA, minutes: 40, summary: 'Went through the plan with Bernadette; agreed. First issue under the new check is December.' },
      { kind: 'call', on: -6, who: MAYA, minutes: 10, summary: 'Confirmed the December copy deadline and who sends the resident list.' },
    ],
    planAgreed: -20,
    actions: [
      { issue: 0, title: 'Second proofreader checks every name against the resident list', impact: 5, effortMinutes: 30, responsible: MAYA, due: 2 },
      { issue: 0, title: 'Handwritten apology card to the Okonjo family', impact: 4, effortMinutes: 20, responsible: MAYA, due: 1 },
      { issue: 1, title: 'Log every emailed correction on the job ticket', impact: 3, effortMinutes: 60, responsible: JESS, due: 3 },
      { issue: 0, title: 'Rebuild the newsletter template with locked resident-name fields', impact: 3, effortMinutes: 600, responsible: TOM, due: 21 },
    ],
    commitments: [
      { party: 'client', description: 'Send the December copy and this month’s resident list', due: 1 },
      { party: 'us', description: 'Deliver the December newsletter, checked by a second proofreader', due: 2 },
    ],
  },

  // ── In progress: reprint done, credit note renegotiated, the client’s payment overdue ───────────
  {
    client: 'Acme & Sons',
    open: {
      opened: -45,
      firstHeardBy: MAYA,
      channel: 'call',
      clientWords: 'Your labels do not fit our racking. We are not paying for labels we cannot use.',
      clientExpectation: 'Labels that fit the new racking at no extra cost, before they pay invoice 2291.',
      followUpEveryDays: 4,
    },
    issues: [
      {
        statement: 'The shelf-edge labels for the new racking were cut 2 mm too narrow (37 mm instead of 39 mm)',
        clientWords: 'Your labels do not fit our racking.',
        rootCause: 'delivery',
        reality: 'real',
        severity: 4,
        staffMember: TOM,
        product: 'Shelf-edge labels',
        successCriterion: 'A sample strip fits the racking in Graham’s store; the full run of 2,400 follows.',
        status: 'resolved',
        prevention: 'Cut size checked against the client’s spec sheet, never the previous job ticket.',
        raised: -45,
      },
      {
        statement: 'Invoice 2291 (£1,840) charges in full for labels that could not be used',
        clientWords: 'We are not paying for labels we cannot use.',
        rootCause: 'billing',
        reality: 'real',
        severity: 3,
        product: 'Shelf-edge labels',
        successCriterion: 'A credit note for the unusable run; the reprint at our cost.',
        status: 'in_progress',
        raised: -45,
      },
      {
        statement: 'The racking measurements were emailed to an old address and never reached production',
        rootCause: 'communication',
        reality: 'real',
        severity: 2,
        staffMember: JESS,
        successCriterion: 'Acme’s contacts point at the orders inbox; Graham gets a receipt for every spec he sends.',
        raised: -38,
        afterAgreement: true,
      },
    ],
    agreement: { on: -40, via: 'call' },
    clientCommitment: { kind: 'pay_invoice', description: 'Pay invoice 2291 (£1,840) once the reprinted labels fit', amountMinor: 184000 },
    touchpoints: [
      { kind: 'call', on: -45, who: MAYA, minutes: 15, summary: 'Graham called: the labels do not fit the new racking. Asked for the racking spec and a photo.' },
      { kind: 'call', on: -40, who: MAYA, minutes: 30, summary: 'Went through the two issues; Graham agreed the list and will pay 2291 once the labels fit.' },
      { kind: 'email', on: -39, who: MAYA, minutes: 20, summary: 'Follow-up email: summary, the agreed issues, Graham’s commitment, and a visit to measure before the plan.' },
      { kind: 'visit', on: -35, who: MAYA, minutes: 90, summary: 'Measured the racking with Graham. Found his spec email went to an old address. Plan agreed on the spot.' },
      { kind: 'call', on: -14, who: MAYA, minutes: 10, summary: 'Reprint delivered; Graham confirmed the labels fit every shelf.' },
      { kind: 'call', on: -3, who: MAYA, minutes: 5, summary: 'Reminded Graham about invoice 2291; he says it is with their accounts team.' },
    ],
    planAgreed: -35,
    actions: [
      { issue: 0, title: 'Cut a sample strip and test it on the racking', impact: 4, effortMinutes: 45, responsible: TOM, due: -33, status: 'done' },
      { issue: 0, title: 'Reprint all 2,400 labels at 39 mm', impact: 5, effortMinutes: 240, costMinor: 21000, responsible: TOM, due: -15, status: 'done' },
      { issue: 1, title: 'Issue a credit note for the first run', impact: 3, effortMinutes: 20, responsible: MAYA, due: 4, status: 'in_progress' },
      { issue: 2, title: 'Point Acme’s contacts at the orders inbox', impact: 3, effortMinutes: 15, responsible: JESS, due: 2 },
      { issue: 0, title: 'Add “check against the client’s spec sheet” to the guillotine checklist', impact: 3, effortMinutes: 60, responsible: TOM, due: 7 },
      { issue: 0, title: 'Retrain Tom on cut-size checks', impact: 4, effortMinutes: 120, responsible: MAYA, due: 10 },
    ],
    commitments: [
      { party: 'us', description: 'Deliver a sample strip for Graham to test on the racking', due: -33, done: -34 },
      { party: 'us', description: 'Deliver the reprinted labels', due: -15, done: -14 },
      {
        party: 'us',
        description: 'Send the credit note for the first run',
        due: -5,
        renegotiate: { to: 4, reason: 'Graham’s accounts team asked for the credit against their new purchase order number, which arrives next week.' },
      },
      { party: 'client', description: 'Pay invoice 2291 (£1,840)', due: -4 },
    ],
  },

  // ── In progress, handed over to the owner ─────────────────────────────────────────────────────
  {
    client: 'Brightwater Dental',
    open: {
      opened: -25,
      firstHeardBy: JESS,
      channel: 'email',
      clientWords: 'Patients have been ringing a number that does not exist for a month. I am getting quotes elsewhere.',
      clientExpectation: 'Cards she can trust without checking every proof herself, and a reason to stay.',
      followUpEveryDays: 5,
    },
    handover: { on: -24, to: MAYA, reason: 'Priya owns the practice and is a five-year account; she asked to deal with the owner directly.' },
    issues: [
      {
        statement: 'The March batch of 3,000 appointment cards was printed with the practice’s old phone number',
        clientWords: 'Patients have been ringing a number that does not exist.',
        rootCause: 'product_fault',
        reality: 'real',
        severity: 4,
        staffMember: TOM,
        product: 'Appointment cards',
        successCriterion: 'Every card run printed from the latest approved proof; no wrong details for six months.',
        status: 'resolved',
        prevention: 'Artwork always pulled from the approved-proof folder, never from the last job’s file.',
        raised: -25,
      },
      {
        statement: 'The autumn patient newsletter arrived 8 days after the whitening offer it advertised had started',
        rootCause: 'delivery',
        reality: 'real',
        severity: 3,
        staffMember: TOM,
        product: NEWSLETTER,
        successCriterion: 'Newsletters at the practice a week before any offer they advertise starts.',
        status: 'in_progress',
        raised: -22,
      },
      {
        statement: 'Priya is not told when a job ships, so she only finds out when it is late',
        rootCause: 'communication',
        reality: 'real',
        severity: 2,
        staffMember: JESS,
        successCriterion: 'A ship notice for every job, the day it leaves.',
        status: 'resolved',
        raised: -22,
      },
    ],
    agreement: { on: -22, via: 'call' },
    clientCommitment: { kind: 'renew', description: 'Renew the annual print contract in January instead of taking the other quote', amountMinor: 360000 },
    touchpoints: [
      { kind: 'email', on: -25, who: JESS, minutes: 10, summary: 'Priya’s email about the wrong number; acknowledged it within the hour and passed it to Maya.' },
      { kind: 'call', on: -24, who: MAYA, minutes: 35, summary: 'Called Priya before 9am as she prefers. Apologised, listened, asked what else has gone wrong.' },
      { kind: 'call', on: -22, who: MAYA, minutes: 25, summary: 'Priya agreed the three issues; she will renew in January if the next three months go right.' },
      { kind: 'email', on: -21, who: MAYA, minutes: 20, summary: 'Follow-up email: summary, the agreed issues, her commitment, and the plan at our meeting on Friday.' },
      { kind: 'meeting', on: -18, who: MAYA, minutes: 45, summary: 'Met Priya at the practice after surgery hours. Plan agreed; ship notices start this week.' },
      { kind: 'call', on: -5, who: MAYA, minutes: 10, summary: 'December cards shipped on time with the right number; Priya pleased.' },
    ],
    planAgreed: -18,
    actions: [
      { issue: 2, title: 'Send a ship notice by email for every Brightwater job', impact: 3, effortMinutes: 30, responsible: JESS, due: -15, status: 'done' },
      { issue: 0, title: 'Move Brightwater’s artwork to the approved-proof folder', impact: 4, effortMinutes: 60, responsible: TOM, due: -16, status: 'done' },
      { issue: 1, title: 'Book newsletter press slots for the next six months', impact: 4, effortMinutes: 90, responsible: TOM, due: 3, status: 'in_progress' },
      { title: 'Offer 10% off the January appointment-card order', impact: 2, effortMinutes: 15, costMinor: 4500, responsible: MAYA, due: 10 },
    ],
    commitments: [
      { party: 'us', description: 'Reprint the appointment cards with the new number', due: -23, done: -23 },
      { party: 'client', description: 'Sign off the December card proof', due: -12, done: -12 },
      { party: 'us', description: 'Confirm the January to June newsletter press dates in writing', due: 5 },
    ],
  },

  // ── In progress, but the follow-up is overdue and a promise was missed ─────────────────────────
  {
    client: 'Wild Thyme Catering',
    open: {
      opened: -40,
      firstHeardBy: SAM,
      channel: 'call',
      clientWords: 'Our chef caught it, not you. If a guest with a nut allergy had relied on that card…',
      clientExpectation: 'An allergen check on every menu card before it leaves, and to hear it from the owner.',
      followUpEveryDays: 5,
    },
    handover: { on: -37, to: MAYA, reason: 'Joanna found Sam dismissive on the first call and asked to speak to the owner. Maya takes the turnaround and the account.' },
    issues: [
      {
        statement: 'Two of the 24 menu cards for the Guildhall gala dinner were printed without allergen symbols',
        clientWords: 'Our chef caught it, not you.',
        rootCause: 'product_fault',
        reality: 'real',
        severity: 5,
        staffMember: SAM,
        product: 'Event menu cards',
        successCriterion: 'Every menu proof carries allergen symbols checked against the chef’s sheet and initialled by two people.',
        status: 'in_progress',
        raised: -40,
      },
      {
        statement: 'Joanna found Sam dismissive when she raised the missing symbols',
        rootCause: 'personality_clash',
        reality: 'perceived',
        severity: 2,
        staffMember: SAM,
        successCriterion: 'Joanna deals with Maya; she says the calls feel right again.',
        raised: -37,
      },
    ],
    agreement: { on: -37, via: 'call' },
    clientCommitment: { kind: 'other', description: 'Keep us on the Christmas party menus and book the spring wedding-fair brochures', amountMinor: 250000 },
    touchpoints: [
      { kind: 'call', on: -40, who: SAM, minutes: 20, summary: 'Joanna called about the missing allergen symbols on the gala menus.' },
      { kind: 'call', on: -37, who: MAYA, minutes: 30, summary: 'Called Joanna as the owner. Apologised, thanked her chef. She agreed the two issues.' },
      { kind: 'email', on: -36, who: MAYA, minutes: 20, summary: 'Follow-up email: the agreed issues, her commitment, the reprint and a plan within the week.' },
      { kind: 'meeting', on: -30, who: MAYA, minutes: 60, summary: 'Plan agreed at her kitchen: the allergen check, the template, and Maya as her contact.' },
      { kind: 'call', on: -14, who: MAYA, minutes: 5, summary: 'Left a voicemail about the Christmas menus. No call back yet.' },
    ],
    planAgreed: -30,
    actions: [
      { issue: 0, title: 'Add an allergen-symbol check to the proof checklist', impact: 5, effortMinutes: 30, responsible: MAYA, due: -32, status: 'done' },
      { issue: 0, title: 'Reprint the two gala cards and deliver them by hand', impact: 5, effortMinutes: 60, costMinor: 4000, responsible: TOM, due: -38, status: 'done' },
      { issue: 1, title: 'Write to Joanna with an apology and a voucher for the spring brochures', impact: 3, effortMinutes: 30, costMinor: 5000, responsible: MAYA, due: 3 },
      { issue: 0, title: 'Allergen-symbol layer in every menu template', impact: 4, effortMinutes: 300, responsible: SAM, due: 10 },
    ],
    commitments: [
      { party: 'us', description: 'Reprint the two gala menu cards', due: -38, done: -39 },
      { party: 'client', description: 'Send the chef’s allergen sheet with every menu order', due: -25, done: -25 },
      { party: 'us', description: 'Call Joanna to walk her through the new allergen check', due: -20, missed: true },
      { party: 'us', description: 'Deliver the Christmas party menu proofs, allergen-checked', due: 6 },
    ],
  },

  // ── Closed, recovered: the check-in falls due tomorrow ────────────────────────────────────────
  {
    client: 'Marigold Florist',
    open: {
      opened: -254,
      firstHeardBy: JESS,
      channel: 'call',
      clientWords: 'These are the wrong colour. Mother’s Day is on Sunday and I have 2,000 bouquets to tag.',
      clientExpectation: 'The right tags before the weekend.',
      followUpEveryDays: 2,
    },
    issues: [
      {
        statement: 'The Mother’s Day gift tags were printed in pale pink instead of the approved deep rose',
        clientWords: 'These are the wrong colour.',
        rootCause: 'delivery',
        reality: 'real',
        severity: 5,
        staffMember: TOM,
        product: 'Gift tags',
        successCriterion: '2,000 tags in deep rose in the shop before it opens on Friday.',
        status: 'resolved',
        prevention: 'Colour-critical jobs get a printed colour proof checked against the client’s swatch.',
        raised: -254,
      },
    ],
    agreement: { on: -254, via: 'call' },
    clientCommitment: { kind: 'other', description: 'Keep ordering her gift tags and wedding stationery with us' },
    touchpoints: [
      { kind: 'call', on: -254, who: JESS, minutes: 15, summary: 'Sunita rang: tags in the wrong colour, Mother’s Day on Sunday. Promised a reprint overnight.' },
      { kind: 'visit', on: -253, who: TOM, minutes: 30, summary: 'Delivered the reprinted tags by hand at 7am, before the shop opened.' },
      { kind: 'email', on: -253, who: MAYA, minutes: 10, summary: 'Apology note: thanked Sunita for telling us at once, confirmed the new colour-proof step.' },
      { kind: 'call', on: -160, who: JESS, minutes: 10, summary: 'Summer wedding tags ordered.' },
      { kind: 'call', on: -89, who: MAYA, minutes: 10, summary: 'Second order since, the autumn range. Closing as recovered; check in before the Christmas rush.' },
    ],
    planAgreed: -254,
    actions: [{ issue: 0, title: 'Reprint the tags overnight on the right colour profile', impact: 5, effortMinutes: 180, costMinor: 6500, responsible: TOM, due: -253, status: 'done' }],
    commitments: [{ party: 'us', description: 'Reprinted tags delivered by hand before the shop opens', due: -253, done: -253 }],
    close: { on: -89, outcome: 'recovered', note: 'Reprinted overnight and delivered by hand before Mother’s Day; Sunita has ordered twice since.', checkInAfterDays: 90 },
  },

  // ── Closed, recovered, checked in on ──────────────────────────────────────────────────────────
  {
    client: 'Tanaka Ramen Bar',
    open: {
      opened: -190,
      firstHeardBy: MAYA,
      channel: 'visit',
      clientWords: 'Our red is orange. Everyone who walks past sees it.',
      clientExpectation: 'The boards reprinted in the right red.',
      followUpEveryDays: 3,
    },
    issues: [
      {
        statement: 'The red on the new menu boards printed orange because the job ran on the uncoated paper profile',
        clientWords: 'Our red is orange.',
        rootCause: 'product_fault',
        reality: 'real',
        severity: 4,
        staffMember: TOM,
        product: 'Menu boards',
        successCriterion: 'Boards match the brand red on Hiroshi’s swatch, side by side in daylight.',
        status: 'resolved',
        prevention: 'The paper profile is named on the job ticket and checked at make-ready.',
        raised: -190,
      },
    ],
    agreement: { on: -189, via: 'meeting' },
    clientCommitment: { kind: 'referral', description: 'Recommend us to another restaurant owner he knows' },
    touchpoints: [
      { kind: 'visit', on: -190, who: MAYA, minutes: 30, summary: 'Saw the boards at the restaurant with Hiroshi. The red is clearly orange.' },
      { kind: 'meeting', on: -189, who: MAYA, minutes: 30, summary: 'Agreed the issue and the reprint with Hiroshi; he will recommend us if it comes out right.' },
      { kind: 'letter', on: -188, who: MAYA, minutes: 20, summary: 'Thank-you card with the plan, the reprint date and a 10% voucher.' },
      { kind: 'visit', on: -184, who: TOM, minutes: 60, summary: 'Fitted the reprinted boards; Hiroshi compared them with his swatch and approved.' },
    ],
    planAgreed: -189,
    actions: [
      { issue: 0, title: 'Reprint and fit the menu boards on the coated profile', impact: 5, effortMinutes: 240, costMinor: 14000, responsible: TOM, due: -183, status: 'done' },
      { issue: 0, title: 'Name the paper profile on every job ticket', impact: 3, effortMinutes: 30, responsible: TOM, due: -180, status: 'done' },
    ],
    commitments: [
      { party: 'us', description: 'Reprint and fit the menu boards', due: -183, done: -184 },
      { party: 'client', description: 'Recommend us to another restaurant', due: -160, done: -152 },
    ],
    close: { on: -150, outcome: 'recovered', note: 'Boards reprinted free; thank-you card and a 10% voucher sent. Hiroshi has referred another restaurant since.', checkInAfterDays: 90 },
    checkedIn: -58,
  },

  // ── Closed, recovered: renewed, checked in by a visit ─────────────────────────────────────────
  {
    client: 'Pâtisserie Dubois',
    open: {
      opened: -235,
      firstHeardBy: MAYA,
      channel: 'call',
      clientWords: 'The cakes do not go in the boxes. We are squashing them in.',
      clientExpectation: 'Boxes that fit, quickly, and not to pay twice.',
      followUpEveryDays: 3,
    },
    issues: [
      {
        statement: 'The 500 cake boxes for the spring range were 1 cm too small for the 8-inch cakes',
        clientWords: 'The cakes do not go in the boxes.',
        rootCause: 'delivery',
        reality: 'real',
        severity: 4,
        staffMember: TOM,
        product: 'Cake boxes',
        successCriterion: 'An 8-inch cake with its board fits with 5 mm to spare.',
        status: 'resolved',
        prevention: 'Boxes made up and tested with the client’s largest product before the run.',
        raised: -235,
      },
      {
        statement: 'The box dieline was approved from a PDF with no dimensions marked',
        rootCause: 'communication',
        reality: 'real',
        severity: 3,
        staffMember: SAM,
        product: 'Cake boxes',
        successCriterion: 'Every dieline proof shows the inside dimensions.',
        status: 'resolved',
        raised: -235,
      },
    ],
    agreement: { on: -234, via: 'meeting' },
    clientCommitment: { kind: 'renew', description: 'Renew the annual packaging order in June', amountMinor: 540000 },
    touchpoints: [
      { kind: 'call', on: -235, who: MAYA, minutes: 20, summary: 'Amélie called: boxes too small. Asked her to measure the cakes with their boards.' },
      { kind: 'meeting', on: -234, who: MAYA, minutes: 45, summary: 'Tested a box with a cake at the shop. Agreed both issues; Amélie will renew in June if the reprint is right.' },
      { kind: 'email', on: -233, who: MAYA, minutes: 15, summary: 'Follow-up: full reprint at our cost, dimensions on every proof, and a free redesign of the window decal by way of thanks.' },
      { kind: 'call', on: -200, who: MAYA, minutes: 10, summary: 'Reprinted boxes in use; Amélie happy with the decal.' },
      { kind: 'visit', on: -72, who: MAYA, minutes: 30, summary: 'Check-in: dropped in with samples of the Christmas boxes. All well.', isCheckIn: true },
    ],
    planAgreed: -233,
    actions: [
      { issue: 0, title: 'Full reprint of the cake boxes at our cost', impact: 5, effortMinutes: 300, costMinor: 38000, responsible: TOM, due: -225, status: 'done' },
      { issue: 1, title: 'Show inside dimensions on every dieline proof', impact: 4, effortMinutes: 30, responsible: SAM, due: -230, status: 'done' },
      { title: 'Redesign the window decal free of charge', impact: 3, effortMinutes: 180, responsible: SAM, due: -215, status: 'done' },
    ],
    commitments: [
      { party: 'us', description: 'Deliver the reprinted cake boxes', due: -225, done: -226 },
      { party: 'client', description: 'Renew the annual packaging order', due: -170, done: -166 },
    ],
    close: { on: -165, outcome: 'recovered', note: 'Full reprint at our cost plus a free redesign of the window decal. Amélie renewed the annual packaging order in June.', checkInAfterDays: 90 },
  },

  // ── Closed, recovered: check in again in the spring ───────────────────────────────────────────
  {
    client: 'Fraser & Lowe Consulting',
    open: {
      opened: -130,
      firstHeardBy: MAYA,
      channel: 'meeting',
      clientWords: 'We planned a launch around your date and heard nothing until the week it was due.',
      clientExpectation: 'A date they can rely on and to hear early when something slips.',
      followUpEveryDays: 7,
    },
    issues: [
      {
        statement: 'The rebrand finished a month after the date in the proposal',
        rootCause: 'delivery',
        reality: 'real',
        severity: 3,
        product: 'Rebrand project',
        successCriterion: 'The new site live by the revised date.',
        status: 'resolved',
        raised: -130,
      },
      {
        statement: 'Iain was not told about the delay until the week the launch was due',
        clientWords: 'We heard nothing until the week it was due.',
        rootCause: 'communication',
        reality: 'real',
        severity: 4,
        staffMember: SAM,
        successCriterion: 'A status email every Friday until launch.',
        status: 'resolved',
        prevention: 'Every project over four weeks gets a Friday status email.',
        raised: -130,
      },
    ],
    agreement: { on: -128, via: 'meeting' },
    clientCommitment: { kind: 'referral', description: 'Introduce us to two of his consulting clients once the site is live' },
    touchpoints: [
      { kind: 'meeting', on: -130, who: MAYA, minutes: 60, summary: 'Iain raised the overrun at the monthly review. Listened; asked what he needs from us.' },
      { kind: 'email', on: -127, who: MAYA, minutes: 20, summary: 'Follow-up: the agreed issues, his referral offer, and a revised date with weekly status emails.' },
      { kind: 'call', on: -115, who: SAM, minutes: 15, summary: 'Status: design signed off, build on schedule.' },
      { kind: 'email', on: -70, who: SAM, minutes: 10, summary: 'New site live, two weeks ahead of the revised date.' },
      { kind: 'call', on: -60, who: MAYA, minutes: 20, summary: 'Iain delighted with the site; closing the turnaround. He will introduce us in the new year.' },
    ],
    planAgreed: -125,
    actions: [
      { issue: 1, title: 'Status email to Iain every Friday until launch', impact: 4, effortMinutes: 15, responsible: SAM, due: -70, status: 'done' },
      { issue: 0, title: 'Build and launch the new site', impact: 5, effortMinutes: 1200, responsible: SAM, due: -56, status: 'done' },
    ],
    commitments: [
      { party: 'us', description: 'Launch the new site by the revised date', due: -56, done: -70 },
      { party: 'us', description: 'Send a status email every Friday until launch', due: -70, done: -70 },
    ],
    close: { on: -60, outcome: 'recovered', note: 'The new site shipped two weeks ahead of the revised date. Check in again in the spring.', checkInAfterDays: 170 },
  },

  // ── Closed, let go: new demands every month, more cost than worth ─────────────────────────────
  {
    client: 'Chen & Partners Estate Agents',
    open: {
      opened: -300,
      firstHeardBy: MAYA,
      channel: 'email',
      clientWords: 'Every invoice from you is wrong.',
      clientExpectation: '25% off all signage from now on.',
      followUpEveryDays: 7,
    },
    issues: [
      {
        statement: 'Invoice 1874 for the January to-let boards charged for 40 boards; 36 were delivered',
        clientWords: 'Every invoice from you is wrong.',
        rootCause: 'billing',
        reality: 'real',
        severity: 3,
        staffMember: JESS,
        product: 'To-let boards',
        successCriterion: 'A corrected invoice for 36 boards.',
        status: 'resolved',
        raised: -300,
      },
      {
        statement: 'Michael disputes the agreed board price on every invoice',
        rootCause: 'billing',
        reality: 'perceived',
        severity: 3,
        product: 'To-let boards',
        successCriterion: 'One price sheet, signed by Michael, that every invoice follows.',
        raised: -280,
        afterAgreement: true,
      },
      {
        statement: 'Window cards for the Redland branch were delivered to the Clifton branch',
        rootCause: 'delivery',
        reality: 'real',
        severity: 2,
        staffMember: TOM,
        product: 'Window cards',
        successCriterion: 'A delivery note per branch.',
        status: 'resolved',
        raised: -262,
        afterAgreement: true,
      },
      {
        statement: 'Michael and Jess have fallen out over the phone',
        rootCause: 'personality_clash',
        reality: 'perceived',
        severity: 2,
        staffMember: JESS,
        raised: -240,
        afterAgreement: true,
      },
    ],
    agreement: { on: -295, via: 'email' },
    clientCommitment: { kind: 'pay_invoice', description: 'Pay the outstanding balance (£1,120) once invoice 1874 is corrected', amountMinor: 112000 },
    touchpoints: [
      { kind: 'email', on: -300, who: MAYA, minutes: 20, summary: 'Michael’s email disputing invoice 1874. Asked which lines are wrong.' },
      { kind: 'call', on: -296, who: MAYA, minutes: 40, summary: 'Went through the invoice line by line: 4 boards charged twice.' },
      { kind: 'email', on: -295, who: MAYA, minutes: 25, summary: 'Follow-up: the agreed issue, Michael’s commitment to pay the balance, corrected invoice by Friday. He agreed by reply.' },
      { kind: 'meeting', on: -290, who: MAYA, minutes: 60, summary: 'Plan agreed at their office: corrected invoice, one price sheet.' },
      { kind: 'call', on: -280, who: JESS, minutes: 30, summary: 'Michael disputes the board price again.' },
      { kind: 'call', on: -262, who: JESS, minutes: 25, summary: 'Window cards went to the wrong branch; redelivered the same day.' },
      { kind: 'call', on: -240, who: MAYA, minutes: 45, summary: 'Michael asks for 25% off everything. Said no; offered the signed price sheet again.' },
      {
        kind: 'letter',
        on: -200,
        who: MAYA,
        minutes: 60,
        summary: 'Parting letter: thanked Michael for six years of work, confirmed the balance is settled, and recommended two sign makers.',
      },
    ],
    planAgreed: -290,
    actions: [
      { issue: 0, title: 'Send a corrected invoice 1874', impact: 4, effortMinutes: 30, responsible: JESS, due: -293, status: 'done' },
      { issue: 1, title: 'One price sheet for every board and card, signed by Michael', impact: 4, effortMinutes: 60, responsible: MAYA, due: -275, status: 'done' },
      { issue: 2, title: 'A delivery note per branch on every drop', impact: 3, effortMinutes: 45, responsible: TOM, due: -255, status: 'done' },
    ],
    commitments: [
      { party: 'us', description: 'Send the corrected invoice 1874', due: -293, done: -293 },
      { party: 'client', description: 'Pay the outstanding balance (£1,120)', due: -265, done: -205 },
    ],
    close: {
      on: -200,
      outcome: 'let_go',
      note: 'Disputed every invoice for a year: £2,300 written off in refunds and discounts against £4,100 billed. Let go in writing; the outstanding balance was paid in full.',
      checkInAfterDays: 90,
    },
    checkedIn: -108,
  },

  // ── Closed, let go: the parting letter ─────────────────────────────────────────────────────────
  {
    client: 'Ana Lucía Ortega',
    open: {
      opened: -160,
      firstHeardBy: SAM,
      channel: 'email',
      clientWords: 'I am paying you to get it right, so keep going until it is.',
      clientExpectation: 'Revisions until she is happy, within the fixed fee.',
      followUpEveryDays: 7,
    },
    issues: [
      {
        statement: 'The fixed-fee logo job is on its seventh round of revisions; the quote covered two',
        clientWords: 'Keep going until it is right.',
        rootCause: 'expectation_gap',
        reality: 'real',
        severity: 3,
        staffMember: SAM,
        product: 'Logo design',
        successCriterion: 'One direction chosen from two final rounds, files handed over.',
        raised: -160,
      },
      {
        statement: 'Our quote did not say how many rounds of revisions were included',
        rootCause: 'sales_promise',
        reality: 'real',
        severity: 3,
        staffMember: MAYA,
        product: 'Logo design',
        successCriterion: 'Every design quote states the rounds included and the rate for more.',
        status: 'resolved',
        prevention: 'Quote template now states two rounds included, then an hourly rate.',
        raised: -155,
      },
    ],
    agreement: { on: -155, via: 'email' },
    clientCommitment: { kind: 'pay_invoice', description: 'Pay the final invoice for the work to date', amountMinor: 96000 },
    touchpoints: [
      { kind: 'email', on: -160, who: SAM, minutes: 15, summary: 'Ana Lucía asked for an eighth round. Hours logged are already three times the quote.' },
      { kind: 'call', on: -156, who: MAYA, minutes: 40, summary: 'Listened to what she is still missing; acknowledged our quote never said how many rounds.' },
      { kind: 'email', on: -155, who: MAYA, minutes: 30, summary: 'Follow-up: the two agreed issues, two final rounds within the fee, then the files and a final invoice.' },
      { kind: 'meeting', on: -150, who: MAYA, minutes: 60, summary: 'Plan agreed: rounds eight and nine with a written rationale, then she chooses.' },
      { kind: 'email', on: -141, who: SAM, minutes: 20, summary: 'Rounds eight and nine sent with the rationale for each.' },
      { kind: 'call', on: -125, who: MAYA, minutes: 30, summary: 'She chose neither and asked for a tenth round.' },
      {
        kind: 'letter',
        on: -115,
        who: MAYA,
        minutes: 45,
        summary: 'Parting letter: thanked her for the work together, handed over every file, and recommended two studios suited to open-ended work.',
      },
      { kind: 'email', on: -22, who: MAYA, minutes: 5, summary: 'Check-in: a short note wishing her well with the book launch. Warm reply.', isCheckIn: true },
    ],
    planAgreed: -150,
    actions: [
      { issue: 0, title: 'Two final rounds with a written rationale for each', impact: 4, effortMinutes: 600, responsible: SAM, due: -140, status: 'done' },
      { issue: 1, title: 'State the rounds included in the quote template', impact: 4, effortMinutes: 30, responsible: MAYA, due: -145, status: 'done' },
    ],
    commitments: [
      { party: 'us', description: 'Deliver rounds eight and nine with a rationale', due: -140, done: -141 },
      { party: 'client', description: 'Choose one of the two final directions', due: -130, missed: true },
      { party: 'client', description: 'Pay the final invoice', due: -117, done: -117 },
    ],
    close: {
      on: -115,
      outcome: 'let_go',
      note:
        'Parted courteously. Nine rounds on a two-round quote and three times the hours estimated, with a tenth round asked for: the same hours earn more on new clients. Sent a parting letter thanking Ana Lucía, handed over every file, and recommended two studios better suited to open-ended work. Final invoice settled in full.',
      checkInAfterDays: 90,
    },
  },
]

type SampleClient = { id: number; name: string; status: string }

/** The statuses a stand-in client may have when a scenario's own client is not in the register. */
function standInStatuses(s: Scenario): readonly string[] {
  if (!s.close) return ['in_turnaround', 'at_risk']
  return [s.close.outcome]
}

/**
 * Opens the sample turnarounds for the sample clients, through the planner's services, inside the
 * caller's transaction. A scenario whose client is missing uses an unused client of the same kind,
 * or is left out. Returns how many turnarounds it opened.
 */
export async function loadSampleTurnarounds(planner: PlannerServices, clients: Array<{ id: number; name: string; status: string }>, today: string): Promise<number> {
  const on = (days: Days) => addDays(today, days)
  const used = new Set<number>()
  const pick = (s: Scenario): SampleClient | undefined => {
    const named = clients.find((c) => c.name === s.client && !used.has(c.id))
    if (named) return named
    const statuses = standInStatuses(s)
    return clients.find((c) => statuses.includes(c.status) && !used.has(c.id) && !SAMPLE_TURNAROUNDS.some((o) => o.client === c.name))
  }

  let opened = 0
  for (const s of SAMPLE_TURNAROUNDS) {
    const client = pick(s)
    if (!client) continue
    used.add(client.id)
    await playScenario(planner, client.id, s, on)
    opened++
  }
  return opened
}

async function playScenario(planner: PlannerServices, clientId: number, s: Scenario, on: (days: Days) => string): Promise<void> {
  const { turnarounds, plan, commitments, touchpoints } = planner
  const { opened, responsePromised, ...details } = s.open
  const t = await turnarounds.open(
    TurnaroundOpenInput.parse({ ...details, clientId, openedOn: on(opened), responsePromisedOn: responsePromised === undefined ? null : on(responsePromised) }),
    { isSample: true },
  )
  const id = t.id

  // The issues as first heard; those raised after the agreement come after it.
  const issueIds = new Map<number, number>()
  const saveIssues = async (afterAgreement: boolean): Promise<void> => {
    for (const [index, { raised, afterAgreement: after, ...issue }] of s.issues.entries()) {
      if (Boolean(after) !== afterAgreement) continue
      const detail = await plan.saveIssue(id, undefined, IssueInput.parse({ ...issue, raisedOn: on(raised) }))
      issueIds.set(index, Math.max(...detail.issues.map((i) => i.id)))
    }
  }
  await saveIssues(false)
  if (s.handover) await turnarounds.handOver(id, s.handover.to, s.handover.reason, on(s.handover.on))
  if (s.agreement) await turnarounds.recordAgreement(id, on(s.agreement.on), s.agreement.via, s.agreement.missingNote ?? '')
  await saveIssues(true)

  if (s.clientCommitment) await turnarounds.setClientCommitment(id, s.clientCommitment.kind, s.clientCommitment.description, s.clientCommitment.amountMinor ?? null)

  for (const { on: day, ...touchpoint } of s.touchpoints.filter((tp) => !tp.isCheckIn)) {
    await touchpoints.save(clientId, id, undefined, TouchpointInput.parse({ ...touchpoint, occurredOn: on(day) }), { allowFuture: false })
  }

  if (s.planAgreed !== undefined) await turnarounds.agreePlan(id, on(s.planAgreed))

  for (const { issue, due, ...action } of s.actions ?? []) {
    const issueId = issue === undefined ? null : (issueIds.get(issue) ?? null)
    await plan.saveAction(id, undefined, ActionInput.parse({ ...action, issueId, dueOn: due === undefined ? null : on(due) }))
  }

  for (const c of s.commitments ?? []) {
    const detail = await commitments.save(id, undefined, CommitmentInput.parse({ party: c.party, description: c.description, dueOn: on(c.due) }))
    const commitmentId = Math.max(...detail.commitments.map((x) => x.id))
    if (c.done !== undefined) await commitments.markDone(commitmentId, on(c.done))
    else if (c.missed) await commitments.markMissed(commitmentId)
    else if (c.renegotiate) await commitments.renegotiate(commitmentId, on(c.renegotiate.to), c.renegotiate.reason)
  }

  if (s.close) await turnarounds.close(id, s.close.outcome, on(s.close.on), s.close.note, s.close.checkInAfterDays)

  // Check-ins come after closing: a check-in touchpoint records itself as the check-in.
  for (const { on: day, ...touchpoint } of s.touchpoints.filter((tp) => tp.isCheckIn)) {
    await touchpoints.save(clientId, id, undefined, TouchpointInput.parse({ ...touchpoint, occurredOn: on(day) }), { allowFuture: false })
  }
  if (s.checkedIn !== undefined) await turnarounds.checkIn(id, on(s.checkedIn))
}
