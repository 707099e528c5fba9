import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import type { ClientEntity } from './ClientEntity'

@Entity({ name: 'client_tags' })
@Index('idx_client_tags_tag', ['tag'])
export class ClientTagEntity {
  @PrimaryColumn({ name: 'client_id', type: 'integer' })
  clientId!: number

  @PrimaryColumn({ type: 'varchar', length: 40 })
  tag!: string

  @ManyToOne('ClientEntity', (c: ClientEntity) => c.tags, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity
}
