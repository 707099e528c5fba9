import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClientEntity, CommitmentEntity, IssueEntity, TurnaroundEntity } from '../../electron/main/db/entities'
import { todayData } from '../../electron/main/features/turnarounds/today-query'
import { monthsBetween, trendsData } from '../../electron/main/features/turnarounds/trends-query'
import type {
  CommitmentStatus,
  IssueStatus,
  Outcome,
  RootCause,
  Severity,
  Stage,
} from '../../electron/shared/turnarounds/words'
import { insertWithIds } from '../support/explicit-ids'
import { openTestApp, type TestApp } from '../support/temp-db'

const TODAY = '2026-11-22'
const WARNING_DAYS = 2
const STAMP = '2026-11-22T09:30:00.000Z'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(async () => {
  await app.close()
})

const manager = () => app.db.dataSource.manager

function client(id: number, name: string): Partial<ClientEntity> {
  return {
    id,
    name,
    company: '',
    contactPerson: '',
    email: '',
    phone: '',
    address: '',
    notes: '',
    dateWon: null,
    referralValueMinor: 0,
    status: 'in_turnaround',
    nameKey: name.toLowerCase(),
    searchText: name.toLowerCase(),
    archivedAt: null,
    isSample: false,
    createdAt: STAMP,
    updatedAt: STAMP,
  }
}

interface TurnaroundFacts {
  id: number
  clientId: number
  stage: Stage
  nextFollowUpOn?: string | null
  closedOn?: string | null
  outcome?: Outcome | null
  checkInDueOn?: string | null
  checkedInOn?: string | null
}

function turnaround(f: TurnaroundFacts): Partial<TurnaroundEntity> {
  return {
    id: f.id,
    clientId: f.clientId,
    openedOn: '2026-04-01',
    owner: 'Jonas',
    firstHeardBy: 'Jonas',
    channel: 'call',
    clientWords: '',
    clientExpectation: '',
    responsePromisedOn: null,
    followUpEveryDays: 2,
    lastTouchpointOn: null,
    nextFollowUpOn: f.nextFollowUpOn ?? null,
    issuesAgreedOn: null,
    issuesAgreedVia: null,
    agreementSnapshot: null,
    agreementMissingNote: '',
    planAgreedOn: null,
    closedOn: f.closedOn ?? null,
    outcome: f.outcome ?? null,
    closingNote: '',
    checkInDueOn: f.checkInDueOn ?? null,
    checkedInOn: f.checkedInOn ?? null,
    stage: f.stage,
    isSample: false,
    createdAt: STAMP,
    updatedAt: STAMP,
  }
}

function commitment(
  id: number,
  turnaroundId: number,
  dueOn: string,
  status: CommitmentStatus,
): Partial<CommitmentEntity> {
  return {
    id,
    turnaroundId,
    party: id % 2 === 0 ? 'client' : 'us',
    description: `Commitment ${id}`,
    dueOn,
    originalDueOn: dueOn,
    status,
    doneOn: status === 'done' ? dueOn : null,
    renegotiationReason: '',
    createdAt: STAMP,
    updatedAt: STAMP,
  }
}

function issue(
  id: number,
  turnaroundId: number,
  raisedOn: string,
  rootCause: RootCause | null,
  severity: Severity,
  staffMember: string,
  product: string,
  status: IssueStatus = 'open',
): Partial<IssueEntity> {
  return {
    id,
    turnaroundId,
    statement: `Issue ${id}`,
    clientWords: '',
    isGeneral: false,
    rootCause,
    reality: 'real',
    severity,
    staffMember,
    product,
    successCriterion: '',
    status,
    prevention: '',
    raisedOn,
    createdAt: STAMP,
    updatedAt: STAMP,
  }
}

// Clients: 1 Alder, 2 Birch, 3 Cedar, 4 Damson, 5 Elm. Ids are chosen so that id order is not name order.
const ALDER = 1
const BIRCH = 2
const CEDAR = 3
const DAMSON = 4
const ELM = 5
// Turnarounds
const ELM_OPEN = 10
const ALDER_OPEN = 11
const BIRCH_OPEN = 12
const CEDAR_OPEN = 13
const DAMSON_CHECK_IN_EDGE = 14
const ALDER_CHECKED_IN = 15
const ELM_CLOSED = 16
const DAMSON_CHECK_IN_LATE = 17

async function seed(): Promise<void> {
  const m = manager()
  await insertWithIds(m, ClientEntity, [
    client(ALDER, 'Alder Bakery'),
    client(BIRCH, 'Birch Architects'),
    client(CEDAR, 'Cedar Dental'),
    client(DAMSON, 'Damson Florists'),
    client(ELM, 'Elm Printing'),
  ])
  await insertWithIds(m, TurnaroundEntity, [
    turnaround({ id: ELM_OPEN, clientId: ELM, stage: 'plan_agreed', nextFollowUpOn: '2026-11-22' }),
    turnaround({ id: ALDER_OPEN, clientId: ALDER, stage: 'in_progress', nextFollowUpOn: '2026-11-22' }),
    turnaround({ id: BIRCH_OPEN, clientId: BIRCH, stage: 'listening', nextFollowUpOn: '2026-11-20' }),
    turnaround({ id: CEDAR_OPEN, clientId: CEDAR, stage: 'listening', nextFollowUpOn: '2026-11-23' }),
    turnaround({
      id: DAMSON_CHECK_IN_EDGE,
      clientId: DAMSON,
      stage: 'closed_recovered',
      closedOn: '2026-08-26',
      outcome: 'recovered',
      checkInDueOn: '2026-11-24',
    }),
    turnaround({
      id: ALDER_CHECKED_IN,
      clientId: ALDER,
      stage: 'closed_let_go',
      closedOn: '2026-05-01',
      outcome: 'let_go',
      checkInDueOn: '2026-07-30',
      checkedInOn: '2026-08-02',
    }),
    // Closed, with a stale follow-up date left behind and a check-in just outside the window.
    turnaround({
      id: ELM_CLOSED,
      clientId: ELM,
      stage: 'closed_let_go',
      nextFollowUpOn: '2026-10-05',
      closedOn: '2026-08-27',
      outcome: 'let_go',
      checkInDueOn: '2026-11-25',
    }),
    turnaround({
      id: DAMSON_CHECK_IN_LATE,
      clientId: DAMSON,
      stage: 'closed_let_go',
      closedOn: '2026-08-12',
      outcome: 'let_go',
      checkInDueOn: '2026-11-10',
    }),
  ])
  await insertWithIds(m, CommitmentEntity, [
    commitment(1, ALDER_OPEN, '2026-11-20', 'open'),
    commitment(2, BIRCH_OPEN, '2026-11-22', 'renegotiated'),
    commitment(3, ALDER_OPEN, '2026-11-24', 'open'),
    commitment(4, ALDER_OPEN, '2026-11-25', 'open'),
    commitment(5, BIRCH_OPEN, '2026-11-21', 'done'),
    commitment(6, BIRCH_OPEN, '2026-11-19', 'missed'),
    commitment(7, ELM_CLOSED, '2026-11-21', 'open'),
    commitment(8, ELM_OPEN, '2026-11-22', 'open'),
  ])
  await insertWithIds(m, IssueEntity, [
    // June 2026
    issue(1, ALDER_OPEN, '2026-06-03', 'delivery', 3, 'Mira', 'Brochure'),
    issue(2, BIRCH_OPEN, '2026-06-15', 'delivery', 4, 'Mira', 'Brochure', 'resolved'),
    issue(3, ALDER_CHECKED_IN, '2026-06-20', 'needs_training', 3, 'Oskar', 'Invoice run', 'resolved'),
    issue(4, CEDAR_OPEN, '2026-06-10', 'product_fault', 5, '', ''),
    // September 2026 (July and August stay empty)
    issue(5, CEDAR_OPEN, '2026-09-02', 'billing', 2, 'Oskar', 'Banner'),
    issue(6, CEDAR_OPEN, '2026-09-20', 'billing', 2, 'Anja', 'Invoice run', 'in_progress'),
    issue(7, ALDER_OPEN, '2026-09-05', 'needs_training', 1, 'Mira', 'Brochure'),
    issue(8, BIRCH_OPEN, '2026-09-30', null, 5, 'Anja', 'Banner'),
    issue(9, BIRCH_OPEN, '2026-09-10', 'communication', 2, '', ''),
    issue(10, DAMSON_CHECK_IN_EDGE, '2026-09-12', 'product_fault', 4, '', ''),
    issue(11, ELM_OPEN, '2026-09-15', 'product_fault', 4, '', ''),
    // Left out: dropped, and just outside the period on either side.
    issue(12, DAMSON_CHECK_IN_EDGE, '2026-06-01', 'delivery', 4, 'Oskar', 'Brochure', 'dropped'),
    issue(13, DAMSON_CHECK_IN_EDGE, '2026-05-31', 'delivery', 4, 'Oskar', 'Brochure'),
    issue(14, DAMSON_CHECK_IN_EDGE, '2026-10-01', 'delivery', 4, 'Oskar', 'Brochure'),
  ])
}

describe('the Today page', () => {
  it('lists follow-ups due today or overdue for open turnarounds only, by date then client name', async () => {
    await seed()
    const today = await todayData(manager(), TODAY, WARNING_DAYS)
    expect(today.today).toBe(TODAY)
    expect(today.followUps).toEqual([
      {
        turnaroundId: BIRCH_OPEN,
        clientId: BIRCH,
        clientName: 'Birch Architects',
        owner: 'Jonas',
        nextFollowUpOn: '2026-11-20',
        stage: 'listening',
      },
      {
        turnaroundId: ALDER_OPEN,
        clientId: ALDER,
        clientName: 'Alder Bakery',
        owner: 'Jonas',
        nextFollowUpOn: '2026-11-22',
        stage: 'in_progress',
      },
      {
        turnaroundId: ELM_OPEN,
        clientId: ELM,
        clientName: 'Elm Printing',
        owner: 'Jonas',
        nextFollowUpOn: '2026-11-22',
        stage: 'plan_agreed',
      },
    ])
  })

  it('lists pending commitments of open turnarounds due within the warning window, overdue or at risk', async () => {
    await seed()
    const today = await todayData(manager(), TODAY, WARNING_DAYS)
    expect(today.commitments).toEqual([
      {
        id: 1,
        turnaroundId: ALDER_OPEN,
        clientName: 'Alder Bakery',
        party: 'us',
        description: 'Commitment 1',
        dueOn: '2026-11-20',
        state: 'overdue',
      },
      {
        id: 2,
        turnaroundId: BIRCH_OPEN,
        clientName: 'Birch Architects',
        party: 'client',
        description: 'Commitment 2',
        dueOn: '2026-11-22',
        state: 'at_risk',
      },
      {
        id: 8,
        turnaroundId: ELM_OPEN,
        clientName: 'Elm Printing',
        party: 'client',
        description: 'Commitment 8',
        dueOn: '2026-11-22',
        state: 'at_risk',
      },
      {
        id: 3,
        turnaroundId: ALDER_OPEN,
        clientName: 'Alder Bakery',
        party: 'us',
        description: 'Commitment 3',
        dueOn: '2026-11-24',
        state: 'at_risk',
      },
    ])
  })

  it('counts open turnarounds per stage', async () => {
    await seed()
    const today = await todayData(manager(), TODAY, WARNING_DAYS)
    expect(today.stageCounts).toEqual({ listening: 2, plan_agreed: 1, in_progress: 1 })
  })

  it('lists check-ins of closed turnarounds not yet done and due within the warning window', async () => {
    await seed()
    const today = await todayData(manager(), TODAY, WARNING_DAYS)
    expect(today.checkIns).toEqual([
      {
        turnaroundId: DAMSON_CHECK_IN_LATE,
        clientId: DAMSON,
        clientName: 'Damson Florists',
        checkInDueOn: '2026-11-10',
        outcome: 'let_go',
      },
      {
        turnaroundId: DAMSON_CHECK_IN_EDGE,
        clientId: DAMSON,
        clientName: 'Damson Florists',
        checkInDueOn: '2026-11-24',
        outcome: 'recovered',
      },
    ])
  })

  it('is empty on an empty database', async () => {
    expect(await todayData(manager(), TODAY, WARNING_DAYS)).toEqual({
      today: TODAY,
      followUps: [],
      commitments: [],
      clientParts: [],
      stageCounts: {},
      checkIns: [],
    })
  })

  it('shows a page of 200 rows at most', async () => {
    const m = manager()
    const ids = Array.from({ length: 205 }, (_, i) => i + 1)
    await insertWithIds(
      m,
      ClientEntity,
      ids.map((id) => client(id, `Client ${String(id).padStart(3, '0')}`)),
    )
    await insertWithIds(
      m,
      TurnaroundEntity,
      ids.map((id) => turnaround({ id, clientId: id, stage: 'listening', nextFollowUpOn: '2026-11-21' })),
    )
    await insertWithIds(
      m,
      CommitmentEntity,
      ids.map((id) => commitment(id, id, '2026-11-21', 'open')),
    )
    const today = await todayData(m, TODAY, WARNING_DAYS)
    expect(today.followUps).toHaveLength(200)
    expect(today.followUps[0]?.clientName).toBe('Client 001')
    expect(today.followUps[199]?.clientName).toBe('Client 200')
    expect(today.commitments).toHaveLength(200)
    expect(today.stageCounts).toEqual({ listening: 205 })
  })
})

describe('trends', () => {
  it('names every month of the period, empty ones included', () => {
    expect(monthsBetween('2026-06-01', '2026-09-30')).toEqual(['2026-06', '2026-07', '2026-08', '2026-09'])
    expect(monthsBetween('2025-11-15', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03'])
  })

  it('counts issues per month by root cause and severity, ranks staff and products, and finds shared root causes', async () => {
    await seed()
    const trends = await trendsData(manager(), '2026-06-01', '2026-09-30')
    expect(trends).toEqual({
      from: '2026-06-01',
      to: '2026-09-30',
      months: ['2026-06', '2026-07', '2026-08', '2026-09'],
      byRootCause: [
        { month: '2026-06', rootCause: 'delivery', count: 2 },
        { month: '2026-06', rootCause: 'needs_training', count: 1 },
        { month: '2026-06', rootCause: 'product_fault', count: 1 },
        { month: '2026-09', rootCause: 'billing', count: 2 },
        { month: '2026-09', rootCause: 'communication', count: 1 },
        { month: '2026-09', rootCause: 'needs_training', count: 1 },
        { month: '2026-09', rootCause: 'product_fault', count: 2 },
      ],
      bySeverity: [
        { month: '2026-06', severity: 3, count: 2 },
        { month: '2026-06', severity: 4, count: 1 },
        { month: '2026-06', severity: 5, count: 1 },
        { month: '2026-09', severity: 1, count: 1 },
        { month: '2026-09', severity: 2, count: 3 },
        { month: '2026-09', severity: 4, count: 2 },
        { month: '2026-09', severity: 5, count: 1 },
      ],
      // Ties go by name; blank names are left out.
      staff: [
        { key: 'Mira', count: 3 },
        { key: 'Anja', count: 2 },
        { key: 'Oskar', count: 2 },
      ],
      products: [
        { key: 'Brochure', count: 3 },
        { key: 'Banner', count: 2 },
        { key: 'Invoice run', count: 2 },
      ],
      // Billing came twice from Cedar alone, needs_training twice from Alder (over two turnarounds):
      // one client each, so not shared. Damson's delivery issues are dropped or outside the period.
      sharedRootCauses: [
        { rootCause: 'product_fault', clients: 3, issues: 3 },
        { rootCause: 'delivery', clients: 2, issues: 2 },
      ],
    })
  })

  it('shows the ten staff members and products named most', async () => {
    const m = manager()
    await insertWithIds(m, ClientEntity, [client(1, 'Alder Bakery')])
    await insertWithIds(m, TurnaroundEntity, [
      turnaround({ id: 1, clientId: 1, stage: 'listening', nextFollowUpOn: '2026-11-24' }),
    ])
    // Staff member S01 is named once, S02 twice … S12 twelve times; products the same.
    const rows: Array<Partial<IssueEntity>> = []
    for (let n = 1; n <= 12; n++) {
      const name = `S${String(n).padStart(2, '0')}`
      for (let k = 0; k < n; k++) rows.push(issue(rows.length + 1, 1, '2026-10-10', 'other', 2, name, `P-${name}`))
    }
    await insertWithIds(m, IssueEntity, rows)
    const trends = await trendsData(m, '2026-10-01', '2026-10-31')
    expect(trends.staff.map((s) => s.key)).toEqual([
      'S12',
      'S11',
      'S10',
      'S09',
      'S08',
      'S07',
      'S06',
      'S05',
      'S04',
      'S03',
    ])
    expect(trends.staff[0]).toEqual({ key: 'S12', count: 12 })
    expect(trends.products).toHaveLength(10)
    expect(trends.products[9]).toEqual({ key: 'P-S03', count: 3 })
    expect(trends.sharedRootCauses).toEqual([])
    expect(trends.byRootCause).toEqual([{ month: '2026-10', rootCause: 'other', count: 78 }])
  })
})
