/** Sample turnarounds in their first stages: listening, issues agreed, client committed, follow-up sent, plan agreed. */
import { TOM, JESS, SAM, MAYA, NEWSLETTER, type Scenario } from './sample-story-types'

export const EARLY_STORIES: readonly Scenario[] = [
  // ── Listening: a complaint two days old, one general grievance still to make specific ──────────
  {
    client: 'The Salt House',
    open: {
      opened: -2,
      firstHeardBy: MAYA,
      channel: 'call',
      clientWords:
        'Half the brochures went straight in the recycling, and we have wedding fairs every weekend this month. You lot never pack anything properly.',
      clientExpectation:
        'A full reprint of the damaged brochures before the next fair, and a discount on the autumn order.',
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
        statement:
          'Two of the six boxes of wedding-season brochures (about 500 copies) arrived crushed the day before the Clifton wedding fair',
        clientWords: 'Half of them went straight in the recycling.',
        rootCause: 'delivery',
        reality: 'real',
        severity: 4,
        staffMember: TOM,
        product: 'Wedding-season brochure',
        successCriterion:
          '500 replacement brochures delivered undamaged before the next fair; Rachel confirms every box arrived intact.',
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
    commitments: [
      {
        party: 'us',
        description: 'Bring the courier’s damage report and a reprint quote to the meeting with Rachel',
        due: 1,
      },
    ],
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
      reason:
        'Nikhil asked for the owner. Jess made the phone promise that is part of the complaint, so Maya takes it over and tells Nikhil today.',
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
        successCriterion:
          'The next seasonal leaflets are in the pharmacy at least 2 working days before the launch date.',
        raised: -12,
      },
      {
        statement: 'A delivery date was promised by phone and never logged, so production did not know about it',
        clientWording: 'The delivery date we gave you by phone was never passed on to our production team',
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
      {
        kind: 'visit',
        on: -12,
        who: JESS,
        minutes: 20,
        summary:
          'Nikhil came into the shop, upset about the flu-clinic leaflets. Took the details and said the owner would call.',
      },
      {
        kind: 'call',
        on: -11,
        who: MAYA,
        minutes: 25,
        summary: 'Called Nikhil back: said I am handling it from now on, apologised, booked a meeting at the pharmacy.',
      },
      {
        kind: 'meeting',
        on: -8,
        who: MAYA,
        minutes: 50,
        summary:
          'Went through the leaflets, the phone promise and the newsletters. Nikhil agreed the three issues are the list. Asked how he would like to see it resolved.',
      },
      {
        kind: 'call',
        on: -1,
        who: MAYA,
        minutes: 10,
        summary:
          'Asked Nikhil what he would do once it is all put right. He will think about it and tell us this week.',
      },
    ],
    commitments: [
      {
        party: 'us',
        description: 'Send Nikhil the delivery dates for the next three newsletters, in writing',
        due: -2,
      },
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
      clientWords:
        'The programme has last year’s tide times in it. Half the fleet would have missed the start. Not what we expect from a printer we have used for seven years.',
      clientExpectation:
        'A corrected tide insert in every programme before the regatta briefing, a reprinted cover, and a sign-off step so it never happens again.',
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
        successCriterion:
          'A corrected tide insert in all 400 programmes, checked against the harbour authority’s table by the club secretary.',
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
        clientWording: 'The tide table was not checked against this year’s before it went to print',
        rootCause: 'expectation_gap',
        reality: 'real',
        severity: 4,
        successCriterion: 'A signed-off proof page for tide times and sponsors on every club job from now on.',
        raised: -4,
      },
    ],
    agreement: { on: -4, via: 'meeting' },
    clientCommitment: [
      {
        kind: 'renew',
        description: 'Renew the annual print contract once the corrected insert is out',
        amountMinor: 420000,
      },
    ],
    touchpoints: [
      {
        kind: 'email',
        on: -6,
        who: MAYA,
        minutes: 15,
        summary:
          'Replied to the Commodore’s email: thanked him, apologised for the error, asked to meet the committee.',
      },
      {
        kind: 'meeting',
        on: -4,
        who: MAYA,
        minutes: 90,
        summary:
          'Met the committee at the club house. Agreed the list: the insert, the cover, a sign-off step. Peter said they will renew once the insert is out.',
      },
      {
        kind: 'call',
        on: -2,
        who: SAM,
        minutes: 20,
        summary:
          'Got this year’s tide table from the harbour authority and checked it line by line with the club secretary.',
      },
      {
        kind: 'call',
        on: -1,
        who: MAYA,
        minutes: 10,
        summary: 'Peter asked when the written summary is coming. Promised it today.',
      },
    ],
    commitments: [
      {
        party: 'us',
        description:
          'Send the written follow-up: the meeting’s summary, the agreed issues, the club’s commitment and the date of the plan',
        due: 0,
      },
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
      clientWords:
        'The site does not do what you showed us. The filter in the mock-up was the whole reason we chose you, and the colours are not even our colours.',
      clientExpectation:
        'The product filter working as in the mock-up, and one set of brand colours across site and brochure.',
      followUpEveryDays: 3,
    },
    issues: [
      {
        statement:
          'The website’s product filter does not filter by material or by room, as the signed-off mock-up showed',
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
        clientWording: 'Nobody showed your team how to add new products to the site',
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
    clientCommitment: [
      {
        kind: 'buy_next_release',
        description: 'Go ahead with the phase-two online shop, quoted at £6,500',
        amountMinor: 650000,
      },
    ],
    touchpoints: [
      {
        kind: 'call',
        on: -20,
        who: SAM,
        minutes: 30,
        summary:
          'Astrid called about the filter and the colours. Listened, asked for the pages and devices where it goes wrong.',
      },
      {
        kind: 'meeting',
        on: -17,
        who: SAM,
        minutes: 75,
        summary:
          'Walked through the mock-up and the live site with Astrid. Four issues agreed; she will go ahead with phase two once they are solved.',
      },
      {
        kind: 'email',
        on: -16,
        who: SAM,
        minutes: 20,
        summary:
          'Follow-up in writing: the meeting’s summary, the four agreed issues, Astrid’s commitment, and the plan by the end of next week.',
      },
      {
        kind: 'call',
        on: -2,
        who: SAM,
        minutes: 15,
        summary: 'Told Astrid the filter fix is in testing and the written plan will be a day late.',
      },
    ],
    actions: [
      {
        issue: 0,
        title: 'Rebuild the product filter on material and room tags',
        impact: 5,
        effortMinutes: 720,
        responsible: SAM,
        due: 14,
      },
      {
        issue: 1,
        title: 'Publish one brand colour sheet and apply it to the site',
        impact: 3,
        effortMinutes: 90,
        responsible: SAM,
        due: 3,
      },
      {
        issue: 2,
        title: 'One-hour session: adding and editing products',
        impact: 4,
        effortMinutes: 60,
        responsible: SAM,
        due: 5,
      },
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
      clientWords:
        'Mrs Okonjo’s daughter rang me in tears. Her mother’s name was wrong again, two months running. Families read every line of this.',
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
        successCriterion:
          'Three issues in a row with every name checked against the home’s resident list by a second proofreader.',
        raised: -30,
      },
      {
        statement: 'Corrections emailed after the proof stage were not applied to the October issue',
        rootCause: 'communication',
        reality: 'real',
        severity: 4,
        staffMember: JESS,
        product: NEWSLETTER,
        successCriterion:
          'Every correction is logged on the job ticket and confirmed back to Bernadette before printing.',
        raised: -27,
      },
    ],
    agreement: { on: -27, via: 'meeting' },
    clientCommitment: [
      {
        kind: 'renew',
        description: 'Keep the newsletter with us and renew the annual agreement in January',
        amountMinor: 180000,
      },
    ],
    touchpoints: [
      {
        kind: 'call',
        on: -30,
        who: MAYA,
        minutes: 20,
        summary: 'Bernadette called after the family complained. Listened, apologised, asked for both issues.',
      },
      {
        kind: 'meeting',
        on: -27,
        who: MAYA,
        minutes: 60,
        summary:
          'Met Bernadette at the home. Agreed the two issues; she will renew in January if the next issues are right.',
      },
      {
        kind: 'letter',
        on: -26,
        who: MAYA,
        minutes: 30,
        summary: 'Follow-up letter: apology, the agreed issues, her commitment, and the plan by next week.',
      },
      {
        kind: 'meeting',
        on: -20,
        who: MAYA,
        minutes: 40,
        summary: 'Went through the plan with Bernadette; agreed. First issue under the new check is December.',
      },
      {
        kind: 'call',
        on: -6,
        who: MAYA,
        minutes: 10,
        summary: 'Confirmed the December copy deadline and who sends the resident list.',
      },
    ],
    planAgreed: -20,
    actions: [
      {
        issue: 0,
        title: 'Second proofreader checks every name against the resident list',
        impact: 5,
        effortMinutes: 30,
        responsible: MAYA,
        due: 2,
      },
      {
        issue: 0,
        title: 'Handwritten apology card to the Okonjo family',
        impact: 4,
        effortMinutes: 20,
        responsible: MAYA,
        due: 1,
      },
      {
        issue: 1,
        title: 'Log every emailed correction on the job ticket',
        impact: 3,
        effortMinutes: 60,
        responsible: JESS,
        due: 3,
      },
      {
        issue: 0,
        title: 'Rebuild the newsletter template with locked resident-name fields',
        impact: 3,
        effortMinutes: 600,
        responsible: TOM,
        due: 21,
      },
    ],
    commitments: [
      { party: 'client', description: 'Send the December copy and this month’s resident list', due: 1 },
      { party: 'us', description: 'Deliver the December newsletter, checked by a second proofreader', due: 2 },
    ],
  },
]
