/**
 * Planner figures: the Today page and the trends, each through TypeORM and as hand-written SQL on a
 * plain better-sqlite3 connection (the baseline the TypeORM figure is compared with). Then the same
 * data and queries on PostgreSQL (the shared database): through TypeORM beside the same SQL by hand
 * on `pg`, and beside this run's SQLite figure. Without PostgreSQL those are skipped, reason printed.
 * A benchmark, not a test: it measures and records (see measure.ts); it asserts nothing about time.
 */
import fs from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import Database from 'better-sqlite3'
import type { DataSource } from 'typeorm'
import { afterAll, beforeAll, describe, it } from 'vitest'
import {
  DATABASE_FILE_NAME,
  PAGE_CACHE_KIB,
  openDatabase,
  type OpenedDatabase,
} from '../../electron/main/db/open-database'
import {
  ClientCommitmentPartEntity,
  CommitmentEntity,
  IssueEntity,
  TouchpointEntity,
  TurnaroundEntity,
} from '../../electron/main/db/entities'
import { todayData } from '../../electron/main/features/turnarounds/today-query'
import { monthsBetween, trendsData } from '../../electron/main/features/turnarounds/trends-query'
import type { TodayData, TrendsData } from '../../electron/shared/turnarounds/models'
import { addDays } from '../../electron/shared/dates'
import { nextFollowUpOn } from '../../electron/shared/turnarounds/rules'
import {
  COMMITMENT_STATUSES,
  COMPLAINT_CHANNELS,
  ROOT_CAUSES,
  TOUCHPOINT_KINDS,
  type CommitmentStatus,
  type IssueStatus,
  type RootCause,
  type Severity,
  type Stage,
} from '../../electron/shared/turnarounds/words'
import { tempDir } from '../support/temp-db'
import type pg from 'pg'
import { openPostgresDatabase } from '../../electron/main/db/open-postgres'
import { numberedPlaceholders } from '../support/postgres/test-database'
import { median, record, sample } from './measure'
import { benchPostgres, type BenchPostgres } from './postgres'
import { FIRST_NAMES, prng, seedClients } from './seed'

const TODAY = '2026-11-22'
const WARNING_DAYS = 2
/** The last 12 months, this one included. */
const TRENDS_FROM = '2025-12-01'
const TRENDS_TO = TODAY
const RUNS = 20

const CLIENTS = 2000
const TURNAROUNDS = 5000
/**
 * At most one open turnaround per client (uq_turnarounds_one_open_per_client), so with 2,000
 * clients no more than 2,000 of the 5,000 can be open: 1,700 are, the other 3,300 are closed.
 */
const OPEN_TURNAROUNDS = 1700
const ISSUES = 50_000
const TOUCHPOINTS = 100_000
const COMMITMENTS = 15_000
const CHUNK = 500
const STAMP = '2026-11-22T09:00:00.000Z'

const OPEN_STAGES: Stage[] = [
  'listening',
  'issues_agreed',
  'client_committed',
  'follow_up_sent',
  'plan_agreed',
  'in_progress',
]
const STAFF = [
  ...FIRST_NAMES,
  'Mira',
  'Anja',
  'Colm',
  'Dara',
  'Elif',
  'Femi',
  'Greta',
  'Hugo',
  'Ines',
  'Jakub',
  'Kira',
  'Luca',
  'Mina',
  'Nils',
]
const PRODUCTS = Array.from(
  { length: 40 },
  (_, i) => `Product ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`,
)

/** A deterministic planner dataset on top of the clients already there (ids 1..CLIENTS), in one transaction. */
async function seedPlanner(dataSource: DataSource, seed = 20261123): Promise<void> {
  const random = prng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const chance = (p: number) => random() < p
  const minDate = (a: string, b: string) => (a < b ? a : b)

  // Which clients have an open turnaround: a seeded shuffle, first OPEN_TURNAROUNDS of it.
  const order = Array.from({ length: CLIENTS }, (_, i) => i + 1)
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(0, i)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }

  const turnarounds: Array<Partial<TurnaroundEntity>> = []
  for (let i = 0; i < TURNAROUNDS; i++) {
    const open = i < OPEN_TURNAROUNDS
    const openedOn = open ? addDays(TODAY, -int(1, 120)) : addDays(TODAY, -int(60, 1095))
    const closedOn = open ? null : minDate(addDays(openedOn, int(14, 150)), addDays(TODAY, -1))
    const outcome = open ? null : chance(0.7) ? ('recovered' as const) : ('let_go' as const)
    const checkInDueOn = closedOn ? addDays(closedOn, 90) : null
    const checkedInOn =
      checkInDueOn && checkInDueOn <= addDays(TODAY, -14) && chance(0.85) ? addDays(checkInDueOn, int(0, 14)) : null
    turnarounds.push({
      id: i + 1,
      clientId: open ? order[i]! : int(1, CLIENTS),
      openedOn,
      owner: pick(STAFF),
      firstHeardBy: pick(STAFF),
      channel: pick(COMPLAINT_CHANNELS),
      clientWords: '',
      clientExpectation: '',
      responsePromisedOn: null,
      followUpEveryDays: int(2, 7),
      lastTouchpointOn: null,
      nextFollowUpOn: null,
      issuesAgreedOn: null,
      issuesAgreedVia: null,
      agreementSnapshot: null,
      agreementMissingNote: '',
      planAgreedOn: null,
      closedOn,
      outcome,
      closingNote: '',
      checkInDueOn,
      checkedInOn,
      stage: outcome === null ? pick(OPEN_STAGES) : outcome === 'recovered' ? 'closed_recovered' : 'closed_let_go',
      isSample: false,
      createdAt: STAMP,
      updatedAt: STAMP,
    })
  }
  const endOf = (t: Partial<TurnaroundEntity>) => t.closedOn ?? TODAY
  const within = (t: Partial<TurnaroundEntity>, maxDays = Infinity) => {
    const span = Math.max(
      0,
      Math.min(maxDays, Math.round((Date.parse(endOf(t)) - Date.parse(t.openedOn!)) / 86_400_000)),
    )
    return addDays(t.openedOn!, int(0, span))
  }

  const touchpoints: Array<Partial<TouchpointEntity>> = []
  for (let i = 0; i < TOUCHPOINTS; i++) {
    const t = turnarounds[int(0, TURNAROUNDS - 1)]!
    const occurredOn = within(t)
    if (t.lastTouchpointOn === null || occurredOn > t.lastTouchpointOn!) t.lastTouchpointOn = occurredOn
    touchpoints.push({
      clientId: t.clientId,
      turnaroundId: t.id,
      kind: pick(TOUCHPOINT_KINDS),
      occurredOn,
      who: t.owner,
      minutes: int(5, 120),
      summary: '',
      isCheckIn: false,
      createdAt: STAMP,
    })
  }
  // The stored, derived follow-up date: what refreshDerived would have kept.
  for (const t of turnarounds)
    t.nextFollowUpOn = t.closedOn ? null : nextFollowUpOn(t.openedOn!, t.lastTouchpointOn ?? null, t.followUpEveryDays!)

  const issues: Array<Partial<IssueEntity>> = []
  for (let i = 0; i < ISSUES; i++) {
    const t = turnarounds[int(0, TURNAROUNDS - 1)]!
    const status: IssueStatus = chance(0.07)
      ? 'dropped'
      : t.closedOn
        ? 'resolved'
        : pick(['open', 'in_progress', 'resolved'] as const)
    issues.push({
      turnaroundId: t.id,
      statement: `Issue ${i + 1}`,
      clientWords: '',
      isGeneral: false,
      rootCause: chance(0.1) ? null : (pick(ROOT_CAUSES) as RootCause),
      reality: pick(['unknown', 'real', 'perceived'] as const),
      severity: int(1, 5) as Severity,
      staffMember: chance(0.25) ? '' : pick(STAFF),
      product: chance(0.3) ? '' : pick(PRODUCTS),
      successCriterion: '',
      status,
      prevention: '',
      raisedOn: within(t, 30),
      createdAt: STAMP,
      updatedAt: STAMP,
    })
  }

  const commitments: Array<Partial<CommitmentEntity>> = []
  for (let i = 0; i < COMMITMENTS; i++) {
    const t = turnarounds[int(0, TURNAROUNDS - 1)]!
    let dueOn = addDays(t.openedOn!, int(3, 60))
    let status: CommitmentStatus
    if (t.closedOn) {
      dueOn = minDate(dueOn, t.closedOn)
      status = chance(0.8) ? 'done' : chance(0.6) ? 'missed' : 'open'
    } else if (dueOn < TODAY) {
      status = chance(0.6) ? 'done' : pick(COMMITMENT_STATUSES)
    } else {
      status = chance(0.8) ? 'open' : chance(0.5) ? 'renegotiated' : 'done'
    }
    commitments.push({
      turnaroundId: t.id,
      party: chance(0.6) ? 'us' : 'client',
      description: `Commitment ${i + 1}`,
      dueOn,
      originalDueOn: dueOn,
      status,
      doneOn: status === 'done' ? dueOn : null,
      renegotiationReason: '',
      createdAt: STAMP,
      updatedAt: STAMP,
    })
  }

  // The client's commitment: most turnarounds have one to three parts, most dated; the parts of a
  // closed turnaround are mostly settled, an open one's past its date now and then.
  const parts: Array<Partial<ClientCommitmentPartEntity>> = []
  for (const t of turnarounds) {
    if (!chance(0.7)) continue
    for (let position = 0, n = int(1, 3); position < n; position++) {
      const dueOn = chance(0.25) ? null : addDays(t.openedOn!, int(7, 90))
      const settled = t.closedOn ? chance(0.8) : dueOn !== null && dueOn < TODAY && chance(0.5)
      const settledAs = settled ? (chance(0.8) ? ('kept' as const) : ('not_kept' as const)) : null
      parts.push({
        turnaroundId: t.id,
        position,
        kind: pick(['referral', 'pay_invoice', 'renew', 'buy_next_release', 'other'] as const),
        description: `Part ${parts.length + 1}`,
        amountMinor: null,
        dueOn,
        metWhen: '',
        settledAs,
        keptOn: settledAs === 'kept' ? (dueOn ?? t.openedOn!) : null,
      })
    }
  }

  await dataSource.transaction(async (m) => {
    const insert = async <T>(entity: new () => T, rows: Array<Partial<T>>) => {
      for (let from = 0; from < rows.length; from += CHUNK) {
        await m
          .createQueryBuilder()
          .insert()
          .into(entity)
          .values(rows.slice(from, from + CHUNK) as never)
          .updateEntity(false)
          .execute()
      }
    }
    await insert(TurnaroundEntity, turnarounds)
    await insert(IssueEntity, issues)
    await insert(TouchpointEntity, touchpoints)
    await insert(CommitmentEntity, commitments)
    await insert(ClientCommitmentPartEntity, parts)
  })
}

// ---------------------------------------------------------------------------------------------
// The same results as hand-written SQL on a plain better-sqlite3 connection: the baseline.

type Raw = Database.Database

const TODAY_SQL = {
  followUps: `
    SELECT t.id AS turnaroundId, t.client_id AS clientId, cl.name AS clientName, t.owner, t.next_follow_up_on AS nextFollowUpOn, t.stage
    FROM turnarounds t JOIN clients cl ON cl.id = t.client_id
    WHERE t.closed_on IS NULL AND t.next_follow_up_on <= ?
    ORDER BY t.next_follow_up_on, cl.name, t.id
    LIMIT 200`,
  commitments: `
    SELECT c.id, c.turnaround_id AS turnaroundId, cl.name AS clientName, c.party, c.description, c.due_on AS dueOn,
           CASE WHEN c.due_on < ? THEN 'overdue' ELSE 'at_risk' END AS state
    FROM commitments c JOIN turnarounds t ON t.id = c.turnaround_id JOIN clients cl ON cl.id = t.client_id
    WHERE c.status IN ('open', 'renegotiated') AND c.due_on <= ? AND t.closed_on IS NULL
    ORDER BY c.due_on, c.id
    LIMIT 200`,
  clientParts: `
    SELECT p.id, p.turnaround_id AS turnaroundId, cl.name AS clientName, p.kind, p.description, p.due_on AS dueOn,
           CASE WHEN p.due_on < ? THEN 'overdue' ELSE 'at_risk' END AS state
    FROM turnaround_client_commitments p JOIN turnarounds t ON t.id = p.turnaround_id JOIN clients cl ON cl.id = t.client_id
    WHERE p.settled_as IS NULL AND p.due_on <= ? AND t.closed_on IS NULL
    ORDER BY p.due_on, p.id
    LIMIT 200`,
  stages: `SELECT stage, COUNT(*) AS count FROM turnarounds WHERE closed_on IS NULL GROUP BY stage`,
  checkIns: `
    SELECT t.id AS turnaroundId, t.client_id AS clientId, cl.name AS clientName, t.check_in_due_on AS checkInDueOn, t.outcome
    FROM turnarounds t JOIN clients cl ON cl.id = t.client_id
    WHERE t.closed_on IS NOT NULL AND t.checked_in_on IS NULL AND t.check_in_due_on <= ?
    ORDER BY t.check_in_due_on, t.id
    LIMIT 200`,
}

const PERIOD = `raised_on >= ? AND raised_on <= ? AND status <> 'dropped'`
const TRENDS_SQL = {
  byRootCause: `
    SELECT SUBSTR(raised_on, 1, 7) AS month, root_cause AS rootCause, COUNT(*) AS count
    FROM turnaround_issues WHERE ${PERIOD} AND root_cause IS NOT NULL
    GROUP BY month, root_cause ORDER BY month, root_cause`,
  bySeverity: `
    SELECT SUBSTR(raised_on, 1, 7) AS month, severity, COUNT(*) AS count
    FROM turnaround_issues WHERE ${PERIOD}
    GROUP BY month, severity ORDER BY month, severity`,
  staff: `
    SELECT staff_member AS key, COUNT(*) AS count FROM turnaround_issues WHERE ${PERIOD} AND staff_member <> ''
    GROUP BY staff_member ORDER BY count DESC, staff_member LIMIT 10`,
  products: `
    SELECT product AS key, COUNT(*) AS count FROM turnaround_issues WHERE ${PERIOD} AND product <> ''
    GROUP BY product ORDER BY count DESC, product LIMIT 10`,
  shared: `
    SELECT i.root_cause AS rootCause, COUNT(DISTINCT t.client_id) AS clients, COUNT(*) AS issues
    FROM turnaround_issues i JOIN turnarounds t ON t.id = i.turnaround_id
    WHERE i.raised_on >= ? AND i.raised_on <= ? AND i.status <> 'dropped' AND i.root_cause IS NOT NULL
    GROUP BY i.root_cause HAVING COUNT(DISTINCT t.client_id) >= 2
    ORDER BY clients DESC, issues DESC, i.root_cause`,
}

function rawToday(db: Raw): (today: string, warningDays: number) => TodayData {
  const followUps = db.prepare(TODAY_SQL.followUps)
  const commitments = db.prepare(TODAY_SQL.commitments)
  const clientParts = db.prepare(TODAY_SQL.clientParts)
  const stages = db.prepare(TODAY_SQL.stages)
  const checkIns = db.prepare(TODAY_SQL.checkIns)
  return (today, warningDays) => {
    const horizon = addDays(today, warningDays)
    const stageCounts: TodayData['stageCounts'] = {}
    for (const r of stages.all() as Array<{ stage: Stage; count: number }>) stageCounts[r.stage] = r.count
    return {
      today,
      followUps: followUps.all(today) as TodayData['followUps'],
      commitments: commitments.all(today, horizon) as TodayData['commitments'],
      clientParts: clientParts.all(today, horizon) as TodayData['clientParts'],
      stageCounts,
      checkIns: checkIns.all(horizon) as TodayData['checkIns'],
    }
  }
}

function rawTrends(db: Raw): (from: string, to: string) => TrendsData {
  const byRootCause = db.prepare(TRENDS_SQL.byRootCause)
  const bySeverity = db.prepare(TRENDS_SQL.bySeverity)
  const staff = db.prepare(TRENDS_SQL.staff)
  const products = db.prepare(TRENDS_SQL.products)
  const shared = db.prepare(TRENDS_SQL.shared)
  return (from, to) => ({
    from,
    to,
    months: monthsBetween(from, to),
    byRootCause: byRootCause.all(from, to) as TrendsData['byRootCause'],
    bySeverity: bySeverity.all(from, to) as TrendsData['bySeverity'],
    staff: staff.all(from, to) as TrendsData['staff'],
    products: products.all(from, to) as TrendsData['products'],
    sharedRootCauses: shared.all(from, to) as TrendsData['sharedRootCauses'],
  })
}

/** The same SQL on PostgreSQL: `$n` placeholders, and camelCase aliases quoted (PostgreSQL folds them). */
function forPostgres(sql: string): string {
  return numberedPlaceholders(sql).replace(/\bAS ([a-z]+[A-Z]\w*)/g, 'AS "$1"')
}

function rawTodayPostgres(db: pg.Client): (today: string, warningDays: number) => Promise<TodayData> {
  const q = async <T>(sql: string, params: unknown[]) => (await db.query(forPostgres(sql), params)).rows as T
  return async (today, warningDays) => {
    const horizon = addDays(today, warningDays)
    const stageCounts: TodayData['stageCounts'] = {}
    const followUps = await q<TodayData['followUps']>(TODAY_SQL.followUps, [today])
    const commitments = await q<TodayData['commitments']>(TODAY_SQL.commitments, [today, horizon])
    const clientParts = await q<TodayData['clientParts']>(TODAY_SQL.clientParts, [today, horizon])
    for (const r of await q<Array<{ stage: Stage; count: number }>>(TODAY_SQL.stages, []))
      stageCounts[r.stage] = r.count
    const checkIns = await q<TodayData['checkIns']>(TODAY_SQL.checkIns, [horizon])
    return { today, followUps, commitments, clientParts, stageCounts, checkIns }
  }
}

function rawTrendsPostgres(db: pg.Client): (from: string, to: string) => Promise<TrendsData> {
  const q = async <T>(sql: string, from: string, to: string) => (await db.query(forPostgres(sql), [from, to])).rows as T
  return async (from, to) => ({
    from,
    to,
    months: monthsBetween(from, to),
    byRootCause: await q<TrendsData['byRootCause']>(TRENDS_SQL.byRootCause, from, to),
    bySeverity: await q<TrendsData['bySeverity']>(TRENDS_SQL.bySeverity, from, to),
    staff: await q<TrendsData['staff']>(TRENDS_SQL.staff, from, to),
    products: await q<TrendsData['products']>(TRENDS_SQL.products, from, to),
    sharedRootCauses: await q<TrendsData['sharedRootCauses']>(TRENDS_SQL.shared, from, to),
  })
}

// ---------------------------------------------------------------------------------------------

const medians = new Map<string, number>()
let dir = ''
let opened: OpenedDatabase | undefined
let raw: Raw | undefined
let postgres: BenchPostgres | null = null
let pgOpened: OpenedDatabase | undefined
let pgRaw: pg.Client | undefined

function keep(input: Parameters<typeof record>[0]): void {
  record(input)
  medians.set(input.name, input.median)
}

function versus(m: number, baseline: string): { ratio?: number; baseline?: string } {
  const base = medians.get(baseline)
  return base ? { ratio: m / base, baseline } : {}
}

/**
 * Samples the baseline and the TypeORM version in turns, one run each, so that whatever else the
 * machine is doing weighs on both alike and the ratio stays fair.
 */
async function sampleInTurns(
  runs: number,
  baseline: () => unknown,
  measured: () => unknown,
): Promise<{ baseline: number[]; measured: number[] }> {
  const times = { baseline: [] as number[], measured: [] as number[] }
  for (let run = 0; run < runs; run++) {
    times.baseline.push(...(await sample(1, baseline)))
    times.measured.push(...(await sample(1, measured)))
  }
  return times
}

/**
 * Prints the median of each turn's own ratio (measured ÷ baseline of the same turn): on a machine
 * others are loading, a turn's two samples see the same load, so this moves less from run to run
 * than the ratio of the two medians (the figure recorded).
 */
function pairedRatio(name: string, times: { baseline: number[]; measured: number[] }): void {
  const ratios = times.measured.map((t, i) => t / (times.baseline[i] ?? Number.NaN))
  console.log(`(${name}: median of the ${ratios.length} turns' own ratios ${median(ratios).toFixed(2)}x)`)
}

/** Throws unless the two results are the same: the comparison is only fair if both do the same work. */
function sameResult(name: string, typeorm: unknown, handWritten: unknown, counts: string): void {
  if (!isDeepStrictEqual(typeorm, handWritten)) {
    throw new Error(
      `${name}: TypeORM and hand-written SQL disagree\n${JSON.stringify(typeorm).slice(0, 2000)}\n${JSON.stringify(handWritten).slice(0, 2000)}`,
    )
  }
  console.log(`(${name}: both give ${counts})`)
}

beforeAll(async () => {
  const started = performance.now()
  dir = tempDir('turnaround-bench-planner-')
  const file = path.join(dir, DATABASE_FILE_NAME)
  const seeding = await openDatabase({ file })
  try {
    await seedClients(seeding.dataSource, CLIENTS)
    await seedPlanner(seeding.dataSource)
    const rows = (await seeding.dataSource.query(
      `SELECT (SELECT COUNT(*) FROM clients) AS clients, (SELECT COUNT(*) FROM turnarounds) AS turnarounds,
              (SELECT COUNT(*) FROM turnarounds WHERE closed_on IS NOT NULL) AS closed,
              (SELECT COUNT(*) FROM turnaround_issues) AS issues, (SELECT COUNT(*) FROM touchpoints) AS touchpoints,
              (SELECT COUNT(*) FROM commitments) AS commitments,
              (SELECT COUNT(*) FROM turnaround_client_commitments) AS parts`,
    )) as Array<Record<string, number>>
    const n = rows[0]!
    if (
      n.clients !== CLIENTS ||
      n.turnarounds !== TURNAROUNDS ||
      n.issues !== ISSUES ||
      n.touchpoints !== TOUCHPOINTS ||
      n.commitments !== COMMITMENTS
    ) {
      throw new Error(`seeding went wrong: ${JSON.stringify(n)}`)
    }
    console.log(
      `(seeded ${n.clients} clients, ${n.turnarounds} turnarounds (${n.closed} closed), ${n.issues} issues, ${n.touchpoints} touchpoints, ${n.commitments} commitments, ${n.parts} parts of client commitments in ${(performance.now() - started).toFixed(0)} ms)`,
    )
  } finally {
    await seeding.dataSource.destroy()
  }
  opened = await openDatabase({ file })
  raw = new Database(file, { readonly: true, fileMustExist: true })
  // The hand-written baseline reads with the same page cache as the app's connection.
  raw.pragma(`cache_size = -${PAGE_CACHE_KIB}`)

  postgres = await benchPostgres()
  if (postgres) {
    const pgStarted = performance.now()
    const schema = `bench_planner_${process.pid}`
    pgOpened = await openPostgresDatabase(await postgres.settings(schema))
    await seedClients(pgOpened.dataSource, CLIENTS)
    await seedPlanner(pgOpened.dataSource)
    pgRaw = await postgres.client(schema)
    for (const table of [
      'clients',
      'turnarounds',
      'turnaround_issues',
      'touchpoints',
      'commitments',
      'turnaround_client_commitments',
    ])
      await pgRaw.query(`ANALYZE ${table}`)
    console.log(`(PostgreSQL: the same data seeded in ${(performance.now() - pgStarted).toFixed(0)} ms)`)
  }
})

afterAll(async () => {
  await pgRaw?.end()
  await pgOpened?.dataSource.destroy()
  await postgres?.drop()
  raw?.close()
  await opened?.dataSource.destroy()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('planner benchmarks', () => {
  it('today.query', async () => {
    const m = opened!.dataSource.manager
    const handWritten = rawToday(raw!)
    const viaTypeorm = await todayData(m, TODAY, WARNING_DAYS)
    const viaRaw = handWritten(TODAY, WARNING_DAYS)
    const stageTotal = Object.values(viaTypeorm.stageCounts).reduce((a, b) => a + b, 0)
    sameResult(
      'today',
      viaTypeorm,
      viaRaw,
      `${viaTypeorm.followUps.length} follow-ups, ${viaTypeorm.commitments.length} commitments, ${viaTypeorm.clientParts.length} parts of client commitments, ${stageTotal} open turnarounds in ${Object.keys(viaTypeorm.stageCounts).length} stages, ${viaTypeorm.checkIns.length} check-ins`,
    )

    const turns = await sampleInTurns(
      RUNS,
      () => handWritten(TODAY, WARNING_DAYS),
      () => todayData(m, TODAY, WARNING_DAYS),
    )
    const { baseline: rawTimes, measured: times } = turns
    pairedRatio('today.query', turns)
    keep({
      name: 'today.query.raw-sql',
      unit: 'ms',
      median: median(rawTimes),
      runs: rawTimes.length,
      samples: rawTimes,
    })
    const med = median(times)
    keep({
      name: 'today.query',
      unit: 'ms',
      median: med,
      runs: times.length,
      samples: times,
      ...versus(med, 'today.query.raw-sql'),
    })
  })

  it('trends.query', async () => {
    const m = opened!.dataSource.manager
    const handWritten = rawTrends(raw!)
    const viaTypeorm = await trendsData(m, TRENDS_FROM, TRENDS_TO)
    const viaRaw = handWritten(TRENDS_FROM, TRENDS_TO)
    const issuesCounted = viaTypeorm.bySeverity.reduce((a, r) => a + r.count, 0)
    sameResult(
      'trends',
      viaTypeorm,
      viaRaw,
      `${issuesCounted} issues over ${viaTypeorm.months.length} months, ${viaTypeorm.byRootCause.length} root-cause and ${viaTypeorm.bySeverity.length} severity cells, ${viaTypeorm.staff.length} staff, ${viaTypeorm.products.length} products, ${viaTypeorm.sharedRootCauses.length} shared root causes`,
    )

    const turns = await sampleInTurns(
      RUNS,
      () => handWritten(TRENDS_FROM, TRENDS_TO),
      () => trendsData(m, TRENDS_FROM, TRENDS_TO),
    )
    const { baseline: rawTimes, measured: times } = turns
    pairedRatio('trends.query', turns)
    keep({
      name: 'trends.query.raw-sql',
      unit: 'ms',
      median: median(rawTimes),
      runs: rawTimes.length,
      samples: rawTimes,
    })
    const med = median(times)
    keep({
      name: 'trends.query',
      unit: 'ms',
      median: med,
      runs: times.length,
      samples: times,
      ...versus(med, 'trends.query.raw-sql'),
    })
  })
})

describe('planner benchmarks on PostgreSQL', () => {
  /** The TypeORM figure on PostgreSQL beside the hand-written SQL there, and beside SQLite's this run. */
  async function measure(name: string, viaTypeorm: () => Promise<unknown>, handWritten: () => Promise<unknown>) {
    sameResult(`${name} on PostgreSQL`, await viaTypeorm(), await handWritten(), 'the same result')
    const turns = await sampleInTurns(RUNS, handWritten, viaTypeorm)
    const { baseline: rawTimes, measured: times } = turns
    pairedRatio(`${name} on PostgreSQL`, turns)
    keep({
      name: `${name}.raw-sql on PostgreSQL`,
      unit: 'ms',
      median: median(rawTimes),
      runs: rawTimes.length,
      samples: rawTimes,
    })
    const med = median(times)
    keep({
      name: `${name} on PostgreSQL`,
      unit: 'ms',
      median: med,
      runs: times.length,
      samples: times,
      ...versus(med, `${name}.raw-sql on PostgreSQL`),
    })
    const sqlite = medians.get(name)
    if (sqlite)
      record({
        name: `${name} on PostgreSQL, beside SQLite`,
        unit: 'ms',
        median: med,
        runs: times.length,
        ratio: med / sqlite,
        baseline: `SQLite’s ${sqlite.toFixed(1)} ms in this run`,
      })
  }

  it('today.query on PostgreSQL', async ({ skip }) => {
    if (!pgOpened || !pgRaw) return skip()
    const m = pgOpened.dataSource.manager
    const handWritten = rawTodayPostgres(pgRaw)
    await measure(
      'today.query',
      () => todayData(m, TODAY, WARNING_DAYS),
      () => handWritten(TODAY, WARNING_DAYS),
    )
  })

  it('trends.query on PostgreSQL', async ({ skip }) => {
    if (!pgOpened || !pgRaw) return skip()
    const m = pgOpened.dataSource.manager
    const handWritten = rawTrendsPostgres(pgRaw)
    await measure(
      'trends.query',
      () => trendsData(m, TRENDS_FROM, TRENDS_TO),
      () => handWritten(TRENDS_FROM, TRENDS_TO),
    )
  })
})
