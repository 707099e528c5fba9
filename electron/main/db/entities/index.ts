import { BusinessProfileEntity } from './BusinessProfileEntity'
import { ClientEntity } from './ClientEntity'
import { ClientTagEntity } from './ClientTagEntity'

export { BusinessProfileEntity, ClientEntity, ClientTagEntity }

export const ENTITIES = [BusinessProfileEntity, ClientEntity, ClientTagEntity]
