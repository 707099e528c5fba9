/**
 * What differs between the saved version of a record and what was typed in its form, field by
 * field, as a person reads it: the form's label and the value formatted (money, dates, words from
 * a list). Each form only declares its fields; the compare is the same for all of them.
 */

/** How one field reads: its label and, when its value is not plain text, how to write it. */
export type DiffField<V> = string | { label: string; show: (value: V) => string }

/** The fields to compare, in the order they are shown; a field left out is never compared. */
export type DiffFields<F> = { [K in keyof F]?: DiffField<F[K]> }

export interface DiffRow {
  label: string
  saved: string
  mine: string
}

/** Plain values as text: lists joined, yes/no, nothing as ''. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(plainText).join(', ')
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

/** A value as compared: text trimmed (main trims it on save), nothing and '' alike. */
function comparable(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return value.trim() === '' ? 'null' : JSON.stringify(value.trim())
  return JSON.stringify(value)
}

/** The rows of the fields whose values differ, each written as the form's reader would read it. */
export function differingFields<F extends object>(fields: DiffFields<F>, saved: F, mine: F): DiffRow[] {
  const rows: DiffRow[] = []
  for (const key of Object.keys(fields) as Array<keyof F & string>) {
    const field = fields[key] as DiffField<F[typeof key]> | undefined
    if (!field || comparable(saved[key]) === comparable(mine[key])) continue
    const show = typeof field === 'string' ? plainText : field.show
    rows.push({
      label: typeof field === 'string' ? field : field.label,
      saved: show(saved[key]),
      mine: show(mine[key]),
    })
  }
  return rows
}
