import { InitialSchema1763800000001 } from './0001-initial-schema'
import { TurnaroundPlanner1763800000002 } from './0002-turnaround-planner'
import { Letters1763800000003 } from './0003-letters'
import { Ledger1763800000004 } from './0004-ledger'
import { ReferralEstimate1763800000005 } from './0005-referral-estimate'
import { IssueClientWording1763800000006 } from './0006-issue-client-wording'
import { QuickWinEffort1763800000007 } from './0007-quick-win-effort'
import { CommitmentPartsAndLocale1763800000008 } from './0008-commitment-parts-and-locale'
import { LetterConventions1763800000009 } from './0009-letter-conventions'
import { Reminders1763800000010 } from './0010-reminders'
import { EmailSending1763800000011 } from './0011-email'
import { RecordVersions1763800000012 } from './0012-record-versions'
import { LedgerClientMonths1763800000013 } from './0013-ledger-client-months'
import { LedgerReadPaths1763800000014 } from './0014-ledger-read-paths'
import { ClientCommitmentKept1763800000015 } from './0015-client-commitment-kept'
import { EverydayReadPaths1763800000016 } from './0016-everyday-read-paths'
import { TouchpointsByClientDay1763800000017 } from './0017-touchpoints-by-client-day'
import { PendingCheckIns1763800000018 } from './0018-pending-check-ins'
import { ClientMonthsSums1763800000019 } from './0019-client-months-sums'

/** Every migration, oldest first. Listed explicitly: never discovered by glob, never synchronize. */
export const MIGRATIONS = [
  InitialSchema1763800000001,
  TurnaroundPlanner1763800000002,
  Letters1763800000003,
  Ledger1763800000004,
  ReferralEstimate1763800000005,
  IssueClientWording1763800000006,
  QuickWinEffort1763800000007,
  CommitmentPartsAndLocale1763800000008,
  LetterConventions1763800000009,
  Reminders1763800000010,
  EmailSending1763800000011,
  RecordVersions1763800000012,
  LedgerClientMonths1763800000013,
  LedgerReadPaths1763800000014,
  ClientCommitmentKept1763800000015,
  EverydayReadPaths1763800000016,
  TouchpointsByClientDay1763800000017,
  PendingCheckIns1763800000018,
  ClientMonthsSums1763800000019,
]

export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((m) => new m().name ?? m.name)
