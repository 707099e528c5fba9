/**
 * How a feature writes its part of the IPC contract: for each channel, the schema its input must
 * pass and the type of its result, side by side. `returns<T>()` carries the result type only; it
 * is a type, never a value main or the renderer reads.
 */
import type { z } from 'zod'

export interface Route<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I
  /** The result's type; always undefined at run time. */
  readonly output: O
}

/** A channel of the contract: `'commitments:mark-done': route(CommitmentDoneInput, returns<TurnaroundDetail>())`. */
export function route<I extends z.ZodType, O>(input: I, _output: O): Route<I, O> {
  return { input, output: undefined as O }
}

/** The result type of a route, for `route()`'s second argument. */
export function returns<O>(): O {
  return undefined as O
}

export type Routes = Record<string, Route>

/** What a feature's handlers must be: one function per channel of its routes, given the parsed input. */
export type HandlersOf<R extends Routes> = {
  [C in keyof R]: (input: z.output<R[C]['input']>) => Promise<R[C]['output']> | R[C]['output']
}
