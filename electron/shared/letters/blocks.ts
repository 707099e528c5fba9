/**
 * A letter's body as structured blocks. The PDF renderer draws each block's text as text: nothing a
 * user typed is ever read as markup, so "<b>Acme</b> & Sons" prints exactly like that.
 */
import { z } from 'zod'

const line = (max: number) => z.string().max(max, `Keep this under ${max} characters.`)

export const HeadingBlock = z.strictObject({ type: z.literal('heading'), text: line(300) })
export const ParagraphBlock = z.strictObject({ type: z.literal('paragraph'), text: line(20_000) })
export const BulletsBlock = z.strictObject({
  type: z.literal('bullets'),
  items: z.array(line(5000)).max(200, 'Use at most 200 points in one list.'),
})
export const TableBlock = z.strictObject({
  type: z.literal('table'),
  columns: z.array(line(200)).min(1).max(6, 'A table can have at most 6 columns.'),
  rows: z.array(z.array(line(5000)).max(6)).max(500, 'A table can have at most 500 rows.'),
  /** Relative column widths, one per column. */
  widths: z.array(z.number().positive().max(100)).max(6).optional(),
})

export const Block = z.discriminatedUnion('type', [HeadingBlock, ParagraphBlock, BulletsBlock, TableBlock])
export const Blocks = z.array(Block).max(400, 'A letter can have at most 400 blocks.')

export type HeadingBlockData = z.output<typeof HeadingBlock>
export type ParagraphBlockData = z.output<typeof ParagraphBlock>
export type BulletsBlockData = z.output<typeof BulletsBlock>
export type TableBlockData = z.output<typeof TableBlock>
export type LetterBlock = z.output<typeof Block>
export type BlockType = LetterBlock['type']
