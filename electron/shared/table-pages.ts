/**
 * The sizes a page of a long table may have: the tables' pagers offer these, and main serves a
 * page of letters in one of them (the letters' list refuses any other).
 */
export const TABLE_PAGE_SIZES = [25, 50, 100] as const
export type TablePageSize = (typeof TABLE_PAGE_SIZES)[number]

export const isTablePageSize = (n: number): n is TablePageSize => (TABLE_PAGE_SIZES as readonly number[]).includes(n)
