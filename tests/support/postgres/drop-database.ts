/**
 * Drops a run's throwaway database. `WITH (FORCE)` ends the run's own connections still open; it
 * cannot end an autovacuum worker busy on the database (the test role is no superuser: SQLSTATE
 * 42501), which a large benchmark's database often has at its end. A plain DROP DATABASE stops such
 * a worker itself, waiting for it, and is tried then, again while the database is still in use
 * (55006) for a few seconds.
 */
export async function dropDatabase(
  query: (sql: string) => Promise<unknown>,
  database: string,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  const code = (error: unknown) => (error as { code?: string }).code
  try {
    await query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    return
  } catch (error) {
    if (code(error) !== '42501') throw error
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await query(`DROP DATABASE IF EXISTS ${database}`)
      return
    } catch (error) {
      if (code(error) !== '55006' || attempt >= 10) throw error
      await pause(500)
    }
  }
}
