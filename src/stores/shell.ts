import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MenuCommand } from '../../electron/shared/words'
import { onMenuCommand, onNavigate } from '../api'

/**
 * Requests from the keyboard and the native menu that a page acts on (new client, find).
 * They stay pending until the page that handles them has taken them, even if it mounts later.
 */
export const useShellStore = defineStore('shell', () => {
  const newClientPending = ref(false)
  const findPending = ref(false)
  const requestNewClient = () => void (newClientPending.value = true)
  const requestFind = () => void (findPending.value = true)
  /** Listens to the native menu; returns the unsubscribe function. */
  const listenToMenu = (listener: (command: MenuCommand) => void): (() => void) => onMenuCommand(listener)
  /** Listens to main's requests to go to a page (a reminder or the tray clicked); returns the unsubscribe function. */
  const listenToNavigate = (listener: (path: string) => void): (() => void) => onNavigate(listener)
  return { newClientPending, findPending, requestNewClient, requestFind, listenToMenu, listenToNavigate }
})
