/** Input schemas of the ledger import's channels. */
import { z } from 'zod'
import { ENTRY_KINDS } from '../ledger/words'
import { BAD_ROW_POLICIES, DATE_FORMATS, TARGET_FIELDS } from './fields'
import { PRESET_IDS } from './presets'

/** A handle main gave for the file the user chose in the open dialog: never a path. */
export const token = z.string().regex(/^[0-9a-f-]{36}$/, 'Choose the file again.')

const columns = z.array(z.string().max(200)).max(4, 'Map at most four columns to one field.')

export const ImportMapping = z.strictObject({
  source: z.enum([...PRESET_IDS, 'custom']),
  fields: z.strictObject(
    Object.fromEntries(TARGET_FIELDS.map((f) => [f, columns.optional()])) as Record<
      (typeof TARGET_FIELDS)[number],
      z.ZodOptional<typeof columns>
    >,
  ),
  /** The kind of every row when no column holds the kind. */
  kind: z.enum(ENTRY_KINDS).nullable().default(null),
  dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
  createClients: z.boolean().default(false),
})
export type ImportMappingData = z.output<typeof ImportMapping>

export const ImportTokenInput = z.strictObject({ token })
export const ImportPreviewInput = z.strictObject({ token, mapping: ImportMapping })
export const ImportRunInput = z.strictObject({
  token,
  mapping: ImportMapping,
  badRows: z.enum(BAD_ROW_POLICIES).default('stop'),
})
