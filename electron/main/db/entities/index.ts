import { ActionEntity } from './ActionEntity'
import { BusinessProfileEntity } from './BusinessProfileEntity'
import { ClientEntity } from './ClientEntity'
import { ClientTagEntity } from './ClientTagEntity'
import { CommitmentEntity } from './CommitmentEntity'
import { HandoverEntity } from './HandoverEntity'
import { IssueEntity } from './IssueEntity'
import { LetterEntity } from './LetterEntity'
import { LetterConventionsEntity } from './LetterConventionsEntity'
import { LetterheadEntity } from './LetterheadEntity'
import { LetterTemplateEntity } from './LetterTemplateEntity'
import { TouchpointEntity } from './TouchpointEntity'
import { TurnaroundEntity } from './TurnaroundEntity'
import { StaffEntity } from './StaffEntity'
import { LedgerEntryEntity } from './LedgerEntryEntity'
import { LedgerMonthTotalEntity } from './LedgerMonthTotalEntity'
import { LedgerClientMonthEntity } from './LedgerClientMonthEntity'
import { ClientDecisionEntity } from './ClientDecisionEntity'
import { EmailSettingsEntity } from './EmailSettingsEntity'
import { LetterEmailEntity } from './LetterEmailEntity'
import { ClientCommitmentPartEntity } from './ClientCommitmentPartEntity'
import { ReminderSentEntity, ReminderSettingsEntity } from './ReminderEntities'

export {
  ActionEntity,
  BusinessProfileEntity,
  ClientEntity,
  ClientTagEntity,
  CommitmentEntity,
  HandoverEntity,
  IssueEntity,
  TouchpointEntity,
  TurnaroundEntity,
}
export { LetterEntity, LetterheadEntity, LetterTemplateEntity, LetterConventionsEntity }
export { StaffEntity, LedgerEntryEntity, LedgerMonthTotalEntity, LedgerClientMonthEntity }
export { ClientDecisionEntity, ClientCommitmentPartEntity }
export { EmailSettingsEntity, LetterEmailEntity }
export { ReminderSentEntity, ReminderSettingsEntity }

export const ENTITIES = [
  BusinessProfileEntity,
  ClientEntity,
  ClientTagEntity,
  TurnaroundEntity,
  HandoverEntity,
  IssueEntity,
  ActionEntity,
  CommitmentEntity,
  TouchpointEntity,
  LetterheadEntity,
  LetterEntity,
  LetterTemplateEntity,
  LetterConventionsEntity,
  StaffEntity,
  LedgerEntryEntity,
  LedgerMonthTotalEntity,
  LedgerClientMonthEntity,
  ClientDecisionEntity,
  EmailSettingsEntity,
  LetterEmailEntity,
  ClientCommitmentPartEntity,
  ReminderSettingsEntity,
  ReminderSentEntity,
]
