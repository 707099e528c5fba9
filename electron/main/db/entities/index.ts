import { ActionEntity } from './ActionEntity'
import { BusinessProfileEntity } from './BusinessProfileEntity'
import { ClientEntity } from './ClientEntity'
import { ClientTagEntity } from './ClientTagEntity'
import { CommitmentEntity } from './CommitmentEntity'
import { HandoverEntity } from './HandoverEntity'
import { IssueEntity } from './IssueEntity'
import { LetterEntity } from './LetterEntity'
import { LetterheadEntity } from './LetterheadEntity'
import { LetterTemplateEntity } from './LetterTemplateEntity'
import { TouchpointEntity } from './TouchpointEntity'
import { TurnaroundEntity } from './TurnaroundEntity'
import { StaffEntity } from './StaffEntity'
import { LedgerEntryEntity } from './LedgerEntryEntity'
import { LedgerMonthTotalEntity } from './LedgerMonthTotalEntity'
import { ClientDecisionEntity } from './ClientDecisionEntity'
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
export { LetterEntity, LetterheadEntity, LetterTemplateEntity }
export { StaffEntity, LedgerEntryEntity, LedgerMonthTotalEntity, ClientDecisionEntity }
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
  StaffEntity,
  LedgerEntryEntity,
  LedgerMonthTotalEntity,
  ClientDecisionEntity,
  ReminderSettingsEntity,
  ReminderSentEntity,
]
