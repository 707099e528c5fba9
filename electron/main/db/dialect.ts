/**
 * The one place that knows which SQL dialect we run on. Queries elsewhere use TypeORM's
 * QueryBuilder and standard SQL only, so that a shared PostgreSQL database can come later.
 */

/** A LIKE pattern that matches `term` anywhere, with LIKE's wildcards escaped (use with ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export const LIKE_ESCAPE = "ESCAPE '\\'"

/** Timestamps are stored as ISO-8601 UTC text: portable, sortable, readable. */
export function timestamp(now: Date): string {
  return now.toISOString()
}
