/**
 * The IPC contract: every feature's routes merged. Each feature writes its channels, their input
 * schemas and result types together in `<feature>/contract.ts`; this file only joins them and
 * derives the types main, the preload and the renderer use.
 */
import type { z } from 'zod'
import type { HandlersOf } from './contract-kit'
import { appearanceContract } from './appearance/contract'
import { backupsContract } from './backups/contract'
import { clientsContract } from './clients/contract'
import { emailContract } from './email/contract'
import { databaseContract } from './database/contract'
import { ledgerImportContract } from './ledger-import/contract'
import { ledgerContract } from './ledger/contract'
import { lettersContract } from './letters/contract'
import { profileContract } from './profile/contract'
import { remindersContract } from './reminders/contract'
import { sampleContract } from './sample/contract'
import { systemContract } from './system/contract'
import { turnaroundsContract } from './turnarounds/contract'

export const contract = {
  ...systemContract,
  ...profileContract,
  ...sampleContract,
  ...clientsContract,
  ...turnaroundsContract,
  ...lettersContract,
  ...ledgerContract,
  ...backupsContract,
  ...ledgerImportContract,
  ...emailContract,
  ...remindersContract,
  ...appearanceContract,
  ...databaseContract,
}

type Contract = typeof contract
export type Channel = keyof Contract & string

/** The input schema of every channel, as main parses it. */
export const inputSchemas: { [C in Channel]: Contract[C]['input'] } = Object.fromEntries(
  Object.entries(contract).map(([channel, r]) => [channel, r.input]),
) as { [C in Channel]: Contract[C]['input'] }

/** What a caller may send (defaults filled in by main). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives after parsing. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = Contract[C]['output']

/** Every channel's handler: main's feature handlers together must be exactly this. */
export type Handlers = HandlersOf<Contract>
