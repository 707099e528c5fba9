import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * A client's referral value becomes "no estimate" (NULL: the owner's default counts) or an amount,
 * where 0 means nothing. Before, 0 stood for both; a stored 0 was always read as "no estimate", so
 * it becomes NULL and every figure stays as it was.
 */
export class ReferralEstimate1763800000005 implements MigrationInterface {
  name = 'ReferralEstimate1763800000005'

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clients ADD COLUMN referral_estimate_minor integer NULL')
    await q.query('UPDATE clients SET referral_estimate_minor = referral_value_minor WHERE referral_value_minor <> 0')
    await q.query('ALTER TABLE clients DROP COLUMN referral_value_minor')
    await q.query('ALTER TABLE clients RENAME COLUMN referral_estimate_minor TO referral_value_minor')
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clients ADD COLUMN referral_old_minor integer NOT NULL DEFAULT 0')
    await q.query('UPDATE clients SET referral_old_minor = COALESCE(referral_value_minor, 0)')
    await q.query('ALTER TABLE clients DROP COLUMN referral_value_minor')
    await q.query('ALTER TABLE clients RENAME COLUMN referral_old_minor TO referral_value_minor')
  }
}
