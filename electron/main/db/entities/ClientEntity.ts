import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm'
import type { ClientStatus } from '../../../shared/words'
import type { ClientTagEntity } from './ClientTagEntity'

@Entity({ name: 'clients' })
export class ClientEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number

  @Column({ type: 'varchar', length: 160 })
  name!: string

  @Column({ type: 'varchar', length: 160, default: '' })
  company!: string

  @Column({ name: 'contact_person', type: 'varchar', length: 120, default: '' })
  contactPerson!: string

  /** The contact's title for letters: Dr, Ms, Mr… */
  @Column({ name: 'contact_title', type: 'varchar', length: 40, default: '' })
  contactTitle!: string

  @Column({ type: 'varchar', length: 254, default: '' })
  email!: string

  @Column({ type: 'varchar', length: 40, default: '' })
  phone!: string

  @Column({ type: 'text', default: '' })
  address!: string

  @Column({ type: 'text', default: '' })
  notes!: string

  /** ISO date (YYYY-MM-DD): sorts and compares as text on every database. */
  @Column({ name: 'date_won', type: 'varchar', length: 10, nullable: true })
  dateWon!: string | null

  /** The owner's estimate of what the client's referrals are worth; null: no estimate (the default counts). */
  @Column({ name: 'referral_value_minor', type: 'integer', nullable: true })
  referralValueMinor!: number | null

  @Index('idx_clients_status')
  @Column({ type: 'varchar', length: 20 })
  status!: ClientStatus

  /** Folded name for sorting (see shared/text.ts). */
  @Index('idx_clients_name_key')
  @Column({ name: 'name_key', type: 'varchar', length: 160 })
  nameKey!: string

  /** Folded name, company, contact, email and tags for search. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string

  @Column({ name: 'archived_at', type: 'varchar', length: 30, nullable: true })
  archivedAt!: string | null

  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample!: boolean

  /** Raised by every edit, only by claimVersion (db/record-version.ts): save() never writes it. */
  @Column({ type: 'integer', default: 1, update: false })
  version!: number

  @Column({ name: 'created_by', type: 'varchar', length: 120, default: '', update: false })
  createdBy!: string

  @Column({ name: 'updated_by', type: 'varchar', length: 120, default: '', update: false })
  updatedBy!: string

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string

  @OneToMany('ClientTagEntity', (t: ClientTagEntity) => t.client)
  tags?: ClientTagEntity[]
}
