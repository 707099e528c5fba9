/**
 * The pieces every versioned form shares: which fields differ between the saved version and what
 * was typed (as a person reads them), the form's side of a refused save (useRecordConflict), and
 * the line saying who added a record and who changed it last.
 */
import { describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { formatsFor } from '../../electron/shared/format'
import { useRecordConflict } from '../../src/composables/useRecordConflict'
import { ApiError } from '../../src/errors'
import { authorLine } from '../../src/record-authors'
import { differingFields, plainText, type DiffFields } from '../../src/record-diff'

interface Entry {
  description: string
  amountMinor: number
  entryDate: string
  tags: string[]
  invoiceId: number | null
  note: string | null
}
const f = formatsFor('en-GB')
const FIELDS: DiffFields<Entry> = {
  description: 'Description',
  amountMinor: { label: 'Amount', show: (a) => f.money(a, 'GBP') },
  entryDate: { label: 'Date', show: (d) => f.date(d) },
  tags: 'Tags',
  invoiceId: { label: 'Settles invoice', show: (id) => (id === null ? 'Not for one invoice' : `Invoice ${id}`) },
}
const saved: Entry = {
  description: 'Reprint',
  amountMinor: 12_345,
  entryDate: '2026-12-03',
  tags: ['print'],
  invoiceId: null,
  note: 'not compared',
}

describe('differingFields', () => {
  it('lists only the fields that differ, in the order declared, with labels and formatted values', () => {
    const mine: Entry = { ...saved, amountMinor: 15_000, entryDate: '2026-12-04', invoiceId: 7, note: 'changed' }
    expect(differingFields(FIELDS, saved, mine)).toEqual([
      { label: 'Amount', saved: '£123.45', mine: '£150.00' },
      { label: 'Date', saved: '3 Dec 2026', mine: '4 Dec 2026' },
      { label: 'Settles invoice', saved: 'Not for one invoice', mine: 'Invoice 7' },
    ])
  })

  it('finds nothing when only undeclared fields, spaces at the ends or empty-versus-nothing differ', () => {
    const mine: Entry = { ...saved, description: '  Reprint ', note: 'other' }
    expect(differingFields(FIELDS, saved, mine)).toEqual([])
    expect(differingFields({ note: 'Note' }, { ...saved, note: null }, { ...saved, note: '' })).toEqual([])
  })

  it('compares lists by their items and writes them joined', () => {
    expect(differingFields(FIELDS, saved, { ...saved, tags: ['print', 'urgent'] })).toEqual([
      { label: 'Tags', saved: 'print', mine: 'print, urgent' },
    ])
  })

  it('writes plain values as a person reads them', () => {
    expect([plainText(null), plainText(true), plainText(false), plainText(3), plainText(['a', 'b'])]).toEqual([
      '',
      'Yes',
      'No',
      '3',
      'a, b',
    ])
  })
})

describe('useRecordConflict', () => {
  type Saved = Entry & { version: number }
  const conflictError = new ApiError({ code: 'CONFLICT', message: 'This ledger entry was changed by Sam at 10:42.' })
  function setUp(savedNow: Saved) {
    const form = ref<Entry>({ ...saved, description: 'Mine' })
    const save = vi.fn()
    const conflict = useRecordConflict({
      form,
      fields: FIELDS,
      fetchSaved: async () => savedNow,
      toForm: ({ version: _v, ...values }: Saved) => ({ ...values, tags: [...values.tags] }),
      save,
    })
    conflict.opened({ ...saved, version: 3 })
    return { form, save, conflict }
  }

  it('shows a refused save beside the saved version, and taking the saved one moves the form onto it', async () => {
    const { form, conflict, save } = setUp({ ...saved, description: 'Theirs', version: 4 })
    expect(conflict.version()).toBe(3)
    expect(await conflict.refused(new Error('offline'))).toBe(false)
    expect(await conflict.refused(conflictError)).toBe(true)
    expect(conflict.message.value).toBe('This ledger entry was changed by Sam at 10:42.')
    expect(conflict.rows.value).toEqual([{ label: 'Description', saved: 'Theirs', mine: 'Mine' }])
    // The record as now saved is the one whose authors the form shows.
    expect(conflict.latest.value).toMatchObject({ description: 'Theirs', version: 4 })
    // What was typed stays until the user chooses.
    expect(form.value.description).toBe('Mine')
    conflict.takeSaved()
    expect(form.value.description).toBe('Theirs')
    expect(conflict.version()).toBe(4)
    expect(conflict.message.value).toBeNull()
    expect(save).not.toHaveBeenCalled()
  })

  it('keeping mine saves the form again over the version now saved', async () => {
    const { form, conflict, save } = setUp({ ...saved, description: 'Theirs', version: 5 })
    await conflict.refused(conflictError)
    conflict.keepMine()
    expect(save).toHaveBeenCalledTimes(1)
    expect(conflict.version()).toBe(5)
    expect(form.value.description).toBe('Mine')
    expect(conflict.rows.value).toEqual([])
  })

  it('compares what a save would send when the form holds more than that', async () => {
    const form = ref<Entry>({ ...saved, invoiceId: 9 })
    const conflict = useRecordConflict({
      form,
      fields: FIELDS,
      fetchSaved: async () => ({ ...saved, version: 2 }),
      toForm: ({ version: _v, ...values }: Entry & { version: number }) => values,
      // An invoice settles no invoice: the hidden choice is not sent, so it is no difference.
      mine: () => ({ ...form.value, invoiceId: null }),
      save: () => {},
    })
    await conflict.refused(new ApiError({ code: 'CONFLICT', message: 'Changed.' }))
    expect(conflict.rows.value).toEqual([])
  })

  it('says the refusal in words when the saved version cannot be fetched (deleted meanwhile)', async () => {
    const form = ref<Entry>(saved)
    const conflict = useRecordConflict({
      form,
      fields: FIELDS,
      fetchSaved: () => Promise.reject(new Error('gone')),
      toForm: (r: Saved) => r,
      save: () => {},
    })
    expect(await conflict.refused(conflictError)).toBe(false)
    expect(conflict.message.value).toBeNull()
  })
})

describe('authorLine', () => {
  const now = new Date(2026, 11, 5, 16, 0)
  const stamp = (d: number, h: number, m: number) => new Date(2026, 11, d, h, m).toISOString()
  const added = stamp(3, 9, 15)

  it('says who added it and on which day, and who changed it last and when', () => {
    expect(
      authorLine({ createdBy: 'Dana', updatedBy: 'Sam', createdAt: added, updatedAt: stamp(5, 10, 42) }, now, f),
    ).toBe('Added by Dana on 3 Dec 2026 · last changed by Sam at 10:42')
    expect(
      authorLine({ createdBy: 'Dana', updatedBy: 'Sam', createdAt: added, updatedAt: stamp(4, 8, 0) }, now, f),
    ).toBe('Added by Dana on 3 Dec 2026 · last changed by Sam on 4 Dec 2026')
  })

  it('leaves out a change when there was none since it was added', () => {
    expect(authorLine({ createdBy: 'Dana', updatedBy: 'Dana', createdAt: added, updatedAt: added }, now, f)).toBe(
      'Added by Dana on 3 Dec 2026',
    )
  })

  it('names whoever is known, and says nothing when nobody was named', () => {
    const unnamed = { createdBy: '', updatedBy: '', createdAt: added, updatedAt: stamp(5, 10, 42) }
    expect(authorLine(unnamed, now, f)).toBe('')
    expect(authorLine({ ...unnamed, updatedBy: 'Sam' }, now, f)).toBe('Last changed by Sam at 10:42')
    expect(authorLine({ ...unnamed, createdBy: 'Dana' }, now, f)).toBe(
      'Added by Dana on 3 Dec 2026 · last changed at 10:42',
    )
  })
})
