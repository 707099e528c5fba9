/**
 * A letter's body as structured blocks. The PDF renderer draws each block's text as text: nothing a
 * user typed is ever read as markup, so "<b>Acme</b> & Sons" prints exactly like that.
 */
import { z } from 'zod'

const line = (max: number) => z.string().max(max, `Keep this under ${max} characters.`)
/** The block starts on a new page (a page break the template or the owner asked for). */
const newPage = z.boolean().optional()

export const HeadingBlock = z.strictObject({ type: z.literal('heading'), text: line(300), newPage })
export const ParagraphBlock = z.strictObject({ type: z.literal('paragraph'), text: line(20_000), newPage })
export const BulletsBlock = z.strictObject({
  type: z.literal('bullets'),
  items: z.array(line(5000)).max(200, 'Use at most 200 points in one list.'),
  newPage,
})
export const TableBlock = z.strictObject({
  type: z.literal('table'),
  columns: z.array(line(200)).min(1).max(6, 'A table can have at most 6 columns.'),
  rows: z.array(z.array(line(5000)).max(6)).max(500, 'A table can have at most 500 rows.'),
  /** Relative column widths, one per column. */
  widths: z.array(z.number().positive().max(100)).max(6).optional(),
  newPage,
})

export const Block = z.discriminatedUnion('type', [HeadingBlock, ParagraphBlock, BulletsBlock, TableBlock])
export const Blocks = z.array(Block).max(400, 'A letter can have at most 400 blocks.')

/** The most a letter's subject may hold. */
export const LETTER_SUBJECT_MAX = 300

/** The most text one letter may hold: its layout time stays bounded (a few seconds at most). */
export const LETTER_TEXT_MAX = 100_000

/** How many characters a letter's blocks hold (cells, items and headings included). */
export function textLengthOf(blocks: readonly z.output<typeof Block>[]): number {
  let total = 0
  for (const b of blocks) {
    if (b.type === 'bullets') for (const item of b.items) total += item.length
    else if (b.type === 'table') {
      for (const c of b.columns) total += c.length
      for (const row of b.rows) for (const cell of row) total += cell.length
    } else total += b.text.length
  }
  return total
}

/** Blocks a letter is written with (stored letters are read with Blocks: they were checked when written). */
export const LetterBlocks = Blocks.refine((blocks) => textLengthOf(blocks) <= LETTER_TEXT_MAX, {
  error: (issue) =>
    `The letter's text is ${thousands(textLengthOf(issue.input as LetterBlock[]))} characters; keep it under ${thousands(LETTER_TEXT_MAX)}.`,
})

/** 12345 as "12,345". */
export const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

export type HeadingBlockData = z.output<typeof HeadingBlock>
export type ParagraphBlockData = z.output<typeof ParagraphBlock>
export type BulletsBlockData = z.output<typeof BulletsBlock>
export type TableBlockData = z.output<typeof TableBlock>
export type LetterBlock = z.output<typeof Block>
export type BlockType = LetterBlock['type']
