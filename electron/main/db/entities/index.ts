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

export { ActionEntity, BusinessProfileEntity, ClientEntity, ClientTagEntity, CommitmentEntity, HandoverEntity, IssueEntity, TouchpointEntity, TurnaroundEntity }
export { LetterEntity, LetterheadEntity, LetterTemplateEntity }

export const ENTITIES = [BusinessProfileEntity, ClientEntity, ClientTagEntity, TurnaroundEntity, HandoverEntity, IssueEntity, ActionEntity, CommitmentEntity, TouchpointEntity, LetterheadEntity, LetterEntity, LetterTemplateEntity]
