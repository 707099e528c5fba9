/**
 * Two years of ledger for every sample client, deterministic for a given day: a few big clients
 * that carry the business, a middle, a tail that gives margin back (the whale curve), staff with
 * their cost rates, and Acme & Sons, whose turnaround has cost more than the relationship is worth.
 * Written in bulk (the triggers keep the monthly totals), every row marked as sample.
 */
import type { EntityManager } from 'typeorm'
import { BusinessProfileEntity, LedgerEntryEntity, StaffEntity, TurnaroundEntity } from '../../db/entities'
import { timestamp } from '../../db/dialect'
import { costOfMinutes } from '../../../shared/money'
import { addMonths, daysInMonth } from '../../../shared/ledger/periods'
import type { EntryKind } from '../../../shared/ledger/words'
import { addDays } from '../../../shared/dates'
import { prng } from './prng'

export const SAMPLE_STAFF = [
  { name: 'Tom', costRateMinor: 3200 },
  { name: 'Jess', costRateMinor: 2800 },
  { name: 'Sam', costRateMinor: 2400 },
] as const
const OWNER = { name: 'Maya Okafor', rate: 8500 }

/** Monthly revenue in pence, the share of it spent on the work (percent) and how often they order (percent of months). */
interface Profile {
  monthly: number
  costPct: number
  orderPct: number
}
const WHALES: Record<string, Profile> = {
  'Pemberton & Hale Solicitors': { monthly: 520000, costPct: 38, orderPct: 100 },
  'Hartley Estates': { monthly: 410000, costPct: 40, orderPct: 100 },
  'Northgate Community Trust': { monthly: 300000, costPct: 42, orderPct: 95 },
  'Harbourside Festival': { monthly: 260000, costPct: 45, orderPct: 60 },
  'Dhillon Accountants': { monthly: 180000, costPct: 46, orderPct: 90 },
}
/** The tail: clients that cost more than they bring in. */
const LOSS_MAKERS: Record<string, Profile> = {
  'Acme & Sons': { monthly: 192000, costPct: 118, orderPct: 90 },
  'Blue Anchor Inn': { monthly: 96000, costPct: 150, orderPct: 70 },
  'Grace O’Neill': { monthly: 48000, costPct: 160, orderPct: 60 },
  'Corbridge Rugby Club': { monthly: 80000, costPct: 145, orderPct: 70 },
  'Wild Thyme Catering': { monthly: 176000, costPct: 140, orderPct: 80 },
  'Cobalt Tattoo Studio': { monthly: 64000, costPct: 160, orderPct: 70 },
  'Chen & Partners Estate Agents': { monthly: 208000, costPct: 150, orderPct: 80 },
  'Ana Lucía Ortega': { monthly: 48000, costPct: 150, orderPct: 60 },
  'Lindqvist Interiors': { monthly: 224000, costPct: 135, orderPct: 80 },
  'Golden Wok': { monthly: 64000, costPct: 140, orderPct: 70 },
}

function profileOf(name: string, referralValueMinor: number, random: () => number): Profile {
  const fixed = WHALES[name] ?? LOSS_MAKERS[name]
  if (fixed) return fixed
  // The middle earns a little; most small clients about break even.
  if (referralValueMinor >= 50000)
    return { monthly: 50000 + Math.round(random() * 70000), costPct: 86 + Math.round(random() * 16), orderPct: 80 }
  return { monthly: 10000 + Math.round(random() * 30000), costPct: 85 + Math.round(random() * 25), orderPct: 55 }
}

type Row = Partial<LedgerEntryEntity> & { kind: EntryKind; entryDate: string; amountMinor: number }
interface SampleClient {
  id: number
  name: string
  status: string
  dateWon: string | null
  referralValueMinor: number | null
}

/**
 * The sample staff and the owner's risk limits; loaded before the sample turnarounds, so their
 * touchpoints are logged at the staff's cost rates.
 */
export async function loadSampleStaff(m: EntityManager, now: Date): Promise<void> {
  const stamp = timestamp(now)
  // The sample owner's risk limits: three years of margin, a quarter of it at most, 20 hours, 40.00 an hour, 200.00 of referral value by default.
  await m.update(
    BusinessProfileEntity,
    { id: 1 },
    {
      horizonYears: 3,
      maxTurnaroundSharePct: 25,
      maxTurnaroundMinutes: 1200,
      minEffectiveRateMinor: 4000,
      defaultReferralValueMinor: 20000,
    },
  )
  await m.insert(
    StaffEntity,
    SAMPLE_STAFF.map((s) => ({ ...s, isSample: true, createdAt: stamp, updatedAt: stamp })),
  )
}

/** Every client's two years, then the costs of the open turnarounds (after loadSampleStaff); inside the caller's transaction. */
export async function loadSampleLedger(
  m: EntityManager,
  clients: SampleClient[],
  today: string,
  now: Date,
): Promise<number> {
  const stamp = timestamp(now)
  const staff = await m.find(StaffEntity, { where: { isSample: true } })
  const base = {
    currency: 'GBP',
    isSample: true,
    createdAt: stamp,
    updatedAt: stamp,
    description: '',
    reference: '',
    worker: '',
    staffId: null,
    minutes: null,
    rateMinor: null,
    invoiceId: null,
    turnaroundId: null,
    importKey: null,
  }
  const invoices: Row[] = []
  const others: Row[] = []
  const payments: Array<{ reference: string; row: Row }> = []
  const thisMonth = today.slice(0, 7)
  let invoiceNo = 1000
  const time = (
    clientId: number,
    date: string,
    minutes: number,
    who: StaffEntity | null,
    description: string,
    turnaroundId: number | null = null,
  ): Row => {
    const rate = who?.costRateMinor ?? OWNER.rate
    return {
      ...base,
      clientId,
      kind: 'time',
      entryDate: date,
      minutes,
      rateMinor: rate,
      staffId: who?.id ?? null,
      worker: who?.name ?? OWNER.name,
      amountMinor: costOfMinutes(minutes, rate),
      description,
      turnaroundId,
    }
  }
  for (const [index, c] of clients.entries()) {
    const random = prng(7919 * (index + 1))
    const p = profileOf(c.name, c.referralValueMinor ?? 0, random)
    const lastMonth = c.status === 'let_go' ? addMonths(thisMonth, -4) : thisMonth
    for (let back = 23; back >= 0; back--) {
      const month = addMonths(thisMonth, -back)
      if (month > lastMonth || (c.dateWon && `${month}-28` < c.dateWon) || random() * 100 >= p.orderPct) continue
      const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))
      const day = (d: number) => {
        const date = `${month}-${String(Math.min(days, Math.max(1, d))).padStart(2, '0')}`
        return date > today ? today : date
      }
      const seasonal = c.name === 'Harbourside Festival' && ['05', '06', '07', '08'].includes(month.slice(5, 7)) ? 3 : 1
      const revenue = Math.round(p.monthly * seasonal * (0.7 + random() * 0.6))
      const reference = `HL-${++invoiceNo}`
      const invoiceDate = day(3 + Math.floor(random() * 20))
      invoices.push({
        ...base,
        clientId: c.id,
        kind: 'invoice',
        entryDate: invoiceDate,
        amountMinor: revenue,
        reference,
        description: 'Print and design work',
      })
      // Paid about three weeks later, except the newest invoices, and Acme's invoice 2291 story.
      const paidOn = addDays(invoiceDate, 14 + Math.floor(random() * 21))
      const late = c.name === 'Acme & Sons' && back <= 2
      if (paidOn <= today && !late)
        payments.push({
          reference,
          row: {
            ...base,
            clientId: c.id,
            kind: 'payment',
            entryDate: paidOn,
            amountMinor: revenue,
            reference,
            description: `Payment of ${reference}`,
          },
        })
      // The work: time of a staff member and the owner, materials, sometimes an expense or a discount.
      const cost = Math.round((revenue * p.costPct) / 100)
      const materials = Math.round(cost * 0.35)
      const who = staff[Math.floor(random() * staff.length)] ?? null
      const workMinutes = Math.max(
        15,
        Math.round(((cost - materials) * 0.7 * 60) / (who?.costRateMinor ?? OWNER.rate) / 15) * 15,
      )
      const ownerMinutes = Math.max(15, Math.round(((cost - materials) * 0.3 * 60) / OWNER.rate / 15) * 15)
      others.push(time(c.id, day(2 + Math.floor(random() * 20)), workMinutes, who, 'Production'))
      others.push(time(c.id, day(1 + Math.floor(random() * 10)), ownerMinutes, null, 'Design and proofs'))
      others.push({
        ...base,
        clientId: c.id,
        kind: 'material',
        entryDate: invoiceDate,
        amountMinor: materials,
        description: 'Paper, ink and finishing',
      })
      if (random() < 0.15)
        others.push({
          ...base,
          clientId: c.id,
          kind: 'expense',
          entryDate: day(15),
          amountMinor: 1500 + Math.floor(random() * 4000),
          description: 'Courier',
        })
      if (random() < 0.08)
        others.push({
          ...base,
          clientId: c.id,
          kind: 'discount',
          entryDate: invoiceDate,
          amountMinor: Math.round(revenue * 0.05),
          description: 'Loyalty discount',
        })
    }
  }
  await turnaroundCosts(m, clients, today, staff, (r) => others.push({ ...base, ...r }), time)
  const chunk = 100
  for (let i = 0; i < invoices.length; i += chunk) await m.insert(LedgerEntryEntity, invoices.slice(i, i + chunk))
  const ids = new Map(
    (
      await m.find(LedgerEntryEntity, {
        where: { kind: 'invoice', isSample: true },
        select: { id: true, reference: true },
      })
    ).map((e) => [e.reference, e.id]),
  )
  const settled = payments.map(({ reference, row }) => ({ ...row, invoiceId: ids.get(reference) ?? null }))
  const rest = [...settled, ...others]
  for (let i = 0; i < rest.length; i += chunk) await m.insert(LedgerEntryEntity, rest.slice(i, i + chunk))
  return invoices.length + rest.length
}

/** The open turnarounds' own costs: concessions and time tagged to them; Acme's outweigh what Acme is worth. */
async function turnaroundCosts(
  m: EntityManager,
  clients: SampleClient[],
  today: string,
  staff: StaffEntity[],
  push: (r: Row) => void,
  time: (
    clientId: number,
    date: string,
    minutes: number,
    who: StaffEntity | null,
    description: string,
    turnaroundId: number | null,
  ) => Row,
): Promise<void> {
  const open = await m
    .createQueryBuilder(TurnaroundEntity, 't')
    .where('t.isSample = :yes', { yes: true })
    .andWhere('t.closedOn IS NULL')
    .getMany()
  const tom = staff.find((s) => s.name === 'Tom') ?? null
  for (const t of open) {
    const c = clients.find((x) => x.id === t.clientId)
    if (!c) continue
    const at = (days: number) => {
      const d = addDays(t.openedOn, days)
      return d > today ? today : d
    }
    if (c.name === 'Acme & Sons') {
      push({
        clientId: c.id,
        turnaroundId: t.id,
        kind: 'credit',
        entryDate: at(10),
        amountMinor: 92000,
        description: 'Credit note for the mis-cut labels',
      })
      push({
        clientId: c.id,
        turnaroundId: t.id,
        kind: 'material',
        entryDate: at(12),
        amountMinor: 21000,
        description: 'Reprint of 2,400 labels at 39 mm',
      })
      push(time(c.id, at(12), 600, tom, 'Reprint and cutting', t.id))
      push(time(c.id, at(14), 420, null, 'Meetings, new spec sheet and sign-off', t.id))
      push({
        clientId: c.id,
        turnaroundId: t.id,
        kind: 'gift',
        entryDate: at(20),
        amountMinor: 6500,
        description: 'Hamper with the apology letter',
      })
    } else {
      push({
        clientId: c.id,
        turnaroundId: t.id,
        kind: 'gift',
        entryDate: at(3),
        amountMinor: 3500,
        description: 'Flowers with the apology note',
      })
      push(time(c.id, at(4), 180, null, 'Putting it right', t.id))
    }
  }
}
