import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../electron/shared/contract'
import type { StaffMember } from '../../electron/shared/ledger/models'
import { api } from '../api'

/** Who works for the business and what an hour of their time costs it; the list follows every change. */
export const useStaffStore = defineStore('staff', () => {
  const staff = ref<StaffMember[]>([])
  let latest = 0

  async function loadStaff(): Promise<void> {
    const request = ++latest
    const list = await api.staff.list()
    if (request === latest) staff.value = list
  }

  async function saveStaff(input: Input<'staff:save'>): Promise<StaffMember> {
    const saved = await api.staff.save(input)
    await loadStaff()
    return saved
  }

  async function deleteStaff(id: number): Promise<void> {
    await api.staff.delete({ id })
    await loadStaff()
  }

  return { staff, loadStaff, saveStaff, deleteStaff }
})
