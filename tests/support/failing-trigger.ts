import type { DataSource } from 'typeorm'
import { engineOf } from '../../electron/main/db/engine'

/**
 * A trigger that makes the insert of a ledger entry fail ("boom") when `condition` holds (an SQL
 * expression that may use NEW), for proving a failure in the middle of a write rolls it all back.
 * Both stop the statement as a constraint would (SQLite's RAISE(ABORT), a check violation on
 * PostgreSQL). Returns what takes it away again.
 */
export async function failInsertsWhen(ds: DataSource, condition: string): Promise<() => Promise<void>> {
  if (engineOf(ds).kind === 'postgres') {
    await ds.query(
      `CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF ${condition} THEN RAISE EXCEPTION 'boom' USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$`,
    )
    await ds.query('CREATE TRIGGER boom BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION boom()')
    return async () => {
      await ds.query('DROP TRIGGER IF EXISTS boom ON ledger_entries')
      await ds.query('DROP FUNCTION IF EXISTS boom()')
    }
  }
  await ds.query(
    `CREATE TEMP TRIGGER boom BEFORE INSERT ON ledger_entries WHEN ${condition} BEGIN SELECT RAISE(ABORT, 'boom'); END`,
  )
  return async () => void (await ds.query('DROP TRIGGER IF EXISTS temp.boom'))
}
